// Applying for a designation (CCSM) through one of its routes, and the admin's decision: the route
// the application names is the one checked. Approval records the designation on the profile (and
// in the directory) in the same transaction as the decision, its audit row and the notification.
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { sharedI18n } from "../../i18n";
import { applicationEvidence, type ApplicationInput } from "./application.schema";
import { recordAudit } from "../moderation/audit.server";
import { notify } from "../account/notification.server";
import { bothLanguages, message } from "../account/notification-text";
import { getDesignationStandings, type DesignationStanding } from "./progress/designations.server";
import { getStanding } from "./progress/index.server";
import { declaredOnApplication, pickRoute } from "./progress/routes";
import type { EvaluatedRequirement } from "./progress/types";
import { requirementLabel } from "./requirement-label";
import { fail, ok, type Result } from "../shared/result";

/** The member's standing on one designation (undefined: no such designation, or no such member). */
export async function getDesignationApplyState(conn: Db, { userId, code }: { userId: number; code: string }) {
  const standing = await getStanding(conn, { userId, itemLimit: 0 });
  if (!standing) return undefined;
  const [designation] = await getDesignationStandings(conn, { standing, code: code.toUpperCase(), itemLimit: 0 });
  return designation && { standing, designation };
}

type Declared = { customerFacingYears?: number; managingYears?: number };
const declaredField = (experience: unknown) =>
  (experience === "customer_facing" ? "customerFacingYears" : "managingYears") as keyof Declared;

/** Experience the route asks for that is not verified yet: declared on the application, at least the minimum. */
function experienceShort(requirements: EvaluatedRequirement[], declared: Declared) {
  const fields: Record<string, string> = {};
  for (const r of requirements) {
    if (!declaredOnApplication(r) || r.progress.status === "met") continue;
    const field = declaredField(r.params.experience);
    const years = declared[field];
    if (years === undefined || years < Number(r.params.minYears))
      fields[field] = "credentialRoutes.errors.experienceShort";
  }
  return fields;
}

const routeRequirements = (d: DesignationStanding, routeId: number) =>
  d.requirements.filter((r) => !r.routeId || r.routeId === routeId);

export async function createDesignationApplication({
  userId,
  code,
  input,
}: {
  userId: number;
  code: string;
  input: ApplicationInput;
}): Promise<Result<{ applicationId: number }>> {
  const state = await getDesignationApplyState(db, { userId, code });
  if (!state) return fail(404, "errors.notFound");
  const d = state.designation;
  if (d.held) return fail(409, "credentialRoutes.errors.held");
  if (d.pending) return fail(409, "credentialRoutes.errors.alreadyPending");
  if (!d.eligible) return fail(409, "credentialRoutes.errors.level");
  const route = pickRoute(d.routes, input.routeId);
  if (!route)
    return fail(
      input.routeId ? 400 : 409,
      input.routeId ? "form.fixErrors" : "credentialRoutes.errors.notReady",
      input.routeId ? { routeId: "credentialRoutes.errors.routeNotReady" } : undefined,
    );
  const fields = experienceShort(routeRequirements(d, route.id), input);
  if (Object.keys(fields).length) return fail(400, "form.fixErrors", fields);
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("applications")
        .values({
          user_id: userId,
          level: null,
          designation: d.code,
          route_id: route.id,
          ...applicationEvidence(input),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorId: userId,
        action: "application.submit",
        targetType: "application",
        targetId: row.id,
        after: { designation: d.code, route: route.key },
      });
      return ok({ applicationId: row.id });
    });
  } catch (e) {
    // two submissions racing: the partial unique index keeps one per member and designation
    if (
      typeof e === "object" &&
      e !== null &&
      (e as { constraint?: string }).constraint === "applications_pending_user_idx"
    )
      return fail(409, "credentialRoutes.errors.alreadyPending");
    throw e;
  }
}

type Decision = {
  adminId: number;
  app: {
    id: number;
    user_id: number;
    designation: string;
    route_id: number | null;
    customer_facing_years: number | null;
    managing_years: number | null;
  };
  decision: "approve" | "reject";
  reason: string;
  confirmUnmet: boolean;
  now: Date;
};

/** Called by decideApplication inside its transaction, with the application and the member locked. */
export async function decideDesignation(trx: Db, { adminId, app, decision, reason, confirmUnmet, now }: Decision) {
  const type = await trx
    .selectFrom("designation_types")
    .select(["code", "name", "name_fr"])
    .where("code", "=", app.designation)
    .executeTakeFirstOrThrow();
  const sourceKey = `application:${app.id}:decided`;
  if (decision === "reject") {
    await trx
      .updateTable("applications")
      .set({ status: "rejected", decided_by: adminId, decided_at: now, decision_reason: reason.trim() })
      .where("id", "=", app.id)
      .execute();
    await recordAudit(trx, {
      actorId: adminId,
      action: "application.reject",
      targetType: "application",
      targetId: app.id,
      before: { status: "pending" },
      after: { status: "rejected", reason: reason.trim() },
    });
    await notify(trx, {
      userId: app.user_id,
      kind: "application",
      actorId: adminId,
      sourceKey,
      data: {
        text: message("progress.notify.rejected", { level: bothLanguages(type, "name") }),
        url: "/progress#designations",
      },
    });
    return ok({ status: "rejected" as const });
  }

  // the route the application names, evaluated now; experience counts as declared on the application
  const state = await getDesignationApplyState(trx, { userId: app.user_id, code: app.designation });
  const d = state?.designation;
  if (!d || d.held) return fail(409, "credentialRoutes.errors.held");
  const en = sharedI18n("en").t;
  const declared = {
    customerFacingYears: app.customer_facing_years ?? undefined,
    managingYears: app.managing_years ?? undefined,
  };
  const onRoute = app.route_id && d.routes.some((r) => r.id === app.route_id) ? routeRequirements(d, app.route_id) : [];
  const short = experienceShort(onRoute, {
    customerFacingYears: num(declared.customerFacingYears),
    managingYears: num(declared.managingYears),
  });
  const unmet = onRoute.length
    ? onRoute
        .filter((r) =>
          declaredOnApplication(r) ? !!short[declaredField(r.params.experience)] : r.progress.status !== "met",
        )
        .map((r) => requirementLabel(en, r))
    : [en("credentialRoutes.errors.noRoute")];
  if (unmet.length && !confirmUnmet) return { ...fail(409, "admin.applications.warnUnmet"), unmet };

  const { rows } = await sql<{
    today: string;
  }>`select to_char(${now}::timestamptz at time zone u.time_zone, 'YYYY-MM-DD') as today
    from users u where u.id = ${app.user_id}`.execute(trx);
  await trx
    .insertInto("designations")
    .values({ user_id: app.user_id, code: app.designation, awarded_on: rows[0].today, recorded_by: adminId })
    .execute();
  await trx
    .updateTable("applications")
    .set({
      status: "approved",
      decided_by: adminId,
      decided_at: now,
      decision_reason: reason.trim() || null,
      experience_verified: true,
    })
    .where("id", "=", app.id)
    .execute();
  await enqueue(trx, "profile.reindex", { userId: app.user_id }); // the directory shows the designation
  const route = d.routes.find((r) => r.id === app.route_id);
  await recordAudit(trx, {
    actorId: adminId,
    action: "application.approve",
    targetType: "application",
    targetId: app.id,
    before: { status: "pending" },
    after: {
      status: "approved",
      designation: app.designation,
      route: route?.key ?? null,
      ...(unmet.length ? { confirmedUnmet: unmet } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    },
  });
  await notify(trx, {
    userId: app.user_id,
    kind: "application",
    actorId: adminId,
    sourceKey,
    data: {
      text: message("credentialRoutes.notify.approved", { designation: bothLanguages(type, "name") }),
      url: "/progress#designations",
      ...(reason.trim() ? { note: reason.trim() } : {}),
    },
  });
  return ok({ status: "approved" as const });
}

const num = (v: unknown) => (v === undefined || v === null ? undefined : Number(v));
