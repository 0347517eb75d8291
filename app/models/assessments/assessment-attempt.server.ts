// A learner's attempts at an online assessment: starting one (questions drawn at random, options
// shuffled, all stored as shown), saving answers as they go, submitting within the time limit (scored
// by assessment-scoring.server.ts) and reading an attempt back with its marks and feedback. Nothing is
// ever deleted: attempts, questions shown and every answer given stay as the audit trail.
import { randomInt } from "node:crypto";
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { canViewProgress, type Scope } from "../permissions.server";
import type { ShownOption } from "../../../db/schema";
import { GRACE_SECONDS } from "./assessment.schema";
import { recordAudit } from "../moderation/audit.server";
import { liveQuestions } from "./question-bank.server";
import { fail, ok, type Result } from "../shared/result";
import { isUniqueViolation } from "../shared/db-errors.server";
import {
  learner,
  loadAssessment,
  openAttempt,
  availabilityOf,
  REFUSAL,
  type LearnerAssessment,
} from "./assessment-availability.server";
import {
  closeAttempt,
  closeExpiredAttempts,
  expiredAt,
  lockAttempt,
  numOrNull,
  type AttemptRow,
} from "./assessment-scoring.server";

function shuffle<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/**
 * Picks `count` questions, the ones this learner has seen least first (random among equals), and
 * never the same set as one of their earlier attempts when the bank has another set to give.
 */
export function drawQuestions<Q extends { id: number; shown: number }>(
  pool: Q[],
  count: number,
  previousSets: string[],
): Q[] {
  const key = (qs: Q[]) =>
    qs
      .map((q) => q.id)
      .sort((x, y) => x - y)
      .join(",");
  const byExposure = shuffle(pool).sort((x, y) => x.shown - y.shown);
  let pick = byExposure.slice(0, count);
  const used = new Set(previousSets);
  for (let tries = 0; used.has(key(pick)) && pool.length > count && tries < 200; tries++) {
    // swap one picked question for one left out, favouring the least seen
    const out = randomInt(pick.length);
    const rest = byExposure.filter((q) => !pick.includes(q));
    pick = [...pick.slice(0, out), ...pick.slice(out + 1), rest[randomInt(Math.min(rest.length, 1 + tries))]];
  }
  return shuffle(pick);
}

/** Starts an attempt (or returns the one already open). Refusals say why, with the cool-down's end. */
export async function startAttempt({
  userId,
  slug,
  now = new Date(),
}: LearnerAssessment): Promise<Result<{ attemptId: number; resumed: boolean }>> {
  await closeExpiredAttempts({ userId, now });
  try {
    return await db.transaction().execute(async (trx) => {
      const a = await loadAssessment(trx, slug);
      const user = await learner(trx, userId);
      if (!a || !user) return fail(404, "assessments.errors.offline");
      const availability = await availabilityOf(trx, a, user, now);
      if (availability.state === "open") return ok({ attemptId: availability.attemptId, resumed: true });
      if (availability.state !== "available") {
        const r = REFUSAL[availability.state];
        return fail(
          r.status,
          r.message,
          undefined,
          availability.state === "cooldown" ? { until: availability.until } : undefined,
        );
      }

      const pool = await liveQuestions(trx, a.bank_id!, a.bank_tag)
        .select(["id", "prompt", "explanation", "options"])
        .select((eb) =>
          eb
            .selectFrom("attempt_questions as aq")
            .innerJoin("assessment_attempts as t", "t.id", "aq.attempt_id")
            .select(sql<number>`count(*)::int`.as("n"))
            .whereRef("aq.question_id", "=", "bank_questions.id")
            .where("t.user_id", "=", userId)
            .as("shown"),
        )
        .execute();
      if (pool.length < a.question_count!) return fail(503, "assessments.errors.bankTooSmall");
      const previous = await sql<{ ids: string }>`
        select string_agg(aq.question_id::text, ',' order by aq.question_id) as ids
        from attempt_questions aq join assessment_attempts t on t.id = aq.attempt_id
        where t.user_id = ${userId} and t.assessment = ${slug} group by aq.attempt_id`.execute(trx);
      const picked = drawQuestions(
        pool.map((q) => ({ ...q, shown: q.shown ?? 0 })),
        a.question_count!,
        previous.rows.map((r) => r.ids),
      );

      const attempt = await trx
        .insertInto("assessment_attempts")
        .values({
          user_id: userId,
          assessment: slug,
          started_at: now,
          deadline_at: a.time_limit_minutes ? new Date(now.getTime() + a.time_limit_minutes * 60_000) : null,
          pass_mark: a.pass_mark,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("attempt_questions")
        .values(
          picked.map((q, i) => ({
            attempt_id: attempt.id,
            position: i + 1,
            question_id: q.id,
            prompt: q.prompt,
            explanation: q.explanation,
            options: JSON.stringify(shuffle(q.options).map((o): ShownOption => ({ key: o.key, text: o.text }))),
            correct: q.options.filter((o) => o.correct).map((o) => o.key),
          })),
        )
        .execute();
      await recordAudit(trx, {
        actorId: userId,
        action: "assessment.attempt.start",
        targetType: "assessment_attempt",
        targetId: attempt.id,
        after: { assessment: slug, questions: picked.map((q) => q.id) },
      });
      return ok({ attemptId: attempt.id, resumed: false });
    });
  } catch (e) {
    // two "start" requests at once: the unique open-attempt index lets one through; the other resumes it
    if (!isUniqueViolation(e)) throw e;
    const open = await openAttempt(db, userId, slug);
    if (!open) throw e;
    return ok({ attemptId: open.id, resumed: true });
  }
}

/** Checks every answer against the attempt first, then writes the changed ones (with their history). */
async function writeAnswers(
  trx: Db,
  attempt: AttemptRow,
  answers: Map<number, string[]>,
  now: Date,
): Promise<Result<{ saved: number }>> {
  if (!answers.size) return ok({ saved: 0 });
  const shown = await trx
    .selectFrom("attempt_questions")
    .select(["question_id", "options", "correct", "selected"])
    .where("attempt_id", "=", attempt.id)
    .execute();
  const byId = new Map(shown.map((q) => [q.question_id, q]));
  for (const [qid, keys] of answers) {
    const q = byId.get(qid);
    if (!q) return fail(400, "assessments.errors.notInAttempt");
    if (keys.some((k) => !q.options.some((o) => o.key === k))) return fail(400, "assessments.errors.badOption");
    if (q.correct.length === 1 && keys.length > 1) return fail(400, "assessments.errors.oneOnly");
  }
  let saved = 0;
  for (const [qid, keys] of answers) {
    const selected = [...keys].sort();
    const before = byId.get(qid)!.selected;
    if (before ? before.join(",") === selected.join(",") : selected.length === 0) continue;
    await trx
      .updateTable("attempt_questions")
      .set({ selected: selected.length ? selected : null, answered_at: now })
      .where("attempt_id", "=", attempt.id)
      .where("question_id", "=", qid)
      .execute();
    await trx
      .insertInto("attempt_answers")
      .values({ attempt_id: attempt.id, question_id: qid, selected, at: now })
      .execute();
    saved++;
  }
  return ok({ saved });
}

/**
 * Locks the learner's open attempt, refuses (writing nothing) when it is not theirs, closed or past
 * its time, writes the answers (checked first: none is written when one is wrong), then `then`.
 */
async function withOpenAttempt<T extends object>(
  { userId, attemptId, answers, now }: { userId: number; attemptId: number; answers: Map<number, string[]>; now: Date },
  then: (trx: Db, attempt: AttemptRow, saved: number) => Promise<Result<T>>,
): Promise<Result<T>> {
  return db.transaction().execute(async (trx) => {
    const a = await lockAttempt(trx, attemptId);
    if (!a || a.user_id !== userId) return fail(404, "assessments.errors.attemptGone");
    if (a.status !== "open") return fail(409, "assessments.errors.closed");
    if (expiredAt(a, now))
      return fail(409, "assessments.errors.timeUp", undefined, {
        until: a.deadline_at!.toISOString(),
        grace: GRACE_SECONDS,
      });
    const r = await writeAnswers(trx, a, answers, now);
    return r.ok ? then(trx, a, r.saved) : r;
  });
}

/** Saves answers while the attempt is open and within its time (a dropped connection loses nothing saved). */
export function saveAnswers({
  userId,
  attemptId,
  answers,
  now = new Date(),
}: {
  userId: number;
  attemptId: number;
  answers: Map<number, string[]>;
  now?: Date;
}): Promise<Result<{ saved: number; answered: number; total: number }>> {
  return withOpenAttempt({ userId, attemptId, answers, now }, async (trx, a, saved) => {
    // the page's "answered" counter follows what is saved, not what is ticked
    const { rows } = await sql<{
      answered: number;
      total: number;
    }>`select (count(*) filter (where selected is not null))::int as answered,
      count(*)::int as total from attempt_questions where attempt_id = ${a.id}`.execute(trx);
    return ok({ saved, ...rows[0] });
  });
}

/** Saves the last answers and scores the attempt, in one transaction: all of it, or none of it. */
export function submitAttempt({
  userId,
  attemptId,
  answers = new Map(),
  now = new Date(),
}: {
  userId: number;
  attemptId: number;
  answers?: Map<number, string[]>;
  now?: Date;
}): Promise<Result<{ score: number; passed: boolean }>> {
  return withOpenAttempt({ userId, attemptId, answers, now }, async (trx, a) =>
    ok(await closeAttempt(trx, a, "submitted", now)),
  );
}

/** An attempt as its owner (or staff) may see it: answers while open; marks and feedback once closed. */
export async function getAttempt({
  attemptId,
  scope,
  now = new Date(),
}: {
  attemptId: number;
  scope: Scope;
  now?: Date;
}) {
  const head = await db
    .selectFrom("assessment_attempts")
    .select(["user_id"])
    .where("id", "=", attemptId)
    .executeTakeFirst();
  // an attempt is part of the member's progress record: the member and staff only
  if (!head || !canViewProgress(scope, head.user_id)) return undefined;
  const viewerId = scope.userId;
  const isStaff = scope.isStaff;
  await closeExpiredAttempts({ userId: head.user_id, now });
  const attempt = await db
    .selectFrom("assessment_attempts as t")
    .innerJoin("assessments as a", "a.slug", "t.assessment")
    .innerJoin("users as u", "u.id", "t.user_id")
    .select([
      "t.id",
      "t.user_id",
      "t.assessment",
      "t.status",
      "t.started_at",
      "t.deadline_at",
      "t.closed_at",
      "t.score",
      "t.passed",
      "t.pass_mark",
      "t.cooldown_waived_at",
      "t.annulled_at",
    ])
    .select([
      "a.title",
      "a.cooldown_hours",
      "a.bank_id",
      "a.bank_tag",
      "a.question_count",
      "a.reveal_min_bank_ratio",
      "u.username",
      "u.display_name",
    ])
    .where("t.id", "=", attemptId)
    .executeTakeFirstOrThrow();
  const closed = attempt.status !== "open";
  const reveal = closed && (isStaff || attempt.passed !== false || (await bankResistsMemorising(attempt)));
  const questions = await db
    .selectFrom("attempt_questions")
    .select([
      "position",
      "question_id",
      "prompt",
      "explanation",
      "options",
      "correct",
      "selected",
      "answered_at",
      "is_correct",
    ])
    .where("attempt_id", "=", attemptId)
    .orderBy("position")
    .execute();
  const history = isStaff
    ? await db
        .selectFrom("attempt_answers")
        .select(["question_id", "selected", "at"])
        .where("attempt_id", "=", attemptId)
        .orderBy("at")
        .orderBy("id")
        .execute()
    : [];
  return {
    attempt: {
      ...attempt,
      score: numOrNull(attempt.score),
      pass_mark: numOrNull(attempt.pass_mark),
      own: attempt.user_id === viewerId,
    },
    questions: questions.map((q) => ({
      position: q.position,
      questionId: q.question_id,
      prompt: q.prompt,
      options: q.options,
      multiple: q.correct.length > 1,
      selected: q.selected ?? [],
      // the answers stay on the server until the attempt is closed, and after a fail while the bank is small
      correct: reveal ? q.correct : null,
      explanation: reveal ? q.explanation : null,
      isCorrect: closed ? q.is_correct : null,
    })),
    history,
    answersWithheld: closed && !reveal,
    graceSeconds: GRACE_SECONDS,
  };
}

type BankOfAttempt = {
  bank_id: number | null;
  bank_tag: string | null;
  question_count: number | null;
  reveal_min_bank_ratio: number;
};

/**
 * Right answers after a fail only when the live bank holds at least `reveal_min_bank_ratio` times the
 * questions drawn: with fewer, a learner could pass by memorising answers instead of learning.
 */
async function bankResistsMemorising(a: BankOfAttempt) {
  if (a.reveal_min_bank_ratio === 0) return true;
  if (!a.bank_id || !a.question_count) return false;
  const { n } = await liveQuestions(db, a.bank_id, a.bank_tag)
    .select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  return n >= a.reveal_min_bank_ratio * a.question_count;
}
