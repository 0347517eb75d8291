// The topic page's reading tools at the model level, on the real database: suggested topics never show a
// topic the viewer may not see (and use an index on a large table), a topic found by its slug alone
// follows the same rule, and a user card of a profile the viewer may not see says "hidden", never 404.
import { sql } from "kysely";
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { listSuggestedTopics, suggestedTopicsQuery } from "~/models/forum/suggested.server";
import { findTopicBySlug, postNumberAtDate, DaySchema } from "~/models/forum/topic-navigation.server";
import { getTopic } from "~/models/forum/topic.server";
import { getUserCard } from "~/models/forum/user-card.server";
import { VISITOR } from "~/models/permissions.server";
import { createProfile } from "../factories/profiles";
import { ageUser, createCategory, createTag, makeReply, makeTopic, scopeFor } from "../factories/topics";
import { createAdmin, createUser } from "../factories/users";

async function member() {
  const u = await createUser();
  await ageUser(u);
  return u;
}

const source = async (topicId: number) => {
  const t = await getTopic({ scope: { ...VISITOR, isStaff: true }, topicId });
  if (!t) throw new Error("no topic");
  return t;
};

describe("suggested topics", () => {
  test("a private topic is never suggested to a non-member of it; a visitor gets public topics only", async () => {
    const open = await createCategory({ name: "Open talk" });
    const membersOnly = await createCategory({ see: "members" });
    const privateCat = await createCategory({ see: "participants", post: "members", reply: "participants" });
    const author = await member();
    const insider = await member();
    const outsider = await member();
    const tag = await createTag("empathy");
    const admin = await createAdmin();
    await ageUser(admin);
    const here = await makeTopic(author, open, { title: "Where the reader is", tags: [tag] });
    const sibling = await makeTopic(author, open, { title: "A sibling topic in the same category" });
    const related = await makeTopic(author, membersOnly, { title: "Members-only topic on empathy", tags: [tag] });
    const secret = await makeTopic(admin, privateCat, {
      title: "Private topic on empathy",
      tags: [tag],
      participantIds: [insider.id],
    });
    const topic = await source(here.topicId);

    const ids = async (scope: Awaited<ReturnType<typeof scopeFor>>) =>
      (await listSuggestedTopics({ scope, topic })).map((s) => s.id);
    const forVisitor = await ids(VISITOR);
    expect(forVisitor).toContain(sibling.topicId);
    expect(forVisitor).not.toContain(related.topicId);
    expect(forVisitor).not.toContain(secret.topicId);
    expect(forVisitor).not.toContain(here.topicId);

    const forOutsider = await ids(await scopeFor(outsider));
    expect(forOutsider).toContain(related.topicId);
    expect(forOutsider).not.toContain(secret.topicId);
    // the participant sees it, as in the lists
    expect(await ids(await scopeFor(insider))).toContain(secret.topicId);
  });

  test("for a member, unread and new topics come before the latest ones, the category's first", async () => {
    const cat = await createCategory();
    const elsewhere = await createCategory();
    const tag = await createTag("rapport");
    const author = await member();
    const reader = await member();
    const here = await makeTopic(author, cat, { title: "The topic being read now", tags: [tag] });
    const older = await makeTopic(author, cat, { title: "An older topic the reader left half read" });
    await makeReply(author, older);
    // another category's, sharing the tag, never opened: new to the reader
    const tagged = await makeTopic(author, elsewhere, { title: "A new topic on rapport elsewhere", tags: [tag] });
    const newer = await makeTopic(author, cat, { title: "A newer topic the reader finished" });
    // the reader read the newer one to the end and the older one to its first post only
    await db
      .insertInto("topic_reads")
      .values([
        { user_id: reader.id, topic_id: older.topicId, last_read_post_number: 1 },
        { user_id: reader.id, topic_id: newer.topicId, last_read_post_number: 1 },
      ])
      .execute();
    const topic = await source(here.topicId);
    const got = await listSuggestedTopics({ scope: await scopeFor(reader), topic });
    expect(got.map((s) => s.id)).toEqual([older.topicId, tagged.topicId, newer.topicId]);
    expect(got[0]).toMatchObject({ unread: 1, is_new: false });
    expect(got[1]).toMatchObject({ unread: 0, is_new: true });
    expect(got[2]).toMatchObject({ unread: 0, is_new: false });
    // a visitor sees the category's latest first, then the tag's
    expect((await listSuggestedTopics({ scope: VISITOR, topic })).map((s) => s.id)).toEqual([
      newer.topicId,
      older.topicId,
      tagged.topicId,
    ]);
  });

  test("on a large table the statement walks indexes, not the whole topics table", async () => {
    const cat = await createCategory();
    const other = await createCategory();
    const author = await member();
    const tag = await createTag("listening");
    const here = await makeTopic(author, cat, { title: "Topic among many", tags: [tag] });
    // 60,000 topics in other categories, as a busy forum has
    await sql`
      insert into topics (category_id, user_id, title, slug, tags, bumped_at, created_at)
      select ${other.id}, ${author.id}, 'Bulk topic ' || g, 'bulk-topic-' || g,
        case when g % 50 = 0 then array['listening'] else array[]::text[] end,
        now() - make_interval(mins => g), now() - make_interval(mins => g)
      from generate_series(1, 60000) g`.execute(db);
    await sql`analyze topics`.execute(db);
    const topic = await source(here.topicId);
    for (const scope of [VISITOR, await scopeFor(author)]) {
      const query = await suggestedTopicsQuery({ scope, topic });
      const explained = await sql<{ "QUERY PLAN": string }>`explain ${query}`.execute(db);
      const text = explained.rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(text).toMatch(/topics_category_bumped_idx/);
      expect(text).not.toMatch(/Seq Scan on topics/);
      if (process.env.PRINT_PLANS) console.log(text);
    }
    // /t/:slug without an id: topics_slug_idx
    const bySlug = await sql<{ "QUERY PLAN": string }>`explain select id from topics
      where slug = 'bulk-topic-5' and deleted_at is null order by created_at desc, id desc limit 10`.execute(db);
    expect(bySlug.rows.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/topics_slug_idx/);
    await sql`delete from topics where slug like 'bulk-topic-%'`.execute(db);
  }, 60_000);
});

describe("a topic by its slug alone", () => {
  test("leads to the newest topic the viewer may see; a private one stays unknown to others", async () => {
    const open = await createCategory();
    const privateCat = await createCategory({ see: "participants", post: "members", reply: "participants" });
    const author = await member();
    const insider = await member();
    const outsider = await member();
    const admin = await createAdmin();
    await ageUser(admin);
    const first = await makeTopic(author, open, { title: "Shared words for a slug" });
    const secret = await makeTopic(admin, privateCat, {
      title: "Shared words for a slug",
      participantIds: [insider.id],
    });
    const slug = (await source(first.topicId)).slug;
    expect((await source(secret.topicId)).slug).toBe(slug);
    expect((await findTopicBySlug({ scope: VISITOR, slug }))?.id).toBe(first.topicId);
    expect((await findTopicBySlug({ scope: await scopeFor(outsider), slug }))?.id).toBe(first.topicId);
    expect((await findTopicBySlug({ scope: await scopeFor(insider), slug }))?.id).toBe(secret.topicId);

    const alone = await makeTopic(admin, privateCat, { title: "Only private words here", participantIds: [] });
    const aloneSlug = (await source(alone.topicId)).slug;
    expect(await findTopicBySlug({ scope: await scopeFor(outsider), slug: aloneSlug })).toBeUndefined();
    expect(await findTopicBySlug({ scope: VISITOR, slug: "no-such-topic-anywhere" })).toBeUndefined();
  });

  test("a date leads to the first post written that day or later; a day that is not one is refused", async () => {
    const cat = await createCategory();
    const author = await member();
    const topic = await makeTopic(author, cat);
    await makeReply(author, topic);
    await db
      .updateTable("posts")
      .set({ created_at: new Date("2026-01-02T10:00:00Z") })
      .where("topic_id", "=", topic.topicId)
      .where("post_number", "=", 1)
      .execute();
    expect(await postNumberAtDate({ topicId: topic.topicId, day: "2026-01-01" })).toBe(1);
    expect(await postNumberAtDate({ topicId: topic.topicId, day: "2026-01-03" })).toBe(2);
    expect(await postNumberAtDate({ topicId: topic.topicId, day: "2999-01-01" })).toBe(2);
    for (const bad of ["2026-02-30", "2026-13-01", "yesterday", "0000-01-01"])
      expect(DaySchema.safeParse(bad).success).toBe(false);
  });
});

describe("user cards", () => {
  test("a hidden profile's card says hidden (for a visitor and a member), never undefined; staff see it", async () => {
    const hidden = await createProfile({ displayName: "Hidden Hana", visibility: "hidden" });
    const membersOnly = await createProfile({ displayName: "Members Mo", visibility: "members" });
    const viewer = await member();
    const admin = await createAdmin();
    for (const scope of [VISITOR, await scopeFor(viewer)])
      expect(await getUserCard({ scope, username: hidden.username })).toEqual({
        state: "hidden",
        username: hidden.username,
      });
    expect(await getUserCard({ scope: VISITOR, username: membersOnly.username })).toMatchObject({ state: "hidden" });
    expect(await getUserCard({ scope: await scopeFor(viewer), username: membersOnly.username })).toMatchObject({
      state: "visible",
      displayName: "Members Mo",
      role: "member",
      canMessage: true,
    });
    expect(await getUserCard({ scope: await scopeFor(admin), username: hidden.username })).toMatchObject({
      state: "visible",
      displayName: "Hidden Hana",
    });
    expect(await getUserCard({ scope: VISITOR, username: "nobody_by_this_name" })).toBeUndefined();
  });

  test("the last post counts only where the viewer may read; a suspension shows to staff only", async () => {
    const author = await createProfile({ displayName: "Posting Pat", visibility: "public" });
    await ageUser(author);
    const staffRoom = await createCategory({ see: "staff", post: "members", reply: "members" });
    const open = await createCategory();
    const admin = await createAdmin();
    await makeTopic(author, open);
    await db
      .updateTable("posts")
      .set({ created_at: new Date("2026-01-01T00:00:00Z") })
      .where("user_id", "=", author.id)
      .execute();
    await db.insertInto("user_roles").values({ user_id: author.id, role: "admin" }).execute();
    await makeTopic(author, staffRoom);
    await db.deleteFrom("user_roles").where("user_id", "=", author.id).where("role", "=", "admin").execute();
    const until = new Date(Date.now() + 86_400_000);
    await db.updateTable("users").set({ suspended_until: until }).where("id", "=", author.id).execute();
    const seen = await getUserCard({ scope: VISITOR, username: author.username });
    expect(seen).toMatchObject({ state: "visible", suspendedUntil: null, canMessage: false });
    expect(seen?.state === "visible" && seen.lastPostAt?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    const staff = await getUserCard({ scope: await scopeFor(admin), username: author.username });
    expect(staff?.state === "visible" && staff.lastPostAt!.getTime()).toBeGreaterThan(Date.parse("2026-06-01"));
    expect(staff).toMatchObject({ suspendedUntil: until });
  });
});
