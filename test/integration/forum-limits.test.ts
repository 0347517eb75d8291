// New-member limits after Discourse's defaults, and everyone's caps: each refusal names the limit
// and when it lifts, and nothing is written.
import { sql } from "kysely";
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { likePost } from "~/models/forum/like.server";
import { createReply, createTopic } from "~/models/forum/post.server";
import { DEFAULT_LIMITS, updateLimits } from "~/models/moderation/settings.server";
import { ageUser, backdatePosts, createCategory, makeTopic, scopeFor } from "../factories/topics";
import { createAdmin, createUser } from "../factories/users";

const postsBy = async (userId: number) =>
  (await db.selectFrom("posts").select("id").where("user_id", "=", userId).execute()).length;

describe("new-member limits", () => {
  test("at most 2 links, 1 image and 2 mentions per post in the first day", async () => {
    const cat = await createCategory();
    const newbie = await createUser();
    const scope = await scopeFor(newbie);
    const base = { scope, categorySlug: cat.slug, title: "Which CRM do you use for callbacks?", tags: [] };
    const links = await createTopic(db, {
      ...base,
      body: "See https://a.example, https://b.example and https://c.example for ideas.",
    });
    expect(links).toMatchObject({ ok: false, message: "limits.links", values: { max: 2 } });
    expect(links.ok ? "" : links.values?.until).toMatch(/^\d{4}-\d\d-\d\dT/);
    const images = await createTopic(db, {
      ...base,
      body: "![a](https://a.example/a.png) ![b](https://a.example/b.png) two screenshots",
    });
    expect(images).toMatchObject({ ok: false, message: "limits.images", values: { max: 1 } });
    const mentions = await createTopic(db, {
      ...base,
      body: "Asking @alpha_one @beta_two and @gamma_three for advice here.",
    });
    expect(mentions).toMatchObject({ ok: false, message: "limits.mentions", values: { max: 2 } });
    expect(await postsBy(newbie.id)).toBe(0);
    // after the first day the same post is fine
    await ageUser(newbie);
    expect(
      (
        await createTopic(db, {
          ...base,
          body: "See https://a.example, https://b.example and https://c.example for ideas.",
        })
      ).ok,
    ).toBe(true);
  });

  test("120 s between topics and 30 s between posts for new members; 3 topics in the first day", async () => {
    const cat = await createCategory();
    const newbie = await createUser();
    const scope = await scopeFor(newbie);
    const first = await createTopic(db, {
      scope,
      categorySlug: cat.slug,
      title: "My first topic on the forum here",
      body: "Hello everyone, glad to be here at last.",
      tags: [],
    });
    expect(first.ok).toBe(true);
    const second = await createTopic(db, {
      scope,
      categorySlug: cat.slug,
      title: "My second topic on the forum here",
      body: "A second question about complaint handling.",
      tags: [],
    });
    expect(second).toMatchObject({ ok: false, message: "limits.topicInterval", values: { seconds: 120 } });
    const reply = await createReply({
      scope,
      topicId: first.ok ? first.topicId : 0,
      body: "Replying to myself too quickly here.",
    });
    expect(reply).toMatchObject({ ok: false, message: "limits.postInterval", values: { seconds: 30 } });
    for (let i = 2; i <= 3; i++) {
      await db
        .updateTable("posts")
        .set({ created_at: sql`created_at - interval '3 minutes'` })
        .where("user_id", "=", newbie.id)
        .execute();
      expect(
        (
          await createTopic(db, {
            scope,
            categorySlug: cat.slug,
            title: `Topic number ${i} from a newcomer`,
            body: `Body number ${i} with enough characters.`,
            tags: [],
          })
        ).ok,
      ).toBe(true);
    }
    await db
      .updateTable("posts")
      .set({ created_at: sql`created_at - interval '3 minutes'` })
      .where("user_id", "=", newbie.id)
      .execute();
    const fourth = await createTopic(db, {
      scope,
      categorySlug: cat.slug,
      title: "Topic number 4 from a newcomer",
      body: "Body number 4 with enough characters.",
      tags: [],
    });
    expect(fourth).toMatchObject({ ok: false, message: "limits.topicsPerDay", values: { max: 3 } });
    expect(await postsBy(newbie.id)).toBe(3);
  });

  test("an identical post within 5 minutes is refused", async () => {
    const cat = await createCategory();
    const m = await createUser();
    await ageUser(m);
    const topic = await makeTopic(m, cat);
    await backdatePosts(m.id, 1); // past the 5 s gap, still inside the 5 minute window
    const body = "Exactly the same words posted twice in a row.";
    expect((await createReply({ scope: await scopeFor(m), topicId: topic.topicId, body })).ok).toBe(true);
    await backdatePosts(m.id, 1);
    expect(await createReply({ scope: await scopeFor(m), topicId: topic.topicId, body })).toMatchObject({
      ok: false,
      message: "limits.duplicate",
    });
  });

  test("staff change the limits and they apply at once; staff themselves are not limited", async () => {
    const admin = await createAdmin();
    const cat = await createCategory();
    await updateLimits({
      actorId: admin.id,
      limits: { ...DEFAULT_LIMITS, newMember: { ...DEFAULT_LIMITS.newMember, linksPerPost: 0 } },
    });
    const newbie = await createUser();
    const r = await createTopic(db, {
      scope: await scopeFor(newbie),
      categorySlug: cat.slug,
      title: "One link is now too many here",
      body: "Have a look at https://a.example please.",
      tags: [],
    });
    expect(r).toMatchObject({ ok: false, message: "limits.links", values: { max: 0 } });
    expect(
      (
        await createTopic(db, {
          scope: await scopeFor(admin),
          categorySlug: cat.slug,
          title: "Staff may always post links here",
          body: "https://a.example https://b.example https://c.example",
          tags: [],
        })
      ).ok,
    ).toBe(true);
    const audit = await db.selectFrom("audit_log").select("action").where("actor_id", "=", admin.id).execute();
    expect(audit.map((a) => a.action)).toContain("settings.limits");
    await updateLimits({ actorId: admin.id, limits: DEFAULT_LIMITS });
  });

  test("a silenced member is told until when and why, and nothing is written", async () => {
    const cat = await createCategory();
    const m = await createUser();
    await ageUser(m);
    const until = new Date(Date.now() + 3 * 86_400_000);
    await db
      .updateTable("users")
      .set({ silenced_until: until, sanction_reason: "Repeated personal attacks" })
      .where("id", "=", m.id)
      .execute();
    const r = await createTopic(db, {
      scope: await scopeFor(m),
      categorySlug: cat.slug,
      title: "Trying to post while silenced",
      body: "This should not be accepted at all.",
      tags: [],
    });
    expect(r).toMatchObject({
      ok: false,
      message: "limits.silenced",
      values: { until: until.toISOString(), reason: "Repeated personal attacks" },
    });
    expect(await postsBy(m.id)).toBe(0);
  });
});

describe("daily caps", () => {
  test("likes stop at the daily cap with the time they come back", async () => {
    const admin = await createAdmin();
    await updateLimits({
      actorId: admin.id,
      limits: { ...DEFAULT_LIMITS, everyone: { ...DEFAULT_LIMITS.everyone, likesPerDay: 2 } },
    });
    const cat = await createCategory();
    const author = await createUser();
    await ageUser(author);
    const fan = await createUser();
    const posts = [];
    for (let i = 0; i < 3; i++) posts.push(await makeTopic(author, cat));
    for (const p of posts.slice(0, 2))
      expect((await likePost({ scope: await scopeFor(fan), postId: p.postId })).ok).toBe(true);
    const third = await likePost({ scope: await scopeFor(fan), postId: posts[2].postId });
    expect(third).toMatchObject({ ok: false, message: "limits.likesPerDay", values: { max: 2 } });
    await updateLimits({ actorId: admin.id, limits: DEFAULT_LIMITS });
  });
});
