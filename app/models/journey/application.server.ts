// Applications for the next level: a member applies once their completion requirements are met;
// an admin approves (the member moves up, the old level's record closes, the new badge is
// granted, all in one transaction with its audit row) or rejects with a reason.
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { experienceField, type ApplicationInput } from "./application.schema";
import { awardLevelBadge } from "../badges/badge.server";
import { getStanding, unmetOnRoute, type Standing } from "./progress/index.server";
import { pickRoute } from "./progress/routes";
import { designationTarget } from "./designation.server";
import { decide, fileApplication, labelSource, type DecideFail, type DecisionTarget } from "./application-flow.server";
import { experienceColumn } from "./progress/experience-years.server";
import { parseParams, type ParamsOf } from "./requirement.schema";
import type { LabelSource } from "./requirement-label";
import { fail, ok, type Result } from "../shared/result";
import { localized } from "../shared/localized";
import { bothLanguages, message } from "../account/notification-text";

export type { DecideFail };

export type ExperienceToDeclare = {
  field: "customerFacingYears" | "managingYears";
  experience: ParamsOf<"experience_years">["experience"];
  minYears: number;
  label: LabelSource;
};

/**
 * Experience the application must declare: the target level's entry conditions and the current level's experience
 * completion conditions.
 */
async function experienceToDeclare(
  conn: Db,
  { currentLevel, target }: { currentLevel: number | null; target: number },
): Promise<ExperienceToDeclare[]> {
  const rows = await conn
    .selectFrom("level_requirements")
    .select(["level", "phase", "label", "label_fr", "params"])
    .where("kind", "=", "experience_years")
    .where("archived_at", "is", null)
    .where((eb) =>
      eb.or([
        eb.and([eb("level", "=", target), eb("phase", "=", "entry")]),
        eb.and([eb("level", "=", currentLevel ?? 0), eb("phase", "=", "completion")]),
      ]),
    )
    .orderBy("position")
    .execute();
  const out: ExperienceToDeclare[] = [];
  for (const r of rows) {
    const p = parseParams("experience_years", r.params);
    if (!p.success) continue;
    const label = { kind: "experience_years", label: r.label, label_fr: r.label_fr, params: p.data };
    out.push({
      field: experienceField(p.data.experience),
      experience: p.data.experience,
      minYears: p.data.minYears,
      label,
    });
  }
  return out;
}

export type ApplyState = {
  standing: Standing;
  target: number | null;
  targetName: string | null;
  pending: { id: number; level: number; createdAt: Date } | null;
  experience: ExperienceToDeclare[];
};

/** `lang`: the reader's language, for the target level's name. */
export async function getApplyState({
  userId,
  lang = "en",
}: {
  userId: number;
  lang?: string;
}): Promise<ApplyState | undefined> {
  const standing = await getStanding(db, { userId, itemLimit: 0 });
  if (!standing) return undefined;
  const current = standing.level?.number ?? null;
  const target = current === null ? 1 : current < 4 ? current + 1 : null;
  const [pending, level, experience] = await Promise.all([
    db
      .selectFrom("applications")
      .select(["id", "level", "created_at"])
      .where("user_id", "=", userId)
      .where("status", "=", "pending")
      .where("level", "is not", null)
      .$narrowType<{ level: number }>()
      .executeTakeFirst(),
    target
      ? db.selectFrom("levels").select(["name", "name_fr"]).where("number", "=", target).executeTakeFirst()
      : undefined,
    target ? experienceToDeclare(db, { currentLevel: current, target }) : [],
  ]);
  return {
    standing,
    target,
    targetName: level ? localized(level, "name", lang) : null,
    pending: pending ? { id: pending.id, level: pending.level, createdAt: pending.created_at } : null,
    experience,
  };
}

export async function createApplication({
  userId,
  input,
}: {
  userId: number;
  input: ApplicationInput;
}): Promise<Result<{ applicationId: number; level: number }>> {
  const state = await getApplyState({ userId });
  if (!state) return fail(404, "errors.notFound");
  // recruiters, judges and staff-only accounts are not on the journey
  const member = await db
    .selectFrom("user_roles")
    .select("role")
    .where("user_id", "=", userId)
    .where("role", "=", "member")
    .executeTakeFirst();
  if (!member) return fail(403, "progress.apply.errors.notMember");
  if (state.pending) return fail(409, "progress.apply.errors.alreadyPending");
  if (!state.target) return fail(409, "progress.apply.errors.topLevel");
  if (state.target > 1 && !state.standing.canApplyForNext) return fail(409, "progress.apply.errors.notReady");
  // a level reached by alternative routes: the member's choice, or the closest ready one
  const route = pickRoute(state.standing.routes, input.routeId);
  if (state.standing.routes.length && state.target > 1 && !route)
    return fail(400, "form.fixErrors", { routeId: "credentialRoutes.errors.routeNotReady" });
  const fields: Record<string, string> = {};
  for (const e of state.experience) {
    const declared = input[e.field];
    if (declared === undefined || declared < e.minYears) fields[e.field] = "progress.apply.errors.experienceShort";
  }
  if (Object.keys(fields).length) return fail(400, "form.fixErrors", fields);
  const filed = await fileApplication({
    userId,
    input,
    target: { level: state.target, route: input.route, routeId: route?.id ?? null },
    audit: { level: state.target },
    pendingError: "progress.apply.errors.alreadyPending",
  });
  return filed.ok ? ok({ applicationId: filed.applicationId, level: state.target }) : filed;
}

/** The name of what an application is for: the level's, or the designation's (both languages). */
const targetNames = [
  sql<string>`coalesce(l.name, dt.name)`.as("level_name"),
  sql<string | null>`coalesce(l.name_fr, dt.name_fr)`.as("level_name_fr"),
] as const;

export async function listPendingApplications() {
  return db
    .selectFrom("applications as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .leftJoin("levels as l", "l.number", "a.level")
    .leftJoin("designation_types as dt", "dt.code", "a.designation")
    .select(["a.id", "a.level", "a.designation", "a.created_at", "u.username", "u.display_name", ...targetNames])
    .select(sql<number>`floor(extract(epoch from now() - a.created_at) / 86400)::int`.as("age_days"))
    .select(sql<number>`floor(extract(epoch from now() - a.created_at) / 3600)::int`.as("age_hours"))
    .where("a.status", "=", "pending")
    .orderBy("a.created_at")
    .orderBy("a.id")
    .limit(200)
    .execute();
}

export async function getApplication({ id }: { id: number }) {
  return db
    .selectFrom("applications as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .leftJoin("levels as l", "l.number", "a.level")
    .leftJoin("designation_types as dt", "dt.code", "a.designation")
    .leftJoin("users as d", "d.id", "a.decided_by")
    .leftJoin("requirement_routes as rr", "rr.id", "a.route_id")
    .selectAll("a")
    .select([
      "u.username",
      "u.display_name",
      "u.email",
      ...targetNames,
      "d.username as decided_by_username",
      "rr.name as route_name",
      "rr.name_fr as route_name_fr",
    ])
    .where("a.id", "=", id)
    .executeTakeFirst();
}

export async function listMyApplications({ userId }: { userId: number }) {
  return db
    .selectFrom("applications as a")
    .innerJoin("levels as l", "l.number", "a.level")
    .select([
      "a.id",
      "a.level",
      "a.status",
      "a.created_at",
      "a.decided_at",
      "a.decision_reason",
      "l.name as level_name",
      "l.name_fr as level_name_fr",
      "l.name_fr as level_name_fr",
    ])
    .where("a.user_id", "=", userId)
    .where("a.level", "is not", null) // designation applications show beside their designation
    .$narrowType<{ level: number }>()
    .orderBy("a.created_at", "desc")
    .limit(20)
    .execute();
}

/**
 * Approves or rejects a waiting application. Approving when the applicant's completion
 * requirements are no longer met is refused with the list of what is missing, unless the admin confirms.
 */
export async function decideApplication({
  adminId,
  applicationId,
  decision,
  reason,
  confirmUnmet = false,
  now = new Date(),
}: {
  adminId: number;
  applicationId: number;
  decision: "approve" | "reject";
  reason: string;
  confirmUnmet?: boolean;
  now?: Date;
}): Promise<Result<{ status: "approved" | "rejected"; badgeId?: string }> | DecideFail> {
  if (decision === "reject" && reason.trim().length < 3)
    return fail(400, "form.fixErrors", { reason: "admin.applications.errors.reasonRequired" });
  return db.transaction().execute(async (trx) => {
    const app = await trx
      .selectFrom("applications")
      .selectAll()
      .where("id", "=", applicationId)
      .forUpdate()
      .executeTakeFirst();
    if (!app) return fail(404, "errors.notFound");
    if (app.status !== "pending") return fail(409, "admin.applications.errors.decided");
    // the member row is locked too: a concurrent decision on the same member waits here
    const member = await trx
      .selectFrom("users")
      .select(["id", "level", "locale"])
      .where("id", "=", app.user_id)
      .forNoKeyUpdate()
      .executeTakeFirstOrThrow();
    const target =
      app.designation !== null
        ? await designationTarget(trx, { adminId, app: { ...app, designation: app.designation }, now })
        : await levelTarget(trx, { adminId, app, member, now });
    return decide(trx, { adminId, app, decision, reason, confirmUnmet, now }, target);
  });
}

type LevelApplication = {
  id: number;
  user_id: number;
  level: number | null;
  route_id: number | null;
  customer_facing_years: number | null;
  managing_years: number | null;
};

/** A level application's checks and grant: the member moves up, the old level's record closes, the badge is awarded. */
async function levelTarget(
  trx: Db,
  {
    adminId,
    app,
    member,
    now,
  }: { adminId: number; app: LevelApplication; member: { level: number | null }; now: Date },
): Promise<DecisionTarget> {
  if (app.level === null) throw new Error(`application ${app.id} has no target`);
  const appLevel = app.level;
  const level = await trx
    .selectFrom("levels")
    .select(["name", "name_fr"])
    .where("number", "=", appLevel)
    .executeTakeFirstOrThrow();
  return {
    name: level,
    url: "/progress",
    approvedText: message("progress.notify.approved", { level: bothLanguages(level, "name") }),
    unmet: async () => {
      if ((member.level ?? 0) !== appLevel - 1) return fail(409, "admin.applications.errors.levelChanged");
      if (appLevel === 1) return [];
      const standing = await getStanding(trx, { userId: app.user_id, now, itemLimit: 0 });
      // the route the application names is the one checked; without routes, every completion requirement
      const onRoute = standing?.routes.length
        ? unmetOnRoute(standing.requirements, app.route_id).filter((r) => r.phase === "completion")
        : null;
      const unmet: LabelSource[] = (onRoute ?? standing?.missingForNext ?? []).map(labelSource);
      // declared experience must still reach the thresholds the admin is verifying
      for (const e of await experienceToDeclare(trx, { currentLevel: member.level, target: appLevel })) {
        const declared = app[experienceColumn(e.experience)];
        if (declared === null || Number(declared) < e.minYears) unmet.push(e.label);
      }
      return unmet;
    },
    grant: async () => {
      await trx
        .updateTable("level_history")
        .set({ left_at: now })
        .where("user_id", "=", app.user_id)
        .where("left_at", "is", null)
        .execute();
      await trx
        .insertInto("level_history")
        .values({ user_id: app.user_id, level: appLevel, entered_at: now, decided_by: adminId, application_id: app.id })
        .execute();
      await trx.updateTable("users").set({ level: appLevel }).where("id", "=", app.user_id).execute();
      await enqueue(trx, "profile.reindex", { userId: app.user_id }); // the directory shows the new level
      const badge = await awardLevelBadge(trx, {
        userId: app.user_id,
        level: appLevel,
        awardedBy: adminId,
        applicationId: app.id,
        at: now,
      });
      return {
        before: { level: member.level },
        after: { level: appLevel, badge: badge.public_id },
        badgeId: badge.public_id,
      };
    },
  };
}

/** Who decided what, newest first: the audit rows of one application. */
export async function listApplicationAudit({ applicationId }: { applicationId: number }) {
  return db
    .selectFrom("audit_log as a")
    .leftJoin("users as u", "u.id", "a.actor_id")
    .select(["a.id", "a.action", "a.at", "u.username", "u.display_name"])
    .where("a.target_type", "=", "application")
    .where("a.target_id", "=", String(applicationId))
    .orderBy("a.at", "desc")
    .execute();
}
