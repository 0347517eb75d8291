import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { defineTestJob, drainJobs, enqueue } from "~/jobs.server";
import "~/jobs/index.server";
import { mailDir } from "~/mail.server";
import { likePost } from "~/models/forum/like.server";
import { countUnreadNotifications, updateDeliverySettings } from "~/models/account/notification.server";
import { ageUser, createCategory, makeReply, makeTopic, scopeFor } from "../factories/topics";
import { createUser } from "../factories/users";

async function member(username?: string) {
  const u = await createUser({ username });
  await ageUser(u);
  return u;
}

const kindsFor = async (userId: number) =>
  (
    await db.selectFrom("notifications").select(["kind", "data"]).where("user_id", "=", userId).orderBy("id").execute()
  ).map((n) => n.kind);

function mailsTo(email: string): string[] {
  const dir = mailDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.includes(email.replace(/[^a-zA-Z0-9@._-]/g, "_")))
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
}

describe("notifications", () => {
  test("a reply notifies the topic's author, a mention the mentioned, a quote the quoted — each once", async () => {
    const cat = await createCategory();
    const ada = await member();
    const ben = await member();
    const cleo = await member();
    const topic = await makeTopic(ada, cat);
    await makeReply(ben, topic, `Good point. @${cleo.username} you will like this one.`);
    await makeReply(
      cleo,
      topic,
      `[quote="${ben.username}, post:2, topic:${topic.topicId}"]\nGood point.\n[/quote]\n\n` +
        "Agreed with the quote above, Ben.",
    );
    await drainJobs();
    await drainJobs(); // a second run finds nothing new: notifications are idempotent
    // the topic's author hears of every reply (like Discourse's "watching" their own topics)
    expect(await kindsFor(ada.id)).toEqual(["reply", "reply"]);
    expect(await kindsFor(cleo.id)).toEqual(["mention"]);
    expect(await kindsFor(ben.id)).toEqual(["quote"]);
    expect(await countUnreadNotifications(ada.id)).toBe(2);
  });

  test("in a private topic every participant hears of every post, and nobody else does", async () => {
    const privateCat = await createCategory({ see: "participants", post: "members", reply: "participants" });
    const mentor = await member();
    const mentee = await member();
    const second = await member();
    const outsider = await member();
    const topic = await makeTopic(mentor, privateCat, { participantIds: [mentor.id, mentee.id, second.id] });
    await drainJobs();
    // the opening post tells the other participants the thread exists
    expect(await kindsFor(mentee.id)).toEqual(["reply"]);
    await makeReply(mentor, topic, "A plain reply from the mentor, to everyone in this thread.");
    await makeReply(mentee, topic, "The mentee answers; the mentor and the second mentee hear of it.");
    await drainJobs();
    expect(await kindsFor(mentee.id)).toEqual(["reply", "reply"]);
    expect(await kindsFor(second.id)).toEqual(["reply", "reply", "reply"]);
    expect(await kindsFor(mentor.id)).toEqual(["reply"]);
    expect(await kindsFor(outsider.id)).toEqual([]);
  });

  test("likes on one post are grouped into one notification", async () => {
    const cat = await createCategory();
    const ada = await member();
    const topic = await makeTopic(ada, cat);
    const fans = await Promise.all([member(), member(), member()]);
    for (const f of fans) {
      expect((await likePost({ scope: await scopeFor(f), postId: topic.postId })).ok).toBe(true);
      await drainJobs();
    }
    const rows = await db.selectFrom("notifications").select(["kind", "data"]).where("user_id", "=", ada.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "like", data: { others: 2 } });
  });

  test("a mention in a topic the mentioned member cannot see notifies nobody and sends no email", async () => {
    const staffOnly = await createCategory({ see: "staff", post: "members", reply: "members" });
    const admin = await createUser({ roles: ["member", "admin"] });
    await ageUser(admin);
    const outsider = await member("outsider_olu");
    const topic = await makeTopic(admin, staffOnly, {
      title: "Staff only: next year's assessment dates",
      body: `Draft dates for the assessments, do not share yet. cc @${outsider.username}`,
    });
    await drainJobs();
    expect(await kindsFor(outsider.id)).toEqual([]);
    expect(mailsTo(outsider.email)).toEqual([]);
    expect(topic.ok).toBe(true);
  });

  test("the email goes out per the member's setting and carries only what they can see", async () => {
    const cat = await createCategory();
    const ada = await member();
    const ben = await member();
    const topic = await makeTopic(ada, cat, { title: "Handling refunds without a receipt at the counter" });
    await makeReply(ben, topic, "We accept the bank statement as proof of purchase, works well.");
    await drainJobs();
    const mails = mailsTo(ada.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain("Handling refunds without a receipt");
    expect(mails[0]).toContain("bank statement");

    // asked for never: nothing more is emailed, the in-app list still gets it
    await updateDeliverySettings(ada.id, { reply: "never" });
    await makeReply(ben, topic, "Also: log every such refund so finance can reconcile.");
    await drainJobs();
    expect(mailsTo(ada.email)).toHaveLength(1);
    expect(await kindsFor(ada.id)).toEqual(["reply", "reply"]);
  });

  test("a post hidden before its email goes out is not emailed", async () => {
    const cat = await createCategory();
    const ada = await member();
    const ben = await member();
    const topic = await makeTopic(ada, cat);
    const reply = await makeReply(ben, topic, "Something that will be hidden by moderators shortly.");
    await drainJobs(1); // only the post.created job: it queues the email
    await db.updateTable("posts").set({ hidden_at: new Date() }).where("id", "=", reply.postId).execute();
    await drainJobs();
    expect(mailsTo(ada.email).join("\n")).not.toContain("hidden by moderators");
  });
});

describe("the job worker", () => {
  test("a job that fails is retried later without losing the job, and others still run", async () => {
    let calls = 0;
    defineTestJob("test.flaky", async () => {
      calls++;
      if (calls === 1) throw new Error("first try fails");
    });
    await db
      .insertInto("outbox")
      .values([
        { kind: "test.flaky", payload: "{}" },
        { kind: "test.unknown-kind", payload: "{}" },
      ])
      .execute();
    await drainJobs();
    const rows = await db
      .selectFrom("outbox")
      .select(["kind", "attempts", "done_at", "last_error"])
      .where("kind", "like", "test.%")
      .orderBy("kind")
      .execute();
    expect(rows.map((r) => [r.kind, r.attempts, !!r.done_at])).toEqual([
      ["test.flaky", 1, false],
      ["test.unknown-kind", 1, false],
    ]);
    await db
      .updateTable("outbox")
      .set({ run_at: new Date(0) })
      .where("kind", "=", "test.flaky")
      .execute();
    await drainJobs();
    const flaky = await db
      .selectFrom("outbox")
      .select(["attempts", "done_at"])
      .where("kind", "=", "test.flaky")
      .executeTakeFirstOrThrow();
    expect(flaky.attempts).toBe(2);
    expect(flaky.done_at).not.toBeNull();
  });

  test("a job failing its tenth attempt is kept as a dead letter, and an unknown kind dies at once", async () => {
    defineTestJob("test.always-fails", async () => {
      throw new Error("the relay refuses");
    });
    const [failing, unknown] = await db
      .insertInto("outbox")
      .values([
        { kind: "test.always-fails", payload: "{}", attempts: 9 },
        { kind: "test.no-such-kind", payload: "{}" },
      ])
      .returning("id")
      .execute();
    await drainJobs();
    const rows = await db
      .selectFrom("outbox")
      .select(["id", "attempts", "dead_at", "done_at", "last_error"])
      .where("id", "in", [failing.id, unknown.id])
      .orderBy("id")
      .execute();
    expect(rows.map((r) => [r.attempts, !!r.dead_at, !!r.done_at, r.last_error])).toEqual([
      [10, true, false, "the relay refuses"],
      [1, true, false, "no handler for job kind test.no-such-kind"],
    ]);
    // a dead letter is never claimed again by the worker
    await db
      .updateTable("outbox")
      .set({ run_at: new Date(0) })
      .where("id", "in", [failing.id, unknown.id])
      .execute();
    await drainJobs();
    const after = await db
      .selectFrom("outbox")
      .select("attempts")
      .where("id", "=", failing.id)
      .executeTakeFirstOrThrow();
    expect(after.attempts).toBe(10);
  });

  test("the clean-up deletes finished jobs older than a week and keeps the rest", async () => {
    const old = new Date(Date.now() - 8 * 86_400_000);
    const recent = new Date(Date.now() - 86_400_000);
    const rows = await db
      .insertInto("outbox")
      .values([
        { kind: "search.topic", payload: "{}", done_at: old },
        { kind: "search.topic", payload: "{}", done_at: recent },
        { kind: "search.topic", payload: "{}", dead_at: old, attempts: 10 },
      ])
      .returning("id")
      .execute();
    await db.transaction().execute((trx) => enqueue(trx, "outbox.cleanup", {}));
    await drainJobs();
    const left = await db
      .selectFrom("outbox")
      .select("id")
      .where(
        "id",
        "in",
        rows.map((r) => r.id),
      )
      .orderBy("id")
      .execute();
    expect(left.map((r) => r.id)).toEqual([rows[1].id, rows[2].id]);
    // recurring: the next clean-up waits for tomorrow's 03:00 UTC
    const next = await db
      .selectFrom("outbox")
      .select("run_at")
      .where("kind", "=", "outbox.cleanup")
      .where("done_at", "is", null)
      .execute();
    expect(next).toHaveLength(1);
    expect(next[0].run_at.getUTCHours()).toBe(3);
  });
});

describe("digests and reminders", () => {
  test("a member on the daily digest gets one email with everything, not one per notification", async () => {
    const { ensureRecurringJobs } = await import("~/jobs.server");
    const cat = await createCategory();
    const ada = await member();
    const ben = await member();
    await updateDeliverySettings(ada.id, { reply: "daily" });
    // digests go out from 17:00 in the member's time zone: one where it is 18:00 or 19:00 now
    let offset = (18 - new Date().getUTCHours() + 24) % 24;
    if (offset > 12) offset -= 24;
    const zone = offset === 0 ? "UTC" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
    await db.updateTable("users").set({ time_zone: zone }).where("id", "=", ada.id).execute();
    const topic = await makeTopic(ada, cat, { title: "Digest test: queue callbacks at month end" });
    await makeReply(ben, topic, "First reply for the digest, about callbacks.");
    await makeReply(ben, topic, "Second reply for the digest, about queues.");
    await drainJobs();
    expect(mailsTo(ada.email)).toHaveLength(0);
    await ensureRecurringJobs();
    await ensureRecurringJobs(); // idempotent: one pending digest
    const pending = await db
      .selectFrom("outbox")
      .select("id")
      .where("kind", "=", "notification.digest")
      .where("done_at", "is", null)
      .execute();
    expect(pending).toHaveLength(1);
    await db
      .updateTable("outbox")
      .set({ run_at: new Date(0) })
      .where("kind", "=", "notification.digest")
      .where("done_at", "is", null)
      .execute();
    await drainJobs();
    const mails = mailsTo(ada.email);
    expect(mails).toHaveLength(1);
    const text = mails[0].replace(/=\r?\n/g, ""); // undo quoted-printable line folding
    expect(text).toContain(`/${topic.topicId}/2#post-2`);
    expect(text).toContain(`/${topic.topicId}/3#post-3`);
    // the next digest is already queued
    expect(
      await db
        .selectFrom("outbox")
        .select("id")
        .where("kind", "=", "notification.digest")
        .where("done_at", "is", null)
        .execute(),
    ).toHaveLength(1);
  });

  test("a bookmark reminder notifies at its time", async () => {
    const { bookmarkPost } = await import("~/models/forum/like.server");
    const cat = await createCategory();
    const ada = await member();
    const ben = await member();
    const topic = await makeTopic(ada, cat);
    const r = await bookmarkPost({
      scope: await scopeFor(ben),
      postId: topic.postId,
      reminderAt: new Date(Date.now() + 3_600_000),
    });
    expect(r.ok).toBe(true);
    expect(
      await bookmarkPost({ scope: await scopeFor(ben), postId: topic.postId, reminderAt: new Date(Date.now() - 1000) }),
    ).toMatchObject({ ok: false, message: "bookmark.errors.past" });
    await drainJobs();
    expect(await kindsFor(ben.id)).toEqual([]);
    await db
      .updateTable("bookmarks")
      .set({ reminder_at: new Date(Date.now() - 1000) })
      .where("user_id", "=", ben.id)
      .execute();
    await db
      .updateTable("outbox")
      .set({ run_at: new Date(0) })
      .where("kind", "=", "bookmark.remind")
      .execute();
    await drainJobs();
    expect(await kindsFor(ben.id)).toEqual(["reminder"]);
  });
});
