// Seats at an event: members' RSVPs within its capacity and the waitlist that fills freed seats in
// order (each promoted member told). Also the event's row lock and the members' gate that the other
// event steps (event.server.ts, event-attendance.server.ts) take.
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { canRsvp, type Scope } from "../permissions.server";
import { notify } from "../account/notification.server";
import { fail, ok, type Result } from "../shared/result";
import { bothLanguages, message } from "../account/notification-text";

/** Locks the event's row (`share`: against changes only) for a step that depends on its status. */
export function lockEvent(trx: Db, id: number, { share = false } = {}) {
  const q = trx.selectFrom("events").select(["id", "status", "capacity", "starts_at", "ends_at"]).where("id", "=", id);
  return (share ? q.forShare() : q.forUpdate()).executeTakeFirst();
}
export type LockedEvent = Awaited<ReturnType<typeof lockEvent>>;

/** Members' steps on an event (RSVP, check-in): refused for a draft or a cancelled one. */
export function openToMembers(e: LockedEvent): Result<{ e: NonNullable<LockedEvent> }> {
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
export async function waitlistPosition(conn: Db, eventId: number, userId: number): Promise<number | null> {
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
export async function promoteFromWaitlist(trx: Db, eventId: number, now = new Date()) {
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
