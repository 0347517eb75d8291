// Attendance at an event: staff mark members present, or members check in with a short-lived code
// shown during the event. Attendance of a webinar event satisfies that webinar's requirement and every
// attended event counts as an activity (the evaluators read event_attendance directly).
import { randomInt } from "node:crypto";
import { sql } from "kysely";
import { db } from "../../db.server";
import { canRsvp, type Scope } from "../permissions.server";
import { recordAudit } from "../moderation/audit.server";
import { fail, ok, type Result } from "../shared/result";
import { lockEvent, openToMembers, type LockedEvent } from "./event-seats.server";

/** Staff steps that need a published event (attendance, check-in codes): the refusal, else undefined. */
function unpublished(e: LockedEvent) {
  if (!e) return fail(404, "events.errors.notFound");
  if (e.status !== "published") return fail(409, "events.errors.notPublished");
}

/** Staff: who RSVPed and who attended (RSVPs first, then walk-ins checked in or marked without one). */
export async function listEventPeople({ eventId }: { eventId: number }) {
  const { rows } = await sql<{
    user_id: number;
    username: string;
    display_name: string;
    rsvp: boolean;
    source: "staff" | "checkin" | null;
  }>`
    select u.id as user_id, u.username, u.display_name, (r.user_id is not null) as rsvp, a.source
    from users u
    left join event_rsvps r on r.user_id = u.id and r.event_id = ${eventId}
    left join event_attendance a on a.user_id = u.id and a.event_id = ${eventId}
    where (r.user_id is not null or a.user_id is not null) and u.deleted_at is null
    order by (r.user_id is null), lower(u.display_name)
    limit 2000`.execute(db);
  return rows;
}

/** Staff mark (or unmark) members as attended: by id from the RSVP list, or by username for a walk-in. */
export async function markAttendance({
  staffId,
  eventId,
  userIds = [],
  usernames = [],
  attended,
}: {
  staffId: number;
  eventId: number;
  userIds?: number[];
  usernames?: string[];
  attended: boolean;
}): Promise<Result<{ changed: number }>> {
  return db.transaction().execute(async (trx) => {
    const refused = unpublished(await lockEvent(trx, eventId, { share: true }));
    if (refused) return refused;
    const handles = usernames.map((u) => u.trim().replace(/^@/, "").toLowerCase()).filter(Boolean);
    const found = handles.length
      ? await trx
          .selectFrom("users")
          .select(["id", "username"])
          .where(sql`lower(username)`, "in", handles)
          .where("deleted_at", "is", null)
          .execute()
      : [];
    const missing = handles.filter((h) => !found.some((f) => f.username.toLowerCase() === h));
    if (missing.length)
      return fail(
        404,
        "events.errors.noSuchMember",
        { usernames: "events.errors.noSuchMember" },
        { username: missing[0] },
      );
    const ids = [...new Set([...userIds, ...found.map((f) => f.id)])].filter((n) => Number.isSafeInteger(n) && n > 0);
    if (!ids.length) return fail(400, "events.errors.nobodySelected");
    let changed = 0;
    if (attended) {
      const rows = await trx
        .insertInto("event_attendance")
        .values(ids.map((user_id) => ({ event_id: eventId, user_id, source: "staff" as const, recorded_by: staffId })))
        .onConflict((oc) => oc.columns(["event_id", "user_id"]).doNothing())
        .returning("user_id")
        .execute();
      changed = rows.length;
    } else {
      const rows = await trx
        .deleteFrom("event_attendance")
        .where("event_id", "=", eventId)
        .where("user_id", "in", ids)
        .returning("user_id")
        .execute();
      changed = rows.length;
    }
    await recordAudit(trx, {
      actorId: staffId,
      action: attended ? "event.attendance.mark" : "event.attendance.unmark",
      targetType: "event",
      targetId: eventId,
      after: { userIds: ids, changed },
    });
    return ok({ changed });
  });
}

export const CHECKIN_OPENS_MS = 15 * 60_000;

// No 0/O or 1/I: a code read off a slide is typed without confusion.
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const newCheckinCode = (length = 6) =>
  Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");

/** Staff show a check-in code for the next `minutes`; it replaces (expires) any code still showing. */
export async function createCheckinCode({
  staffId,
  eventId,
  minutes,
  now = new Date(),
}: {
  staffId: number;
  eventId: number;
  minutes: number;
  now?: Date;
}): Promise<Result<{ code: string; expiresAt: Date }>> {
  return db.transaction().execute(async (trx) => {
    const refused = unpublished(await lockEvent(trx, eventId));
    if (refused) return refused;
    await trx
      .updateTable("event_checkin_codes")
      .set({ expires_at: now })
      .where("event_id", "=", eventId)
      .where("expires_at", ">", now)
      .execute();
    const expiresAt = new Date(now.getTime() + minutes * 60_000);
    let code = newCheckinCode();
    for (let i = 0; i < 5; i++) {
      const clash = await trx
        .selectFrom("event_checkin_codes")
        .select("id")
        .where("event_id", "=", eventId)
        .where("code", "=", code)
        .executeTakeFirst();
      if (!clash) break;
      code = newCheckinCode();
    }
    const { id } = await trx
      .insertInto("event_checkin_codes")
      .values({ event_id: eventId, code, expires_at: expiresAt, created_by: staffId, created_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: staffId,
      action: "event.checkin_code.create",
      targetType: "event",
      targetId: eventId,
      after: { codeId: id, expiresAt },
    });
    return ok({ code, expiresAt });
  });
}

/** The code showing now, for the staff screen. */
export async function getActiveCheckinCode({ eventId, now = new Date() }: { eventId: number; now?: Date }) {
  return db
    .selectFrom("event_checkin_codes")
    .select(["code", "expires_at"])
    .where("event_id", "=", eventId)
    .where("expires_at", ">", now)
    .orderBy("id", "desc")
    .executeTakeFirst();
}

/**
 * A member checks in with the code shown during the event. Refused, with nothing written, when the
 * code is unknown, expired (or replaced by a newer one), or already used by this member.
 */
export async function checkInToEvent({
  scope,
  eventId,
  code,
  now = new Date(),
}: {
  scope: Scope;
  eventId: number;
  code: string;
  now?: Date;
}): Promise<Result<{ checkedIn: true }>> {
  if (!scope.userId || !canRsvp(scope)) return fail(403, "events.errors.membersOnly");
  const userId = scope.userId;
  return db.transaction().execute(async (trx) => {
    const open = openToMembers(await lockEvent(trx, eventId, { share: true }));
    if (!open.ok) return open;
    const { e } = open;
    // doors open 15 minutes before the start: a code leaked early cannot record attendance
    const opens = new Date(e.starts_at.getTime() - CHECKIN_OPENS_MS);
    if (now < opens) return fail(409, "events.errors.checkinNotYet", undefined, { until: opens.toISOString() });
    const c = await trx
      .selectFrom("event_checkin_codes")
      .select(["id", "expires_at"])
      .where("event_id", "=", eventId)
      .where("code", "=", code)
      .executeTakeFirst();
    if (!c) return fail(400, "events.errors.codeUnknown", { code: "events.errors.codeUnknown" });
    const mine = await trx
      .selectFrom("event_attendance")
      .select(["code_id", "source"])
      .where("event_id", "=", eventId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (mine?.code_id === c.id) return fail(409, "events.errors.codeReused", { code: "events.errors.codeReused" });
    if (c.expires_at <= now) return fail(410, "events.errors.codeExpired", { code: "events.errors.codeExpired" });
    if (mine) return fail(409, "events.errors.alreadyAttended", { code: "events.errors.alreadyAttended" });
    // two submissions racing: the primary key keeps one, the other is told the code was used
    const row = await trx
      .insertInto("event_attendance")
      .values({ event_id: eventId, user_id: userId, source: "checkin", code_id: c.id, created_at: now })
      .onConflict((oc) => oc.columns(["event_id", "user_id"]).doNothing())
      .returning("user_id")
      .executeTakeFirst();
    if (!row) return fail(409, "events.errors.codeReused", { code: "events.errors.codeReused" });
    return ok({ checkedIn: true as const });
  });
}
