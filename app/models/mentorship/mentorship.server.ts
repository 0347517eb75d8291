// Mentorships: a member's request, the ask to a suggested mentor, the mentor's answer (or a staff
// match), then a cycle with its private forum thread, goals, session log, lifecycle
// (active -> completed | ended early) and feedback. Each change validates, then one transaction.
import { sql } from "kysely";
import type { Proficiency } from "../../../db/schema";
import { db, type Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { pickLocale, sharedI18n } from "../../i18n";
import {
  canManageMentorProgramme,
  canSeeMentorship,
  canSeeMentorshipFeedback,
  type Scope,
} from "../permissions.server";
import { scopeOfUser } from "../../viewer.server";
import { recordAudit } from "../moderation/audit.server";
import { getCategoryBySlug } from "../forum/category.server";
import { checkSanction } from "../forum/limits.server";
import { mentorLoad } from "./mentor.server";
import {
  CYCLE_MONTHS,
  GROUP_MAX,
  MENTEE_LEVELS,
  type MentorshipRequestInput,
  type SessionInput,
} from "./mentorship.schema";
import { notify } from "../account/notification.server";
import { createTopic } from "../forum/post.server";
import { listCompetencies } from "../directory/profile.server";
import { fail, ok } from "../shared/result";
import { topicUrl } from "../forum/topic.server";
import { dayIn } from "../../intl";
import { message } from "../account/notification-text";

export const MENTORSHIP_CATEGORY = "mentorship";

// ---- notifications: in the recipient's language, pointing at the mentorship page ----

async function tell(
  trx: Db,
  userId: number,
  key: string,
  values: Record<string, string | number>,
  href: string,
  sourceKey: string,
  actorId: number | null = null,
) {
  const u = await trx.selectFrom("users").select(["locale", "deleted_at"]).where("id", "=", userId).executeTakeFirst();
  if (!u || u.deleted_at) return;
  await notify(trx, {
    userId,
    kind: "mentorship",
    actorId,
    sourceKey,
    data: { text: message(`mentorship.notify.${key}`, values), href },
  });
}

const nameOf = async (trx: Db, userId: number) =>
  (await trx.selectFrom("users").select("display_name").where("id", "=", userId).executeTakeFirstOrThrow())
    .display_name;

// ---- requests ----

export async function getOpenRequest(conn: Db, { menteeId }: { menteeId: number }) {
  return conn
    .selectFrom("mentorship_requests")
    .selectAll()
    .where("mentee_id", "=", menteeId)
    .where("status", "=", "open")
    .executeTakeFirst();
}

/** A member at levels 1-3 opens a request (one open at a time). */
export async function createRequest({ scope, input }: { scope: Scope; input: MentorshipRequestInput }) {
  if (!scope.userId) return fail(401, "mentorship.errors.signIn");
  if (!scope.isMember || !(MENTEE_LEVELS as readonly number[]).includes(scope.level))
    return fail(403, "mentorship.errors.menteeLevel");
  const known = new Set((await listCompetencies(db)).map((c) => c.slug));
  if (input.competencies.some((c) => !known.has(c.slug)))
    return fail(422, "mentorship.errors.competencies", { competencies: "mentorship.errors.competencies" });
  const menteeId = scope.userId;
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom("users").select("id").where("id", "=", menteeId).forNoKeyUpdate().execute();
    if (await getOpenRequest(trx, { menteeId })) return fail(409, "mentorship.errors.requestOpen");
    const row = await trx
      .insertInto("mentorship_requests")
      .values({
        mentee_id: menteeId,
        goals: input.goals,
        competencies: JSON.stringify(input.competencies),
        language: input.language,
        availability: input.availability,
        time_zone: input.timeZone,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return ok({ requestId: row.id });
  });
}

export async function withdrawRequest({ scope }: { scope: Scope }) {
  if (!scope.userId) return fail(401, "mentorship.errors.signIn");
  const menteeId = scope.userId;
  return db.transaction().execute(async (trx) => {
    const req = await trx
      .selectFrom("mentorship_requests")
      .select("id")
      .where("mentee_id", "=", menteeId)
      .where("status", "=", "open")
      .forUpdate()
      .executeTakeFirst();
    if (!req) return fail(404, "mentorship.errors.noRequest");
    await trx
      .updateTable("mentorship_requests")
      .set({ status: "withdrawn", closed_at: new Date() })
      .where("id", "=", req.id)
      .execute();
    await trx
      .updateTable("mentorships")
      .set({ status: "withdrawn", ended_at: new Date() })
      .where("request_id", "=", req.id)
      .where("status", "=", "proposed")
      .execute();
    return ok({});
  });
}

// ---- asks and answers ----

/** Locks the mentor's registration (asks and acceptances for one mentor go one at a time) and checks a free place. */
async function lockMentorWithRoom(trx: Db, mentorId: number) {
  const reg = await trx
    .selectFrom("mentor_registrations")
    .select(["status", "capacity"])
    .where("user_id", "=", mentorId)
    .forUpdate()
    .executeTakeFirst();
  const mentor = await trx
    .selectFrom("users")
    .select(["level", "deleted_at"])
    .where("id", "=", mentorId)
    .executeTakeFirst();
  if (!reg || reg.status !== "active" || !mentor || mentor.deleted_at || (mentor.level ?? 0) < 4)
    return { refusal: fail(409, "mentorship.errors.mentorUnavailable") };
  const load = await mentorLoad(trx, mentorId);
  return { reg, load };
}

/** The mentee asks a mentor (from the suggestions) for their open request. */
export async function askMentor({ scope, mentorId, note }: { scope: Scope; mentorId: number; note: string }) {
  if (!scope.userId) return fail(401, "mentorship.errors.signIn");
  const menteeId = scope.userId;
  if (mentorId === menteeId) return fail(422, "mentorship.errors.self");
  return db.transaction().execute(async (trx) => {
    // the ask carries a note to the mentor: a message, which a sanction forbids
    const sanction = await checkSanction(trx, menteeId, "message");
    if (sanction) return sanction;
    const req = await trx
      .selectFrom("mentorship_requests")
      .select(["id"])
      .where("mentee_id", "=", menteeId)
      .where("status", "=", "open")
      .forUpdate()
      .executeTakeFirst();
    if (!req) return fail(409, "mentorship.errors.noRequest");
    const { refusal, reg, load } = await lockMentorWithRoom(trx, mentorId);
    if (refusal) return refusal;
    const live = await trx
      .selectFrom("mentorships")
      .select("id")
      .where("mentor_id", "=", mentorId)
      .where("mentee_id", "=", menteeId)
      .where("status", "in", ["proposed", "active"])
      .executeTakeFirst();
    if (live) return fail(409, "mentorship.errors.alreadyAsked");
    if (load >= reg!.capacity) return fail(409, "mentorship.errors.atCapacity");
    const pair = await trx
      .insertInto("mentorships")
      .values({
        mentor_id: mentorId,
        mentee_id: menteeId,
        status: "proposed",
        request_id: req.id,
        ask_note: note || null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await tell(
      trx,
      mentorId,
      "asked",
      { name: await nameOf(trx, menteeId) },
      "/mentorship",
      `mentorship:ask:${pair.id}`,
      menteeId,
    );
    return ok({ askId: pair.id });
  });
}

type Into = "new" | "group" | number;

/** Opens a cycle with its private thread; the thread's first post states the goals in the mentee's words. */
async function openCycle(
  trx: Db,
  {
    mentorId,
    maxMentees,
    menteeIds,
    goals,
    matchedBy,
  }: { mentorId: number; maxMentees: number; menteeIds: number[]; goals: string; matchedBy: number | null },
) {
  const category = await getCategoryBySlug(MENTORSHIP_CATEGORY);
  if (!category || category.see_rule !== "participants")
    throw new Error('The private "mentorship" category (see rule "participants") is missing');
  const mentorRow = await trx
    .selectFrom("users")
    .select(["display_name", "locale"])
    .where("id", "=", mentorId)
    .executeTakeFirstOrThrow();
  const menteeNames = (await trx.selectFrom("users").select("display_name").where("id", "in", menteeIds).execute()).map(
    (u) => u.display_name,
  );
  const t = sharedI18n(pickLocale(mentorRow.locale, null)).t;
  const thread = await createTopic(trx, {
    skipLimits: true,
    scope: await scopeOfUser(trx, mentorId),
    categorySlug: MENTORSHIP_CATEGORY,
    title: t(maxMentees > 1 ? "mentorship.thread.groupTitle" : "mentorship.thread.title", {
      mentor: mentorRow.display_name,
      mentees: menteeNames.join(", "),
    }).slice(0, 200),
    body: t("mentorship.thread.body", { mentor: mentorRow.display_name, goals: goals.replace(/^/gm, "> ") }),
    tags: [],
    participantIds: menteeIds,
  });
  // The goals' render can be refused (deadline, busy pool) before the thread writes anything: the
  // refusal goes back to the member, and the cycle is only inserted once its thread exists.
  if (!thread.ok) return thread;
  const cycle = await trx
    .insertInto("mentorship_cycles")
    .values({
      mentor_id: mentorId,
      max_mentees: maxMentees,
      ends_on: sql<string>`(now() + make_interval(months => ${CYCLE_MONTHS}))::date`,
      matched_by: matchedBy,
      topic_id: thread.topicId,
    })
    .returning(["id"])
    .executeTakeFirstOrThrow();
  return ok({ cycleId: cycle.id, topicId: thread.topicId });
}

/** Adds a mentee to an existing group cycle: onto the thread's list, and the search copy follows. */
async function joinCycle(
  trx: Db,
  { cycleId, mentorId, menteeId }: { cycleId: number; mentorId: number; menteeId: number },
) {
  const cycle = await trx
    .selectFrom("mentorship_cycles")
    .select(["id", "topic_id", "max_mentees", "status"])
    .where("id", "=", cycleId)
    .where("mentor_id", "=", mentorId)
    .forUpdate()
    .executeTakeFirst();
  if (!cycle || cycle.status !== "active") return fail(404, "mentorship.errors.noSuchGroup");
  const members = await sql<{
    n: number;
  }>`select count(*)::int as n from mentorships where cycle_id = ${cycleId} and status = 'active'`.execute(trx);
  if (members.rows[0].n >= cycle.max_mentees)
    return fail(409, "mentorship.errors.groupFull", undefined, { max: GROUP_MAX });
  if (cycle.topic_id) {
    await trx
      .insertInto("topic_allowed_users")
      .values({ topic_id: cycle.topic_id, user_id: menteeId })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await enqueue(trx, "search.topic", { topicId: cycle.topic_id });
  }
  return ok({ cycleId: cycle.id, topicId: cycle.topic_id });
}

async function placePair(
  trx: Db,
  {
    pairId,
    mentorId,
    menteeId,
    requestId,
    into,
    goals,
    matchedBy,
  }: {
    pairId: number;
    mentorId: number;
    menteeId: number;
    requestId: number | null;
    into: Into;
    goals: string;
    matchedBy: number | null;
  },
) {
  const placed =
    typeof into === "number"
      ? await joinCycle(trx, { cycleId: into, mentorId, menteeId })
      : await openCycle(trx, {
          mentorId,
          maxMentees: into === "group" ? GROUP_MAX : 1,
          menteeIds: [menteeId],
          goals,
          matchedBy,
        });
  if (!placed.ok) return placed;
  await trx
    .updateTable("mentorships")
    .set({ status: "active", started_at: new Date(), cycle_id: placed.cycleId, topic_id: placed.topicId })
    .where("id", "=", pairId)
    .execute();
  if (requestId) {
    await trx
      .updateTable("mentorship_requests")
      .set({ status: "matched", closed_at: new Date() })
      .where("id", "=", requestId)
      .execute();
    // the other mentors asked for the same request are told no more is needed
    await trx
      .updateTable("mentorships")
      .set({ status: "withdrawn", ended_at: new Date() })
      .where("request_id", "=", requestId)
      .where("status", "=", "proposed")
      .where("id", "<>", pairId)
      .execute();
  }
  return ok({ cycleId: placed.cycleId });
}

/** The mentor accepts (into a new mentorship or one of their group mentorships) or declines, with an optional note. */
export async function decideAsk({
  scope,
  id,
  decision,
  note,
  into,
}: {
  scope: Scope;
  id: number;
  decision: "accept" | "decline";
  note: string;
  into: Into;
}) {
  if (!scope.userId) return fail(401, "mentorship.errors.signIn");
  const mentorId = scope.userId;
  return db.transaction().execute(async (trx) => {
    // accepting opens the thread with the mentor's post: a sanctioned mentor may still decline
    const sanction = decision === "accept" ? await checkSanction(trx, mentorId, "post") : undefined;
    if (sanction) return sanction;
    const { refusal } = decision === "accept" ? await lockMentorWithRoom(trx, mentorId) : { refusal: undefined };
    const pair = await trx
      .selectFrom("mentorships")
      .select(["id", "mentee_id", "request_id", "status"])
      .where("id", "=", id)
      .where("mentor_id", "=", mentorId)
      .forUpdate()
      .executeTakeFirst();
    if (!pair || pair.status !== "proposed") return fail(404, "mentorship.errors.noSuchAsk");
    if (refusal) return refusal;
    const mentorName = await nameOf(trx, mentorId);
    if (decision === "decline") {
      await trx
        .updateTable("mentorships")
        .set({ status: "declined", decision_note: note || null, ended_at: new Date() })
        .where("id", "=", id)
        .execute();
      await tell(
        trx,
        pair.mentee_id,
        "declined",
        { name: mentorName },
        "/mentorship/suggestions",
        `mentorship:decline:${id}`,
        mentorId,
      );
      return ok({ cycleId: null as number | null });
    }
    const req = pair.request_id
      ? await trx
          .selectFrom("mentorship_requests")
          .select(["goals", "status"])
          .where("id", "=", pair.request_id)
          .executeTakeFirst()
      : undefined;
    const placed = await placePair(trx, {
      pairId: id,
      mentorId,
      menteeId: pair.mentee_id,
      requestId: pair.request_id,
      into,
      goals: req?.goals ?? "",
      matchedBy: null,
    });
    if (!placed.ok) return placed;
    await trx
      .updateTable("mentorships")
      .set({ decision_note: note || null })
      .where("id", "=", id)
      .execute();
    await tell(
      trx,
      pair.mentee_id,
      "accepted",
      { name: mentorName },
      `/mentorship/${placed.cycleId}`,
      `mentorship:accept:${id}`,
      mentorId,
    );
    return ok({ cycleId: placed.cycleId as number | null });
  });
}

/** Staff match a request to a mentor directly: the mentorship starts at once. */
export async function staffMatch({
  scope,
  requestId,
  mentorUsername,
}: {
  scope: Scope;
  requestId: number;
  mentorUsername: string;
}) {
  if (!canManageMentorProgramme(scope)) return fail(403, "errors.forbidden");
  return db.transaction().execute(async (trx) => {
    const req = await trx
      .selectFrom("mentorship_requests")
      .select(["id", "mentee_id", "goals", "status"])
      .where("id", "=", requestId)
      .forUpdate()
      .executeTakeFirst();
    if (!req || req.status !== "open")
      return fail(404, "mentorship.errors.noRequest", { requestId: "mentorship.errors.noRequest" });
    const mentor = await trx
      .selectFrom("users")
      .select("id")
      .where(sql`lower(username)`, "=", mentorUsername.replace(/^@/, "").toLowerCase())
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    if (!mentor) return fail(404, "mentorship.errors.noSuchMentor", { mentor: "mentorship.errors.noSuchMentor" });
    if (mentor.id === req.mentee_id) return fail(422, "mentorship.errors.self", { mentor: "mentorship.errors.self" });
    const { refusal, reg, load } = await lockMentorWithRoom(trx, mentor.id);
    if (refusal) return fail(409, refusal.message, { mentor: refusal.message });
    // an ask already waiting for this mentor becomes the match; otherwise it takes a free place
    const waiting = await trx
      .selectFrom("mentorships")
      .select("id")
      .where("mentor_id", "=", mentor.id)
      .where("mentee_id", "=", req.mentee_id)
      .where("status", "=", "proposed")
      .executeTakeFirst();
    if (!waiting && load >= reg!.capacity)
      return fail(409, "mentorship.errors.atCapacity", { mentor: "mentorship.errors.atCapacity" });
    const active = await trx
      .selectFrom("mentorships")
      .select("id")
      .where("mentor_id", "=", mentor.id)
      .where("mentee_id", "=", req.mentee_id)
      .where("status", "=", "active")
      .executeTakeFirst();
    if (active) return fail(409, "mentorship.errors.alreadyAsked", { mentor: "mentorship.errors.alreadyAsked" });
    const pairId =
      waiting?.id ??
      (
        await trx
          .insertInto("mentorships")
          .values({ mentor_id: mentor.id, mentee_id: req.mentee_id, status: "proposed", request_id: req.id })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const placed = await placePair(trx, {
      pairId,
      mentorId: mentor.id,
      menteeId: req.mentee_id,
      requestId: req.id,
      into: "new",
      goals: req.goals,
      matchedBy: scope.userId,
    });
    if (!placed.ok) return placed;
    await recordAudit(trx, {
      actorId: scope.userId,
      action: "mentorship.match",
      targetType: "mentorship_cycle",
      targetId: placed.cycleId,
      after: { requestId, mentorId: mentor.id, menteeId: req.mentee_id },
    });
    for (const userId of [mentor.id, req.mentee_id])
      await tell(
        trx,
        userId,
        "matched",
        {},
        `/mentorship/${placed.cycleId}`,
        `mentorship:match:${placed.cycleId}:${userId}`,
      );
    return ok({ cycleId: placed.cycleId });
  });
}

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

// ---- the member's mentorship home ----

export async function getMentorshipHome({ userId }: { userId: number }) {
  const [registration, request, myAsks, asksToMe, cycles] = await Promise.all([
    db.selectFrom("mentor_registrations").selectAll().where("user_id", "=", userId).executeTakeFirst(),
    getOpenRequest(db, { menteeId: userId }),
    db
      .selectFrom("mentorships as p")
      .innerJoin("users as u", "u.id", "p.mentor_id")
      .select(["p.id", "p.status", "p.decision_note", "p.created_at", "u.display_name", "u.username"])
      .where("p.mentee_id", "=", userId)
      .where("p.status", "in", ["proposed", "declined"])
      .where("p.created_at", ">", sql<Date>`now() - interval '60 days'`)
      .orderBy("p.id", "desc")
      .limit(20)
      .execute(),
    db
      .selectFrom("mentorships as p")
      .innerJoin("users as u", "u.id", "p.mentee_id")
      .leftJoin("mentorship_requests as r", "r.id", "p.request_id")
      .select([
        "p.id",
        "p.ask_note",
        "p.created_at",
        "u.display_name",
        "u.username",
        "u.level",
        "r.goals",
        "r.competencies",
        "r.language",
        "r.availability",
      ])
      .where("p.mentor_id", "=", userId)
      .where("p.status", "=", "proposed")
      .orderBy("p.id")
      .execute(),
    db
      .selectFrom("mentorship_cycles as c")
      .innerJoin("users as m", "m.id", "c.mentor_id")
      .select([
        "c.id",
        "c.status",
        "c.started_at",
        "c.ends_on",
        "c.max_mentees",
        "c.mentor_id",
        "m.display_name as mentor_name",
      ])
      .select(
        sql<
          string[]
        >`(select coalesce(array_agg(u.display_name order by p.started_at), '{}') from mentorships p join users u
            on u.id = p.mentee_id where p.cycle_id = c.id)`.as("mentee_names"),
      )
      .select(
        sql<number>`(select count(*)::int from mentorships p where p.cycle_id = c.id and p.status = 'active')`.as(
          "active_mentees",
        ),
      )
      .where((eb) =>
        eb.or([
          eb("c.mentor_id", "=", userId),
          eb.exists(
            eb
              .selectFrom("mentorships as p")
              .select("p.id")
              .whereRef("p.cycle_id", "=", "c.id")
              .where("p.mentee_id", "=", userId),
          ),
        ]),
      )
      .orderBy("c.id", "desc")
      .execute(),
  ]);
  const load = registration ? await mentorLoad(db, userId) : 0;
  // group mentorships with room, offered when the mentor accepts an ask
  const groups = cycles.filter(
    (c) => c.mentor_id === userId && c.status === "active" && c.max_mentees > 1 && c.active_mentees < c.max_mentees,
  );
  return { registration, load, request, myAsks, asksToMe, cycles, groups };
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

export type RequestedCompetencies = { slug: string; level: Proficiency }[];
