// Placing a matched pair: a new mentorship cycle with its private thread (the goals in the mentee's
// words), or a place in one of the mentor's group cycles; the request is then matched. Called by the
// mentor's acceptance and by a staff match (mentorship-requests.server.ts), inside their transaction.
import { sql } from "kysely";
import type { Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { pickLocale, sharedI18n } from "../../i18n";
import { scopeOfUser } from "../../viewer.server";
import { getCategoryBySlug } from "../forum/category.server";
import { CYCLE_MONTHS, GROUP_MAX } from "./mentorship.schema";
import { createTopic } from "../forum/post.server";
import { fail, ok } from "../shared/result";

export const MENTORSHIP_CATEGORY = "mentorship";

export type Into = "new" | "group" | number;

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

/**
 * Starts a mentorship: the pair goes into a new cycle (one mentee or a group) or joins one of the
 * mentor's group cycles; its request is matched and the other mentors asked for it are released.
 */
export async function placePair(
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
