// Events and awards over real HTTP: the calendar and RSS feeds (drafts and joining links never in
// them), a full event and a reused check-in code answered with a sentence (not a 500) and nothing
// written, a nomination posted after the deadline refused with the text kept, and evidence files
// served only to those allowed. Needs the built app: `npx remix build` first.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { RoundSchema } from "~/models/awards/award.schema";
import { createRound } from "~/models/awards/award.server";
import { EventSchema } from "~/models/events/event.schema";
import { createEvent } from "~/models/events/event.server";
import { createCheckinCode } from "~/models/events/event-attendance.server";
import { saveNomination } from "~/models/awards/nomination.server";
import { scopeOfUser } from "~/viewer.server";
import { createMember, ensureProgramme } from "../factories/progress";
import { createAdmin } from "../factories/users";
import { postForm, startApp, type TestApp } from "../setup/app";
import { signInCookie } from "../setup/two-factor";
import { pdfBytes } from "../factories/files";

let app: TestApp;
let admin: Awaited<ReturnType<typeof createAdmin>>;

const pad = (n: number) => String(n).padStart(2, "0");
function local(hours: number) {
  const d = new Date(Date.now() + hours * 3_600_000);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  );
}

async function signIn(user: { username: string; password: string }) {
  return signInCookie(app, user);
}

async function newEvent(fields: Record<string, string>, publish = true) {
  const input = EventSchema.parse({
    kind: "meetup",
    title: "Kigali CX breakfast",
    startsAt: local(-1),
    endsAt: local(2),
    timeZone: "UTC",
    place: "Kigali",
    ...fields,
  });
  const r = await createEvent({ staffId: admin.id, input, publish });
  if (!r.ok) throw new Error(r.message);
  return r.id;
}

beforeAll(async () => {
  await ensureProgramme();
  admin = await createAdmin();
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("feeds", () => {
  test("the .ics and RSS feeds list published upcoming events only, without joining links", async () => {
    const published = await newEvent({
      title: "Webinar 2.0, live; with Q&A",
      kind: "webinar",
      webinar: "webinar-2.0",
      place: "",
      onlineUrl: "https://meet.example.org/secret-room",
    });
    await newEvent({ title: "Draft planning session" }, false);
    const ics = await fetch(`${app.url}/events.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const body = await ics.text();
    expect(body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(body.replace(/\r\n /g, "")).toContain("SUMMARY:Webinar 2.0\\, live\\; with Q&A\r\n");
    expect(body).not.toContain("Draft planning session");
    expect(body).not.toContain("secret-room");

    const one = await fetch(`${app.url}/events/${published}.ics`);
    expect(one.status).toBe(200);
    expect(one.headers.get("content-disposition")).toContain(`touchpoints-event-${published}.ics`);
    expect((await one.text()).match(/BEGIN:VEVENT/g)).toHaveLength(1);

    const rss = await fetch(`${app.url}/events.rss`);
    expect(rss.headers.get("content-type")).toContain("application/rss+xml");
    const xml = await rss.text();
    expect(xml).toContain("Webinar 2.0, live; with Q&amp;A");
    expect(xml).not.toContain("Draft planning session");
    expect(xml).not.toContain("secret-room");

    // a draft has no page and no calendar file for visitors
    const draft = await db
      .selectFrom("events")
      .select("id")
      .where("title", "=", "Draft planning session")
      .executeTakeFirstOrThrow();
    expect((await fetch(`${app.url}/events/${draft.id}.ics`)).status).toBe(404);
    expect((await fetch(`${app.url}/events/${draft.id}`)).status).toBe(404);
  });

  test("the joining link is shown to signed-in members only", async () => {
    const id = await newEvent({ kind: "training", place: "", onlineUrl: "https://meet.example.org/members-room" });
    expect(await (await fetch(`${app.url}/events/${id}`)).text()).not.toContain("members-room");
    const member = await createMember({ level: 1 });
    const cookie = await signIn(member);
    expect(await (await fetch(`${app.url}/events/${id}`, { headers: { Cookie: cookie } })).text()).toContain(
      "https://meet.example.org/members-room",
    );
  });
});

describe("calendar file and waitlist (issue 22)", () => {
  test("an event's .ics has the joining link for members only, privately cached; the public feed never", async () => {
    const id = await newEvent({ kind: "training", place: "", onlineUrl: "https://meet.example.org/ics-room" });
    const visitor = await fetch(`${app.url}/events/${id}.ics`);
    expect(await visitor.text()).not.toContain("ics-room");
    const member = await createMember({ level: 1 });
    const cookie = await signIn(member);
    const mine = await fetch(`${app.url}/events/${id}.ics`, { headers: { Cookie: cookie } });
    expect(mine.headers.get("cache-control")).toBe("private, no-store");
    const body = (await mine.text()).replace(/\r\n /g, "");
    expect(body).toContain("\r\nCONFERENCE;VALUE=URI;FEATURE=VIDEO:https://meet.example.org/ics-room\r\n");
    expect(body).toContain("\r\nSEQUENCE:0\r\n");
    expect(await (await fetch(`${app.url}/events.ics`, { headers: { Cookie: cookie } })).text()).not.toContain(
      "ics-room",
    );
  });

  test("a full event offers its waitlist; the page shows the member's place", async () => {
    const id = await newEvent({ capacity: "1" });
    const [first, second] = await Promise.all([createMember({ level: 1 }), createMember({ level: 1 })]);
    expect((await postForm(app, `/events/${id}`, { intent: "rsvp" }, { cookie: await signIn(first) })).status).toBe(
      302,
    );
    const cookie = await signIn(second);
    expect(await (await fetch(`${app.url}/events/${id}`, { headers: { Cookie: cookie } })).text()).toContain(
      "Join the waitlist",
    );
    expect((await postForm(app, `/events/${id}`, { intent: "waitlist" }, { cookie })).status).toBe(302);
    expect(await (await fetch(`${app.url}/events/${id}`, { headers: { Cookie: cookie } })).text()).toContain(
      "You are number 1 on the waitlist.",
    );
  });
});

describe("bad input answered with a sentence, nothing written", () => {
  test("an RSVP to a full event", async () => {
    const id = await newEvent({ capacity: "1" });
    const [first, second] = await Promise.all([createMember({ level: 1 }), createMember({ level: 1 })]);
    expect((await postForm(app, `/events/${id}`, { intent: "rsvp" }, { cookie: await signIn(first) })).status).toBe(
      302,
    );
    const res = await postForm(app, `/events/${id}`, { intent: "rsvp" }, { cookie: await signIn(second) });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("This event is full: all 1 seats are taken.");
    expect(await db.selectFrom("event_rsvps").select("user_id").where("event_id", "=", id).execute()).toEqual([
      { user_id: first.id },
    ]);
  });

  test("a check-in code used twice, and an expired one", async () => {
    const id = await newEvent({});
    const member = await createMember({ level: 2 });
    const cookie = await signIn(member);
    const code = await createCheckinCode({ staffId: admin.id, eventId: id, minutes: 5 });
    if (!code.ok) throw new Error(code.message);
    expect(
      (await postForm(app, `/events/${id}`, { intent: "checkin", code: code.code.toLowerCase() }, { cookie })).status,
    ).toBe(302);
    const again = await postForm(app, `/events/${id}`, { intent: "checkin", code: code.code }, { cookie });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("You have already used this code");

    const other = await createMember({ level: 2 });
    await db
      .updateTable("event_checkin_codes")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("event_id", "=", id)
      .execute();
    const expired = await postForm(
      app,
      `/events/${id}`,
      { intent: "checkin", code: code.code },
      { cookie: await signIn(other) },
    );
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("This code has expired.");
    expect(await db.selectFrom("event_attendance").select("user_id").where("event_id", "=", id).execute()).toEqual([
      { user_id: member.id },
    ]);
  });

  test("a nomination posted after the deadline keeps the member's text and writes nothing", async () => {
    const input = RoundSchema.parse({
      year: 2045,
      title: "Touchpoints Awards 2045",
      deadline: local(1),
      categories: "Customer champion",
      criteria: "Impact",
    });
    const round = await createRound({ staffId: admin.id, input, timeZone: "UTC" });
    if (!round.ok) throw new Error(round.message);
    const category = await db
      .selectFrom("award_categories")
      .select("id")
      .where("round_id", "=", round.id)
      .executeTakeFirstOrThrow();
    const member = await createMember({ level: 3 });
    const cookie = await signIn(member);
    // the member opened the form before the deadline; the round closes while they write
    await db
      .updateTable("award_rounds")
      .set({ deadline_at: new Date(Date.now() - 1000) })
      .where("id", "=", round.id)
      .execute();
    const statement = "I turned around our escalations desk: complaints answered within a day went from 40% to 92%.";
    const res = await postForm(
      app,
      "/awards/nominate",
      {
        roundId: String(round.id),
        categoryId: String(category.id),
        statement,
        achievements: "Escalations within a day: 40% to 92%.",
        intent: "submit",
      },
      { cookie },
    );
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("The nomination deadline has passed");
    expect(html).toContain("I turned around our escalations desk");
    expect(
      await db.selectFrom("award_nominations").select("id").where("user_id", "=", member.id).execute(),
    ).toHaveLength(0);
  });
});

describe("evidence files", () => {
  test("served to the author and staff, 404 to other members and visitors", async () => {
    const input = RoundSchema.parse({
      year: 2046,
      title: "Touchpoints Awards 2046",
      deadline: local(24),
      categories: "Customer champion",
      criteria: "Impact",
    });
    const round = await createRound({ staffId: admin.id, input, timeZone: "UTC" });
    if (!round.ok) throw new Error(round.message);
    const category = await db
      .selectFrom("award_categories")
      .select("id")
      .where("round_id", "=", round.id)
      .executeTakeFirstOrThrow();
    const author = await createMember({ level: 4 });
    const pdf = new File([new Uint8Array(await pdfBytes())], "résumé <cv>.pdf"); // a PDF must parse to be kept
    const r = await saveNomination({
      scope: await scopeOfUser(db, author.id),
      roundId: round.id,
      input: { categoryId: category.id, statement: "", achievements: "", evidenceLinks: [] },
      submit: false,
      files: [pdf],
    });
    if (!r.ok) throw new Error(r.message);
    const file = await db
      .selectFrom("award_nomination_files")
      .select("id")
      .where("nomination_id", "=", r.id)
      .executeTakeFirstOrThrow();
    const own = await fetch(`${app.url}/awards/files/${file.id}`, { headers: { Cookie: await signIn(author) } });
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("application/pdf");
    expect(own.headers.get("content-disposition")).toMatch(
      /^attachment; filename="r_sum_ cv.pdf"; filename\*=UTF-8''r%C3%A9sum%C3%A9%20cv.pdf$/,
    );
    expect(
      (await fetch(`${app.url}/awards/files/${file.id}`, { headers: { Cookie: await signIn(admin) } })).status,
    ).toBe(200);
    const stranger = await createMember({ level: 4 });
    expect(
      (await fetch(`${app.url}/awards/files/${file.id}`, { headers: { Cookie: await signIn(stranger) } })).status,
    ).toBe(404);
    expect((await fetch(`${app.url}/awards/files/${file.id}`)).status).toBe(404);
  });
});
