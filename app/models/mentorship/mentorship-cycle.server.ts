// A mentorship cycle: its page (participants, goals, session log), its lifecycle (active -> completed |
// ended early) and feedback, and its end when a member leaves. Each change validates, then one transaction.
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { canSeeMentorship, canSeeMentorshipFeedback, type Scope } from "../permissions.server";
import type { SessionInput } from "./mentorship.schema";
import { fail, ok } from "../shared/result";
import { topicUrl } from "../forum/topic.server";
import { dayIn } from "../../intl";
import { tell } from "./mentorship-notify.server";

// ---- the mentorship page ----

async function loadCycle(conn: Db, id: number) {
  const cycle = await conn
    .selectFrom("mentorship_cycles as c")
    .innerJoin("users as m", "m.id", "c.mentor_id")
    .leftJoin("topics as t", "t.id", "c.topic_id")
    .select([
      "c.id",
      "c.mentor_id",
      "c.topic_id",
      "c.max_mentees",
      "c.status",
      "c.started_at",
      "c.ends_on",
      "c.closed_at",
      "c.end_reason",
      "m.username as mentor_username",
      "m.display_name as mentor_name",
      "t.slug as topic_slug",
    ])
    .where("c.id", "=", id)
    .executeTakeFirst();
  if (!cycle) return undefined;
  const mentees = await conn
    .selectFrom("mentorships as p")
    .innerJoin("users as u", "u.id", "p.mentee_id")
    .select(["p.id as pair_id", "p.mentee_id", "p.status", "p.end_reason", "u.username", "u.display_name"])
    .where("p.cycle_id", "=", id)
    .orderBy("p.started_at")
    .execute();
  return { ...cycle, mentees };
}

const participantsOf = (c: NonNullable<Awaited<ReturnType<typeof loadCycle>>>) => ({
  mentorId: c.mentor_id,
  menteeIds: c.mentees.map((m) => m.mentee_id),
});

/** The mentorship as the viewer may see it, or undefined (404) when they may not. */
export async function getMentorship({ scope, id }: { scope: Scope; id: number }) {
  const cycle = await loadCycle(db, id);
  if (!cycle || !canSeeMentorship(scope, participantsOf(cycle))) return undefined;
  const [goals, sessions, feedback] = await Promise.all([
    db
      .selectFrom("mentorship_goals")
      .select(["id", "title", "status", "updated_at"])
      .where("cycle_id", "=", id)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("mentorship_sessions as s")
      .leftJoin("users as u", "u.id", "s.logged_by")
      .select([
        "s.id",
        "s.held_on",
        "s.duration_minutes",
        "s.notes",
        "s.next_steps",
        "u.display_name as logged_by_name",
      ])
      .where("s.cycle_id", "=", id)
      .orderBy("s.held_on", "desc")
      .orderBy("s.id", "desc")
      .execute(),
    db
      .selectFrom("mentorship_feedback as f")
      .innerJoin("users as u", "u.id", "f.user_id")
      .select(["f.user_id", "f.role", "f.rating", "f.comment", "u.display_name"])
      .where("f.cycle_id", "=", id)
      .execute(),
  ]);
  const isMentor = scope.userId === cycle.mentor_id;
  const isMentee = cycle.mentees.some((m) => m.mentee_id === scope.userId && m.status !== "ended");
  const activeMentees = cycle.mentees.filter((m) => m.status === "active").length;
  return {
    ...cycle,
    threadUrl: cycle.topic_id && cycle.topic_slug ? topicUrl({ id: cycle.topic_id, slug: cycle.topic_slug }) : null,
    goals,
    sessions,
    // feedback: staff see all of it, each participant their own
    feedback: feedback.filter((f) => canSeeMentorshipFeedback(scope, f.user_id)),
    viewerFeedbackGiven: feedback.some((f) => f.user_id === scope.userId),
    can: {
      edit: cycle.status === "active" && (isMentor || isMentee || scope.isStaff),
      close: cycle.status === "active" && (isMentor || isMentee || scope.isStaff),
      extend: cycle.status === "active" && (isMentor || scope.isStaff),
      feedback:
        cycle.status === "completed" && (isMentor || isMentee) && !feedback.some((f) => f.user_id === scope.userId),
    },
    isGroup: cycle.max_mentees > 1,
    room: Math.max(0, cycle.max_mentees - activeMentees),
  };
}

export type MentorshipPage = NonNullable<Awaited<ReturnType<typeof getMentorship>>>;

/** Locks an active cycle the viewer takes part in (or staff): the guard of every change on the page. */
async function lockActiveCycle(trx: Db, scope: Scope, id: number) {
  await trx.selectFrom("mentorship_cycles").select("id").where("id", "=", id).forUpdate().execute();
  const cycle = await loadCycle(trx, id);
  if (
    !cycle ||
    !canSeeMentorship(scope, {
      mentorId: cycle.mentor_id,
      menteeIds: cycle.mentees.filter((m) => m.status !== "ended").map((m) => m.mentee_id),
    })
  )
    return { refusal: fail(404, "mentorship.errors.notFound") };
  if (cycle.status !== "active") return { refusal: fail(409, "mentorship.errors.closed") };
  return { cycle };
}

export async function addGoal({ scope, id, title }: { scope: Scope; id: number; title: string }) {
  return db.transaction().execute(async (trx) => {
    const { refusal } = await lockActiveCycle(trx, scope, id);
    if (refusal) return refusal;
    const count = await sql<{
      n: number;
    }>`select count(*)::int as n from mentorship_goals where cycle_id = ${id}`.execute(trx);
    if (count.rows[0].n >= 20)
      return fail(409, "mentorship.errors.tooManyGoals", { title: "mentorship.errors.tooManyGoals" });
    await trx.insertInto("mentorship_goals").values({ cycle_id: id, title, created_by: scope.userId }).execute();
    return ok({});
  });
}

export async function setGoalStatus({
  scope,
  id,
  goalId,
  status,
}: {
  scope: Scope;
  id: number;
  goalId: number;
  status: "not_started" | "in_progress" | "achieved" | "dropped";
}) {
  return db.transaction().execute(async (trx) => {
    const { refusal } = await lockActiveCycle(trx, scope, id);
    if (refusal) return refusal;
    const r = await trx
      .updateTable("mentorship_goals")
      .set({ status, updated_at: new Date() })
      .where("id", "=", goalId)
      .where("cycle_id", "=", id)
      .executeTakeFirst();
    if (!r.numUpdatedRows) return fail(404, "mentorship.errors.notFound");
    return ok({});
  });
}

/** A session in the log: not in the future, not before the mentorship began (both in the viewer's time zone). */
export async function logSession({
  scope,
  id,
  input,
  timeZone,
}: {
  scope: Scope;
  id: number;
  input: SessionInput;
  timeZone: string;
}) {
  return db.transaction().execute(async (trx) => {
    const { refusal, cycle } = await lockActiveCycle(trx, scope, id);
    if (refusal) return refusal;
    const today = dayIn(timeZone);
    const began = dayIn(timeZone, cycle!.started_at);
    if (input.heldOn > today)
      return fail(422, "mentorship.errors.sessionFuture", { heldOn: "mentorship.errors.sessionFuture" });
    if (input.heldOn < began)
      return fail(
        422,
        "mentorship.errors.sessionBeforeStart",
        { heldOn: "mentorship.errors.sessionBeforeStart" },
        { date: began },
      );
    await trx
      .insertInto("mentorship_sessions")
      .values({
        cycle_id: id,
        held_on: input.heldOn,
        duration_minutes: input.durationMinutes,
        notes: input.notes,
        next_steps: input.nextSteps,
        logged_by: scope.userId,
      })
      .execute();
    return ok({});
  });
}

export async function extendMentorship({ scope, id, months }: { scope: Scope; id: number; months: number }) {
  return db.transaction().execute(async (trx) => {
    const { refusal, cycle } = await lockActiveCycle(trx, scope, id);
    if (refusal) return refusal;
    if (!scope.isStaff && scope.userId !== cycle!.mentor_id) return fail(403, "errors.forbidden");
    await trx
      .updateTable("mentorship_cycles")
      .set({ ends_on: sql<string>`(ends_on + make_interval(months => ${months}))::date` })
      .where("id", "=", id)
      .execute();
    return ok({});
  });
}

/** Closes a cycle: every active mentee's pair follows, the thread stays readable but closed. */
async function closeCycle(
  trx: Db,
  cycle: { id: number; topic_id: number | null },
  status: "completed" | "ended",
  reason: string | null,
) {
  const now = new Date();
  await trx
    .updateTable("mentorship_cycles")
    .set({ status, closed_at: now, end_reason: reason })
    .where("id", "=", cycle.id)
    .execute();
  await trx
    .updateTable("mentorships")
    .set({ status, ended_at: now, end_reason: reason })
    .where("cycle_id", "=", cycle.id)
    .where("status", "=", "active")
    .execute();
  if (cycle.topic_id)
    await trx
      .updateTable("topics")
      .set({ closed_at: now })
      .where("id", "=", cycle.topic_id)
      .where("closed_at", "is", null)
      .execute();
}

/** Completed (the normal end) or ended early with a reason. */
export async function closeMentorship({
  scope,
  id,
  outcome,
  reason,
}: {
  scope: Scope;
  id: number;
  outcome: "completed" | "ended";
  reason?: string;
}) {
  return db.transaction().execute(async (trx) => {
    const { refusal, cycle } = await lockActiveCycle(trx, scope, id);
    if (refusal) return refusal;
    if (outcome === "ended" && !reason)
      return fail(422, "mentorship.errors.endReason", { reason: "mentorship.errors.endReason" });
    await closeCycle(trx, cycle!, outcome, outcome === "ended" ? reason! : null);
    for (const userId of [
      cycle!.mentor_id,
      ...cycle!.mentees.filter((m) => m.status === "active").map((m) => m.mentee_id),
    ]) {
      await tell(trx, userId, outcome, {}, `/mentorship/${id}`, `mentorship:${outcome}:${id}:${userId}`, scope.userId);
    }
    return ok({});
  });
}

export async function leaveFeedback({
  scope,
  id,
  rating,
  comment,
}: {
  scope: Scope;
  id: number;
  rating: number;
  comment: string;
}) {
  if (!scope.userId) return fail(401, "mentorship.errors.signIn");
  const userId = scope.userId;
  return db.transaction().execute(async (trx) => {
    const cycle = await loadCycle(trx, id);
    const role =
      cycle?.mentor_id === userId
        ? "mentor"
        : cycle?.mentees.some((m) => m.mentee_id === userId && (m.status === "completed" || m.status === "active"))
          ? "mentee"
          : null;
    if (!cycle || !role) return fail(404, "mentorship.errors.notFound");
    if (cycle.status !== "completed") return fail(409, "mentorship.errors.feedbackNotYet");
    const r = await trx
      .insertInto("mentorship_feedback")
      .values({ cycle_id: id, user_id: userId, role, rating, comment })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (!r.numInsertedOrUpdatedRows) return fail(409, "mentorship.errors.feedbackGiven");
    return ok({});
  });
}

// ---- members leaving ----

/**
 * A member leaves the platform: as a mentee, each mentorship ends (a group goes on with the
 * others) and they leave the thread; as a mentor, their mentorships end and the registration is
 * removed. Asks and requests are withdrawn. Runs inside the deletion's transaction.
 */
export async function endMentorshipsForDepartingUser(trx: Db, userId: number) {
  const now = new Date();
  await trx
    .updateTable("mentorship_requests")
    .set({ status: "withdrawn", closed_at: now })
    .where("mentee_id", "=", userId)
    .where("status", "=", "open")
    .execute();
  await trx
    .updateTable("mentorships")
    .set({ status: "withdrawn", ended_at: now })
    .where("mentee_id", "=", userId)
    .where("status", "=", "proposed")
    .execute();
  await trx
    .updateTable("mentorships")
    .set({ status: "declined", ended_at: now })
    .where("mentor_id", "=", userId)
    .where("status", "=", "proposed")
    .execute();

  const asMentee = await trx
    .selectFrom("mentorships")
    .select(["id", "cycle_id", "mentor_id"])
    .where("mentee_id", "=", userId)
    .where("status", "=", "active")
    .execute();
  for (const pair of asMentee) {
    await trx
      .updateTable("mentorships")
      .set({ status: "ended", ended_at: now, end_reason: "mentee_left" })
      .where("id", "=", pair.id)
      .execute();
    if (!pair.cycle_id) continue;
    const cycle = await trx
      .selectFrom("mentorship_cycles")
      .select(["id", "topic_id", "status"])
      .where("id", "=", pair.cycle_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from mentorships where cycle_id = ${cycle.id} and status = 'active'`.execute(trx);
    if (cycle.status === "active" && left.rows[0].n === 0) await closeCycle(trx, cycle, "ended", "mentee_left");
    await tell(trx, pair.mentor_id, "menteeLeft", {}, `/mentorship/${cycle.id}`, `mentorship:left:${pair.id}`);
  }

  // off every mentorship thread they were in, closed ones too; the search copy follows
  const threads = await trx
    .selectFrom("mentorships as p")
    .innerJoin("mentorship_cycles as c", "c.id", "p.cycle_id")
    .select("c.topic_id")
    .distinct()
    .where("p.mentee_id", "=", userId)
    .where("c.topic_id", "is not", null)
    .execute();
  for (const { topic_id } of threads) {
    await trx
      .deleteFrom("topic_allowed_users")
      .where("topic_id", "=", topic_id!)
      .where("user_id", "=", userId)
      .execute();
    await enqueue(trx, "search.topic", { topicId: topic_id! });
  }

  const asMentor = await trx
    .selectFrom("mentorship_cycles")
    .select(["id", "topic_id"])
    .where("mentor_id", "=", userId)
    .where("status", "=", "active")
    .forUpdate()
    .execute();
  for (const cycle of asMentor) await closeCycle(trx, cycle, "ended", "mentor_left");
  await trx
    .updateTable("mentor_registrations")
    .set({ status: "removed", status_reason: "left the platform", updated_at: now })
    .where("user_id", "=", userId)
    .execute();
}
