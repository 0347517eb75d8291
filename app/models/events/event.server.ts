// Events staff publish (programme webinars, conferences, meet-ups, trainings): RSVPs within a
// capacity, attendance marked by staff or by members checking in with a short-lived code shown
// during the event. Attendance of a webinar event satisfies that webinar's requirement and every
// attended event counts as an activity (the evaluators read event_attendance directly).
import { randomInt } from "node:crypto";
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { canManageEvents, canRsvp, type Scope } from "../permissions.server";
import { recordAudit } from "../moderation/audit.server";
import type { EventInput } from "./event.schema";
import { localInputToDate } from "../shared/local-time";
import { notify } from "../account/notification.server";
import { renderMarkdownField } from "../forum/render.server";
import { fail, ok, type Result } from "../shared/result";
import { bothLanguages, message } from "../account/notification-text";

export type EventStatus = "draft" | "published" | "cancelled";

const EVENT_COLUMNS = [
  "e.id",
  "e.kind",
  "e.webinar",
  "e.title",
  "e.title_fr",
  "e.description_markdown",
  "e.description_html",
  "e.description_markdown_fr",
  "e.description_html_fr",
  "e.starts_at",
  "e.ends_at",
  "e.time_zone",
  "e.online_url",
  "e.place",
  "e.capacity",
  "e.status",
  "e.updated_at",
  "e.sequence",
] as const;

/**
 * The joining link of an online event, for those who may take part (members and staff) and no one
 * else: a public link invites strangers into the room. `online` says there is one either way.
 */
const joiningLink = (scope: Scope) =>
  canRsvp(scope) ? sql<string | null>`e.online_url`.as("online_url") : sql<null>`null`.as("online_url");
const isOnline = sql<boolean>`e.online_url is not null`.as("online");
const rsvpCount = sql<number>`(select count(*)::int from event_rsvps r where r.event_id = e.id)`.as("rsvp_count");
/** What lists and feeds show of an event: EVENT_COLUMNS without the joining link. */
type EventColumn = (typeof EVENT_COLUMNS)[number];
const LISTED_COLUMNS = EVENT_COLUMNS.filter((c): c is Exclude<EventColumn, "e.online_url"> => c !== "e.online_url");

export const listWebinarCatalogue = () =>
  db.selectFrom("webinars").select(["slug", "title", "title_fr", "level"]).orderBy("level").execute();

/** The event's row from the form: its descriptions (English and French) rendered, its times read in its time zone. */
async function prepareEvent(input: EventInput) {
  const description = await renderMarkdownField(input.description ?? "", "description");
  if (!description.ok) return description;
  const descriptionFr = await renderMarkdownField(input.description_fr ?? "", "description_fr");
  if (!descriptionFr.ok) return descriptionFr;
  const starts = localInputToDate(input.startsAt, input.timeZone);
  const ends = localInputToDate(input.endsAt, input.timeZone);
  if (!starts) return fail(400, "events.errors.startsAt", { startsAt: "events.errors.startsAt" });
  if (!ends) return fail(400, "events.errors.endsAt", { endsAt: "events.errors.endsAt" });
  return ok({
    row: {
      starts_at: starts,
      ends_at: ends,
      kind: input.kind,
      webinar: input.kind === "webinar" ? (input.webinar ?? null) : null,
      title: input.title,
      title_fr: input.title_fr,
      description_markdown: input.description,
      description_html: description.html,
      description_markdown_fr: input.description_fr,
      description_html_fr: input.description_fr ? descriptionFr.html : null,
      time_zone: input.timeZone,
      online_url: input.onlineUrl ?? null,
      place: input.place ?? null,
      capacity: input.capacity ?? null,
    },
  });
}

type EventRow = Extract<Awaited<ReturnType<typeof prepareEvent>>, { ok: true }>["row"];

/** Staff write an event: the form prepared, then one transaction that checks its webinar and runs `write`. */
async function writeEvent(
  input: EventInput,
  write: (trx: Db, row: EventRow) => Promise<Result<{ id: number }>>,
): Promise<Result<{ id: number }>> {
  const prepared = await prepareEvent(input);
  if (!prepared.ok) return prepared;
  const { row } = prepared;
  return db.transaction().execute(async (trx) => {
    // a webinar event names a webinar of the catalogue
    if (
      row.webinar &&
      !(await trx.selectFrom("webinars").select("slug").where("slug", "=", row.webinar).executeTakeFirst())
    )
      return fail(400, "events.errors.webinar", { webinar: "events.errors.webinar" });
    return write(trx, row);
  });
}

/** Staff create an event, as a draft or published at once. */
export async function createEvent({
  staffId,
  input,
  publish,
}: {
  staffId: number;
  input: EventInput;
  publish: boolean;
}): Promise<Result<{ id: number }>> {
  return writeEvent(input, async (trx, row) => {
    const { id } = await trx
      .insertInto("events")
      .values({ ...row, status: publish ? "published" : "draft", created_by: staffId })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: staffId,
      action: "event.create",
      targetType: "event",
      targetId: id,
      after: {
        ...row,
        description_html: undefined,
        description_html_fr: undefined,
        status: publish ? "published" : "draft",
      },
    });
    return ok({ id });
  });
}

export async function updateEvent({
  staffId,
  id,
  input,
}: {
  staffId: number;
  id: number;
  input: EventInput;
}): Promise<Result<{ id: number }>> {
  return writeEvent(input, async (trx, row) => {
    const before = await trx
      .selectFrom("events as e")
      .select(EVENT_COLUMNS)
      .where("e.id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return fail(404, "events.errors.notFound");
    if (row.capacity !== null) {
      const { n } = await trx
        .selectFrom("event_rsvps")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("event_id", "=", id)
        .executeTakeFirstOrThrow();
      if (Number(n) > row.capacity)
        return fail(
          409,
          "events.errors.capacityBelowRsvps",
          { capacity: "events.errors.capacityBelowRsvps" },
          { count: Number(n) },
        );
    }
    // SEQUENCE goes up with every change so calendars replace their copy (RFC 5545 3.8.7.4)
    await trx
      .updateTable("events")
      .set({ ...row, updated_at: new Date(), sequence: sql`sequence + 1` })
      .where("id", "=", id)
      .execute();
    await promoteFromWaitlist(trx, id);
    const { description_html: _b, description_html_fr: _f, ...b } = before;
    await recordAudit(trx, {
      actorId: staffId,
      action: "event.update",
      targetType: "event",
      targetId: id,
      before: b,
      after: { ...row, description_html: undefined, description_html_fr: undefined },
    });
    return ok({ id });
  });
}

export async function setEventStatus({
  staffId,
  id,
  status,
}: {
  staffId: number;
  id: number;
  status: EventStatus;
}): Promise<Result<{ id: number }>> {
  return db.transaction().execute(async (trx) => {
    const before = await lockEvent(trx, id);
    if (!before) return fail(404, "events.errors.notFound");
    if (before.status === status) return ok({ id });
    await trx
      .updateTable("events")
      .set({ status, updated_at: new Date(), sequence: sql`sequence + 1` })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      actorId: staffId,
      action: `event.${status === "published" ? "publish" : status === "cancelled" ? "cancel" : "unpublish"}`,
      targetType: "event",
      targetId: id,
      before: { status: before.status },
      after: { status },
    });
    return ok({ id });
  });
}

/** One event as the viewer may see it: drafts only for staff, the joining link only for members and staff. */
export async function getEvent({ scope, id }: { scope: Scope; id: number }) {
  if (!Number.isSafeInteger(id) || id < 1) return undefined;
  const e = await db
    .selectFrom("events as e")
    .select(LISTED_COLUMNS)
    .select([joiningLink(scope), isOnline])
    .select(rsvpCount)
    .where("e.id", "=", id)
    .executeTakeFirst();
  if (!e || (e.status === "draft" && !canManageEvents(scope))) return undefined;
  const [mine, attended, waiting] = scope.userId
    ? await Promise.all([
        db
          .selectFrom("event_rsvps")
          .select("created_at")
          .where("event_id", "=", id)
          .where("user_id", "=", scope.userId)
          .executeTakeFirst(),
        db
          .selectFrom("event_attendance")
          .select(["source", "created_at"])
          .where("event_id", "=", id)
          .where("user_id", "=", scope.userId)
          .executeTakeFirst(),
        waitlistPosition(db, id, scope.userId),
      ])
    : [undefined, undefined, null];
  return {
    ...e,
    rsvp_count: Number(e.rsvp_count ?? 0),
    going: !!mine,
    attended: !!attended,
    waitlistPosition: waiting,
  };
}

/**
 * Published events that have not ended, soonest first (events page and feeds), as `scope` may see
 * them: feeds and calendars are fetched without a session, so they ask as a visitor.
 */
type UpcomingQuery = { scope: Scope; now?: Date; limit?: number };
export async function listUpcomingEvents({ scope, now = new Date(), limit = 100 }: UpcomingQuery) {
  return db
    .selectFrom("events as e")
    .select(LISTED_COLUMNS)
    .select([joiningLink(scope), isOnline])
    .select(rsvpCount)
    .where("e.status", "=", "published")
    .where("e.ends_at", ">", now)
    .orderBy("e.starts_at")
    .limit(limit)
    .execute();
}

/** Staff list: every event, newest start first. */
export async function listAllEvents({ limit = 200 }: { limit?: number } = {}) {
  return db
    .selectFrom("events as e")
    .select(EVENT_COLUMNS)
    .select(rsvpCount)
    .select(sql<number>`(select count(*)::int from event_attendance a where a.event_id = e.id)`.as("attendance_count"))
    .orderBy("e.starts_at", "desc")
    .limit(limit)
    .execute();
}

/** Locks the event's row (`share`: against changes only) for a step that depends on its status. */
function lockEvent(trx: Db, id: number, { share = false } = {}) {
  const q = trx.selectFrom("events").select(["id", "status", "capacity", "starts_at", "ends_at"]).where("id", "=", id);
  return (share ? q.forShare() : q.forUpdate()).executeTakeFirst();
}
type LockedEvent = Awaited<ReturnType<typeof lockEvent>>;

/** Staff steps that need a published event (attendance, check-in codes): the refusal, else undefined. */
function unpublished(e: LockedEvent) {
  if (!e) return fail(404, "events.errors.notFound");
  if (e.status !== "published") return fail(409, "events.errors.notPublished");
}

/** Members' steps on an event (RSVP, check-in): refused for a draft or a cancelled one. */
function openToMembers(e: LockedEvent): Result<{ e: NonNullable<LockedEvent> }> {
  if (!e || e.status === "draft") return fail(404, "events.errors.notFound");
  if (e.status === "cancelled") return fail(409, "events.errors.cancelled");
  return ok({ e });
}

/** A member's step on one event; `now` for tests. */
type MemberStep = { scope: Scope; eventId: number; now?: Date };

type Seat = { userId: number; capacity: number | null; going: boolean; taken: number };

/**
 * A member's step on a published event that has not ended (members only): the event row is locked,
 * so RSVPs and the waitlist change in order, and `step` sees whether the member holds a seat and
 * how many are taken.
 */
async function onOpenEvent<T extends object>(
  { scope, eventId, now }: Required<MemberStep>,
  step: (trx: Db, seat: Seat) => Promise<Result<T>>,
): Promise<Result<T>> {
  if (!scope.userId || !canRsvp(scope)) return fail(403, "events.errors.membersOnly");
  const userId = scope.userId;
  return db.transaction().execute(async (trx) => {
    const open = openToMembers(await lockEvent(trx, eventId));
    if (!open.ok) return open;
    const { e } = open;
    if (e.ends_at <= now) return fail(409, "events.errors.over");
    const row = await trx
      .selectFrom("event_rsvps")
      .select([
        sql<boolean>`coalesce(bool_or(user_id = ${userId}), false)`.as("going"),
        sql<number>`count(*)::int`.as("taken"),
      ])
      .where("event_id", "=", eventId)
      .executeTakeFirstOrThrow();
    return step(trx, { userId, capacity: e.capacity, going: row.going, taken: row.taken });
  });
}

/**
 * A member RSVPs. The event row is locked for the count-and-insert, so two requests for the last
 * seat are serialised: the second sees the event full and nothing is written.
 */
export async function rsvpToEvent({ scope, eventId, now = new Date() }: MemberStep): Promise<Result<{ going: true }>> {
  return onOpenEvent({ scope, eventId, now }, async (trx, { userId, capacity, going, taken }) => {
    if (going) return ok({ going: true as const });
    if (capacity !== null && taken >= capacity) return fail(409, "events.errors.full", undefined, { capacity });
    await trx.insertInto("event_rsvps").values({ event_id: eventId, user_id: userId }).execute();
    await trx.deleteFrom("event_waitlist").where("event_id", "=", eventId).where("user_id", "=", userId).execute();
    return ok({ going: true as const });
  });
}

/** The member's place in the event's waitlist (1 = next), or null when not waiting. */
async function waitlistPosition(conn: Db, eventId: number, userId: number): Promise<number | null> {
  const { rows } = await sql<{ position: number }>`select (select count(*)::int from event_waitlist o
      where o.event_id = w.event_id and (o.created_at, o.user_id) <= (w.created_at, w.user_id)) as position
    from event_waitlist w where w.event_id = ${eventId} and w.user_id = ${userId}`.execute(conn);
  return rows[0]?.position ?? null;
}

/** A member joins the waitlist of a full event; seats freed later go to the waitlist in order. */
export async function joinWaitlist({
  scope,
  eventId,
  now = new Date(),
}: MemberStep): Promise<Result<{ position: number }>> {
  return onOpenEvent({ scope, eventId, now }, async (trx, { userId, capacity, going, taken }) => {
    if (going) return fail(409, "events.errors.alreadyGoing");
    if (capacity === null || taken < capacity) return fail(409, "events.errors.notFull");
    await trx
      .insertInto("event_waitlist")
      .values({ event_id: eventId, user_id: userId, created_at: now })
      .onConflict((oc) => oc.columns(["event_id", "user_id"]).doNothing())
      .execute();
    return ok({ position: (await waitlistPosition(trx, eventId, userId)) ?? 1 });
  });
}

export async function leaveWaitlist({ userId, eventId }: { userId: number; eventId: number }) {
  await db.deleteFrom("event_waitlist").where("event_id", "=", eventId).where("user_id", "=", userId).execute();
}

/**
 * Gives free seats of a published, upcoming event to the waitlist, first come first served; each
 * promoted member is told (in-app, and by mail through the outbox). The caller holds the event's lock.
 */
async function promoteFromWaitlist(trx: Db, eventId: number, now = new Date()) {
  const e = await trx
    .selectFrom("events")
    .select(["id", "title", "title_fr", "status", "capacity", "ends_at"])
    .where("id", "=", eventId)
    .executeTakeFirst();
  if (!e || e.status !== "published" || e.ends_at <= now || e.capacity === null) return;
  const { n } = await trx
    .selectFrom("event_rsvps")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("event_id", "=", eventId)
    .executeTakeFirstOrThrow();
  if (n >= e.capacity) return;
  const next = await trx
    .deleteFrom("event_waitlist")
    .where("event_id", "=", eventId)
    .where("user_id", "in", (eb) =>
      eb
        .selectFrom("event_waitlist")
        .select("user_id")
        .where("event_id", "=", eventId)
        .orderBy("created_at")
        .orderBy("user_id")
        .limit(e.capacity! - n),
    )
    .returning("user_id")
    .execute();
  for (const { user_id } of next) {
    await trx
      .insertInto("event_rsvps")
      .values({ event_id: eventId, user_id })
      .onConflict((oc) => oc.columns(["event_id", "user_id"]).doNothing())
      .execute();
    await notify(trx, {
      userId: user_id,
      kind: "reminder",
      data: { text: message("events.promoted", { title: bothLanguages(e, "title") }), href: `/events/${eventId}` },
      sourceKey: `event-promoted:${eventId}`,
    });
  }
}

/** Seats freed inside the caller's transaction (an account deleted): each goes to the waitlist, in order. */
export async function refillSeats(trx: Db, eventIds: number[]) {
  // events locked in id order, so two deletions freeing seats in the same events cannot deadlock
  for (const id of [...new Set(eventIds)].sort((a, b) => a - b))
    if (await lockEvent(trx, id)) await promoteFromWaitlist(trx, id);
}

/** A member cancels their RSVP; the seat goes to the first member waiting, in the same transaction. */
export async function cancelRsvp({ userId, eventId }: { userId: number; eventId: number }) {
  await db.transaction().execute(async (trx) => {
    if (!(await lockEvent(trx, eventId))) return;
    const gone = await trx
      .deleteFrom("event_rsvps")
      .where("event_id", "=", eventId)
      .where("user_id", "=", userId)
      .returning("user_id")
      .execute();
    if (gone.length) await promoteFromWaitlist(trx, eventId);
  });
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
