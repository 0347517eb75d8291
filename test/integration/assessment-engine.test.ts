// The assessment engine on the real database: drawing, saving as you go, the time limit, the
// cool-down, readiness, feedback, and results that count like staff-recorded ones.
import { sql } from "kysely";
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import {
  drawQuestions,
  getAttempt,
  saveAnswers,
  startAttempt,
  submitAttempt,
} from "~/models/assessments/assessment-attempt.server";
import { getAssessmentForLearner } from "~/models/assessments/assessment-availability.server";
import { closeExpiredAttempts } from "~/models/assessments/assessment-scoring.server";
import { answersFromForm, GRACE_SECONDS } from "~/models/assessments/assessment.schema";
import { getStanding } from "~/models/journey/progress/index.server";
import { VISITOR, type Scope } from "~/models/permissions.server";
import { configureDelivery } from "~/models/assessments/question-bank.server";
import { recordResult } from "~/models/journey/results.server";
import { demoQuestions, seedDemoAssessments } from "../../scripts/seed/demo-assessments";
import { createBank, putOnline } from "../factories/assessments";
import { createMember } from "../factories/progress";
import { createAdmin } from "../factories/users";

const TEST = "aptitude-test-2.0"; // level 1, pass mark 85
const scopeOf = (u: { id: number }): Scope => ({ ...VISITOR, userId: u.id, isMember: true, level: 1 });

async function started(userId: number, now?: Date) {
  const r = await startAttempt({ userId, slug: TEST, now });
  if (!r.ok) throw new Error(`start refused: ${r.message}`);
  return r.attemptId;
}
const shownOf = (attemptId: number) =>
  db
    .selectFrom("attempt_questions")
    .select(["position", "question_id", "options", "correct", "selected"])
    .where("attempt_id", "=", attemptId)
    .orderBy("position")
    .execute();
const count = async (table: "assessment_results" | "attempt_answers" | "assessment_attempts", userId?: number) => {
  let q = db.selectFrom(table).select(sql<number>`count(*)::int`.as("n"));
  if (userId && table !== "attempt_answers") q = q.where("user_id", "=", userId);
  return (await q.executeTakeFirstOrThrow()).n;
};

describe("drawing questions", () => {
  test("an attempt draws the configured number of distinct bank questions; options stored in shown order", async () => {
    const bank = await createBank({ size: 12 });
    await putOnline(TEST, bank.id, { count: 8 });
    const m = await createMember({ level: 1 });
    const id = await started(m.id);
    const shown = await shownOf(id);
    expect(shown).toHaveLength(8);
    expect(new Set(shown.map((q) => q.question_id)).size).toBe(8);
    expect(shown.every((q) => bank.questions.some((b) => b.id === q.question_id))).toBe(true);
    expect(shown.map((q) => q.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // every option of the question, each once, without revealing which is right
    for (const q of shown) {
      expect(q.options.map((o) => o.key).sort()).toEqual(["a", "b", "c", "d"]);
      expect(q.options.every((o) => !("correct" in o))).toBe(true);
      expect(q.correct).toEqual(["a"]);
    }
    // options are shuffled per attempt: 8 questions all left in bank order would be a 1 in 24^8 chance
    expect(shown.some((q) => q.options.map((o) => o.key).join("") !== "abcd")).toBe(true);
  });

  test("no two attempts are the same set of questions while the bank has another set to give", async () => {
    // 6 questions, 5 per attempt: exactly 6 different sets exist, and 6 attempts use all of them
    const bank = await createBank({ size: 6 });
    await putOnline(TEST, bank.id, { count: 5 });
    const m = await createMember({ level: 1 });
    const sets = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const id = await started(m.id);
      sets.add(
        (await shownOf(id))
          .map((q) => q.question_id)
          .sort((a, b) => a - b)
          .join(","),
      );
      expect(await submitAttempt({ userId: m.id, attemptId: id })).toMatchObject({ ok: true, passed: false });
    }
    expect(sets.size).toBe(6);
  });

  test("drawQuestions favours the questions a learner has seen least", () => {
    const pool = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, shown: i < 5 ? 1 : 0 }));
    for (let i = 0; i < 20; i++)
      expect(
        drawQuestions(pool, 5, [])
          .map((q) => q.id)
          .sort((a, b) => a - b),
      ).toEqual([6, 7, 8, 9, 10]);
  });
});

describe("saving as you go", () => {
  test("answers saved before a dropped connection are there after it, and count when time runs out", async () => {
    const bank = await createBank({ size: 5 });
    await putOnline(TEST, bank.id, { count: 5, timeLimitMinutes: 20 });
    const m = await createMember({ level: 1 });
    const t0 = new Date();
    const id = await started(m.id, t0);
    const [q1, q2, q3] = await shownOf(id);
    expect(
      await saveAnswers({
        userId: m.id,
        attemptId: id,
        answers: new Map([[q1.question_id, ["a"]]]),
        now: new Date(t0.getTime() + 60_000),
      }),
    ).toMatchObject({ ok: true, saved: 1 });
    expect(
      await saveAnswers({
        userId: m.id,
        attemptId: id,
        answers: new Map([
          [q2.question_id, ["b"]],
          [q3.question_id, ["a"]],
        ]),
        now: new Date(t0.getTime() + 120_000),
      }),
    ).toMatchObject({ ok: true, saved: 2 });
    // the connection drops: the learner comes back later (a new request, nothing from the browser)
    const back = await getAttempt({ attemptId: id, scope: scopeOf(m), now: new Date(t0.getTime() + 300_000) });
    expect(back?.attempt.status).toBe("open");
    expect(back?.questions.slice(0, 3).map((q) => q.selected)).toEqual([["a"], ["b"], ["a"]]);
    expect(back?.questions.every((q) => q.correct === null && q.explanation === null)).toBe(true);
    // they never come back before the time limit: the saved answers are scored (2 of 5 right)
    await closeExpiredAttempts({ userId: m.id, now: new Date(t0.getTime() + 21 * 60_000) });
    const closed = await db
      .selectFrom("assessment_attempts")
      .select(["status", "score", "passed", "closed_at"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(closed).toMatchObject({ status: "expired", score: 40, passed: false });
    expect(closed.closed_at!.getTime()).toBe(t0.getTime() + 20 * 60_000);
    // every answer given is kept, in order
    const log = await db
      .selectFrom("attempt_answers")
      .select(["question_id", "selected"])
      .where("attempt_id", "=", id)
      .orderBy("id")
      .execute();
    expect(log).toEqual([
      { question_id: q1.question_id, selected: ["a"] },
      { question_id: q2.question_id, selected: ["b"] },
      { question_id: q3.question_id, selected: ["a"] },
    ]);
  });

  test("answers to a question or option the attempt did not show: a clear refusal, nothing written", async () => {
    const bank = await createBank({ size: 8 });
    await putOnline(TEST, bank.id, { count: 4 });
    const m = await createMember({ level: 1 });
    const id = await started(m.id);
    const shown = await shownOf(id);
    const outside = bank.questions.find((b) => !shown.some((q) => q.question_id === b.id))!;
    const logBefore = await count("attempt_answers");
    const mixed = new Map([
      [shown[0].question_id, ["a"]],
      [outside.id, ["a"]],
    ]);
    expect(await saveAnswers({ userId: m.id, attemptId: id, answers: mixed })).toMatchObject({
      ok: false,
      status: 400,
      message: "assessments.errors.notInAttempt",
    });
    expect(await submitAttempt({ userId: m.id, attemptId: id, answers: mixed })).toMatchObject({
      ok: false,
      message: "assessments.errors.notInAttempt",
    });
    expect(
      await saveAnswers({ userId: m.id, attemptId: id, answers: new Map([[shown[0].question_id, ["z"]]]) }),
    ).toMatchObject({ ok: false, message: "assessments.errors.badOption" });
    expect(
      await saveAnswers({ userId: m.id, attemptId: id, answers: new Map([[shown[0].question_id, ["a", "b"]]]) }),
    ).toMatchObject({ ok: false, message: "assessments.errors.oneOnly" });
    expect(await count("attempt_answers")).toBe(logBefore);
    expect((await shownOf(id)).every((q) => q.selected === null)).toBe(true);
    expect(
      await db.selectFrom("assessment_attempts").select("status").where("id", "=", id).executeTakeFirstOrThrow(),
    ).toEqual({ status: "open" });
    expect(await count("assessment_results", m.id)).toBe(0);
    // someone else's attempt does not exist for them
    const other = await createMember({ level: 1 });
    expect(
      await saveAnswers({ userId: other.id, attemptId: id, answers: new Map([[shown[0].question_id, ["a"]]]) }),
    ).toMatchObject({ ok: false, status: 404 });
    expect(await getAttempt({ attemptId: id, scope: scopeOf(other) })).toBeUndefined();
  });

  test("the answer form: one field per question (an empty value first), anything malformed refused", () => {
    const f = new FormData();
    f.append("intent", "save");
    f.append("q12", "");
    f.append("q12", "a");
    f.append("q12", "c");
    f.append("q13", "");
    expect(answersFromForm(f)).toEqual({
      ok: true,
      answers: new Map([
        [12, ["a", "c"]],
        [13, []],
      ]),
    });
    const bad = new FormData();
    bad.append("qx", "a");
    expect(answersFromForm(bad)).toEqual({ ok: false });
  });
});

describe("submitting", () => {
  test(
    "a submission after the time limit (and its grace) is refused with the time it ended, nothing written; within " +
      "the grace it counts",
    async () => {
      const bank = await createBank({ size: 4 });
      await putOnline(TEST, bank.id, { count: 4, timeLimitMinutes: 10 });
      const m = await createMember({ level: 1 });
      const t0 = new Date();
      const id = await started(m.id, t0);
      const shown = await shownOf(id);
      await saveAnswers({
        userId: m.id,
        attemptId: id,
        answers: new Map([[shown[0].question_id, ["a"]]]),
        now: new Date(t0.getTime() + 60_000),
      });
      const late = new Date(t0.getTime() + 10 * 60_000 + (GRACE_SECONDS + 1) * 1000);
      const all = new Map(shown.map((q) => [q.question_id, ["a"]]));
      const r = await submitAttempt({ userId: m.id, attemptId: id, answers: all, now: late });
      expect(r).toMatchObject({
        ok: false,
        status: 409,
        message: "assessments.errors.timeUp",
        values: { until: new Date(t0.getTime() + 600_000).toISOString() },
      });
      expect(await saveAnswers({ userId: m.id, attemptId: id, answers: all, now: late })).toMatchObject({
        ok: false,
        message: "assessments.errors.timeUp",
      });
      expect((await shownOf(id)).map((q) => q.selected)).toEqual([["a"], null, null, null]);
      expect(
        await db
          .selectFrom("assessment_attempts")
          .select(["status", "score"])
          .where("id", "=", id)
          .executeTakeFirstOrThrow(),
      ).toEqual({ status: "open", score: null });
      expect(await count("assessment_results", m.id)).toBe(0);

      // another learner submitting a few seconds after the limit, inside the grace: accepted
      const n = await createMember({ level: 1 });
      const id2 = await started(n.id, t0);
      const all2 = new Map((await shownOf(id2)).map((q) => [q.question_id, ["a"]]));
      const inGrace = new Date(t0.getTime() + 10 * 60_000 + (GRACE_SECONDS - 2) * 1000);
      expect(await submitAttempt({ userId: n.id, attemptId: id2, answers: all2, now: inGrace })).toMatchObject({
        ok: true,
        score: 100,
        passed: true,
      });
    },
  );

  test(
    "Pass or Not yet passed, with feedback on the questions got wrong; the result counts for the requirement like " +
      "a staff-recorded one",
    async () => {
      const bank = await createBank({ size: 10, multiEvery: 5 });
      await putOnline(TEST, bank.id, { count: 10, cooldownHours: 0 });
      const admin = await createAdmin();
      const m = await createMember({ level: 1, email: "learner.pass@example.org" });
      // staff recorded a first attempt on paper
      expect(
        await recordResult({
          adminId: admin.id,
          kind: "assessment",
          cells: { email: m.email, test: TEST, score: "60", date: "2026-10-01" },
        }),
      ).toMatchObject({ ok: true });

      const id = await started(m.id);
      const shown = await shownOf(id);
      // everything right except one question: 90% >= 85%
      const answers = new Map(shown.map((q, i) => [q.question_id, i === 0 ? ["d"] : q.correct]));
      expect(await submitAttempt({ userId: m.id, attemptId: id, answers })).toMatchObject({
        ok: true,
        score: 90,
        passed: true,
      });
      const view = await getAttempt({ attemptId: id, scope: scopeOf(m) });
      expect(view?.attempt).toMatchObject({ status: "submitted", passed: true, score: 90 });
      const wrong = view!.questions.filter((q) => q.isCorrect === false);
      expect(wrong).toHaveLength(1);
      expect(wrong[0]).toMatchObject({ selected: ["d"], correct: shown[0].correct });
      expect(wrong[0].explanation).toMatch(/^Because of reason \d+\.$/);

      const result = await db
        .selectFrom("assessment_results")
        .select(["score", "attempt", "attempt_id", "recorded_by"])
        .where("user_id", "=", m.id)
        .orderBy("attempt")
        .execute();
      expect(result).toEqual([
        { score: 60, attempt: 1, attempt_id: null, recorded_by: admin.id },
        { score: 90, attempt: 2, attempt_id: id, recorded_by: null },
      ]);
      const standing = await getStanding(db, { userId: m.id });
      expect(standing?.requirements.find((r) => r.key === "l1-aptitude-test-2")?.progress).toMatchObject({
        done: 1,
        status: "met",
      });
      // a pass ends it: no further attempt
      expect(await startAttempt({ userId: m.id, slug: TEST })).toMatchObject({
        ok: false,
        message: "assessments.errors.passed",
      });
    },
  );
});

describe("retakes", () => {
  test("a retake inside the cool-down is refused with the time it ends; after it, a new attempt starts", async () => {
    const bank = await createBank({ size: 6 });
    await putOnline(TEST, bank.id, { count: 5, cooldownHours: 48 });
    const m = await createMember({ level: 1 });
    const t0 = new Date(Date.now() - 3_600_000);
    const id = await started(m.id, t0);
    const submittedAt = new Date(t0.getTime() + 5 * 60_000);
    expect(await submitAttempt({ userId: m.id, attemptId: id, now: submittedAt })).toMatchObject({
      ok: true,
      passed: false,
      score: 0,
    });
    const ends = new Date(submittedAt.getTime() + 48 * 3_600_000);
    const attemptsBefore = await count("assessment_attempts", m.id);
    const refused = await startAttempt({ userId: m.id, slug: TEST, now: new Date(ends.getTime() - 1000) });
    expect(refused).toMatchObject({
      ok: false,
      status: 409,
      message: "assessments.errors.cooldown",
      values: { until: ends.toISOString() },
    });
    expect(await count("assessment_attempts", m.id)).toBe(attemptsBefore);
    const page = await getAssessmentForLearner({ userId: m.id, slug: TEST, now: new Date(ends.getTime() - 1000) });
    expect(page?.availability).toEqual({ state: "cooldown", until: ends.toISOString() });
    expect(await startAttempt({ userId: m.id, slug: TEST, now: new Date(ends.getTime() + 1000) })).toMatchObject({
      ok: true,
      resumed: false,
    });
  });

  test("starting twice resumes the open attempt rather than drawing a second one", async () => {
    const bank = await createBank({ size: 6 });
    await putOnline(TEST, bank.id, { count: 5 });
    const m = await createMember({ level: 1 });
    const [a, b] = await Promise.all([
      startAttempt({ userId: m.id, slug: TEST }),
      startAttempt({ userId: m.id, slug: TEST }),
    ]);
    expect(a.ok && b.ok && a.attemptId === b.attemptId).toBe(true);
    expect(await count("assessment_attempts", m.id)).toBe(1);
  });

  test("tutor readiness required: refused until a tutor's mark stands; other levels' learners refused", async () => {
    const bank = await createBank({ size: 6 });
    await putOnline(TEST, bank.id, { count: 5, readinessRequired: true });
    const m = await createMember({ level: 1 });
    expect(await startAttempt({ userId: m.id, slug: TEST })).toMatchObject({
      ok: false,
      status: 403,
      message: "assessments.errors.notReady",
    });
    await sql`insert into assessment_readiness (user_id, note) values (${m.id}, 'Active in the forum')`.execute(db);
    expect(await startAttempt({ userId: m.id, slug: TEST })).toMatchObject({ ok: true });
    const l2 = await createMember({ level: 2 });
    expect(await startAttempt({ userId: l2.id, slug: TEST })).toMatchObject({
      ok: false,
      message: "assessments.errors.otherLevel",
    });
  });
});

describe("staff settings", () => {
  test("an assessment goes online only with a bank holding enough questions (of its tag)", async () => {
    const admin = await createAdmin();
    const bank = await createBank({ size: 3, tag: "module-2" });
    const base = {
      bankId: bank.id,
      bankTag: "module-2",
      timeLimitMinutes: 20,
      cooldownHours: 24,
      revealMinBankRatio: 3,
      passMark: 80,
      readinessRequired: false,
      online: true,
    };
    expect(
      await configureDelivery({ adminId: admin.id, slug: "test-4.0", input: { ...base, questionCount: 4 } }),
    ).toMatchObject({ ok: false, message: "assessments.admin.errors.notEnough", values: { available: 3, wanted: 4 } });
    expect(
      await configureDelivery({
        adminId: admin.id,
        slug: "test-4.0",
        input: { ...base, bankTag: "module-3", questionCount: 1 },
      }),
    ).toMatchObject({ ok: false, message: "assessments.admin.errors.notEnough" });
    expect(
      await configureDelivery({ adminId: admin.id, slug: "test-4.0", input: { ...base, questionCount: 3 } }),
    ).toMatchObject({ ok: true });
    const row = await db
      .selectFrom("assessments")
      .select(["online", "question_count", "pass_mark", "cooldown_hours"])
      .where("slug", "=", "test-4.0")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ online: true, question_count: 3, pass_mark: 80, cooldown_hours: 24 });
    expect(
      await db
        .selectFrom("audit_log")
        .select("target_id")
        .where("action", "=", "assessment.delivery.update")
        .where("actor_id", "=", admin.id)
        .execute(),
    ).toHaveLength(1);
  });
});

describe("demo data", () => {
  test("the demo bank puts the programme's assessments online at their pass marks (the diagnostic has none), once; \
staff settings are kept", async () => {
    await db.updateTable("assessments").set({ bank_id: null, online: false }).execute();
    await seedDemoAssessments(() => {});
    const rows = await db
      .selectFrom("assessments")
      .select(["slug", "pass_mark", "online", "question_count"])
      .where("online", "=", true)
      .orderBy("slug")
      .execute();
    expect(rows.map((r) => [r.slug, r.pass_mark === null ? null : Number(r.pass_mark)])).toEqual([
      ["aptitude-test-1.0", null],
      ["aptitude-test-2.0", 85],
      ["ccxmp-exam", 80],
      ["test-4.0", 80],
    ]);
    expect(rows.every((r) => r.question_count! <= demoQuestions.length)).toBe(true);
    await db.updateTable("assessments").set({ question_count: 5 }).where("slug", "=", "ccxmp-exam").execute();
    await seedDemoAssessments(() => {});
    expect(await db.selectFrom("question_banks").select("id").where("name", "like", "%(demo)").execute()).toHaveLength(
      1,
    );
    expect(
      await db
        .selectFrom("assessments")
        .select("question_count")
        .where("slug", "=", "ccxmp-exam")
        .executeTakeFirstOrThrow(),
    ).toEqual({ question_count: 5 });
    // a demo learner can take it
    const m = await createMember({ level: 1 });
    expect(await startAttempt({ userId: m.id, slug: "aptitude-test-2.0" })).toMatchObject({ ok: true });
  });
});
