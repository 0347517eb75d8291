// Issue 22 point 8: an upheld appeal carries out a remedy (retake now, regrade, annul), records it and
// closes the matter; right answers are withheld after a fail while the bank is small enough to memorise.
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { createAppeal, decideAppeal, listAppealable } from "~/models/journey/appeal.server";
import { getAttempt, saveAnswers, startAttempt, submitAttempt } from "~/models/assessments/assessment-attempt.server";
import { VISITOR, type Scope } from "~/models/permissions.server";
import { createBank, putOnline } from "../factories/assessments";
import { createMember } from "../factories/progress";
import { createAdmin } from "../factories/users";
import { wordedAs } from "../factories/notifications";

const TEST = "aptitude-test-2.0"; // level 1, pass mark 85
const scopeOf = (u: { id: number }): Scope => ({ ...VISITOR, userId: u.id, isMember: true, level: 1 });
const REASON = "The third question had two defensible answers.";

/** A learner who failed an online attempt an hour ago, inside a 48-hour cool-down, and appealed it. */
async function failedAndAppealed() {
  const bank = await createBank({ size: 6 });
  await putOnline(TEST, bank.id, { count: 5, cooldownHours: 48 });
  const admin = await createAdmin();
  const m = await createMember({ level: 1 });
  const start = await startAttempt({ userId: m.id, slug: TEST });
  if (!start.ok) throw new Error(start.message);
  expect(await submitAttempt({ userId: m.id, attemptId: start.attemptId })).toMatchObject({ ok: true, passed: false });
  const result = await db
    .selectFrom("assessment_results")
    .select("id")
    .where("attempt_id", "=", start.attemptId)
    .executeTakeFirstOrThrow();
  const appeal = await createAppeal({ userId: m.id, subjectType: "result", subjectId: result.id, reason: REASON });
  if (!appeal.ok) throw new Error(appeal.message);
  return { admin, m, attemptId: start.attemptId, resultId: result.id, appealId: appeal.appealId };
}

const auditOf = (resultId: number) =>
  db
    .selectFrom("audit_log")
    .select(["action", "before", "after"])
    .where("target_type", "=", "assessment_result")
    .where("target_id", "=", String(resultId))
    .execute();

describe("upholding an appeal", () => {
  test("upholding a result needs a remedy; nothing changes without one", async () => {
    const { admin, m, appealId } = await failedAndAppealed();
    expect(
      await decideAppeal({
        adminId: admin.id,
        appealId,
        decision: "upheld",
        reason: "The question was ambiguous indeed.",
      }),
    ).toMatchObject({ ok: false, status: 400, message: "appeals.errors.remedy" });
    expect(
      await decideAppeal({
        adminId: admin.id,
        appealId,
        decision: "upheld",
        reason: "The question was ambiguous indeed.",
        remedy: "regrade",
      }),
    ).toMatchObject({ ok: false, message: "appeals.errors.score" });
    expect(
      (await db.selectFrom("appeals").select("status").where("id", "=", appealId).executeTakeFirstOrThrow()).status,
    ).toBe("pending");
    expect(await startAttempt({ userId: m.id, slug: TEST })).toMatchObject({
      ok: false,
      message: "assessments.errors.cooldown",
    });
  });

  test("retake now: cool-down lifted at once and recorded; the same result cannot be appealed again", async () => {
    const { admin, m, resultId, appealId } = await failedAndAppealed();
    expect(
      await decideAppeal({
        adminId: admin.id,
        appealId,
        decision: "upheld",
        reason: "The question was ambiguous indeed.",
        remedy: "retake",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await db.selectFrom("appeals").select(["status", "remedy"]).where("id", "=", appealId).executeTakeFirstOrThrow(),
    ).toEqual({ status: "upheld", remedy: "retake" });
    expect((await auditOf(resultId)).map((a) => a.action)).toEqual(["assessment.result.retake"]);
    expect(await startAttempt({ userId: m.id, slug: TEST })).toMatchObject({ ok: true, resumed: false });
    // the matter is closed: a second appeal of the same result is refused, and the page says so
    expect(
      await createAppeal({ userId: m.id, subjectType: "result", subjectId: resultId, reason: REASON }),
    ).toMatchObject({ ok: false, status: 409, message: "appeals.errors.closed" });
    expect((await listAppealable(m.id)).find((s) => s.id === resultId)).toMatchObject({ pending: false, closed: true });
    const told = await db
      .selectFrom("notifications")
      .select("data")
      .where("user_id", "=", m.id)
      .where("source_key", "=", `appeal-decided:${appealId}`)
      .executeTakeFirstOrThrow();
    expect(wordedAs("en", told!)).toContain("retake the assessment now");
  });

  test("regrade: the new score stands on the result and the attempt (a pass ends the assessment)", async () => {
    const { admin, m, attemptId, resultId, appealId } = await failedAndAppealed();
    expect(
      await decideAppeal({
        adminId: admin.id,
        appealId,
        decision: "upheld",
        reason: "Marked against the wrong key.",
        remedy: "regrade",
        score: 90,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await db.selectFrom("assessment_results").select("score").where("id", "=", resultId).executeTakeFirstOrThrow(),
    ).toEqual({ score: 90 });
    expect(
      await db
        .selectFrom("assessment_attempts")
        .select(["score", "passed"])
        .where("id", "=", attemptId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ score: 90, passed: true });
    expect(await auditOf(resultId)).toEqual([
      {
        action: "assessment.result.regrade",
        before: expect.objectContaining({ score: 0 }),
        after: expect.objectContaining({ score: 90 }),
      },
    ]);
    expect(await startAttempt({ userId: m.id, slug: TEST })).toMatchObject({
      ok: false,
      message: "assessments.errors.passed",
    });
  });

  test("annul: the result is gone (kept in the audit log), the attempt is marked and holds no cool-down", async () => {
    const { admin, m, attemptId, resultId, appealId } = await failedAndAppealed();
    expect(
      await decideAppeal({
        adminId: admin.id,
        appealId,
        decision: "upheld",
        reason: "A power cut ended the attempt.",
        remedy: "annul",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await db.selectFrom("assessment_results").select("id").where("id", "=", resultId).executeTakeFirst(),
    ).toBeUndefined();
    const attempt = await db
      .selectFrom("assessment_attempts")
      .select(["annulled_at"])
      .where("id", "=", attemptId)
      .executeTakeFirstOrThrow();
    expect(attempt.annulled_at).toBeInstanceOf(Date);
    expect((await auditOf(resultId))[0]).toMatchObject({
      action: "assessment.result.annul",
      before: { score: 0, attemptId },
    });
    expect(await startAttempt({ userId: m.id, slug: TEST })).toMatchObject({ ok: true });
  });

  test("a dismissed appeal also closes the matter", async () => {
    const { admin, m, resultId, appealId } = await failedAndAppealed();
    expect(
      await decideAppeal({
        adminId: admin.id,
        appealId,
        decision: "dismissed",
        reason: "Both answers were checked: one is right.",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await createAppeal({ userId: m.id, subjectType: "result", subjectId: resultId, reason: REASON }),
    ).toMatchObject({ ok: false, message: "appeals.errors.closed" });
    expect(await startAttempt({ userId: m.id, slug: TEST })).toMatchObject({
      ok: false,
      message: "assessments.errors.cooldown",
    });
  });
});

describe("right answers after a fail", () => {
  async function failedWith(size: number, revealRatio?: number) {
    const bank = await createBank({ size });
    await putOnline(TEST, bank.id, { count: 4, revealRatio });
    const m = await createMember({ level: 1 });
    const start = await startAttempt({ userId: m.id, slug: TEST });
    if (!start.ok) throw new Error(start.message);
    await submitAttempt({ userId: m.id, attemptId: start.attemptId });
    return { m, attemptId: start.attemptId };
  }

  test(
    "withheld from the learner while the bank holds fewer than 3 times the questions drawn (default); staff still " +
      "see them",
    async () => {
      const { m, attemptId } = await failedWith(8);
      const view = await getAttempt({ attemptId, scope: scopeOf(m) });
      expect(view?.answersWithheld).toBe(true);
      expect(view?.questions.every((q) => q.correct === null && q.explanation === null && q.isCorrect === false)).toBe(
        true,
      );
      const admin = await createAdmin();
      const staffView = await getAttempt({ attemptId, scope: { ...scopeOf(admin), isStaff: true } });
      expect(staffView?.questions.every((q) => q.correct?.length === 1)).toBe(true);
    },
  );

  test("shown when the bank is large enough, or when staff set the ratio to 0", async () => {
    for (const [size, ratio] of [
      [12, undefined],
      [4, 0],
    ] as const) {
      const { m, attemptId } = await failedWith(size, ratio);
      const view = await getAttempt({ attemptId, scope: scopeOf(m) });
      expect(view?.answersWithheld).toBe(false);
      expect(view?.questions.every((q) => q.correct?.[0] === "a")).toBe(true);
    }
  });
});

test("saving answers reports how many are answered, for the page's counter", async () => {
  const bank = await createBank({ size: 4 });
  await putOnline(TEST, bank.id, { count: 4 });
  const m = await createMember({ level: 1 });
  const start = await startAttempt({ userId: m.id, slug: TEST });
  if (!start.ok) throw new Error(start.message);
  const q = await db
    .selectFrom("attempt_questions")
    .select("question_id")
    .where("attempt_id", "=", start.attemptId)
    .orderBy("position")
    .execute();
  expect(
    await saveAnswers({ userId: m.id, attemptId: start.attemptId, answers: new Map([[q[0].question_id, ["a"]]]) }),
  ).toMatchObject({ ok: true, answered: 1, total: 4 });
  expect(
    await saveAnswers({ userId: m.id, attemptId: start.attemptId, answers: new Map([[q[1].question_id, ["b"]]]) }),
  ).toMatchObject({ ok: true, answered: 2, total: 4 });
});
