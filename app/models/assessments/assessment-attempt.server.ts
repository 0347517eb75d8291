// A learner's attempts at an online assessment: starting one (questions drawn at random, options
// shuffled, all stored as shown), saving answers as they go, submitting within the time limit,
// scoring ("Pass" / "Not yet passed") and writing the result the `assessment` requirement counts,
// in the same transaction. Nothing is ever deleted: attempts, questions shown and every answer
// given stay as the audit trail.
import { randomInt } from "node:crypto";
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { canViewProgress, type Scope } from "../permissions.server";
import type { AppealRemedy, ShownOption } from "../../../db/schema";
import { GRACE_SECONDS } from "./assessment.schema";
import { enqueue } from "../../jobs.server";
import { recordAudit } from "../moderation/audit.server";
import { isReadyForAssessment } from "../groups/learning-group.server";
import { liveQuestions } from "./question-bank.server";
import { fail, ok, type Result } from "../shared/result";
import { isUniqueViolation } from "../shared/db-errors.server";

type Assessment = {
  slug: string;
  title: string;
  level: number;
  pass_mark: number | null;
  bank_id: number | null;
  bank_tag: string | null;
  question_count: number | null;
  time_limit_minutes: number | null;
  cooldown_hours: number;
  readiness_required: boolean;
  online: boolean;
  reveal_min_bank_ratio: number;
};

export type Availability =
  | { state: "available" }
  | { state: "open"; attemptId: number }
  | { state: "passed" }
  | { state: "cooldown"; until: string }
  | { state: "not_ready" }
  | { state: "other_level" }
  | { state: "offline" };

const graceMs = GRACE_SECONDS * 1000;
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function assessmentQuery(conn: Db) {
  return conn
    .selectFrom("assessments")
    .select([
      "slug",
      "title",
      "level",
      "pass_mark",
      "bank_id",
      "bank_tag",
      "question_count",
      "time_limit_minutes",
      "cooldown_hours",
      "readiness_required",
      "online",
      "reveal_min_bank_ratio",
    ]);
}

async function loadAssessment(conn: Db, slug: string): Promise<Assessment | undefined> {
  const a = await assessmentQuery(conn).where("slug", "=", slug).executeTakeFirst();
  return a && { ...a, pass_mark: numOrNull(a.pass_mark) };
}

/** Where a learner stands with an assessment: what the page offers and what starting would say. */
async function availabilityOf(
  conn: Db,
  a: Assessment,
  user: { id: number; level: number | null },
  now: Date,
): Promise<Availability> {
  if (!a.online || !a.bank_id || !a.question_count) return { state: "offline" };
  if (user.level !== a.level) return { state: "other_level" };
  const open = await conn
    .selectFrom("assessment_attempts")
    .select("id")
    .where("user_id", "=", user.id)
    .where("assessment", "=", a.slug)
    .where("status", "=", "open")
    .executeTakeFirst();
  if (open) return { state: "open", attemptId: open.id };
  // a pass, recorded online or by staff, ends the assessment
  const best = await conn
    .selectFrom("assessment_results")
    .select(sql<number | null>`max(score)`.as("best"))
    .select(sql<number>`count(*)::int`.as("n"))
    .where("user_id", "=", user.id)
    .where("assessment", "=", a.slug)
    .executeTakeFirstOrThrow();
  if (best.n > 0 && (a.pass_mark === null || Number(best.best) >= a.pass_mark)) return { state: "passed" };
  const last = await conn
    .selectFrom("assessment_attempts")
    .select(["closed_at", "cooldown_waived_at"])
    .where("user_id", "=", user.id)
    .where("assessment", "=", a.slug)
    .where("status", "!=", "open")
    .where("annulled_at", "is", null)
    .orderBy("closed_at", "desc")
    .limit(1)
    .executeTakeFirst();
  // an upheld appeal may waive the cool-down ("retake now")
  if (last?.closed_at && !last.cooldown_waived_at && a.cooldown_hours > 0) {
    const until = new Date(last.closed_at.getTime() + a.cooldown_hours * 3_600_000);
    if (until > now) return { state: "cooldown", until: until.toISOString() };
  }
  // the tutor's "ready for assessment" mark (learning groups) stands for every assessment
  if (a.readiness_required && !(await isReadyForAssessment(conn, user.id))) return { state: "not_ready" };
  return { state: "available" };
}

const REFUSAL: Record<Exclude<Availability["state"], "available" | "open">, { status: number; message: string }> = {
  offline: { status: 404, message: "assessments.errors.offline" },
  other_level: { status: 403, message: "assessments.errors.otherLevel" },
  passed: { status: 409, message: "assessments.errors.passed" },
  cooldown: { status: 409, message: "assessments.errors.cooldown" },
  not_ready: { status: 403, message: "assessments.errors.notReady" },
};

// ---- drawing ----

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

// ---- closing and scoring ----

type AttemptRow = {
  id: number;
  user_id: number;
  assessment: string;
  status: string;
  deadline_at: Date | null;
  pass_mark: number | null;
};

/** Scores an attempt on its saved answers, closes it and writes the result, all in `trx`. */
async function closeAttempt(trx: Db, attempt: AttemptRow, status: "submitted" | "expired", closedAt: Date) {
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

const expiredAt = (a: { deadline_at: Date | null }, now: Date) =>
  !!a.deadline_at && now.getTime() > a.deadline_at.getTime() + graceMs;

async function lockAttempt(trx: Db, attemptId: number) {
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

// ---- what learners see ----

async function learner(conn: Db, userId: number) {
  return conn
    .selectFrom("users")
    .select(["id", "level"])
    .where("id", "=", userId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

/** The online assessments of the learner's level, each with where they stand. */
export async function listAssessmentsForLearner({ userId, now = new Date() }: { userId: number; now?: Date }) {
  await closeExpiredAttempts({ userId, now });
  const user = await learner(db, userId);
  if (!user?.level) return [];
  const rows = await assessmentQuery(db)
    .where("online", "=", true)
    .where("level", "=", user.level)
    .orderBy("slug")
    .execute();
  return Promise.all(
    rows.map(async (r) => {
      const a = { ...r, pass_mark: numOrNull(r.pass_mark) };
      return { ...a, availability: await availabilityOf(db, a, user, now) };
    }),
  );
}

/** Where the learner stands with each of these assessments (for /progress's next steps). */
type StatesQuery = { userId: number; slugs: string[]; now?: Date };
export async function assessmentStates({ userId, slugs, now = new Date() }: StatesQuery) {
  const out: Record<string, Availability["state"]> = {};
  if (!slugs.length) return out;
  const [rows, user] = await Promise.all([
    assessmentQuery(db).where("slug", "in", slugs).execute(),
    learner(db, userId),
  ]);
  if (!user) return out;
  for (const r of rows) {
    out[r.slug] = (await availabilityOf(db, { ...r, pass_mark: numOrNull(r.pass_mark) }, user, now)).state;
  }
  return out;
}

/** A learner and one assessment (by slug), at a time (now unless given). */
type LearnerAssessment = { userId: number; slug: string; now?: Date };

/** One assessment's rules, the learner's standing and their past attempts. */
export async function getAssessmentForLearner({ userId, slug, now = new Date() }: LearnerAssessment) {
  await closeExpiredAttempts({ userId, now });
  const [a, user] = await Promise.all([loadAssessment(db, slug), learner(db, userId)]);
  // an assessment not open online has a page too, saying so (links to it never answer 404)
  if (!a || !user) return undefined;
  const attempts = await db
    .selectFrom("assessment_attempts")
    .select(["id", "status", "started_at", "closed_at", "score", "passed", "annulled_at"])
    .where("user_id", "=", userId)
    .where("assessment", "=", slug)
    .orderBy("started_at", "desc")
    .execute();
  return {
    assessment: a,
    availability: await availabilityOf(db, a, user, now),
    attempts: attempts.map((t) => ({ ...t, score: numOrNull(t.score) })),
  };
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
    const open = await db
      .selectFrom("assessment_attempts")
      .select("id")
      .where("user_id", "=", userId)
      .where("assessment", "=", slug)
      .where("status", "=", "open")
      .executeTakeFirst();
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
