// Issue 22 point 10: a full event's waitlist (joined in order, promoted when a seat frees up, the member
// told in-app and by mail through the outbox), check-in opening 15 minutes before the start, and the
// calendar SEQUENCE counting the event's changes.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { getEvent, setEventStatus, updateEvent } from "~/models/events/event.server";
import { cancelRsvp, joinWaitlist, rsvpToEvent } from "~/models/events/event-seats.server";
import { checkInToEvent, createCheckinCode } from "~/models/events/event-attendance.server";
import { renderIcs } from "~/models/events/event-calendar.server";
import { scopeOfUser } from "~/viewer.server";
import { createMember, ensureProgramme } from "../factories/progress";
import { eventInput, localInputUtc, publishEvent } from "../factories/events";
import { createAdmin } from "../factories/users";
import { wordedAs } from "../factories/notifications";

let admin: Awaited<ReturnType<typeof createAdmin>>;
beforeAll(async () => {
  await ensureProgramme();
  admin = await createAdmin();
});

const form = (starts: Date, extra: Record<string, string> = {}) => ({
  title: "Accra CX breakfast",
  startsAt: localInputUtc(starts),
  endsAt: localInputUtc(new Date(starts.getTime() + 2 * 3_600_000)),
  place: "Osu, Accra",
  ...extra,
});
const fields = (starts: Date, extra: Record<string, string> = {}) => eventInput(form(starts, extra));
const newEvent = (extra: Record<string, string> = {}, starts = new Date(Date.now() + 24 * 3_600_000)) =>
  publishEvent(admin.id, form(starts, extra));
const scope = async (u: { id: number }) => scopeOfUser(db, u.id);

describe("waitlist", () => {
  test("a full event keeps an ordered waitlist; a cancelled seat goes to the first waiting, told by mail", async () => {
    const id = await newEvent({ capacity: "1" });
    const [seated, first, second] = await Promise.all([
      createMember({ level: 1 }),
      createMember({ level: 1 }),
      createMember({ level: 1 }),
    ]);
    expect(await rsvpToEvent({ scope: await scope(seated), eventId: id })).toMatchObject({ ok: true });
    // seats still free: no waitlist
    const other = await createMember({ level: 1 });
    const freeEvent = await newEvent({ capacity: "5" });
    expect(await joinWaitlist({ scope: await scope(other), eventId: freeEvent })).toMatchObject({
      ok: false,
      message: "events.errors.notFull",
    });

    expect(await rsvpToEvent({ scope: await scope(first), eventId: id })).toMatchObject({
      ok: false,
      message: "events.errors.full",
    });
    expect(await joinWaitlist({ scope: await scope(first), eventId: id })).toMatchObject({ ok: true, position: 1 });
    expect(await joinWaitlist({ scope: await scope(second), eventId: id })).toMatchObject({ ok: true, position: 2 });
    expect(await joinWaitlist({ scope: await scope(seated), eventId: id })).toMatchObject({
      ok: false,
      message: "events.errors.alreadyGoing",
    });
    expect((await getEvent({ scope: await scope(second), id }))?.waitlistPosition).toBe(2);

    await cancelRsvp({ userId: seated.id, eventId: id });
    const rsvps = await db.selectFrom("event_rsvps").select("user_id").where("event_id", "=", id).execute();
    expect(rsvps).toEqual([{ user_id: first.id }]);
    expect(await getEvent({ scope: await scope(first), id })).toMatchObject({ going: true, waitlistPosition: null });
    expect((await getEvent({ scope: await scope(second), id }))?.waitlistPosition).toBe(1);
    const told = await db
      .selectFrom("notifications")
      .select(["id", "data"])
      .where("user_id", "=", first.id)
      .where("source_key", "=", `event-promoted:${id}`)
      .executeTakeFirstOrThrow();
    expect(wordedAs("en", told!)).toContain("Accra CX breakfast");
    // the mail goes through the outbox (the job queue), written in the same transaction
    const mails = await db.selectFrom("outbox").select("payload").where("kind", "=", "notification.email").execute();
    expect(mails.some((j) => (j.payload as { notificationId?: number }).notificationId === told.id)).toBe(true);
  });

  test("raising the capacity seats the waiting members at once", async () => {
    const starts = new Date(Date.now() + 24 * 3_600_000);
    const id = await newEvent({ capacity: "1" }, starts);
    const [a, b] = await Promise.all([createMember({ level: 1 }), createMember({ level: 1 })]);
    await rsvpToEvent({ scope: await scope(a), eventId: id });
    await joinWaitlist({ scope: await scope(b), eventId: id });
    expect(await updateEvent({ staffId: admin.id, id, input: fields(starts, { capacity: "2" }) })).toMatchObject({
      ok: true,
    });
    expect(
      (
        await db.selectFrom("event_rsvps").select("user_id").where("event_id", "=", id).orderBy("user_id").execute()
      ).map((r) => r.user_id),
    ).toEqual([a.id, b.id].sort((x, y) => x - y));
  });
});

describe("check-in window", () => {
  test("a code is refused until 15 minutes before the start, then accepted", async () => {
    const id = await newEvent({}, new Date(Date.now() + 60 * 60_000));
    // the form keeps whole minutes: the stored start is the reference
    const { starts_at: starts } = await db
      .selectFrom("events")
      .select("starts_at")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const m = await createMember({ level: 1 });
    const early = new Date(starts.getTime() - 16 * 60_000);
    const code = await createCheckinCode({ staffId: admin.id, eventId: id, minutes: 120, now: early });
    if (!code.ok) throw new Error(code.message);
    expect(await checkInToEvent({ scope: await scope(m), eventId: id, code: code.code, now: early })).toMatchObject({
      ok: false,
      message: "events.errors.checkinNotYet",
      values: { until: new Date(starts.getTime() - 15 * 60_000).toISOString() },
    });
    expect(await db.selectFrom("event_attendance").select("user_id").where("event_id", "=", id).execute()).toEqual([]);
    expect(
      await checkInToEvent({
        scope: await scope(m),
        eventId: id,
        code: code.code,
        now: new Date(starts.getTime() - 14 * 60_000),
      }),
    ).toMatchObject({ ok: true });
  });
});

test("SEQUENCE counts the event's changes, so calendars replace their copy", async () => {
  const starts = new Date(Date.now() + 48 * 3_600_000);
  const id = await newEvent({}, starts);
  const seq = async () =>
    (await db.selectFrom("events").select("sequence").where("id", "=", id).executeTakeFirstOrThrow()).sequence;
  expect(await seq()).toBe(0);
  await updateEvent({ staffId: admin.id, id, input: fields(new Date(starts.getTime() + 3_600_000)) });
  expect(await seq()).toBe(1);
  await setEventStatus({ staffId: admin.id, id, status: "cancelled" });
  expect(await seq()).toBe(2);
  const e = await getEvent({ scope: await scope(admin), id });
  expect(renderIcs([e!], { origin: "https://touchpoints.example", name: "x" })).toContain("\r\nSEQUENCE:2\r\n");
});
