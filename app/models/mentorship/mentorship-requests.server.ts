// Mentorship requests: a member's request, the ask to a suggested mentor and the mentor's answer (or a
// staff match), which opens a cycle or places the mentee in one (mentorship-placement.server.ts). Each
// change validates, then one transaction.
import { sql } from "kysely";
import type { Proficiency } from "../../../db/schema";
import { db, type Db } from "../../db.server";
import { canManageMentorProgramme, type Scope } from "../permissions.server";
import { recordAudit } from "../moderation/audit.server";
import { checkSanction } from "../forum/limits.server";
import { mentorLoad } from "./mentor.server";
import { MENTEE_LEVELS, type MentorshipRequestInput } from "./mentorship.schema";
import { listCompetencies } from "../directory/profile.server";
import { fail, ok } from "../shared/result";
import { placePair, type Into } from "./mentorship-placement.server";
import { nameOf, tell } from "./mentorship-notify.server";

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

export type RequestedCompetencies = { slug: string; level: Proficiency }[];
