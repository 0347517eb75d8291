// What a member reads about themselves is true: a first visit is "Welcome", a later one "Welcome
// back"; a missed period says which one; tags read as names.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { statusLabelKey } from "~/components/requirement-card";
import { notify } from "~/models/account/notification.server";
import { sharedI18n } from "~/i18n";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { ageUser, createCategory, createTag, makeReply, makeTopic } from "../factories/topics";
import { createUser } from "../factories/users";
import { awardLevelBadge } from "~/models/badges/badge.server";
import { saveMentorRegistration } from "~/models/mentorship/mentor.server";
import { createRequest } from "~/models/mentorship/mentorship-requests.server";
import { MentorRegistrationSchema, MentorshipRequestSchema } from "~/models/mentorship/mentorship.schema";
import { ensureCompetencies } from "../factories/profiles";
import { createMember } from "../factories/progress";
import { scopeFor } from "../factories/topics";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const home = async (cookie: string) =>
  (await (await fetch(`${app.url}/`, { headers: { Cookie: cookie } })).text()).replace(/&#x27;/g, "'");

describe("member pages", () => {
  test("a member who just signed up is welcomed, not welcomed back; a later visit is a return", async () => {
    const user = await createUser({ username: "mp_newcomer", displayName: "Nia Newcomer" });
    const cookie = cookieFrom(await postForm(app, "/login", { email: user.username, password: user.password }));
    const first = await home(cookie);
    expect(first).toContain("Welcome to Touchpoints, Nia Newcomer.");
    expect(first).not.toContain("Welcome back");
    // signed up two hours ago, last seen an hour ago: the next request starts a new visit
    await db
      .updateTable("users")
      .set({ created_at: sql`now() - interval '2 hours'`, last_seen_at: sql`now() - interval '1 hour'` })
      .where("id", "=", user.id)
      .execute();
    expect(await home(cookie)).toContain("Welcome back, Nia Newcomer.");
  });

  test("a page that loads React leaves whole: its length known, not in chunks", async () => {
    const user = await createUser({ username: "mp_whole" });
    const cookie = cookieFrom(await postForm(app, "/login", { email: user.username, password: user.password }));
    // uncompressed: compression (a browser asks for it) sends its own chunks
    const res = await fetch(`${app.url}/new-topic`, { headers: { Cookie: cookie, "Accept-Encoding": "identity" } });
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.toString("utf8")).toContain("window.__remixContext"); // the path that renders for hydration
    expect(res.headers.get("transfer-encoding")).toBeNull();
    expect(Number(res.headers.get("content-length"))).toBe(body.byteLength);
  });

  test("a topic's tags read as the competencies' names and link by slug", async () => {
    const author = await createUser({ username: "mp_tagger" });
    await ageUser(author);
    const tag = await createTag("mp-escalation", "Escalation handling");
    const topic = await makeTopic(author, await createCategory(), { tags: [tag] });
    const html = await (await fetch(`${app.url}${topic.url}`)).text();
    expect(html).toMatch(/<a[^>]*href="\/tag\/mp-escalation"[^>]*>Escalation handling<\/a>/);
  });

  test("an overdue duty says which period was missed", () => {
    const t = sharedI18n("en").t;
    expect(t(statusLabelKey({ status: "overdue", period: "trimester" }))).toBe("Last trimester missed");
    expect(t(statusLabelKey({ status: "overdue", period: "year" }))).toBe("Last year missed");
    expect(t(statusLabelKey({ status: "due", period: "trimester" }))).toBe("To do");
    expect(sharedI18n("fr").t(statusLabelKey({ status: "overdue", period: "trimester" }))).toBe(
      "Trimestre précédent manqué",
    );
  });

  test("opening what a notification points to marks it read; others stay unread", async () => {
    const reader = await createUser({ username: "mp_reader" });
    const writer = await createUser({ username: "mp_writer" });
    await Promise.all([ageUser(reader), ageUser(writer)]);
    const category = await createCategory();
    const topic = await makeTopic(reader, category);
    const other = await makeTopic(reader, category);
    const reply = await makeReply(writer, topic);
    const otherReply = await makeReply(writer, other);
    const [onTopic, onOther, onProgress, onBadge] = await db.transaction().execute(async (trx) => [
      await notify(trx, {
        userId: reader.id,
        kind: "reply",
        topicId: topic.topicId,
        postId: reply.postId,
        actorId: writer.id,
        data: { slug: "x", postNumber: 2 },
      }),
      await notify(trx, {
        userId: reader.id,
        kind: "reply",
        topicId: other.topicId,
        postId: otherReply.postId,
        actorId: writer.id,
        data: { slug: "x", postNumber: 2 },
      }),
      await notify(trx, { userId: reader.id, kind: "application", data: { message: "Approved", url: "/progress" } }),
      await notify(trx, { userId: reader.id, kind: "progress", data: { message: "A badge", href: "/badges/nope" } }),
    ]);
    // the app's job worker notifies the reader of both replies too: let it finish, so counts hold still
    const keys = [`reply:${reply.postId}`, `reply:${otherReply.postId}`];
    await expect
      .poll(
        async () =>
          (await db.selectFrom("notifications").select("id").where("source_key", "in", keys).execute()).length,
        { timeout: 15_000 },
      )
      .toBe(2);
    const cookie = cookieFrom(await postForm(app, "/login", { email: reader.username, password: reader.password }));
    const readAt = async (id: number | undefined) =>
      (await db.selectFrom("notifications").select("read_at").where("id", "=", id!).executeTakeFirstOrThrow()).read_at;
    const page = await (await fetch(`${app.url}${reply.url.split("#")[0]}`, { headers: { Cookie: cookie } })).text();
    expect(await readAt(onTopic)).not.toBeNull();
    expect(await readAt(onOther)).toBeNull();
    // the header already counts without the ones just read
    const unread = await db
      .selectFrom("notifications")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("user_id", "=", reader.id)
      .where("read_at", "is", null)
      .executeTakeFirstOrThrow();
    expect(unread.n).toBeGreaterThanOrEqual(3);
    expect(page).toContain(`<span class="count" aria-hidden="true">${unread.n}</span>`);
    await fetch(`${app.url}/progress`, { headers: { Cookie: cookie } });
    expect(await readAt(onProgress)).not.toBeNull();
    expect(await readAt(onBadge)).toBeNull();
  });

  test("/progress links the member's level badge to its page, never a raw badge id", async () => {
    const member = await createMember({ level: 2, username: "mp_badged" });
    const badge = await db
      .transaction()
      .execute((trx) =>
        awardLevelBadge(trx, { userId: member.id, level: 2, awardedBy: null, applicationId: null, at: new Date() }),
      );
    const cookie = cookieFrom(await postForm(app, "/login", { email: member.username, password: member.password }));
    const html = await (await fetch(`${app.url}/progress`, { headers: { Cookie: cookie } })).text();
    expect(html).toMatch(
      new RegExp(`<a[^>]*href="/badges/${badge.public_id}"[^>]*>Your level badge \\(anyone can verify it\\)</a>`),
    );
    expect(html).not.toMatch(/Badge id/i);
  });

  test("a suggested mentor's match score and free places are two blocks, never one number", async () => {
    await ensureCompetencies();
    const mentor = await createMember({ level: 4, username: "mp_mentor" });
    const mentee = await createMember({ level: 2, username: "mp_mentee" });
    await Promise.all([ageUser(mentor), ageUser(mentee)]);
    const registered = await saveMentorRegistration({
      scope: await scopeFor(mentor),
      input: MentorRegistrationSchema.parse({
        capacity: 2,
        competencies: ["sla-management"],
        languages: ["en"],
        timeZone: "Africa/Lagos",
        pitch: "Ten years of service level agreements across West Africa.",
      }),
    });
    expect(registered).toMatchObject({ ok: true });
    const requested = await createRequest({
      scope: await scopeFor(mentee),
      input: MentorshipRequestSchema.parse({
        goals: "Negotiate service levels our clients and teams can both keep.",
        competencies: [{ slug: "sla-management", level: "emerging" }],
        language: "en",
        availability: "Weekday evenings",
        timeZone: "Africa/Lagos",
      }),
    });
    expect(requested).toMatchObject({ ok: true });
    const cookie = cookieFrom(await postForm(app, "/login", { email: mentee.username, password: mentee.password }));
    const html = await (await fetch(`${app.url}/mentorship/suggestions`, { headers: { Cookie: cookie } })).text();
    const card = html.slice(
      html.indexOf(`id="mentor-${mentor.username}"`),
      html.indexOf("</li>", html.indexOf(`mentor-${mentor.username}`)),
    );
    // the score ends its own element; the places start another ("92" + "2 free places" read as "922")
    expect(card).toMatch(/Match score: \d+<\/span><\/p><p[^>]*>2 free places/);
  });
});
