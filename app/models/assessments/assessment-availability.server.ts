// Where a learner stands with an online assessment: offline, another level, open attempt, passed,
// in its cool-down, waiting for the tutor's readiness mark, or available; the assessments pages'
// lists and one assessment's page with past attempts. Looking closes attempts whose time ran out.
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { isReadyForAssessment } from "../groups/learning-group.server";
import { closeExpiredAttempts, numOrNull } from "./assessment-scoring.server";

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

export async function loadAssessment(conn: Db, slug: string): Promise<Assessment | undefined> {
  const a = await assessmentQuery(conn).where("slug", "=", slug).executeTakeFirst();
  return a && { ...a, pass_mark: numOrNull(a.pass_mark) };
}

/** The learner's open attempt at the assessment, if any (a unique index allows one). */
export function openAttempt(conn: Db, userId: number, slug: string) {
  return conn
    .selectFrom("assessment_attempts")
    .select("id")
    .where("user_id", "=", userId)
    .where("assessment", "=", slug)
    .where("status", "=", "open")
    .executeTakeFirst();
}

/** Where a learner stands with an assessment: what the page offers and what starting would say. */
export async function availabilityOf(
  conn: Db,
  a: Assessment,
  user: { id: number; level: number | null },
  now: Date,
): Promise<Availability> {
  if (!a.online || !a.bank_id || !a.question_count) return { state: "offline" };
  if (user.level !== a.level) return { state: "other_level" };
  const open = await openAttempt(conn, user.id, a.slug);
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

/** What starting an attempt answers in each state that does not allow one. */
export const REFUSAL: Record<
  Exclude<Availability["state"], "available" | "open">,
  { status: number; message: string }
> = {
  offline: { status: 404, message: "assessments.errors.offline" },
  other_level: { status: 403, message: "assessments.errors.otherLevel" },
  passed: { status: 409, message: "assessments.errors.passed" },
  cooldown: { status: 409, message: "assessments.errors.cooldown" },
  not_ready: { status: 403, message: "assessments.errors.notReady" },
};

/** The member as a learner (their level), unless the account is deleted. */
export async function learner(conn: Db, userId: number) {
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
export type LearnerAssessment = { userId: number; slug: string; now?: Date };

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
