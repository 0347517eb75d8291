// Events on the real database: capacity holds when two members race for the last seat, check-in
// codes expire and cannot be reused (nothing written when refused), a webinar event's attendance
// meets the webinar requirement and any attended event counts as an activity, staff actions are
// audited, and the .ics output follows RFC 5545.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { foldLine, icsText, renderIcs } from "~/models/events/event-calendar.server";
import { EventSchema } from "~/models/events/event.schema";
import { createEvent, setEventStatus } from "~/models/events/event.server";
import { rsvpToEvent } from "~/models/events/event-seats.server";
import { checkInToEvent, createCheckinCode, markAttendance } from "~/models/events/event-attendance.server";
import { getStanding } from "~/models/journey/progress/index.server";
import { scopeOfUser } from "~/viewer.server";
import { createMember, ensureProgramme } from "../factories/progress";
import { inHours as local, publishEvent } from "../factories/events";
import { createAdmin } from "../factories/users";

let admin: Awaited<ReturnType<typeof createAdmin>>;
beforeAll(async () => {
  await ensureProgramme();
  admin = await createAdmin();
});

// under way: check-in opens 15 minutes before the start
const newEvent = (fields: Record<string, string> = {}) =>
  publishEvent(admin.id, { startsAt: local(-0.5), endsAt: local(3), ...fields });

async function progressOf(userId: number, key: string) {
  const standing = await getStanding(db, { userId, itemLimit: 50 });
  return standing!.requirements.find((x) => x.key === key)!.progress;
}

const rsvpCount = async (eventId: number) =>
  (await db.selectFrom("event_rsvps").select("user_id").where("event_id", "=", eventId).execute()).length;

describe("RSVP", () => {
  test("an RSVP beyond capacity is refused with a clear message and nothing is written", async () => {
    const id = await newEvent({ capacity: "2" });
    const [a, b, c] = await Promise.all([
      createMember({ level: 1 }),
      createMember({ level: 1 }),
      createMember({ level: 1 }),
    ]);
    expect((await rsvpToEvent({ scope: await scopeOfUser(db, a.id), eventId: id })).ok).toBe(true);
    expect((await rsvpToEvent({ scope: await scopeOfUser(db, b.id), eventId: id })).ok).toBe(true);
    const full = await rsvpToEvent({ scope: await scopeOfUser(db, c.id), eventId: id });
    expect(full).toMatchObject({ ok: false, status: 409, message: "events.errors.full", values: { capacity: 2 } });
    expect(await rsvpCount(id)).toBe(2);
    // RSVPing again is not a second seat
    expect((await rsvpToEvent({ scope: await scopeOfUser(db, a.id), eventId: id })).ok).toBe(true);
    expect(await rsvpCount(id)).toBe(2);
  });

  test("two members racing for the last seat: exactly one gets it", async () => {
    for (let round = 0; round < 3; round++) {
      const id = await newEvent({ capacity: "1" });
      const members = await Promise.all(Array.from({ length: 4 }, () => createMember({ level: 1 })));
      const scopes = await Promise.all(members.map((m) => scopeOfUser(db, m.id)));
      const results = await Promise.all(scopes.map((scope) => rsvpToEvent({ scope, eventId: id })));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.message === "events.errors.full")).toBe(true);
      expect(await rsvpCount(id)).toBe(1);
    }
  });

  test("a draft cannot be RSVPed to, a cancelled event neither", async () => {
    const member = await createMember({ level: 1 });
    const scope = await scopeOfUser(db, member.id);
    const input = EventSchema.parse({
      kind: "training",
      title: "Complaint handling",
      startsAt: local(1),
      endsAt: local(2),
      timeZone: "Africa/Lagos",
      onlineUrl: "https://meet.example.org/x",
    });
    const draft = await createEvent({ staffId: admin.id, input, publish: false });
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    expect(await rsvpToEvent({ scope, eventId: draft.id })).toMatchObject({ ok: false, status: 404 });
    await setEventStatus({ staffId: admin.id, id: draft.id, status: "cancelled" });
    expect(await rsvpToEvent({ scope, eventId: draft.id })).toMatchObject({
      ok: false,
      message: "events.errors.cancelled",
    });
    expect(await rsvpCount(draft.id)).toBe(0);
  });
});

describe("check-in codes", () => {
  test("a valid code checks the member in; the same code again is refused as reused, nothing written", async () => {
    const id = await newEvent();
    const member = await createMember({ level: 2 });
    const scope = await scopeOfUser(db, member.id);
    const code = await createCheckinCode({ staffId: admin.id, eventId: id, minutes: 15 });
    expect(code.ok).toBe(true);
    if (!code.ok) return;
    expect(await checkInToEvent({ scope, eventId: id, code: code.code })).toMatchObject({ ok: true });
    const again = await checkInToEvent({ scope, eventId: id, code: code.code });
    expect(again).toMatchObject({ ok: false, status: 409, message: "events.errors.codeReused" });
    const rows = await db.selectFrom("event_attendance").selectAll().where("event_id", "=", id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: member.id, source: "checkin" });
  });

  test("an expired code is refused, and a code replaced by a newer one too; nothing written", async () => {
    const id = await newEvent();
    const member = await createMember({ level: 2 });
    const scope = await scopeOfUser(db, member.id);
    const t0 = new Date();
    const first = await createCheckinCode({ staffId: admin.id, eventId: id, minutes: 10, now: t0 });
    if (!first.ok) throw new Error("no code");
    // 10 minutes later to the second, the code is over
    expect(
      await checkInToEvent({ scope, eventId: id, code: first.code, now: new Date(t0.getTime() + 10 * 60_000) }),
    ).toMatchObject({ ok: false, status: 410, message: "events.errors.codeExpired" });
    // one second before, it would have worked; but staff show a new code, which expires the old one
    const second = await createCheckinCode({
      staffId: admin.id,
      eventId: id,
      minutes: 10,
      now: new Date(t0.getTime() + 60_000),
    });
    if (!second.ok) throw new Error("no code");
    expect(
      await checkInToEvent({ scope, eventId: id, code: first.code, now: new Date(t0.getTime() + 120_000) }),
    ).toMatchObject({ ok: false, message: "events.errors.codeExpired" });
    expect(await checkInToEvent({ scope, eventId: id, code: "ZZZZZZ" })).toMatchObject({
      ok: false,
      message: "events.errors.codeUnknown",
    });
    expect(await db.selectFrom("event_attendance").select("user_id").where("event_id", "=", id).execute()).toHaveLength(
      0,
    );
    expect(
      await checkInToEvent({ scope, eventId: id, code: second.code, now: new Date(t0.getTime() + 120_000) }),
    ).toMatchObject({ ok: true });
  });

  test("a code of another event does not check in here", async () => {
    const here = await newEvent();
    const there = await newEvent();
    const member = await createMember({ level: 2 });
    const code = await createCheckinCode({ staffId: admin.id, eventId: there, minutes: 5 });
    if (!code.ok) throw new Error("no code");
    const r = await checkInToEvent({ scope: await scopeOfUser(db, member.id), eventId: here, code: code.code });
    expect(r).toMatchObject({ ok: false, message: "events.errors.codeUnknown" });
  });
});

describe("attendance feeds the requirements", () => {
  test("attending a Webinar 1.0 event meets the webinar requirement and counts as an activity", async () => {
    const member = await createMember({ level: 1 });
    expect(await progressOf(member.id, "l1-webinar-1")).toMatchObject({ done: 0 });
    const id = await newEvent({
      kind: "webinar",
      webinar: "webinar-1.0",
      title: "Webinar 1.0: serving customers",
      place: "",
      onlineUrl: "https://meet.example.org/w1",
      startsAt: local(-2),
      endsAt: local(-1),
    });
    await markAttendance({ staffId: admin.id, eventId: id, userIds: [member.id], attended: true });
    expect(await progressOf(member.id, "l1-webinar-1")).toMatchObject({ done: 1, status: "met" });
  });

  test("an attended meet-up counts toward the yearly activities, and stops counting when staff unmark it", async () => {
    const member = await createMember({ level: 2, enteredAt: new Date(Date.now() - 86_400_000 * 2) });
    const id = await newEvent({ startsAt: local(-3), endsAt: local(-2), title: "Nairobi service leaders meet-up" });
    const before = await progressOf(member.id, "l2-activities");
    await markAttendance({ staffId: admin.id, eventId: id, usernames: [`@${member.username}`], attended: true });
    const after = await progressOf(member.id, "l2-activities");
    expect(after.done).toBe(before.done + 1);
    expect(after.items.find((i) => i.label === "Nairobi service leaders meet-up")).toMatchObject({
      url: `/events/${id}`,
      state: "counted",
    });
    // staff unmark: it stops counting
    await markAttendance({ staffId: admin.id, eventId: id, userIds: [member.id], attended: false });
    expect((await progressOf(member.id, "l2-activities")).done).toBe(before.done);
  });

  test("marking attendance of an unknown username writes nothing", async () => {
    const member = await createMember({ level: 2 });
    const id = await newEvent();
    const r = await markAttendance({
      staffId: admin.id,
      eventId: id,
      userIds: [member.id],
      usernames: ["nobody_here_at_all"],
      attended: true,
    });
    expect(r).toMatchObject({
      ok: false,
      message: "events.errors.noSuchMember",
      values: { username: "nobody_here_at_all" },
    });
    expect(await db.selectFrom("event_attendance").select("user_id").where("event_id", "=", id).execute()).toHaveLength(
      0,
    );
  });

  test("every staff action on events is in the audit log", async () => {
    const id = await newEvent();
    const member = await createMember({ level: 1 });
    await createCheckinCode({ staffId: admin.id, eventId: id, minutes: 5 });
    await markAttendance({ staffId: admin.id, eventId: id, userIds: [member.id], attended: true });
    await setEventStatus({ staffId: admin.id, id, status: "cancelled" });
    const actions = (
      await db
        .selectFrom("audit_log")
        .select(["action", "actor_id"])
        .where("target_type", "=", "event")
        .where("target_id", "=", String(id))
        .orderBy("id")
        .execute()
    ).map((a) => a.action);
    expect(actions).toEqual(["event.create", "event.checkin_code.create", "event.attendance.mark", "event.cancel"]);
  });
});

describe("input", () => {
  test("an event with neither place nor link, or ending before it starts, is refused by the schema", () => {
    const r = EventSchema.safeParse({
      kind: "conference",
      title: "CX Summit",
      startsAt: "2026-12-01T10:00",
      endsAt: "2026-12-01T09:00",
      timeZone: "Mars/Olympus",
      place: "",
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    expect(paths).toEqual(expect.arrayContaining(["timeZone:events.errors.timeZone"]));
    const r2 = EventSchema.safeParse({
      kind: "webinar",
      title: "CX Summit",
      startsAt: "2026-12-01T10:00",
      endsAt: "2026-12-01T09:00",
      timeZone: "Africa/Lagos",
      place: "",
    });
    expect(r2.error!.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(["events.errors.where", "events.errors.webinar", "events.errors.endsBeforeStart"]),
    );
  });

  test("the event's local time is stored as the right instant", async () => {
    const input = EventSchema.parse({
      kind: "conference",
      title: "Accra CX Summit",
      startsAt: "2027-03-10T09:00",
      endsAt: "2027-03-10T17:00",
      timeZone: "Africa/Nairobi",
      place: "Nairobi",
    });
    const r = await createEvent({ staffId: admin.id, input, publish: true });
    if (!r.ok) throw new Error(r.message);
    const row = await db
      .selectFrom("events")
      .select(["starts_at", "ends_at"])
      .where("id", "=", r.id)
      .executeTakeFirstOrThrow();
    expect(row.starts_at.toISOString()).toBe("2027-03-10T06:00:00.000Z");
  });
});

describe("iCalendar", () => {
  test("TEXT values are escaped, lines end in CRLF and are folded at 75 octets", () => {
    expect(icsText("a;b,c\\d\ne")).toBe("a\\;b\\,c\\\\d\\ne");
    const ics = renderIcs(
      [
        {
          id: 7,
          title: "Webinar 2.0; customers, loyalty & \\ trust",
          description_markdown: "Line one\nLine two — with “quotes” and émojis 🎉 ".repeat(4),
          starts_at: new Date("2026-12-01T09:00:00Z"),
          ends_at: new Date("2026-12-01T10:30:00Z"),
          time_zone: "Africa/Lagos",
          place: null,
          status: "published",
          updated_at: new Date("2026-11-20T08:00:00Z"),
          sequence: 0,
        },
      ],
      { origin: "https://touchpoints.example", name: "Touchpoints events" },
    );
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // no bare CR or LF
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("SUMMARY:Webinar 2.0\\; customers\\, loyalty & \\\\ trust\r\n");
    expect(unfolded).toContain("DTSTART:20261201T090000Z\r\n");
    expect(unfolded).toContain("DTEND:20261201T103000Z\r\n");
    expect(unfolded).toContain("UID:event-7@touchpoints.example\r\n");
    expect(unfolded).toContain("DESCRIPTION:Line one\\nLine two — with “quotes” and émojis 🎉");
    expect(unfolded).toContain("LOCATION:Online\r\n");
    expect(unfolded).not.toContain("meet.example.org"); // the joining link stays on the members' page
  });

  test("folding never splits a multi-byte character", () => {
    const folded = foldLine(`SUMMARY:${"é".repeat(100)}`);
    for (const part of folded.split("\r\n")) expect(part).not.toContain("\uFFFD");
    expect(folded.replace(/\r\n /g, "")).toBe(`SUMMARY:${"é".repeat(100)}`);
  });
});
