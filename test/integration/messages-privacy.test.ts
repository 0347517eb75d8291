// Personal messages (issue 24 point 7): read by their participants and by nobody else in any way
// (page and its .data, title, lists, search, RSS, counts, notifications, emails, the member's page);
// staff only once a post in them is flagged. Ignoring, recruiters, sanctions, hidden profiles, the
// participant cap and the daily cap refuse a new conversation with a clear sentence; adding someone who
// ignores, or is ignored by, anyone in a conversation is refused with one sentence that says neither who nor
// why, and an addition shows as one "X added Y" line inside the conversation only. The data export
// holds the member's conversations; account deletion takes the member out of them.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { collectExportFiles } from "~/models/account/data-export.server";
import { ensureMailSecret, replyAddress } from "~/models/account/mail-token.server";
import { receiveEmailReply } from "~/models/forum/email-reply.server";
import { deleteAccount } from "~/models/account/account-deletion.server";
import { feedT, getLatestFeed, getTopicFeed } from "~/models/forum/feed.server";
import { addParticipants, createConversation, listConversations, setIgnored } from "~/models/forum/messages.server";
import { CONVERSATIONS_PER_DAY, NewMessageSchema } from "~/models/forum/messages.schema";
import { createReply } from "~/models/forum/post.server";
import { getTopic, listTopicPosts } from "~/models/forum/topic.server";
import { countNewAndUnread, listTopics } from "~/models/forum/topic-list.server";
import { flagPost, reviewFlags } from "~/models/moderation/flag.server";
import { VISITOR, type Scope } from "~/models/permissions.server";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { signInCookie } from "../setup/two-factor";
import { mailsTo } from "../setup/mail";
import { expectTopicHidden, findTopics } from "../setup/private-topic";
import { createProfile } from "../factories/profiles";
import { ageUser, backdatePosts, createCategory, makeTopic, scopeFor } from "../factories/topics";
import { createAdmin, createUser } from "../factories/users";

type U = Awaited<ReturnType<typeof createUser>>;
let ada: U, kofi: U, esi: U, outsider: U, recruiter: U, admin: U;
let topicId = 0;
let topicPath = "";
let app: TestApp;
const TITLE = "Okapi rota swap for the weekend shift";
const en = feedT("en");

const input = (to: string, title = TITLE, body = "Could you take my Saturday okapi shift? I owe you one.") =>
  NewMessageSchema.parse({ to, title, body });

async function send(from: U, to: string, title?: string, body?: string) {
  await backdatePosts(from.id, 60);
  return createConversation({ scope: await scopeFor(from), input: input(to, title, body) });
}

/** Every model-level way a viewer could learn of the conversation: all empty. */
async function expectHiddenFrom(scope: Scope, who: U | null) {
  await expectTopicHidden({ scope, who, topicId, author: ada.username, word: "okapi" });
  if (who) {
    expect(await countNewAndUnread({ scope, lastVisitAt: null })).toMatchObject({ unread: 0 });
    const told = await db.selectFrom("notifications").select("id").where("user_id", "=", who.id).execute();
    expect(told).toEqual([]);
    expect(mailsTo(who.email)).not.toMatch(/okapi/i);
    expect((await listConversations({ userId: who.id })).conversations).toEqual([]);
  }
}

beforeAll(async () => {
  [ada, kofi, esi, outsider] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
  recruiter = await createUser({ roles: ["recruiter"] });
  admin = await createAdmin();
  for (const u of [ada, kofi, esi, outsider, admin]) await ageUser(u);
  const sent = await send(ada, `@${kofi.username}, ${esi.username}`);
  if (!sent.ok) throw new Error(sent.message);
  topicId = sent.topicId;
  topicPath = sent.url;
  await backdatePosts(kofi.id, 60);
  const r = await createReply({
    scope: await scopeFor(kofi),
    topicId,
    body: `Yes, okapi shift is mine. Even if @${outsider.username} asks, this stays between us.`,
  });
  if (!r.ok) throw new Error(r.message);
  await drainJobs();
  app = await startApp();
}, 90_000);

afterAll(() => app?.stop());

describe("a personal message", () => {
  test("its participants read it, are told of each post, and find it in their inbox", async () => {
    for (const u of [ada, kofi, esi]) {
      const scope = await scopeFor(u);
      expect(await getTopic({ scope, topicId })).toBeDefined();
      expect((await listConversations({ userId: u.id })).conversations.map((c) => c.id)).toEqual([topicId]);
    }
    // not in /latest even for them: messages live in the inbox
    const mine = (await listTopics({ scope: await scopeFor(ada), filter: { kind: "latest" } })).topics;
    expect(mine.map((t) => t.id)).not.toContain(topicId);
    const toldEsi = await db
      .selectFrom("notifications")
      .select("post_id")
      .where("user_id", "=", esi.id)
      .where("topic_id", "=", topicId)
      .execute();
    expect(toldEsi).toHaveLength(2);
    expect(mailsTo(esi.email)).toMatch(/okapi/i);
    // unread first: Esi has read nothing, so the conversation says 2 unread
    expect((await listConversations({ userId: esi.id })).conversations[0]).toMatchObject({ id: topicId, unread: 2 });
  });

  test("a non-participant member, a visitor, a recruiter and staff never see it, in any channel", async () => {
    await expectHiddenFrom(await scopeFor(outsider), outsider);
    await expectHiddenFrom(VISITOR, null);
    await expectHiddenFrom(await scopeFor(recruiter), recruiter);
    await expectHiddenFrom(await scopeFor(admin), admin);
    expect((await getLatestFeed({ t: en })).items.map((i) => i.path)).not.toContainEqual(
      expect.stringContaining(`/${topicId}`),
    );
    expect(await getTopicFeed({ topicId, t: en })).toBeUndefined();
    expect(
      await createReply({ scope: await scopeFor(outsider), topicId, body: "Can I join this conversation please?" }),
    ).toMatchObject({ ok: false, status: 404 });
  });

  test("over HTTP: page, .data, title, lists, search, RSS and inbox hold nothing for others", async () => {
    const cookies: Record<string, string> = {
      outsider: await signInCookie(app, outsider),
      recruiter: await signInCookie(app, recruiter),
      admin: await signInCookie(app, admin),
      visitor: "",
    };
    for (const [who, cookie] of Object.entries(cookies)) {
      const get = (p: string) => fetch(`${app.url}${p}`, { headers: { Cookie: cookie }, redirect: "manual" });
      const page = await get(topicPath);
      expect(page.status, who).toBe(404);
      expect(await page.text()).not.toContain("Okapi");
      const dataReq = await get(`${topicPath}.data`);
      expect([404, 202].includes(dataReq.status) || dataReq.status >= 400, who).toBe(true);
      expect(await dataReq.text()).not.toMatch(/okapi/i);
      for (const p of ["/latest", "/search?q=okapi", "/latest.rss", `/u/${ada.username}`, "/messages"]) {
        const res = await get(p);
        // the search page repeats the query: the conversation's own words are what must not show
        expect(await res.text(), `${who} ${p}`).not.toMatch(/rota swap|Saturday okapi|okapi shift is mine/i);
      }
    }
    const kofiCookie = await signInCookie(app, kofi);
    const own = await fetch(`${app.url}${topicPath}`, { headers: { Cookie: kofiCookie } });
    expect(own.status).toBe(200);
    const html = await own.text();
    expect(html).toContain(`<title>${TITLE}`);
    expect(html).toContain("Between you and");
    const inbox = await (await fetch(`${app.url}/messages`, { headers: { Cookie: kofiCookie } })).text();
    expect(inbox).toContain(TITLE);
  });

  test("staff read it only while a post in it is flagged, through the review queue", async () => {
    const staff = await scopeFor(admin);
    expect(await getTopic({ scope: staff, topicId })).toBeUndefined();
    const post = await db
      .selectFrom("posts")
      .select("id")
      .where("topic_id", "=", topicId)
      .where("post_number", "=", 2)
      .executeTakeFirstOrThrow();
    const flagged = await flagPost({ scope: await scopeFor(esi), postId: post.id, reason: "inappropriate" });
    expect(flagged.ok).toBe(true);
    expect(await getTopic({ scope: staff, topicId })).toBeDefined();
    // still out of every list and search for staff, and they do not write in it
    await drainJobs();
    expect((await listTopics({ scope: staff, filter: { kind: "latest" } })).topics.map((t) => t.id)).not.toContain(
      topicId,
    );
    expect(await findTopics(staff, "okapi")).not.toContain(topicId);
    expect(
      await createReply({ scope: staff, topicId, body: "Staff cannot reply in a personal message." }),
    ).toMatchObject({ ok: false });
    // the outsider still cannot
    expect(await getTopic({ scope: await scopeFor(outsider), topicId })).toBeUndefined();
    expect((await reviewFlags({ scope: staff, postId: post.id, decision: "disagree" })).ok).toBe(true);
    expect(await getTopic({ scope: staff, topicId })).toBeUndefined();
  });
});

describe("reply by email", () => {
  test("a participant replies from their mailbox; an outsider's signed address for it is refused", async () => {
    await ensureMailSecret();
    await backdatePosts(esi.id, 60);
    const r = await receiveEmailReply({
      recipient: await replyAddress(esi.id, topicId),
      sender: esi.email,
      messageId: "<esi-okapi-1@mail.test>",
      text: "Replying by email: thank you both for the okapi swap.",
    });
    expect(r.ok).toBe(true);
    const outsiderTry = await receiveEmailReply({
      recipient: await replyAddress(outsider.id, topicId),
      sender: outsider.email,
      messageId: "<outsider-1@mail.test>",
      text: "Trying to get into the conversation by email.",
    });
    expect(outsiderTry.ok).toBe(false);
  });
});

describe("who may start one", () => {
  test("recruiters are refused (they keep the consented-contact flow), over HTTP too", async () => {
    expect(await send(recruiter, ada.username, "A recruiter writing to a member directly")).toMatchObject({
      ok: false,
      status: 403,
      message: "messages.errors.cannotStart",
    });
    const cookie = await signInCookie(app, recruiter);
    const res = await fetch(`${app.url}/messages/new?to=${ada.username}`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(403);
  });

  test("an 11th participant is refused with a sentence naming the limit", async () => {
    const others = await Promise.all(Array.from({ length: 10 }, () => createUser()));
    const r = await send(ada, others.map((o) => o.username).join(" "), "A conversation with too many people");
    expect(r).toMatchObject({ ok: false, status: 422, message: "messages.errors.tooMany", values: { max: 10 } });
    const nine = await send(
      ada,
      others
        .slice(0, 9)
        .map((o) => o.username)
        .join(","),
      "Nine others is fine here",
    );
    expect(nine.ok).toBe(true);
    // over HTTP the page says it in words, and keeps what was typed
    const cookie = await signInCookie(app, ada);
    const res = await postForm(
      app,
      "/messages/new",
      {
        to: others.map((o) => o.username).join(" "),
        title: "A conversation with too many people",
        body: "This body is kept when the form comes back.",
      },
      { cookie },
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("A conversation has at most 10 participants, you included.");
    expect(html).toContain("This body is kept when the form comes back.");
  });

  test("a suspended member cannot send", async () => {
    const suspended = await createUser();
    await ageUser(suspended);
    await db
      .updateTable("users")
      .set({ suspended_until: new Date(Date.now() + 86_400_000), sanction_reason: "spam" })
      .where("id", "=", suspended.id)
      .execute();
    expect(await send(suspended, ada.username, "A suspended member writing")).toMatchObject({
      ok: false,
      status: 403,
      message: "limits.suspended",
    });
  });

  test("a hidden profile cannot be messaged by those who cannot see it; staff can", async () => {
    const hidden = await createProfile({ visibility: "hidden" });
    expect(await send(ada, hidden.username, "Writing to a hidden member")).toMatchObject({
      ok: false,
      message: "messages.errors.unknown",
      values: { username: hidden.username },
    });
    expect((await send(admin, hidden.username, "Staff writing to a hidden member")).ok).toBe(true);
  });

  test("new conversations are capped per member per day", async () => {
    const busy = await createUser();
    await ageUser(busy);
    const cat = await db.selectFrom("categories").select("id").where("slug", "=", "messages").executeTakeFirstOrThrow();
    await sql`insert into topics (category_id, user_id, title, slug, archetype, unlisted, created_at)
      select ${cat.id}, ${busy.id}, 'earlier message ' || i, 'earlier-message', 'private_message', true,
        now() - interval '1 hour'
      from generate_series(1, ${CONVERSATIONS_PER_DAY}) i`.execute(db);
    expect(await send(busy, ada.username, "One conversation too many today")).toMatchObject({
      ok: false,
      status: 429,
      message: "messages.errors.perDay",
    });
  });
});

describe("ignoring a member", () => {
  test("blocks their new messages and folds their posts away", async () => {
    const pest = await createUser();
    await ageUser(pest);
    expect((await setIgnored({ scope: await scopeFor(esi), username: pest.username, ignore: true })).ok).toBe(true);
    expect(await send(pest, esi.username, "Writing to someone who ignores me")).toMatchObject({
      ok: false,
      message: "messages.errors.unavailable",
    });
    // a conversation with several people is refused too when one of them ignores the sender
    expect((await send(pest, `${ada.username} ${esi.username}`, "Writing to a group with Esi in it")).ok).toBe(false);
    // their posts in a topic Esi reads are folded (the page still holds them, behind a <details>)
    const open = await createCategory();
    const t = await makeTopic(pest, open, { title: "A topic by a member Esi ignores" });
    const topic = (await getTopic({ scope: await scopeFor(esi), topicId: t.topicId }))!;
    const [first] = await listTopicPosts({ scope: await scopeFor(esi), topic, from: 1 });
    expect(first.ignored).toBe(true);
    const cookie = await signInCookie(app, esi);
    const html = await (await fetch(`${app.url}${t.url}`, { headers: { Cookie: cookie } })).text();
    expect(html).toContain('<details class="post-ignored"><summary>A post by a member you ignore (show it)</summary>');
    // staff cannot be ignored; stopping lets messages through again
    expect(await setIgnored({ scope: await scopeFor(esi), username: admin.username, ignore: true })).toMatchObject({
      ok: false,
      message: "messages.errors.staff",
    });
    await setIgnored({ scope: await scopeFor(esi), username: pest.username, ignore: false });
    expect((await send(pest, esi.username, "Writing again after being unignored")).ok).toBe(true);
  });

  test("over HTTP, without JavaScript: the profile's button ignores", async () => {
    const other = await createUser();
    const cookie = await signInCookie(app, kofi);
    const res = await postForm(app, `/u/${other.username}/ignore`, { intent: "ignore" }, { cookie });
    expect(res.status).toBe(302);
    const row = await db
      .selectFrom("user_ignores")
      .selectAll()
      .where("user_id", "=", kofi.id)
      .where("ignored_user_id", "=", other.id)
      .executeTakeFirst();
    expect(row).toBeDefined();
    expect(cookieFrom(res)).toBe("");
  });
});

describe("the member's data", () => {
  test("the export holds their conversations; deletion takes them out of every one", async () => {
    const files = await collectExportFiles({ scope: await scopeFor(esi), origin: "http://x.test", locale: "en" });
    const conv = files.find((f) => f.path === "messages/conversations.json");
    expect(conv).toBeDefined();
    expect(String(conv!.data)).toContain(TITLE);
    expect(String(conv!.data)).toContain("okapi shift is mine");

    const leaving = await createUser();
    await ageUser(leaving);
    const sent = await send(leaving, ada.username, "A conversation before I leave");
    if (!sent.ok) throw new Error(sent.message);
    const r = await deleteAccount({ userId: leaving.id, form: { confirm: leaving.password }, ip: "127.0.0.1" });
    expect(r.ok).toBe(true);
    const left = await db
      .selectFrom("topic_allowed_users")
      .select("topic_id")
      .where("user_id", "=", leaving.id)
      .execute();
    expect(left).toEqual([]);
    // Ada keeps the conversation
    expect(await getTopic({ scope: await scopeFor(ada), topicId: sent.topicId })).toBeDefined();
  });
});

describe("adding people to a conversation", () => {
  async function conversation(from: U, to: U[], title: string) {
    const sent = await send(from, to.map((u) => u.username).join(" "), title);
    if (!sent.ok) throw new Error(sent.message);
    // those in it are told of the first post (here or by the app's worker) before anything is counted
    await drainJobs();
    const told = () => db.selectFrom("notifications").select("id").where("topic_id", "=", sent.topicId).execute();
    await vi.waitFor(async () => expect(await told()).toHaveLength(to.length), { timeout: 10_000 });
    return sent;
  }
  const writtenIn = async (id: number) => ({
    participants: (await db.selectFrom("topic_allowed_users").select("user_id").where("topic_id", "=", id).execute())
      .length,
    actions: (await db.selectFrom("topic_actions").select("id").where("topic_id", "=", id).execute()).length,
    notifications: (await db.selectFrom("notifications").select("id").where("topic_id", "=", id).execute()).length,
  });

  test("no one who ignores or is ignored by anyone in it, nor the suspended: one sentence, no write", async () => {
    const [ama, kofi, yaw, zed, sus, pest] = await Promise.all(Array.from({ length: 6 }, () => createUser()));
    for (const u of [ama, kofi, yaw, zed, sus, pest]) await ageUser(u);
    const sent = await conversation(ama, [kofi], "Who covers the giraffe round on Sunday");
    const before = await writtenIn(sent.topicId);
    // Kofi (not the adder) ignores Yaw; Zed ignores Kofi; Ama ignores Pest; Sus is suspended
    await setIgnored({ scope: await scopeFor(kofi), username: yaw.username, ignore: true });
    await setIgnored({ scope: await scopeFor(zed), username: kofi.username, ignore: true });
    await setIgnored({ scope: await scopeFor(ama), username: pest.username, ignore: true });
    await db
      .updateTable("users")
      .set({ suspended_until: new Date(Date.now() + 86_400_000), sanction_reason: "spam" })
      .where("id", "=", sus.id)
      .execute();
    const asAma = await scopeFor(ama);
    for (const u of [yaw, zed, pest, sus])
      expect(await addParticipants({ scope: asAma, topicId: sent.topicId, to: u.username }), u.username).toMatchObject({
        ok: false,
        status: 422,
        message: "messages.errors.cannotAdd",
        values: { username: u.username },
      });
    // one refused name refuses the whole addition
    expect(
      await addParticipants({ scope: asAma, topicId: sent.topicId, to: `${esi.username} ${zed.username}` }),
    ).toMatchObject({ ok: false, message: "messages.errors.cannotAdd" });
    expect(await writtenIn(sent.topicId)).toEqual(before);

    // over HTTP: the sentence names the member typed, says nothing of why or of whom, and the field keeps it
    const cookie = await signInCookie(app, ama);
    const res = await postForm(app, `/messages/${sent.topicId}/participants`, { to: zed.username }, { cookie });
    expect(res.status).toBe(422);
    const html = await res.text();
    const alert = /<div class="form-error" role="alert">([^<]*)<\/div>/.exec(html)?.[1];
    expect(alert).toBe(
      `@${zed.username} cannot be added to this conversation at the moment. Remove the name to add the others.`,
    );
    expect(html).toContain(`value="${zed.username}"`);
    expect(await writtenIn(sent.topicId)).toEqual(before);
  });

  test("an addition shows as one line in the conversation, in the reader's language, and counts nowhere", async () => {
    const [ama, kofi, yaw] = await Promise.all(Array.from({ length: 3 }, () => createUser()));
    for (const u of [ama, kofi, yaw]) await ageUser(u);
    const sent = await conversation(ama, [kofi], "Feeding times for the new tapir");
    const topicRow = () =>
      db
        .selectFrom("topics")
        .select(["highest_post_number", "reply_count", "bumped_at", "last_posted_at"])
        .select(sql<number>`(select count(*)::int from posts where topic_id = topics.id)`.as("posts"))
        .where("id", "=", sent.topicId)
        .executeTakeFirstOrThrow();
    const before = await topicRow();
    const kofiInbox = async () => {
      const { unread, highest_post_number, bumped_at } = (await listConversations({ userId: kofi.id }))
        .conversations[0];
      return { unread, highest_post_number, bumped_at };
    };
    const kofiBefore = await kofiInbox();
    const told = (u: U) => db.selectFrom("notifications").select("id").where("user_id", "=", u.id).execute();
    const kofiTold = (await told(kofi)).length;

    expect(
      await addParticipants({ scope: await scopeFor(ama), topicId: sent.topicId, to: yaw.username }),
    ).toMatchObject({ ok: true, added: 1 });
    // no post, no count, no bump, nothing unread, no one told but the member added
    expect(await topicRow()).toEqual(before);
    expect(await kofiInbox()).toEqual(kofiBefore);
    expect((await told(kofi)).length).toBe(kofiTold);
    expect((await told(yaw)).length).toBe(1);
    await drainJobs();
    expect(await findTopics(await scopeFor(yaw), yaw.username)).not.toContain(sent.topicId);

    const line = `@${ama.username} added @${yaw.username}`;
    for (const [who, lang, text] of [
      [kofi, "en", line],
      [yaw, "fr", `@${ama.username} a ajouté @${yaw.username}`],
    ] as const) {
      const cookie = await signInCookie(app, who);
      const page = await fetch(`${app.url}${sent.url}`, { headers: { Cookie: cookie, "Accept-Language": lang } });
      const html = await page.text();
      expect(html, lang).toMatch(new RegExp(`<p class="small-action" id="action-\\d+">${text} · <time `));
    }
    // nobody else reads it: not on any page the outsider can reach
    const outsiderCookie = await signInCookie(app, outsider);
    for (const p of [sent.url, "/messages", `/u/${ama.username}`, `/u/${yaw.username}`, "/latest"]) {
      const res = await fetch(`${app.url}${p}`, { headers: { Cookie: outsiderCookie } });
      expect(await res.text(), p).not.toContain(line);
    }
    // the member added finds it in their data; once Ama deletes her account the line names no one
    const files = await collectExportFiles({ scope: await scopeFor(yaw), origin: "http://x.test", locale: "en" });
    const conv = JSON.parse(String(files.find((f) => f.path === "messages/conversations.json")!.data));
    expect(conv[0].actions).toMatchObject([{ kind: "participant_added", by: ama.username, added: yaw.username }]);
    expect((await deleteAccount({ userId: ama.id, form: { confirm: ama.password }, ip: "127.0.0.1" })).ok).toBe(true);
    const page = await fetch(`${app.url}${sent.url}`, { headers: { Cookie: await signInCookie(app, kofi) } });
    const html = await page.text();
    expect(html).toContain(`<p class="small-action"`);
    expect(html).toContain(`Deleted member added @${yaw.username}`);
    expect(html).not.toContain(ama.username);
  });
});
