// A private topic never shows to someone who may not see it: not in lists, counts, the topic
// page (404, same as a missing topic), nor in the New/Unread counts.
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { createReply } from "~/models/forum/post.server";
import { listAllCategories, visibleCategoryIds } from "~/models/forum/category.server";
import { getTopic } from "~/models/forum/topic.server";
import { countNewAndUnread, listTopics } from "~/models/forum/topic-list.server";
import { VISITOR } from "~/models/permissions.server";
import { ageUser, createCategory, makeTopic, scopeFor } from "../factories/topics";
import { createAdmin, createUser } from "../factories/users";

async function member(level: number | null = null) {
  const u = await createUser();
  await ageUser(u);
  if (level) await db.updateTable("users").set({ level }).where("id", "=", u.id).execute();
  return u;
}

const listed = async (scope: Awaited<ReturnType<typeof scopeFor>>, categoryId?: number) =>
  (await listTopics({ scope, filter: { kind: "latest", categoryId } })).topics.map((t) => t.id);

describe("private topics", () => {
  test("a mentorship thread is seen by its participants and staff only", async () => {
    const mentorship = await createCategory({ see: "participants", post: "staff", reply: "participants" });
    const admin = await createAdmin();
    await ageUser(admin);
    const mentor = await member(4);
    const mentee = await member(2);
    const stranger = await member(4);
    const thread = await makeTopic(admin, mentorship, {
      title: "Mentorship: Kwame and Esi, first quarter",
      participantIds: [mentor.id, mentee.id],
    });
    for (const u of [mentor, mentee, admin]) {
      const scope = await scopeFor(u);
      expect(await listed(scope)).toContain(thread.topicId);
      expect(await getTopic({ scope, topicId: thread.topicId })).toBeDefined();
    }
    const outsider = await scopeFor(stranger);
    expect(await listed(outsider)).not.toContain(thread.topicId);
    expect(await getTopic({ scope: outsider, topicId: thread.topicId })).toBeUndefined();
    expect(await getTopic({ scope: VISITOR, topicId: thread.topicId })).toBeUndefined();
    expect(await countNewAndUnread({ scope: outsider, lastVisitAt: null })).toMatchObject({ new: 0 });
    // the mentee may reply, the stranger gets "not found"
    expect(
      (
        await createReply({
          scope: await scopeFor(mentee),
          topicId: thread.topicId,
          body: "Thank you, I have read the first chapter.",
        })
      ).ok,
    ).toBe(true);
    expect(
      await createReply({ scope: outsider, topicId: thread.topicId, body: "Let me in on this conversation please." }),
    ).toMatchObject({ ok: false, status: 404 });
  });

  test("a level-gated category is seen from that level up; members-only hides from visitors", async () => {
    const leaders = await createCategory({ see: "level:3", post: "level:3", reply: "level:3" });
    const membersOnly = await createCategory({ see: "members", post: "members", reply: "members" });
    const manager = await member(3);
    const junior = await member(1);
    const a = await makeTopic(manager, leaders, { title: "Managers only: rota planning for peak season" });
    const b = await makeTopic(junior, membersOnly, { title: "Members only: my first week on the phones" });
    expect(await listed(await scopeFor(manager))).toEqual(expect.arrayContaining([a.topicId, b.topicId]));
    expect(await listed(await scopeFor(junior))).not.toContain(a.topicId);
    expect(await getTopic({ scope: await scopeFor(junior), topicId: a.topicId })).toBeUndefined();
    expect(await listed(VISITOR)).not.toContain(b.topicId);
    expect(await getTopic({ scope: VISITOR, topicId: b.topicId })).toBeUndefined();
  });

  test("an unlisted topic is reachable by link but not listed", async () => {
    const open = await createCategory();
    const author = await member();
    const t = await makeTopic(author, open);
    await db.updateTable("topics").set({ unlisted: true }).where("id", "=", t.topicId).execute();
    expect(await listed(VISITOR, open.id)).not.toContain(t.topicId);
    expect(await getTopic({ scope: VISITOR, topicId: t.topicId })).toBeDefined();
  });

  test("a category newer than the process's categories list is closed to every reader until it is known", async () => {
    // lists test "not one of the closed categories" when those are fewer than the open ones: enough open ones here
    for (let i = 0; i < 3; i++) await createCategory();
    const author = await member();
    const t = await makeTopic(author, await createCategory());
    await listAllCategories(); // this process now knows every category so far
    const { open, closed } = await visibleCategoryIds(VISITOR);
    expect(closed.length).toBeLessThan(open.length);
    expect(await listed(VISITOR)).toContain(t.topicId);
    // staff make a category another process has not loaded yet, and move the topic into it
    const { id } = await db
      .insertInto("categories")
      .values({ slug: `staff-new-${t.topicId}`, name: "Staff room", description: "", see_rule: "staff" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.updateTable("topics").set({ category_id: id }).where("id", "=", t.topicId).execute();
    expect(await listed(VISITOR)).not.toContain(t.topicId);
    expect(await listed(await scopeFor(await member()))).not.toContain(t.topicId);
  });
});

describe("a member's page", () => {
  test("counts and lists only what the viewer may see", async () => {
    const { getMemberSummary } = await import("~/models/forum/member.server");
    const open = await createCategory();
    const leadersOnly = await createCategory({ see: "level:4", post: "level:4", reply: "level:4" });
    const author = await member(4);
    await makeTopic(author, open, { title: "Open topic about first call resolution" });
    await makeTopic(author, leadersOnly, { title: "Hidden topic about a leaders' matter" });
    const asVisitor = await getMemberSummary({ scope: VISITOR, username: author.username });
    expect(asVisitor?.stats.topics).toBe(1);
    expect(asVisitor?.recentTopics.map((t) => t.title)).toEqual(["Open topic about first call resolution"]);
    const admin = await createAdmin();
    const asStaff = await getMemberSummary({ scope: await scopeFor(admin), username: author.username.toUpperCase() });
    expect(asStaff?.stats.topics).toBe(2);
    expect(await getMemberSummary({ scope: VISITOR, username: "nobody_here" })).toBeUndefined();
  });
});
