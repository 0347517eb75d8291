import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { likePost, unlikePost } from "~/models/forum/like.server";
import { createReply, createTopic, deletePost, editPost, restorePost } from "~/models/forum/post.server";
import { listTopics } from "~/models/forum/topic-list.server";
import { createAdmin, createUser } from "../factories/users";
import { ageUser, createCategory, createTag, makeReply, makeTopic, scopeFor } from "../factories/topics";

async function member() {
  const u = await createUser();
  await ageUser(u);
  return u;
}

describe("topics and replies", () => {
  test("20 parallel replies get post numbers 2..21 with no gap or duplicate, and the counters agree", async () => {
    const cat = await createCategory();
    const author = await member();
    const topic = await makeTopic(author, cat);
    const repliers = await Promise.all(Array.from({ length: 20 }, () => member()));
    const results = await Promise.all(
      repliers.map(async (u) =>
        createReply({
          scope: await scopeFor(u),
          topicId: topic.topicId,
          body: `Parallel reply from ${u.username} with enough text.`,
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const numbers = (
      await db
        .selectFrom("posts")
        .select("post_number")
        .where("topic_id", "=", topic.topicId)
        .orderBy("post_number")
        .execute()
    ).map((r) => r.post_number);
    expect(numbers).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    const t = await db
      .selectFrom("topics")
      .select(["reply_count", "highest_post_number"])
      .where("id", "=", topic.topicId)
      .executeTakeFirstOrThrow();
    expect(t).toEqual({ reply_count: 20, highest_post_number: 21 });
    const c = await db
      .selectFrom("categories")
      .select(["topic_count", "post_count"])
      .where("id", "=", cat.id)
      .executeTakeFirstOrThrow();
    expect(c).toEqual({ topic_count: 1, post_count: 21 });
  });

  test("bad input is refused with a reason and writes nothing", async () => {
    const cat = await createCategory();
    const author = await member();
    const scope = await scopeFor(author);
    const before = await db.selectFrom("posts").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const unknownCat = await createTopic(db, {
      scope,
      categorySlug: "no-such-category",
      title: "A perfectly fine title here",
      body: "A perfectly fine body for a topic.",
      tags: [],
    });
    expect(unknownCat).toMatchObject({ ok: false, message: "composer.errors.category" });
    const unknownTag = await createTopic(db, {
      scope,
      categorySlug: cat.slug,
      title: "A perfectly fine title here",
      body: "A perfectly fine body for a topic.",
      tags: ["not-a-competency"],
    });
    expect(unknownTag).toMatchObject({ ok: false, message: "composer.errors.unknownTag" });
    const after = await db.selectFrom("posts").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  test("a closed topic refuses replies; a deleted one too", async () => {
    const cat = await createCategory();
    const author = await member();
    const other = await member();
    const topic = await makeTopic(author, cat);
    await db.updateTable("topics").set({ closed_at: new Date() }).where("id", "=", topic.topicId).execute();
    expect(
      await createReply({
        scope: await scopeFor(other),
        topicId: topic.topicId,
        body: "Trying to reply to a closed topic.",
      }),
    ).toMatchObject({ ok: false, message: "composer.errors.closed" });
    await db
      .updateTable("topics")
      .set({ closed_at: null, deleted_at: new Date() })
      .where("id", "=", topic.topicId)
      .execute();
    const r = await createReply({
      scope: await scopeFor(other),
      topicId: topic.topicId,
      body: "Trying to reply to a deleted topic.",
    });
    expect(r.ok).toBe(false);
    expect((await db.selectFrom("posts").select("id").where("topic_id", "=", topic.topicId).execute()).length).toBe(1);
  });

  test("editing someone else's post is refused; an author's edit keeps a revision", async () => {
    const cat = await createCategory();
    const author = await member();
    const other = await member();
    const topic = await makeTopic(author, cat, { body: "The original text of the opening post." });
    const refused = await editPost({
      scope: await scopeFor(other),
      postId: topic.postId,
      body: "Vandalised text, long enough to pass.",
    });
    expect(refused).toMatchObject({ ok: false, message: "post.errors.notYours" });
    const edited = await editPost({
      scope: await scopeFor(author),
      postId: topic.postId,
      body: "The improved text of the opening post.",
    });
    expect(edited.ok).toBe(true);
    const revs = await db
      .selectFrom("post_revisions")
      .select(["number", "previous_markdown", "next_markdown"])
      .where("post_id", "=", topic.postId)
      .execute();
    expect(revs).toEqual([
      {
        number: 1,
        previous_markdown: "The original text of the opening post.",
        next_markdown: "The improved text of the opening post.",
      },
    ]);
  });

  test("likes: not one's own, not twice, counts follow", async () => {
    const cat = await createCategory();
    const author = await member();
    const fan = await member();
    const topic = await makeTopic(author, cat);
    expect(await likePost({ scope: await scopeFor(author), postId: topic.postId })).toMatchObject({
      ok: false,
      message: "like.errors.own",
    });
    expect((await likePost({ scope: await scopeFor(fan), postId: topic.postId })).ok).toBe(true);
    expect(await likePost({ scope: await scopeFor(fan), postId: topic.postId })).toMatchObject({
      ok: false,
      message: "like.errors.twice",
    });
    const counts = async () =>
      await db
        .selectFrom("posts")
        .innerJoin("topics", "topics.id", "posts.topic_id")
        .select(["posts.like_count as p", "topics.like_count as t"])
        .where("posts.id", "=", topic.postId)
        .executeTakeFirstOrThrow();
    expect(await counts()).toEqual({ p: 1, t: 1 });
    expect((await unlikePost({ scope: await scopeFor(fan), postId: topic.postId })).ok).toBe(true);
    expect(await counts()).toEqual({ p: 0, t: 0 });
  });

  test("a withdrawn reply leaves the counters right and can be restored by its author", async () => {
    const cat = await createCategory();
    const author = await member();
    const other = await member();
    const topic = await makeTopic(author, cat);
    const reply = await makeReply(other, topic);
    expect((await deletePost({ scope: await scopeFor(other), postId: reply.postId })).ok).toBe(true);
    expect(
      (await db.selectFrom("topics").select("reply_count").where("id", "=", topic.topicId).executeTakeFirstOrThrow())
        .reply_count,
    ).toBe(0);
    expect((await restorePost({ scope: await scopeFor(other), postId: reply.postId })).ok).toBe(true);
    expect(
      (await db.selectFrom("topics").select("reply_count").where("id", "=", topic.topicId).executeTakeFirstOrThrow())
        .reply_count,
    ).toBe(1);
  });
});

describe("lists", () => {
  test("a private category's topics never list for non-members; latest pages with a cursor", async () => {
    const open = await createCategory();
    const staffOnly = await createCategory({ see: "staff", post: "staff", reply: "staff" });
    const admin = await createAdmin();
    await ageUser(admin);
    const author = await member();
    const authors = [author, await member()]; // everyone may start 20 topics a day
    for (let i = 0; i < 32; i++) await makeTopic(authors[i % 2], open);
    const secret = await makeTopic(admin, staffOnly, { title: "Secret staff discussion about pay" });
    const visitor = { userId: null, isStaff: false, isMember: false, level: 0, groupIds: [], tutorGroupIds: [] };
    const first = await listTopics({ scope: visitor, filter: { kind: "latest", categoryId: open.id } });
    expect(first.topics).toHaveLength(30);
    const everything = await listTopics({ scope: visitor, filter: { kind: "latest" } });
    expect(everything.topics.map((t) => t.id)).not.toContain(secret.topicId);
    const second = await listTopics({
      scope: visitor,
      filter: { kind: "latest", categoryId: open.id },
      cursor: first.next,
    });
    expect(second.topics).toHaveLength(2);
    expect(new Set([...first.topics, ...second.topics].map((t) => t.id)).size).toBe(32);
    const asMember = await listTopics({ scope: await scopeFor(author), filter: { kind: "latest" } });
    expect(asMember.topics.map((t) => t.id)).not.toContain(secret.topicId);
    const asAdmin = await listTopics({ scope: await scopeFor(admin), filter: { kind: "latest" } });
    expect(asAdmin.topics.map((t) => t.id)).toContain(secret.topicId);
  });
});

describe("re-rendering", () => {
  test("posts stored by an older pipeline are re-rendered; current ones are left alone", async () => {
    const { rerenderPosts } = await import("~/models/forum/rerender.server");
    const cat = await createCategory();
    const author = await member();
    const topic = await makeTopic(author, cat, { body: "Some **bold** advice about callbacks." });
    await db
      .updateTable("posts")
      .set({ body_html: "<p>stale</p>", render_version: 0 })
      .where("id", "=", topic.postId)
      .execute();
    expect(await rerenderPosts()).toBe(1);
    const post = await db
      .selectFrom("posts")
      .select(["body_html", "render_version"])
      .where("id", "=", topic.postId)
      .executeTakeFirstOrThrow();
    expect(post.body_html).toBe("<p>Some <strong>bold</strong> advice about callbacks.</p>");
    expect(await rerenderPosts()).toBe(0);
  });
});

describe("top, tags and pins", () => {
  test("top ranks by likes and replies within the period; tags filter; pins head latest", async () => {
    const cat = await createCategory();
    const a = await member();
    const b = await member();
    await createTag("sla-management");
    const quiet = await makeTopic(a, cat, { tags: ["sla-management"] });
    const busy = await makeTopic(a, cat);
    const old = await makeTopic(b, cat);
    await makeReply(b, busy);
    expect((await likePost({ scope: await scopeFor(b), postId: busy.postId })).ok).toBe(true);
    await db
      .updateTable("topics")
      .set({ created_at: new Date(Date.now() - 40 * 86_400_000), like_count: 50 })
      .where("id", "=", old.topicId)
      .execute();
    const visitor = await scopeFor(a);
    const month = await listTopics({ scope: visitor, filter: { kind: "top", period: "month", categoryId: cat.id } });
    expect(month.topics.map((t) => t.id)).toEqual([busy.topicId, quiet.topicId]);
    const all = await listTopics({ scope: visitor, filter: { kind: "top", period: "all", categoryId: cat.id } });
    expect(all.topics[0].id).toBe(old.topicId);
    const tagged = await listTopics({ scope: visitor, filter: { kind: "latest", tag: "sla-management" } });
    expect(tagged.topics.map((t) => t.id)).toEqual([quiet.topicId]);
    await db
      .updateTable("topics")
      .set({ pinned_at: new Date(), pinned_globally: true })
      .where("id", "=", quiet.topicId)
      .execute();
    const latest = await listTopics({ scope: visitor, filter: { kind: "latest" } });
    expect(latest.topics[0]).toMatchObject({ id: quiet.topicId, pinned: true });
    expect(latest.topics.filter((t) => t.id === quiet.topicId)).toHaveLength(1);
    // two pins: the newest pin first, then the page by last activity, each topic once
    await db
      .updateTable("topics")
      .set({ pinned_at: new Date(Date.now() + 1000), pinned_globally: true })
      .where("id", "=", old.topicId)
      .execute();
    const twoPins = await listTopics({ scope: visitor, filter: { kind: "latest", categoryId: cat.id } });
    expect(twoPins.topics.map((t) => t.id)).toEqual([old.topicId, quiet.topicId, busy.topicId]);
    expect(twoPins.topics.map((t) => t.pinned)).toEqual([true, true, false]);
  });
});

describe("posters' avatars", () => {
  test(
    "a row shows the distinct authors of the last 12 visible posts, first-posted first, at most 5, and follows " +
      "deletes and restores",
    async () => {
      const cat = await createCategory();
      const people = await Promise.all(Array.from({ length: 7 }, () => member()));
      const [a, b, c] = people;
      const topic = await makeTopic(a, cat);
      const row = async () =>
        (await listTopics({ scope: await scopeFor(a), filter: { kind: "latest", categoryId: cat.id } })).topics.find(
          (t) => t.id === topic.topicId,
        )!;
      expect((await row()).posters.map((p) => p.username)).toEqual([a.username]);
      const fromB = await makeReply(b, topic);
      await makeReply(a, topic);
      await makeReply(c, topic);
      expect((await row()).posters.map((p) => p.username)).toEqual([a.username, b.username, c.username]);
      // b's only post withdrawn: b is no longer a poster; restored: back in place
      expect((await deletePost({ scope: await scopeFor(b), postId: fromB.postId })).ok).toBe(true);
      expect((await row()).posters.map((p) => p.username)).toEqual([a.username, c.username]);
      expect((await restorePost({ scope: await scopeFor(b), postId: fromB.postId })).ok).toBe(true);
      expect((await row()).posters.map((p) => p.username)).toEqual([a.username, b.username, c.username]);
      // seven people: five avatars; 12 more replies by the last one push the others out of the window
      for (const p of people.slice(3)) await makeReply(p, topic);
      expect((await row()).posters).toHaveLength(5);
      const last = people[6];
      for (let i = 0; i < 12; i++) await makeReply(last, topic);
      expect((await row()).posters.map((p) => p.username)).toEqual([last.username]);
    },
  );
});
