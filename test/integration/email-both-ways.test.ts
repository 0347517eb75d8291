// Issue 23 points 3-4: replies by email through the real SMTP listener, one-click unsubscribe over real
// HTTP, digests at 17:00 local time with the clock injected, and watching levels. Nothing is mocked: the
// only outside party, the outbound relay, is absent (mail is written to DATA_DIR/mail, as in development).
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { startInboundMail, stopInboundMail } from "~/inbound-mail.server";
import { mailDir } from "~/mail.server";
import { queueDueDigests } from "~/jobs/notification-email.server";
import { replyAddress, unsubscribeToken } from "~/models/account/mail-token.server";
import { stripQuotedReply } from "~/models/forum/email-reply-text";
import { listTopics } from "~/models/forum/topic-list.server";
import { setCategoryWatch, setTopicWatch, watchLevelOf, wantsNotification } from "~/models/forum/watching.server";
import { postForm, startApp, type TestApp } from "../setup/app";
import { signInCookie } from "../setup/two-factor";
import { ageUser, backdatePosts, createCategory, makeReply, makeTopic, scopeFor } from "../factories/topics";
import { createUser } from "../factories/users";

async function member(opts: { timeZone?: string } = {}) {
  const u = await createUser();
  await ageUser(u);
  if (opts.timeZone) await db.updateTable("users").set({ time_zone: opts.timeZone }).where("id", "=", u.id).execute();
  return u;
}

function mailsTo(email: string): string[] {
  const dir = mailDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.includes(email.replace(/[^a-zA-Z0-9@._-]/g, "_")))
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8").replace(/=\r?\n/g, ""));
}

let port: number;
beforeAll(async () => {
  port = (await startInboundMail(0))!;
});
afterAll(async () => {
  await stopInboundMail();
});

/** Sends through the real listener on loopback, as the member's mail server would. */
async function sendReply(opts: { from: string; to: string; text: string; messageId?: string }) {
  const client = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  return client.sendMail({
    from: opts.from,
    to: opts.to,
    subject: "Re: a topic",
    text: opts.text,
    ...(opts.messageId ? { messageId: opts.messageId } : {}),
  });
}

const postsBy = (userId: number, topicId: number) =>
  db
    .selectFrom("posts")
    .select(["body_markdown", "body_html"])
    .where("user_id", "=", userId)
    .where("topic_id", "=", topicId)
    .execute();

describe("reply by email", () => {
  test("a reply through the SMTP listener becomes the member's post, without quoted mail or signature", async () => {
    const cat = await createCategory();
    const ada = await member();
    const ben = await member();
    const topic = await makeTopic(ada, cat);
    await backdatePosts(ada.id); // the seconds between posts are not what this test is about
    await makeReply(ben, topic, "Ada, what does your team measure first when a queue grows?");
    await drainJobs();
    // the notification mail Ada got carries her reply address and the unsubscribe headers
    const mail = mailsTo(ada.email).find((m) => m.includes("Reply-To:"));
    expect(mail).toBeDefined();
    expect(mail).toMatch(/List-Unsubscribe:\s+<http[^>]+\/mail\/unsubscribe\/[^>]+>/);
    expect(mail).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const to = /Reply-To: (reply\+[^\s]+)/.exec(mail!)![1];

    const info = await sendReply({
      from: ada.email,
      to,
      messageId: "<first-reply@mail.example.test>",
      text: [
        "We look at **first response time** before anything else.",
        "",
        "--",
        "Ada, team lead",
        "",
        "On Mon, 7 Dec 2026 at 17:00, Touchpoints <no-reply@touchpoints.local> wrote:",
        "> Ada, what does your team measure first when a queue grows?",
      ].join("\n"),
    });
    expect(info.response).toMatch(/^250 .*Posted/);
    const posts = await postsBy(ada.id, topic.topicId);
    const reply = posts.find((p) => p.body_markdown.includes("first response time"));
    expect(reply?.body_markdown).toBe("We look at **first response time** before anything else.");
    expect(reply?.body_html).toContain("<strong>first response time</strong>"); // the markdown pipeline ran
    // a member who replies tracks the topic (Ada, its author, already watches it)
    expect(await watchLevelOf(db, ben.id, topic.topicId)).toBe("tracking");
  }, 120_000);

  test("forged, someone else's, expired and replayed messages are refused with a reason and post nothing", async () => {
    const cat = await createCategory();
    const ada = await member();
    const eve = await member();
    const topic = await makeTopic(ada, cat);
    const before = (await postsBy(ada.id, topic.topicId)).length;
    const good = await replyAddress(ada.id, topic.topicId);
    const forged = good.replace(
      /-([0-9a-f]{20})@/,
      (_m, mac: string) => `-${mac.slice(0, 19)}${mac[19] === "0" ? "1" : "0"}@`,
    );

    await expect(sendReply({ from: ada.email, to: forged, text: "Forged reply text here." })).rejects.toMatchObject({
      responseCode: 550,
      response: expect.stringContaining("not valid"),
    });
    await expect(sendReply({ from: eve.email, to: good, text: "Eve posing as Ada here." })).rejects.toMatchObject({
      responseCode: 550,
      response: expect.stringContaining("another member"),
    });
    const old = await replyAddress(ada.id, topic.topicId, new Date(Date.now() - 90 * 86_400_000));
    await expect(sendReply({ from: ada.email, to: old, text: "A very late reply here." })).rejects.toMatchObject({
      responseCode: 550,
      response: expect.stringContaining("expired"),
    });
    await expect(
      sendReply({ from: ada.email, to: "someone@elsewhere.example", text: "Not for us at all." }),
    ).rejects.toMatchObject({ responseCode: 550 });
    expect(await postsBy(ada.id, topic.topicId)).toHaveLength(before);

    await backdatePosts(ada.id); // the seconds between posts are not what this test is about
    const once = {
      from: ada.email,
      to: good,
      text: "Posted once, whatever the relay does.",
      messageId: "<once@x.test>",
    };
    await sendReply(once);
    await expect(sendReply(once)).rejects.toMatchObject({
      responseCode: 550,
      response: expect.stringContaining("already received"),
    });
    expect(await postsBy(ada.id, topic.topicId)).toHaveLength(before + 1);
  });

  test("a silenced member's reply is refused like the web form's, with the reason", async () => {
    const cat = await createCategory();
    const ada = await member();
    const topic = await makeTopic(ada, cat);
    await db
      .updateTable("users")
      .set({ silenced_until: new Date(Date.now() + 86_400_000), sanction_reason: "test" })
      .where("id", "=", ada.id)
      .execute();
    const to = await replyAddress(ada.id, topic.topicId);
    await expect(sendReply({ from: ada.email, to, text: "Trying while silenced here." })).rejects.toMatchObject({
      responseCode: 550,
    });
    expect(await postsBy(ada.id, topic.topicId)).toHaveLength(1);
  });

  test("quoted text and signatures are left out", () => {
    expect(stripQuotedReply("Yes, agreed.\n\nSent from my phone\n")).toBe("Yes, agreed.");
    expect(stripQuotedReply("Oui.\n\nLe lun. 7 déc. 2026 à 17:00, Touchpoints a écrit :\n> texte")).toBe("Oui.");
    expect(stripQuotedReply("Top.\n-----Original Message-----\nFrom: x")).toBe("Top.");
    expect(stripQuotedReply("Line one\n> quoted\nLine two")).toBe("Line one\nLine two");
  });
});

describe("digests at 17:00 local time", () => {
  test("Lagos, Nairobi and Johannesburg get theirs at their 17:00, never twice, none when nothing is new", async () => {
    const cat = await createCategory();
    const author = await member();
    const lagos = await member({ timeZone: "Africa/Lagos" }); // UTC+1
    const nairobi = await member({ timeZone: "Africa/Nairobi" }); // UTC+3
    const joburg = await member({ timeZone: "Africa/Johannesburg" }); // UTC+2
    const quiet = await member({ timeZone: "Africa/Lagos" });
    const topic = await makeTopic(author, cat, { title: "Handling refunds on a busy Friday" });
    const readers = [lagos, nairobi, joburg];
    // their last digest went out an hour ago; what came after it is new
    for (const u of [...readers, quiet])
      await db
        .updateTable("users")
        .set({ digest_sent_at: new Date(Date.now() - 3_600_000) })
        .where("id", "=", u.id)
        .execute();
    for (const u of readers)
      await setTopicWatch({ scope: await scopeFor(u), topicId: topic.topicId, level: "watching" });
    await makeReply(author, topic, "A new answer about refunds that watchers should see.");
    await drainJobs();
    for (const u of readers)
      await db.updateTable("notifications").set({ read_at: new Date() }).where("user_id", "=", u.id).execute();

    const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const at = (hhmm: string) => new Date(`${day}T${hhmm}:00Z`);
    const digests = (u: { email: string }) => mailsTo(u.email).filter((m) => m.includes("digest"));
    const run = async (hhmm: string) => {
      await db.transaction().execute((trx) => queueDueDigests(trx, at(hhmm)));
      await drainJobs();
    };
    await run("13:45"); // 16:45 in Nairobi: nobody yet
    expect(readers.map((u) => digests(u).length)).toEqual([0, 0, 0]);
    await run("14:00"); // 17:00 in Nairobi
    expect(readers.map((u) => digests(u).length)).toEqual([0, 1, 0]);
    await run("15:00"); // 17:00 in Johannesburg
    expect(readers.map((u) => digests(u).length)).toEqual([0, 1, 1]);
    await run("16:00"); // 17:00 in Lagos
    expect(readers.map((u) => digests(u).length)).toEqual([1, 1, 1]);
    await run("16:15");
    await run("21:00");
    expect(readers.map((u) => digests(u).length)).toEqual([1, 1, 1]); // never twice
    const mail = digests(lagos)[0];
    expect(mail).toContain("Handling refunds on a busy Friday");
    expect(mail).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(mail).toMatch(/\/mail\/unsubscribe\/[0-9a-z]+\.digest\./);
    // nothing new for the quiet member: no mail, and the day counts as done
    expect(digests(quiet)).toHaveLength(0);
    const q = await db.selectFrom("users").select("digest_period").where("id", "=", quiet.id).executeTakeFirstOrThrow();
    expect(q.digest_period).toBe(day);
  }, 180_000);
});

describe("watching", () => {
  test("a muted category leaves /latest for that member only; a muted topic tells them nothing", async () => {
    const loud = await createCategory();
    const muted = await createCategory();
    const ada = await member();
    const ben = await member();
    const inLoud = await makeTopic(ben, loud);
    const inMuted = await makeTopic(ben, muted);
    await setCategoryWatch({ scope: await scopeFor(ada), categoryId: muted.id, level: "muted" });
    const ids = async (u: { id: number }) =>
      (await listTopics({ scope: await scopeFor(u), filter: { kind: "latest" } })).topics.map((t) => t.id);
    expect(await ids(ada)).toContain(inLoud.topicId);
    expect(await ids(ada)).not.toContain(inMuted.topicId);
    expect(await ids(ben)).toContain(inMuted.topicId);
    // the category's own page still lists it
    const own = await listTopics({ scope: await scopeFor(ada), filter: { kind: "latest", categoryId: muted.id } });
    expect(own.topics.map((t) => t.id)).toContain(inMuted.topicId);
    expect(await wantsNotification(ada.id, "mention", inMuted.topicId)).toBe(false);
    expect(await wantsNotification(ada.id, "posted", inLoud.topicId)).toBe(false);
    await setTopicWatch({ scope: await scopeFor(ada), topicId: inLoud.topicId, level: "watching" });
    expect(await wantsNotification(ada.id, "posted", inLoud.topicId)).toBe(true);
  });
});

describe("one-click unsubscribe over HTTP", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
  });

  test("/latest over HTTP leaves out the member's muted category (read with the session), not others'", async () => {
    // a category the app already knows (it keeps its category list for a few seconds)
    const muted = await db
      .selectFrom("categories")
      .select(["id", "slug"])
      .where("see_rule", "=", "everyone")
      .where("archived_at", "is", null)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const ada = await member();
    const ben = await member();
    const inMuted = await makeTopic(ben, muted);
    await setCategoryWatch({ scope: await scopeFor(ada), categoryId: muted.id, level: "muted" });
    // first on /latest whatever other test files post meanwhile (they share the database)
    await db
      .updateTable("topics")
      .set({ bumped_at: new Date(Date.now() + 86_400_000) })
      .where("id", "=", inMuted.topicId)
      .execute();
    const latest = async (u: { username: string; password: string }) =>
      (await fetch(`${app.url}/latest`, { headers: { cookie: await signInCookie(app, u) } })).text();
    expect(await latest(ben)).toContain(`/${inMuted.topicId}"`);
    expect(await latest(ada)).not.toContain(`/${inMuted.topicId}"`);
  });

  test("GET asks, POST without a session or Origin unsubscribes, a second POST changes nothing", async () => {
    const ada = await member();
    const token = await unsubscribeToken(ada.id, "digest");
    const page = await fetch(`${app.url}/mail/unsubscribe/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Stop sending you digest emails?");
    const digest = async () =>
      (await db.selectFrom("users").select("digest").where("id", "=", ada.id).executeTakeFirstOrThrow()).digest;
    expect(await digest()).toBe("daily");
    // as a mail provider sends it (RFC 8058): no cookie, no Origin, the one-click body
    const first = await postForm(
      app,
      `/mail/unsubscribe/${token}`,
      { "List-Unsubscribe": "One-Click" },
      { origin: null },
    );
    expect(first.status).toBe(200);
    expect(await digest()).toBe("never");
    const again = await postForm(
      app,
      `/mail/unsubscribe/${token}`,
      { "List-Unsubscribe": "One-Click" },
      { origin: null },
    );
    expect(again.status).toBe(200);
    expect(await digest()).toBe("never");
    // a token for another kind, or altered, does nothing
    const reply = await unsubscribeToken(ada.id, "reply");
    const tampered = reply.replace(".reply.", ".mention.");
    expect((await postForm(app, `/mail/unsubscribe/${tampered}`, {}, { origin: null })).status).toBe(404);
    const settings = await db.selectFrom("notification_settings").selectAll().where("user_id", "=", ada.id).execute();
    expect(settings).toHaveLength(0);
  });
});
