// Closing an attempt at an online assessment: scoring it on its saved answers ("Pass" / "Not yet
// passed") and writing the result the `assessment` requirement counts, in the same transaction, when
// the learner submits or when the time runs out. The other assessment-* files build on it.
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { GRACE_SECONDS } from "./assessment.schema";
import { enqueue } from "../../jobs.server";
import { recordAudit } from "../moderation/audit.server";

const graceMs = GRACE_SECONDS * 1000;
/** A numeric column as a number (pg returns numerics as strings), null kept. */
export const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export type AttemptRow = {
  id: number;
  user_id: number;
  assessment: string;
  status: string;
  deadline_at: Date | null;
  pass_mark: number | null;
};

/** Scores an attempt on its saved answers, closes it and writes the result, all in `trx`. */
export async function closeAttempt(trx: Db, attempt: AttemptRow, status: "submitted" | "expired", closedAt: Date) {
  await sql`update attempt_questions set is_correct = (coalesce(selected, '{}') @> correct and correct @>
      coalesce(selected, '{}'))
    where attempt_id = ${attempt.id}`.execute(trx);
  const { rows } = await sql<{
    score: string;
  }>`select round(100.0 * count(*) filter (where is_correct) / count(*), 2) as score
    from attempt_questions where attempt_id = ${attempt.id}`.execute(trx);
  const score = Number(rows[0].score);
  const passed = attempt.pass_mark === null || score >= attempt.pass_mark;
  await trx
    .updateTable("assessment_attempts")
    .set({ status, closed_at: closedAt, score, passed })
    .where("id", "=", attempt.id)
    .execute();
  // the same record a staff-typed result is: the `assessment` requirement counts it alike
  const result = await trx
    .insertInto("assessment_results")
    .values({
      user_id: attempt.user_id,
      assessment: attempt.assessment,
      score,
      taken_on: sql<string>`(${closedAt}::timestamptz at time zone (select time_zone from users
          where id = ${attempt.user_id}))::date`,
      attempt: sql<number>`(select coalesce(max(attempt), 0) + 1 from assessment_results
          where user_id = ${attempt.user_id} and assessment = ${attempt.assessment})`,
      attempt_id: attempt.id,
    })
    .returning(["id", "attempt"])
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actorId: status === "submitted" ? attempt.user_id : null,
    action: status === "submitted" ? "assessment.attempt.submit" : "assessment.attempt.expire",
    targetType: "assessment_attempt",
    targetId: attempt.id,
    after: { assessment: attempt.assessment, score, passed, resultId: result.id, resultAttempt: result.attempt },
  });
  // a pass aligned with a capability is evidence of the member's claim (competency-evidence.server.ts)
  if (passed) await enqueue(trx, "profile.reindex", { userId: attempt.user_id });
  return { score, passed };
}

export const expiredAt = (a: { deadline_at: Date | null }, now: Date) =>
  !!a.deadline_at && now.getTime() > a.deadline_at.getTime() + graceMs;

export async function lockAttempt(trx: Db, attemptId: number) {
  const a = await trx
    .selectFrom("assessment_attempts")
    .select(["id", "user_id", "assessment", "status", "deadline_at", "pass_mark"])
    .where("id", "=", attemptId)
    .forUpdate()
    .executeTakeFirst();
  return a && { ...a, pass_mark: numOrNull(a.pass_mark) };
}

/**
 * Open attempts whose time ran out without a submission are scored on the answers saved in time
 * and closed at their deadline. Called whenever a learner's attempts are looked at, so no process
 * has to stay up for it.
 */
export async function closeExpiredAttempts({ userId, now = new Date() }: { userId: number; now?: Date }) {
  const due = await db
    .selectFrom("assessment_attempts")
    .select("id")
    .where("user_id", "=", userId)
    .where("status", "=", "open")
    .where("deadline_at", "<", new Date(now.getTime() - graceMs))
    .execute();
  for (const { id } of due) {
    await db.transaction().execute(async (trx) => {
      const a = await lockAttempt(trx, id);
      if (a && a.status === "open" && expiredAt(a, now)) await closeAttempt(trx, a, "expired", a.deadline_at!);
    });
  }
}
