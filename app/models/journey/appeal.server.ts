// Appeals: a learner may appeal any assessment decision or result. A short form, routed to staff
// (every admin is notified), decided with a reason that is recorded (audit log) and notified.
// What may be appealed is a registry of subject types: results recorded by staff ('result') are
// built in; the assessment engine registers its own (attempts, readiness refusals...).
import type { AppealRemedy } from "../../../db/schema";
import { db, type Db } from "../../db.server";
import { applyResultRemedy } from "../assessments/assessment-review.server";
import { recordAudit } from "../moderation/audit.server";
import { listStaffRecipients } from "../groups/learning-group.server";
import { notify } from "../account/notification.server";
import { fail, ok, type Result } from "../shared/result";
import { message } from "../account/notification-text";
import { portfolioAppeals } from "./portfolio-review.server";

export type AppealSubject = { type: string; id: number; title: string; detail: string; on: string };

type SubjectSource = {
  /** the member's decisions of this type that may be appealed, newest first */
  list(userId: number, conn: Db): Promise<AppealSubject[]>;
  /** one of the member's decisions, or undefined when it is not theirs */
  get(userId: number, id: number, conn: Db): Promise<AppealSubject | undefined>;
  /** carries out the remedy staff chose when upholding (sources without remedies omit it) */
  remedy?(
    trx: Db,
    r: { adminId: number; userId: number; id: number; remedy: AppealRemedy; score?: number },
  ): Promise<Result<object>>;
};

const resultsQuery = (conn: Db, userId: number) =>
  conn
    .selectFrom("assessment_results as r")
    .innerJoin("assessments as a", "a.slug", "r.assessment")
    .select(["r.id", "a.title", "r.score", "a.pass_mark", "r.taken_on", "r.attempt"])
    .where("r.user_id", "=", userId);

type ResultRow = {
  id: number;
  title: string;
  score: number;
  pass_mark: number | null;
  taken_on: string;
  attempt: number;
};
const resultSubject = (r: ResultRow): AppealSubject => ({
  type: "result",
  id: r.id,
  title: r.title,
  detail: `${r.score}%${r.pass_mark != null ? ` / ${r.pass_mark}%` : ""} · #${r.attempt}`,
  on: String(r.taken_on),
});

const sources = new Map<string, SubjectSource>([
  [
    "result",
    {
      list: async (userId, conn) =>
        (
          await resultsQuery(conn, userId)
            .orderBy("r.taken_on", "desc")
            .orderBy("r.attempt", "desc")
            .limit(100)
            .execute()
        ).map(resultSubject),
      get: async (userId, id, conn) => {
        const r = await resultsQuery(conn, userId).where("r.id", "=", id).executeTakeFirst();
        return r ? resultSubject(r) : undefined;
      },
      remedy: (trx, r) =>
        applyResultRemedy(trx, {
          adminId: r.adminId,
          userId: r.userId,
          resultId: r.id,
          remedy: r.remedy,
          score: r.score,
        }),
    },
  ],
  // a declined portfolio (issue 26): upholding reopens the panel's review
  ["portfolio", portfolioAppeals],
]);

/** For the assessment engine: makes another kind of decision appealable. */
export function registerAppealSubject(type: string, source: SubjectSource) {
  if (!/^[a-z_]{1,30}$/.test(type)) throw new Error(`bad appeal subject type ${type}`);
  sources.set(type, source);
}

/** What the member may appeal, with any appeal already made on each (a decided one closes the matter). */
export async function listAppealable(userId: number) {
  const subjects = (await Promise.all([...sources.values()].map((s) => s.list(userId, db)))).flat();
  const appeals = await listMyAppeals(userId);
  const on = (s: AppealSubject) => appeals.filter((a) => a.subject_type === s.type && a.subject_id === s.id);
  return subjects.map((s) => ({
    ...s,
    pending: on(s).some((a) => a.status === "pending"),
    closed: on(s).some((a) => a.status !== "pending"),
  }));
}

export async function listMyAppeals(userId: number) {
  return db
    .selectFrom("appeals")
    .select([
      "id",
      "subject_type",
      "subject_id",
      "reason",
      "status",
      "decided_at",
      "decision_reason",
      "remedy",
      "created_at",
    ])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .limit(100)
    .execute();
}

type NewAppeal = { userId: number; subjectType: string; subjectId: number; reason: string };

export async function createAppeal({
  userId,
  subjectType,
  subjectId,
  reason,
}: NewAppeal): Promise<Result<{ appealId: number }>> {
  const source = sources.get(subjectType);
  if (!source) return fail(422, "appeals.errors.subject");
  return db.transaction().execute(async (trx) => {
    // one appeal at a time per member
    await trx.selectFrom("users").select("id").where("id", "=", userId).forNoKeyUpdate().execute();
    const subject = await source.get(userId, subjectId, trx);
    if (!subject) return fail(404, "appeals.errors.subject");
    const earlier = await trx
      .selectFrom("appeals")
      .select("status")
      .where("user_id", "=", userId)
      .where("subject_type", "=", subjectType)
      .where("subject_id", "=", subjectId)
      .execute();
    if (earlier.some((a) => a.status === "pending")) return fail(409, "appeals.errors.pending");
    // one appeal per decision: once staff have decided, the matter is closed
    if (earlier.length) return fail(409, "appeals.errors.closed");
    const appeal = await trx
      .insertInto("appeals")
      .values({ user_id: userId, subject_type: subjectType, subject_id: subjectId, reason })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: userId,
      action: "appeal.create",
      targetType: "appeal",
      targetId: appeal.id,
      after: { subjectType, subjectId, reason },
    });
    const member = await trx
      .selectFrom("users")
      .select("display_name")
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    for (const s of await listStaffRecipients(trx)) {
      const text = message("appeals.notifyStaff", { name: member.display_name, title: subject.title });
      await notify(trx, {
        userId: s.id,
        kind: "application",
        actorId: userId,
        data: { text, href: "/admin/appeals" },
        sourceKey: `appeal:${appeal.id}`,
      });
    }
    return ok({ appealId: appeal.id });
  });
}

/** Staff queue: pending appeals oldest first, then the latest decided ones. */
export async function listAppealsForStaff() {
  const rows = await db
    .selectFrom("appeals as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .leftJoin("users as d", "d.id", "a.decided_by")
    .select([
      "a.id",
      "a.user_id",
      "a.subject_type",
      "a.subject_id",
      "a.reason",
      "a.status",
      "a.created_at",
      "a.decided_at",
      "a.decision_reason",
      "a.remedy",
      "u.username",
      "u.display_name",
      "d.display_name as decided_by_name",
    ])
    .orderBy(({ eb }) => eb.case().when("a.status", "=", "pending").then(0).else(1).end())
    .orderBy("a.created_at")
    .limit(200)
    .execute();
  const subjects = await Promise.all(rows.map((r) => sources.get(r.subject_type)?.get(r.user_id, r.subject_id, db)));
  return rows.map((r, i) => ({ ...r, subject: subjects[i] ?? null }));
}

type Decision = {
  adminId: number;
  appealId: number;
  decision: "upheld" | "dismissed";
  reason: string;
  remedy?: AppealRemedy;
  score?: number;
};

/**
 * Decides a pending appeal. Upholding one whose subject has remedies needs one (retake now, regrade,
 * annul), carried out in the same transaction; the decision, remedy and its effect are audited.
 */
export async function decideAppeal({
  adminId,
  appealId,
  decision,
  reason,
  remedy,
  score,
}: Decision): Promise<Result<{ appealId: number }>> {
  return db.transaction().execute(async (trx) => {
    const appeal = await trx
      .selectFrom("appeals")
      .select(["id", "user_id", "status", "subject_type", "subject_id"])
      .where("id", "=", appealId)
      .forUpdate()
      .executeTakeFirst();
    if (!appeal) return fail(404, "appeals.errors.notFound");
    if (appeal.status !== "pending") return fail(409, "appeals.errors.decided");
    const source = sources.get(appeal.subject_type);
    const chosen = decision === "upheld" && source?.remedy ? remedy : undefined;
    if (decision === "upheld" && source?.remedy) {
      if (!chosen) return fail(400, "appeals.errors.remedy", { remedy: "appeals.errors.remedy" });
      if (chosen === "regrade" && score === undefined)
        return fail(400, "appeals.errors.score", { score: "appeals.errors.score" });
      const applied = await source.remedy(trx, {
        adminId,
        userId: appeal.user_id,
        id: appeal.subject_id,
        remedy: chosen,
        score,
      });
      if (!applied.ok) return applied;
    }
    const now = new Date();
    await trx
      .updateTable("appeals")
      .set({ status: decision, decided_by: adminId, decided_at: now, decision_reason: reason, remedy: chosen ?? null })
      .where("id", "=", appealId)
      .execute();
    await recordAudit(trx, {
      actorId: adminId,
      action: `appeal.${decision}`,
      targetType: "appeal",
      targetId: appealId,
      before: { status: "pending" },
      after: { status: decision, reason, remedy: chosen ?? null, score: chosen === "regrade" ? score : undefined },
    });
    const text = [
      message(`appeals.notifyMember.${decision}`, { reason }),
      ...(chosen ? [message(`appeals.remedyDone.${chosen}`, score === undefined ? {} : { score })] : []),
    ];
    await notify(trx, {
      userId: appeal.user_id,
      kind: "progress",
      actorId: adminId,
      data: { text, href: "/my/appeals" },
      sourceKey: `appeal-decided:${appealId}`,
    });
    return ok({ appealId });
  });
}
