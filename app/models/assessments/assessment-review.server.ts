// Staff's side of online assessments: the recent attempts at every assessment, and an upheld
// appeal's remedy on a recorded result (retake, regrade or annul).
import { db, type Db } from "../../db.server";
import type { AppealRemedy } from "../../../db/schema";
import { recordAudit } from "../moderation/audit.server";
import { fail, ok, type Result } from "../shared/result";
import { lockAttempt, numOrNull } from "./assessment-scoring.server";

/**
 * An upheld appeal's remedy on a recorded result (called inside the appeal's transaction):
 * `retake` lifts the cool-down after its attempt; `regrade` sets the score staff give (the attempt's
 * pass recomputed); `annul` removes the result (kept in the audit log) and voids the attempt, so it
 * neither counts nor holds a cool-down.
 */
export async function applyResultRemedy(
  trx: Db,
  {
    adminId,
    userId,
    resultId,
    remedy,
    score,
    now = new Date(),
  }: { adminId: number; userId: number; resultId: number; remedy: AppealRemedy; score?: number; now?: Date },
): Promise<Result<object>> {
  const before = await trx
    .selectFrom("assessment_results")
    .selectAll()
    .where("id", "=", resultId)
    .where("user_id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
  if (!before) return fail(404, "appeals.errors.subject");
  const attemptId = before.attempt_id;
  const attempt = attemptId === null ? undefined : await lockAttempt(trx, attemptId);
  if (remedy === "retake" && attempt) {
    await trx
      .updateTable("assessment_attempts")
      .set({ cooldown_waived_at: now })
      .where("id", "=", attempt.id)
      .execute();
  } else if (remedy === "regrade") {
    if (score === undefined) return fail(400, "appeals.errors.score", { score: "appeals.errors.score" });
    await trx.updateTable("assessment_results").set({ score }).where("id", "=", resultId).execute();
    if (attempt)
      await trx
        .updateTable("assessment_attempts")
        .set({ score, passed: attempt.pass_mark === null || score >= attempt.pass_mark })
        .where("id", "=", attempt.id)
        .execute();
  } else if (remedy === "annul") {
    if (attempt)
      await trx
        .updateTable("assessment_attempts")
        .set({ annulled_at: now, cooldown_waived_at: now })
        .where("id", "=", attempt.id)
        .execute();
    await trx.deleteFrom("assessment_results").where("id", "=", resultId).execute();
  }
  await recordAudit(trx, {
    actorId: adminId,
    action: `assessment.result.${remedy}`,
    targetType: "assessment_result",
    targetId: resultId,
    before: { score: Number(before.score), attempt: before.attempt, attemptId },
    after:
      remedy === "annul"
        ? null
        : { score: remedy === "regrade" ? score : Number(before.score), cooldownWaived: remedy === "retake" },
  });
  return ok({});
}

/** Recent attempts at every assessment, for staff. */
export async function listRecentAttempts({ limit = 30 }: { limit?: number } = {}) {
  const rows = await db
    .selectFrom("assessment_attempts as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .innerJoin("assessments as a", "a.slug", "t.assessment")
    .select(["t.id", "t.status", "t.started_at", "t.score", "t.passed", "u.username", "a.title"])
    .orderBy("t.started_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, score: numOrNull(r.score) }));
}
