// Moderation on the real database: flags and the review queue, staff actions on posts, topics and
// members, the audit log, and that members without the role can do none of it.
import { sql } from "kysely";
import { beforeAll, describe, expect, test } from "vitest";
import "~/jobs/index.server";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import { flagPost, listReviewQueue, reviewFlags } from "~/models/moderation/flag.server";
import { likePost } from "~/models/forum/like.server";
import { changeTopicCategory, hidePost, unhidePost, updateTopicState } from "~/models/moderation/moderation.server";
import { mergeTopic, movePosts, splitTopic } from "~/models/moderation/post-moves.server";
import { liftSanction, sanctionMember, viewerSanction } from "~/models/moderation/sanctions.server";
import { parseTopicRef } from "~/models/moderation/moderation.schema";
import { listNotifications } from "~/models/account/notification-inbox.server";
import { createReply, editPost } from "~/models/forum/post.server";
import { DEFAULT_LIMITS, updateLimits } from "~/models/moderation/settings.server";
import { createAdmin, createUser } from "../factories/users";
import { ageUser, backdatePosts, createCategory, makeReply, makeTopic, scopeFor } from "../factories/topics";

async function member() {
  const u = await createUser();
  await ageUser(u);
  return u;
}

/** Runs the notification jobs; search indexing is another file's subject and slow here, so it is dropped. */
async function runJobs() {
  await db.deleteFrom("outbox").where("kind", "like", "search.%").where("done_at", "is", null).execute();
  await drainJobs();
}

const auditCount = async (action?: string) => {
  let q = db.selectFrom("audit_log").select(sql<number>`count(*)::int`.as("n"));
  if (action) q = q.where("action", "=", action);
  return (await q.executeTakeFirstOrThrow()).n;
};
const postRow = (id: number) => db.selectFrom("posts").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const topicRow = (id: number) => db.selectFrom("topics").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const categoryRow = (id: number) =>
  db.selectFrom("categories").select(["topic_count", "post_count"]).where("id", "=", id).executeTakeFirstOrThrow();

let admin: Awaited<ReturnType<typeof createAdmin>>;
beforeAll(async () => {
  admin = await createAdmin();
});

describe("flags", () => {
  test("three flags from distinct members hide a post and tell its author; two do not", async () => {
    const cat = await createCategory();
    const author = await member();
    const topic = await makeTopic(author, cat);
    const reply = await makeReply(author, topic, "A reply that some members will not like at all.");
    const [a, b, c] = await Promise.all([member(), member(), member()]);

    expect(await flagPost({ scope: await scopeFor(a), postId: reply.postId, reason: "spam" })).toMatchObject({
      ok: true,
      hidden: false,
    });
    expect(await flagPost({ scope: await scopeFor(b), postId: reply.postId, reason: "inappropriate" })).toMatchObject({
      ok: true,
      hidden: false,
    });
    expect((await postRow(reply.postId)).hidden_at).toBeNull();

    expect(await flagPost({ scope: await scopeFor(c), postId: reply.postId, reason: "off_topic" })).toMatchObject({
      ok: true,
      hidden: true,
    });
    const hidden = await postRow(reply.postId);
    expect(hidden.hidden_at).not.toBeNull();
    expect(hidden.hidden_reason).toBe("flags");
    expect(await auditCount("post.autohide")).toBeGreaterThanOrEqual(1);

    await runJobs();
    const note = await db
      .selectFrom("notifications")
      .select(["kind", "data", "actor_id"])
      .where("user_id", "=", author.id)
      .where("kind", "=", "moderation")
      .executeTakeFirst();
    expect(note).toMatchObject({ kind: "moderation", actor_id: null, data: { action: "hidden" } });
    // the author is not told who flagged
    expect(JSON.stringify(note?.data)).not.toContain(c.username);
  });

  test("parallel flags cross the threshold exactly once", async () => {
    const cat = await createCategory();
    const author = await member();
    const topic = await makeTopic(author, cat);
    const flaggers = await Promise.all(Array.from({ length: 5 }, () => member()));
    const results = await Promise.all(
      flaggers.map(async (u) => flagPost({ scope: await scopeFor(u), postId: topic.postId, reason: "spam" })),
    );
    // the 4th and 5th arrive after the post is hidden: they cannot read it any more
    expect(results.filter((r) => r.ok && r.hidden).length).toBe(1);
    expect(results.filter((r) => r.ok).length).toBe(3);
    expect((await postRow(topic.postId)).hidden_at).not.toBeNull();
  });

  test("a member cannot flag their own post, nor the same post twice; 'something else' needs a note", async () => {
    const cat = await createCategory();
    const author = await member();
    const other = await member();
    const topic = await makeTopic(author, cat);
    const before = await db
      .selectFrom("flags")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    expect(await flagPost({ scope: await scopeFor(author), postId: topic.postId, reason: "spam" })).toMatchObject({
      ok: false,
      message: "moderation.flag.errors.own",
    });
    expect(await flagPost({ scope: await scopeFor(other), postId: topic.postId, reason: "other" })).toMatchObject({
      ok: false,
      fields: { note: "moderation.flag.errors.noteRequired" },
    });
    expect(
      await flagPost({ scope: await scopeFor(other), postId: topic.postId, reason: "nonsense" as never }),
    ).toMatchObject({ ok: false, fields: { reason: "moderation.flag.errors.reason" } });
    const after = await db
      .selectFrom("flags")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(
      (
        await flagPost({
          scope: await scopeFor(other),
          postId: topic.postId,
          reason: "other",
          note: "Shares a customer's phone number.",
        })
      ).ok,
    ).toBe(true);
    expect(await flagPost({ scope: await scopeFor(other), postId: topic.postId, reason: "spam" })).toMatchObject({
      ok: false,
      message: "moderation.flag.errors.twice",
    });
  });

  test("the daily flag cap answers with the limit and when it lifts", async () => {
    await updateLimits({
      actorId: admin.id,
      limits: { ...DEFAULT_LIMITS, everyone: { ...DEFAULT_LIMITS.everyone, flagsPerDay: 1 } },
    });
    try {
      const cat = await createCategory();
      const author = await member();
      const flagger = await member();
      const t1 = await makeTopic(author, cat);
      const t2 = await makeTopic(author, cat);
      expect((await flagPost({ scope: await scopeFor(flagger), postId: t1.postId, reason: "spam" })).ok).toBe(true);
      const capped = await flagPost({ scope: await scopeFor(flagger), postId: t2.postId, reason: "spam" });
      expect(capped).toMatchObject({ ok: false, status: 429, message: "limits.flagsPerDay", values: { max: 1 } });
      expect(capped.ok === false && new Date(String(capped.values?.until)).getTime()).toBeGreaterThan(Date.now());
    } finally {
      await updateLimits({ actorId: admin.id, limits: DEFAULT_LIMITS });
    }
  });

  test("a private topic's post cannot be flagged by someone who cannot see it", async () => {
    const cat = await createCategory({ see: "participants" });
    const author = await member();
    const outsider = await member();
    const friend = await member();
    const topic = await makeTopic(author, cat, { participantIds: [friend.id] });
    expect((await flagPost({ scope: await scopeFor(friend), postId: topic.postId, reason: "spam" })).ok).toBe(true);
    expect(await flagPost({ scope: await scopeFor(outsider), postId: topic.postId, reason: "spam" })).toMatchObject({
      ok: false,
      status: 404,
    });
  });
});

describe("the review queue", () => {
  async function flagged(times = 3) {
    const cat = await createCategory();
    const author = await member();
    const topic = await makeTopic(author, cat);
    const reply = await makeReply(author, topic, "A reply that will be flagged by several members.");
    for (let i = 0; i < times; i++) {
      const u = await member();
      const r = await flagPost({ scope: await scopeFor(u), postId: reply.postId, reason: "inappropriate" });
      expect(r.ok).toBe(true);
    }
    return { cat, author, topic, reply };
  }
  const openFlags = async (postId: number) =>
    (await db.selectFrom("flags").select("id").where("post_id", "=", postId).where("resolved_at", "is", null).execute())
      .length;

  test("staff see flagged posts; members get nothing", async () => {
    const { reply } = await flagged(2);
    const queue = await listReviewQueue({ scope: await scopeFor(admin) });
    const item = queue.find((q) => q.id === reply.postId);
    expect(item?.flags.length).toBe(2);
    expect(await listReviewQueue({ scope: await scopeFor(await member()) })).toEqual([]);
  });

  test("agree keeps the post hidden and resolves the flags", async () => {
    const { reply } = await flagged();
    const r = await reviewFlags({ scope: await scopeFor(admin), postId: reply.postId, decision: "agree" });
    expect(r).toMatchObject({ ok: true, resolved: 3 });
    expect((await postRow(reply.postId)).hidden_at).not.toBeNull();
    expect(await openFlags(reply.postId)).toBe(0);
    expect(await auditCount("flag.agree")).toBeGreaterThanOrEqual(1);
  });

  test("agree and delete removes the post and fixes the counters", async () => {
    const { reply, topic, cat } = await flagged();
    expect(
      (await reviewFlags({ scope: await scopeFor(admin), postId: reply.postId, decision: "agree_delete" })).ok,
    ).toBe(true);
    expect((await postRow(reply.postId)).deleted_at).not.toBeNull();
    expect((await topicRow(topic.topicId)).reply_count).toBe(0);
    expect(await categoryRow(cat.id)).toEqual({ topic_count: 1, post_count: 1 });
  });

  test("disagree brings the post back and tells the author", async () => {
    const { reply, author } = await flagged();
    await runJobs();
    expect((await reviewFlags({ scope: await scopeFor(admin), postId: reply.postId, decision: "disagree" })).ok).toBe(
      true,
    );
    expect((await postRow(reply.postId)).hidden_at).toBeNull();
    expect(await openFlags(reply.postId)).toBe(0);
    await runJobs();
    const actions = (
      await db
        .selectFrom("notifications")
        .select("data")
        .where("user_id", "=", author.id)
        .where("kind", "=", "moderation")
        .orderBy("id")
        .execute()
    ).map((n) => (n.data as { action: string }).action);
    expect(actions).toEqual(["hidden", "restored"]);
    // the flags are settled: the same members may flag again later
    expect(
      await reviewFlags({ scope: await scopeFor(admin), postId: reply.postId, decision: "disagree" }),
    ).toMatchObject({ ok: false, message: "review.errors.nothingOpen" });
  });

  test("ignore resolves the flags and changes nothing else", async () => {
    const { reply } = await flagged(1);
    const before = await postRow(reply.postId);
    expect((await reviewFlags({ scope: await scopeFor(admin), postId: reply.postId, decision: "ignore" })).ok).toBe(
      true,
    );
    const after = await postRow(reply.postId);
    expect(after.hidden_at).toEqual(before.hidden_at);
    expect(after.deleted_at).toBeNull();
    expect(await openFlags(reply.postId)).toBe(0);
  });
});

describe("staff actions on posts and topics", () => {
  test("a moved post takes its likes and revisions; both topics' and categories' counters are right", async () => {
    const catA = await createCategory();
    const catB = await createCategory();
    const author = await member();
    const fan = await member();
    const source = await makeTopic(author, catA);
    const r1 = await makeReply(author, source, "First reply in the source topic, enough text.");
    const r2 = await makeReply(author, source, "Second reply, which will be moved elsewhere.", r1.postNumber);
    const r3 = await makeReply(author, source, "Third reply, answering the second one here.", r2.postNumber);
    const target = await makeTopic(author, catB);
    await makeReply(fan, target, "A reply already in the target topic, long enough.");
    expect((await likePost({ scope: await scopeFor(fan), postId: r2.postId })).ok).toBe(true);
    expect((await likePost({ scope: await scopeFor(fan), postId: r3.postId })).ok).toBe(true);
    await backdatePosts(author.id);
    expect(
      (
        await editPost({
          scope: await scopeFor(author),
          postId: r2.postId,
          body: "Second reply, edited before it was moved elsewhere.",
        })
      ).ok,
    ).toBe(true);

    const moved = await movePosts({
      scope: await scopeFor(admin),
      postIds: [r3.postId, r2.postId],
      toTopicId: target.topicId,
    });
    expect(moved.ok).toBe(true);

    const p2 = await postRow(r2.postId);
    const p3 = await postRow(r3.postId);
    expect([p2.topic_id, p2.post_number, p2.like_count, p2.revision_count]).toEqual([target.topicId, 3, 1, 1]);
    // still answers #2, now #3
    expect([p3.topic_id, p3.post_number, p3.reply_to_post_number]).toEqual([target.topicId, 4, 3]);
    expect(p2.reply_to_post_number).toBeNull(); // its parent stayed behind
    expect(
      (await db.selectFrom("post_likes").select("user_id").where("post_id", "=", r2.postId).execute()).map(
        (l) => l.user_id,
      ),
    ).toEqual([fan.id]);
    expect(
      (await db.selectFrom("post_revisions").select("number").where("post_id", "=", r2.postId).execute()).length,
    ).toBe(1);

    const s = await topicRow(source.topicId);
    const t = await topicRow(target.topicId);
    expect({ replies: s.reply_count, likes: s.like_count, highest: s.highest_post_number }).toEqual({
      replies: 1,
      likes: 0,
      highest: 2,
    });
    expect({ replies: t.reply_count, likes: t.like_count, highest: t.highest_post_number }).toEqual({
      replies: 3,
      likes: 2,
      highest: 4,
    });
    expect(await categoryRow(catA.id)).toEqual({ topic_count: 1, post_count: 2 });
    expect(await categoryRow(catB.id)).toEqual({ topic_count: 1, post_count: 4 });

    // a reply after the move continues the numbering in both topics
    const next = await makeReply(author, target, "A new reply after the move, numbered after the moved posts.");
    expect(next.postNumber).toBe(5);
    expect(await auditCount("posts.move")).toBeGreaterThanOrEqual(1);
  });

  test("the first post cannot be moved on its own, and only replies of one topic move together", async () => {
    const cat = await createCategory();
    const author = await member();
    const a = await makeTopic(author, cat);
    const b = await makeTopic(author, cat);
    const ra = await makeReply(author, a);
    const rb = await makeReply(author, b);
    expect(await movePosts({ scope: await scopeFor(admin), postIds: [a.postId], toTopicId: b.topicId })).toMatchObject({
      ok: false,
      message: "moderation.errors.firstPost",
    });
    expect(
      await movePosts({ scope: await scopeFor(admin), postIds: [ra.postId, rb.postId], toTopicId: b.topicId }),
    ).toMatchObject({ ok: false, message: "moderation.errors.sameTopic" });
    expect(
      await movePosts({ scope: await scopeFor(admin), postIds: [ra.postId], toTopicId: 99_999_999 }),
    ).toMatchObject({ ok: false });
    expect((await postRow(ra.postId)).topic_id).toBe(a.topicId);
  });

  test("merge moves every post to the end of the target and deletes the emptied topic", async () => {
    const cat = await createCategory();
    const author = await member();
    const fan = await member();
    const from = await makeTopic(author, cat);
    await makeReply(fan, from, "A reply in the topic that will be merged away.");
    const into = await makeTopic(author, cat);
    await likePost({ scope: await scopeFor(fan), postId: from.postId });
    const r = await mergeTopic({ scope: await scopeFor(admin), topicId: from.topicId, intoTopicId: into.topicId });
    expect(r.ok).toBe(true);
    const numbers = (
      await db
        .selectFrom("posts")
        .select("post_number")
        .where("topic_id", "=", into.topicId)
        .orderBy("post_number")
        .execute()
    ).map((p) => p.post_number);
    expect(numbers).toEqual([1, 2, 3]);
    const f = await topicRow(from.topicId);
    expect(f.deleted_at).not.toBeNull();
    expect(f.reply_count).toBe(0);
    const t = await topicRow(into.topicId);
    expect({ replies: t.reply_count, likes: t.like_count, highest: t.highest_post_number }).toEqual({
      replies: 2,
      likes: 1,
      highest: 3,
    });
    expect(await categoryRow(cat.id)).toEqual({ topic_count: 1, post_count: 3 });
  });

  test("split takes replies into a new topic numbered from 1", async () => {
    const cat = await createCategory();
    const author = await member();
    const other = await member();
    const topic = await makeTopic(author, cat);
    const r1 = await makeReply(other, topic, "A reply that starts a side discussion worth its own topic.");
    const r2 = await makeReply(author, topic, "An answer to the side discussion, in the same breath.", r1.postNumber);
    await makeReply(author, topic, "Back on the original subject of the topic now.");
    expect(await splitTopic({ scope: await scopeFor(admin), postIds: [r1.postId], title: "short" })).toMatchObject({
      ok: false,
      fields: { title: "composer.errors.titleShort" },
    });
    const r = await splitTopic({
      scope: await scopeFor(admin),
      postIds: [r1.postId, r2.postId],
      title: "A side discussion about escalation paths",
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = await topicRow(r.topicId);
    expect({
      user: t.user_id,
      replies: t.reply_count,
      highest: t.highest_post_number,
      category: t.category_id,
    }).toEqual({ user: other.id, replies: 1, highest: 2, category: cat.id });
    expect([
      (await postRow(r1.postId)).post_number,
      (await postRow(r2.postId)).post_number,
      (await postRow(r2.postId)).reply_to_post_number,
    ]).toEqual([1, 2, 1]);
    expect((await topicRow(topic.topicId)).reply_count).toBe(1);
    expect(await categoryRow(cat.id)).toEqual({ topic_count: 2, post_count: 4 });
  });

  test("topic states, category changes and hiding: each one writes an audit row", async () => {
    const catA = await createCategory();
    const catB = await createCategory();
    const author = await member();
    const topic = await makeTopic(author, catA);
    const scope = await scopeFor(admin);
    const before = await auditCount();
    for (const action of [
      "close",
      "reopen",
      "pin",
      "pinGlobally",
      "unpin",
      "archive",
      "unarchive",
      "unlist",
      "list",
    ] as const) {
      expect((await updateTopicState({ scope, topicId: topic.topicId, action })).ok).toBe(true);
    }
    expect((await changeTopicCategory({ scope, topicId: topic.topicId, categorySlug: catB.slug })).ok).toBe(true);
    expect((await hidePost({ scope, postId: topic.postId, reason: "Personal data" })).ok).toBe(true);
    expect((await unhidePost({ scope, postId: topic.postId })).ok).toBe(true);
    expect(await auditCount()).toBe(before + 12);
    const t = await topicRow(topic.topicId);
    expect({
      closed: t.closed_at,
      pinned: t.pinned_at,
      archived: t.archived_at,
      unlisted: t.unlisted,
      category: t.category_id,
    }).toEqual({ closed: null, pinned: null, archived: null, unlisted: false, category: catB.id });
    expect(await categoryRow(catA.id)).toEqual({ topic_count: 0, post_count: 0 });
    expect(await categoryRow(catB.id)).toEqual({ topic_count: 1, post_count: 1 });
    const actions = (await db.selectFrom("audit_log").select("action").orderBy("id", "desc").limit(12).execute())
      .map((a) => a.action)
      .reverse();
    expect(actions).toEqual([
      "topic.close",
      "topic.reopen",
      "topic.pin",
      "topic.pinGlobally",
      "topic.unpin",
      "topic.archive",
      "topic.unarchive",
      "topic.unlist",
      "topic.list",
      "topic.category",
      "post.hide",
      "post.unhide",
    ]);
  });

  test("a member without the role can call none of these: each fails and nothing is written", async () => {
    const cat = await createCategory();
    const author = await member();
    const intruder = await member();
    const topic = await makeTopic(author, cat);
    const reply = await makeReply(author, topic);
    const other = await makeTopic(author, cat);
    for (let i = 0; i < 3; i++)
      await flagPost({ scope: await scopeFor(await member()), postId: reply.postId, reason: "spam" });
    const scope = await scopeFor(intruder);
    const snapshot = async () => ({
      audit: await auditCount(),
      posts: await db
        .selectFrom("posts")
        .select(["id", "topic_id", "post_number", "hidden_at", "deleted_at"])
        .where("topic_id", "in", [topic.topicId, other.topicId])
        .orderBy("id")
        .execute(),
      topics: await db
        .selectFrom("topics")
        .selectAll()
        .where("id", "in", [topic.topicId, other.topicId])
        .orderBy("id")
        .execute(),
      flags: await db.selectFrom("flags").select(["id", "resolved_at"]).where("post_id", "=", reply.postId).execute(),
      user: await db
        .selectFrom("users")
        .select(["silenced_until", "suspended_until"])
        .where("id", "=", author.id)
        .executeTakeFirstOrThrow(),
      categories: await db
        .selectFrom("categories")
        .select(["id", "topic_count", "post_count"])
        .where("id", "=", cat.id)
        .execute(),
    });
    const before = await snapshot();
    const results = [
      await hidePost({ scope, postId: topic.postId }),
      await unhidePost({ scope, postId: reply.postId }),
      await movePosts({ scope, postIds: [reply.postId], toTopicId: other.topicId }),
      await splitTopic({ scope, postIds: [reply.postId], title: "An attempt to split someone else's topic" }),
      await mergeTopic({ scope, topicId: topic.topicId, intoTopicId: other.topicId }),
      await changeTopicCategory({ scope, topicId: topic.topicId, categorySlug: cat.slug }),
      await reviewFlags({ scope, postId: reply.postId, decision: "disagree" }),
      await sanctionMember({ scope, userId: author.id, kind: "silence", days: 3, reason: "Trying to silence someone" }),
      await liftSanction({ scope, userId: author.id }),
      ...(await Promise.all(
        (["close", "pin", "pinGlobally", "archive", "unlist"] as const).map((action) =>
          updateTopicState({ scope, topicId: topic.topicId, action }),
        ),
      )),
    ];
    expect(results.map((r) => r.ok)).toEqual(results.map(() => false));
    expect(await snapshot()).toEqual(before);
  });

  test("topic links and numbers are read as topic ids", () => {
    expect(parseTopicRef("123")).toBe(123);
    expect(parseTopicRef("#45")).toBe(45);
    expect(parseTopicRef("https://touchpoints.example/t/some-topic/678/4#post-4")).toBe(678);
    expect(parseTopicRef("/t/x/9")).toBe(9);
    expect(parseTopicRef("nonsense")).toBeUndefined();
  });
});

describe("silencing and suspending", () => {
  test("a silenced member is refused with the reason and the end date; lifting it lets them post again", async () => {
    const cat = await createCategory();
    const author = await member();
    const topic = await makeTopic(author, cat);
    const target = await member();
    expect(
      await sanctionMember({ scope: await scopeFor(admin), userId: target.id, kind: "silence", days: 3, reason: "x" }),
    ).toMatchObject({ ok: false, fields: { reason: "moderation.sanction.errors.reason" } });
    const s = await sanctionMember({
      scope: await scopeFor(admin),
      userId: target.id,
      kind: "silence",
      days: 3,
      reason: "Repeated off-topic posts after warnings",
    });
    expect(s.ok).toBe(true);
    const refused = await createReply({
      scope: await scopeFor(target),
      topicId: topic.topicId,
      body: "Trying to reply while silenced, long enough.",
    });
    expect(refused).toMatchObject({
      ok: false,
      status: 403,
      message: "limits.silenced",
      values: { reason: "Repeated off-topic posts after warnings" },
    });
    const until = new Date(String(!refused.ok && refused.values?.until));
    expect(until.getTime()).toBeGreaterThan(Date.now() + 2.9 * 86_400_000);
    expect(until.getTime()).toBeLessThan(Date.now() + 3.1 * 86_400_000);
    expect(await flagPost({ scope: await scopeFor(target), postId: topic.postId, reason: "spam" })).toMatchObject({
      ok: false,
      message: "limits.silenced",
    });

    const u = await db
      .selectFrom("users")
      .select(["silenced_until", "suspended_until", "sanction_reason"])
      .where("id", "=", target.id)
      .executeTakeFirstOrThrow();
    expect(
      viewerSanction({
        silencedUntil: u.silenced_until,
        suspendedUntil: u.suspended_until,
        sanctionReason: u.sanction_reason,
      }),
    ).toMatchObject({ kind: "silenced", reason: "Repeated off-topic posts after warnings" });
    expect(await auditCount("user.silence")).toBeGreaterThanOrEqual(1);

    expect((await liftSanction({ scope: await scopeFor(admin), userId: target.id })).ok).toBe(true);
    expect(
      (
        await createReply({
          scope: await scopeFor(target),
          topicId: topic.topicId,
          body: "Back to posting after the silence was lifted.",
        })
      ).ok,
    ).toBe(true);
    expect(await auditCount("user.lift")).toBeGreaterThanOrEqual(1);
  });

  test("a suspension says so; staff and oneself cannot be sanctioned", async () => {
    const target = await member();
    expect(
      (
        await sanctionMember({
          scope: await scopeFor(admin),
          userId: target.id,
          kind: "suspend",
          days: 7,
          reason: "Harassment of another member",
        })
      ).ok,
    ).toBe(true);
    const cat = await createCategory();
    const t = await makeTopic(admin, cat);
    expect(
      await createReply({
        scope: await scopeFor(target),
        topicId: t.topicId,
        body: "A reply from a suspended member here.",
      }),
    ).toMatchObject({ ok: false, message: "limits.suspended" });
    const otherAdmin = await createAdmin();
    expect(
      await sanctionMember({
        scope: await scopeFor(admin),
        userId: otherAdmin.id,
        kind: "silence",
        days: 1,
        reason: "Testing staff protection",
      }),
    ).toMatchObject({ ok: false, message: "moderation.sanction.errors.staff" });
    expect(
      await sanctionMember({
        scope: await scopeFor(admin),
        userId: admin.id,
        kind: "silence",
        days: 1,
        reason: "Testing self protection",
      }),
    ).toMatchObject({ ok: false, message: "moderation.sanction.errors.self" });
  });
});

describe("the notification list", () => {
  test("a notification about a topic the member can no longer see is left out", async () => {
    const cat = await createCategory();
    const author = await member();
    const reader = await member();
    const topic = await makeTopic(author, cat);
    await makeReply(reader, topic, `Mentioning @${author.username} in a public topic.`);
    await runJobs();
    const scope = await scopeFor(author);
    expect((await listNotifications({ scope })).items.some((n) => n.href.includes(`/${topic.topicId}/`))).toBe(true);
    await db.updateTable("categories").set({ see_rule: "staff" }).where("id", "=", cat.id).execute();
    const { clearCategoryCache } = await import("~/models/forum/category.server");
    clearCategoryCache();
    expect((await listNotifications({ scope })).items.some((n) => n.href.includes(`/${topic.topicId}/`))).toBe(false);
  });
});
