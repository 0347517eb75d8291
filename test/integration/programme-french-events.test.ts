// The programme in French, events and cooked posts (issue 20 point 8): staff write an event's title and
// description in both languages, readers see theirs (events list and page, /progress, notifications,
// calendars), French falls back to English; a #category link in a stored post carries no English words.
// Needs the built app: `npx remix build` first.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { RENDER_VERSION } from "~/markdown/index.server";
import { EventSchema } from "~/models/events/event.schema";
import { createEvent } from "~/models/events/event.server";
import { cancelRsvp, joinWaitlist, rsvpToEvent } from "~/models/events/event-seats.server";
import { markAttendance } from "~/models/events/event-attendance.server";
import { clearCategoryCache } from "~/models/forum/category.server";
import { scopeOfUser } from "~/viewer.server";
import { wordedAs } from "../factories/notifications";
import { createMember, ensureProgramme } from "../factories/progress";
import { ageUser, createCategory, makeTopic } from "../factories/topics";
import { createAdmin } from "../factories/users";
import { postForm, startApp, type TestApp } from "../setup/app";
import { signInCookie } from "../setup/two-factor";
import { decodeEntities, pageText } from "../setup/page-text";
import { up as stripHashtagTitles } from "../../db/migrations/2026-12-06T1905_hashtag_titles";

let app: TestApp;
let admin: Awaited<ReturnType<typeof createAdmin>>;
beforeAll(async () => {
  await ensureProgramme();
  admin = await createAdmin({ username: "pfe_admin" });
  app = await startApp({ JOBS: "off" });
});
afterAll(async () => {
  await app?.stop();
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${app.url}${path}`, { headers });
  expect(res.status, path).toBe(200);
  return decodeEntities(await res.text());
};
const inFrench = (userId: number) => db.updateTable("users").set({ locale: "fr" }).where("id", "=", userId).execute();

const pad = (n: number) => String(n).padStart(2, "0");
const local = (hours: number) => {
  const d = new Date(Date.now() + hours * 3_600_000);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  );
};
const EN = "Dakar service breakfast";
const FR = "Petit-déjeuner du service à Dakar";
const form = (extra: Record<string, string> = {}) => ({
  kind: "meetup",
  title: EN,
  title_fr: FR,
  description: "Bring **one** story.",
  description_fr: "Apportez **une** histoire.",
  startsAt: local(-1),
  endsAt: local(2),
  timeZone: "UTC",
  place: "Plateau, Dakar",
  ...extra,
});
async function newEvent(extra: Record<string, string> = {}) {
  const r = await createEvent({ staffId: admin.id, input: EventSchema.parse(form(extra)), publish: true });
  if (!r.ok) throw new Error(r.message);
  return r.id;
}

describe("events in the reader's language", () => {
  test("staff write the French beside the English; a one-letter French title is refused, text kept", async () => {
    const cookie = await signInCookie(app, admin);
    const page = await get("/admin/events", { Cookie: cookie });
    expect(page).toContain('name="title_fr"');
    expect(page).toContain('name="description_fr"');

    const refused = await postForm(app, "/admin/events", form({ title: "Refused French", title_fr: "X" }), { cookie });
    expect(refused.status).toBe(400);
    const again = decodeEntities(await refused.text());
    expect(again).toContain('value="Refused French"');
    expect(again).toContain("Apportez **une** histoire.");
    expect(await db.selectFrom("events").select("id").where("title", "=", "Refused French").execute()).toEqual([]);

    const STAFF_EN = "Staff-made breakfast";
    const saved = await postForm(app, "/admin/events", { ...form({ title: STAFF_EN }), publish: "on" }, { cookie });
    expect(saved.status).toBe(302);
    const id = Number(/\/admin\/events\/(\d+)/.exec(saved.headers.get("location") ?? "")?.[1]);
    const row = await db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title: STAFF_EN, title_fr: FR, description_markdown_fr: "Apportez **une** histoire." });
    expect(row.description_html_fr).toContain("<strong>une</strong>");

    // emptied: not translated any more, French readers get the English
    const edited = await postForm(
      app,
      `/admin/events/${id}`,
      { intent: "save", ...form({ title: STAFF_EN, title_fr: "  ", description_fr: "" }) },
      { cookie },
    );
    expect(edited.status).toBe(302);
    const after = await db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ title_fr: null, description_markdown_fr: null, description_html_fr: null });
    expect(await get(`/events/${id}`, { "Accept-Language": "fr" })).toContain(STAFF_EN);
  });

  test("the events list and page: French for a French reader, English for an English one", async () => {
    const id = await newEvent();
    const member = await createMember({ level: 1, username: "pfe_reader" });
    await inFrench(member.id);
    const cookie = await signInCookie(app, member);
    for (const html of [await get("/events", { Cookie: cookie }), await get("/events", { "Accept-Language": "fr" })]) {
      expect(html).toContain(FR);
      expect(html).not.toContain(EN);
    }
    const fr = await get(`/events/${id}`, { Cookie: cookie });
    expect(fr).toContain(`<title>${FR}`);
    expect(fr).toContain("Apportez <strong>une</strong> histoire.");
    expect(fr).not.toContain(EN);
    expect(fr).not.toContain("Bring");
    const en = await get(`/events/${id}`, { "Accept-Language": "en" });
    expect(en).toContain(EN);
    expect(en).toContain("Bring <strong>one</strong> story.");
    expect(en).not.toContain(FR);
  });

  test("calendars and RSS: one event's .ics in the reader's language, feeds in the Accept-Language one", async () => {
    const id = await newEvent();
    const member = await createMember({ level: 1, username: "pfe_ics" });
    await inFrench(member.id);
    const unfold = (s: string) => s.replace(/\r\n /g, "");
    const mine = unfold(await get(`/events/${id}.ics`, { Cookie: await signInCookie(app, member) }));
    expect(mine).toContain(`SUMMARY:${FR}\r\n`);
    expect(mine).toContain("Apportez **une** histoire.");
    expect(mine).not.toContain(EN);
    expect(unfold(await get(`/events/${id}.ics`))).toContain(`SUMMARY:${EN}\r\n`);
    const feed = await fetch(`${app.url}/events.ics`, { headers: { "Accept-Language": "fr" } });
    expect(feed.headers.get("vary")).toContain("Accept-Language");
    expect(unfold(await feed.text())).toContain(`SUMMARY:${FR}\r\n`);
    const rss = await get("/events.rss", { "Accept-Language": "fr" });
    expect(rss).toContain(`<title>${FR}</title>`);
    expect(rss).not.toContain(EN);
  });

  test("the waitlist's seat notification names the event in the reader's language, page and mail", async () => {
    const id = await newEvent({ capacity: "1", startsAt: local(24), endsAt: local(26) });
    const [seated, waiting] = await Promise.all([
      createMember({ level: 1, username: "pfe_seated" }),
      createMember({ level: 1, username: "pfe_waiting" }),
    ]);
    await inFrench(waiting.id);
    expect(await rsvpToEvent({ scope: await scopeOfUser(db, seated.id), eventId: id })).toMatchObject({ ok: true });
    expect(await joinWaitlist({ scope: await scopeOfUser(db, waiting.id), eventId: id })).toMatchObject({ ok: true });
    await cancelRsvp({ userId: seated.id, eventId: id });
    const told = await db
      .selectFrom("notifications")
      .select(["kind", "data"])
      .where("user_id", "=", waiting.id)
      .where("source_key", "=", `event-promoted:${id}`)
      .executeTakeFirstOrThrow();
    // the mail words the notification with the same function as the page
    expect(wordedAs("fr", told)).toContain(FR);
    expect(wordedAs("en", told)).toContain(EN);
    // what the page shows (its script data carries the stored message, both languages, worded when read)
    const page = pageText(await get("/notifications", { Cookie: await signInCookie(app, waiting) }));
    expect(page).toContain(FR);
    expect(page).not.toContain(EN);
  });

  test("/progress lists an attended event by its French title for a French member", async () => {
    const id = await newEvent();
    const member = await createMember({
      level: 2,
      username: "pfe_progress",
      enteredAt: new Date(Date.now() - 3 * 86_400_000),
    });
    await inFrench(member.id);
    const marked = await markAttendance({ staffId: admin.id, eventId: id, userIds: [member.id], attended: true });
    expect(marked).toMatchObject({ ok: true, changed: 1 });
    const html = await get("/progress", { Cookie: await signInCookie(app, member) });
    expect(html).toContain(FR);
    expect(html).not.toContain(EN);
  });
});

describe("#category links in cooked posts", () => {
  test("a French reader sees no English category words from a post's #category link", async () => {
    const category = await createCategory({ slug: "pfe-lounge", name: "Service lounge" });
    await db
      .updateTable("categories")
      .set({ description: "Where service people rest", name_fr: "Salon du service", description_fr: "Repos" })
      .where("id", "=", category.id)
      .execute();
    clearCategoryCache();
    const author = await createMember({ level: 1, username: "pfe_author" });
    await ageUser(author);
    const topic = await makeTopic(author, category, { body: "Come and talk in #pfe-lounge about your week." });
    const cooked = await db
      .selectFrom("posts")
      .select("body_html")
      .where("id", "=", topic.postId)
      .executeTakeFirstOrThrow();
    expect(cooked.body_html).toContain('href="/c/pfe-lounge"');
    expect(cooked.body_html).not.toContain("Service lounge");
    expect(cooked.body_html).not.toContain("Where service people rest");
    const reader = await createMember({ level: 1, username: "pfe_fr_reader" });
    await inFrench(reader.id);
    const html = await get(topic.url, { Cookie: await signInCookie(app, reader) });
    expect(html).toContain('href="/c/pfe-lounge"');
    expect(html).not.toContain("Service lounge");
    expect(html).not.toContain("Where service people rest");
  });

  test("posts cooked before keep their links and lose the English title (the migration), nothing else", async () => {
    const author = await createMember({ level: 1, username: "pfe_old_author" });
    await ageUser(author);
    const category = await createCategory({ slug: "pfe-old", name: "Old lounge" });
    const topic = await makeTopic(author, category, { body: "Old post about #pfe-old, see [x](/c/pfe-old)." });
    const rel = 'rel="nofollow ugc noopener"';
    const old =
      `<p>Old post about <a href="/c/pfe-old" ${rel} title="Old &amp; lounge" class="hashtag">#pfe-old</a>, ` +
      `see <a href="/c/pfe-old" ${rel} title="kept">x</a>.</p>`;
    await db.updateTable("posts").set({ body_html: old, render_version: 1 }).where("id", "=", topic.postId).execute();
    await stripHashtagTitles(db);
    const row = await db
      .selectFrom("posts")
      .select(["body_html", "render_version"])
      .where("id", "=", topic.postId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      body_html:
        `<p>Old post about <a href="/c/pfe-old" ${rel} class="hashtag">#pfe-old</a>, ` +
        `see <a href="/c/pfe-old" ${rel} title="kept">x</a>.</p>`,
      render_version: 2,
    });
  });

  test("a post written now is stored as the current render version", async () => {
    const author = await createMember({ level: 1, username: "pfe_new_author" });
    await ageUser(author);
    const category = await createCategory({ slug: "pfe-new" });
    const topic = await makeTopic(author, category);
    const row = await db
      .selectFrom("posts")
      .select("render_version")
      .where("id", "=", topic.postId)
      .executeTakeFirstOrThrow();
    expect(row.render_version).toBe(RENDER_VERSION);
  });
});
