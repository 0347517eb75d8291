// Admins create, edit, reorder and archive categories; everything validated, audited, and closed
// to members without the role.
import { sql } from "kysely";
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import {
  createCategory,
  getCategoryForAdmin,
  listCategoriesForAdmin,
  moveCategory,
  setCategoryArchived,
  updateCategory,
} from "~/models/forum/category-admin.server";
import { getCategoryBySlug, listAllCategories } from "~/models/forum/category.server";
import { createTopic } from "~/models/forum/post.server";
import { changeTopicCategory } from "~/models/moderation/moderation.server";
import { createAdmin, createUser } from "../factories/users";
import { ageUser, scopeFor } from "../factories/topics";

const valid = (slug: string) => ({
  slug,
  name: `Category ${slug}`,
  description: "Talk about it here.",
  colour: "#1A2B3C",
  see_rule: "everyone",
  post_rule: "members",
  reply_rule: "level:2",
});
const count = async (table: "categories" | "audit_log") =>
  (
    await db
      .selectFrom(table)
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow()
  ).n;

describe("category administration", () => {
  test("the personal-messages category is neither listed nor editable, moved or archived as a category", async () => {
    const scope = await scopeFor(await createAdmin());
    const before = await getCategoryBySlug("messages");
    expect(before).toMatchObject({ see_rule: "participants" });
    expect((await listCategoriesForAdmin({ scope }))!.map((c) => c.slug)).not.toContain("messages");
    expect(await getCategoryForAdmin({ scope, slug: "messages" })).toBeUndefined();
    const update = await updateCategory({ scope, slug: "messages", input: valid("messages") });
    expect(update).toMatchObject({ ok: false, status: 404 });
    expect(await setCategoryArchived({ scope, slug: "messages", archived: true })).toMatchObject({ ok: false });
    expect(await moveCategory({ scope, slug: "messages", direction: "up" })).toMatchObject({ ok: false });
    expect(await getCategoryBySlug("messages")).toEqual(before);
    // nor is a topic moved into it
    await createCategory({ scope, input: valid("before-messages") });
    const author = await createUser();
    await ageUser(author);
    const t = await createTopic(db, {
      scope: await scopeFor(author),
      categorySlug: "before-messages",
      title: "A topic staff might move into messages",
      body: "It stays in its own category, among the others.",
      tags: [],
    });
    if (!t.ok) throw new Error(t.message);
    const moved = await changeTopicCategory({ scope, topicId: t.topicId, categorySlug: "messages" });
    expect(moved).toMatchObject({ ok: false, status: 422 });
  });

  test("an admin creates a category at the end of the list; it is audited and served at once", async () => {
    const scope = await scopeFor(await createAdmin());
    const auditBefore = await count("audit_log");
    const r = await createCategory({ scope, input: valid("complaint-handling") });
    expect(r).toMatchObject({ ok: true, slug: "complaint-handling" });
    const c = await getCategoryBySlug("complaint-handling");
    expect(c).toMatchObject({ name: "Category complaint-handling", colour: "#1a2b3c", reply_rule: "level:2" });
    const all = await listAllCategories();
    expect(all[all.length - 1].slug).toBe("complaint-handling");
    expect(await count("audit_log")).toBe(auditBefore + 1);
  });

  test("bad input names each field and writes nothing; a taken slug is refused", async () => {
    const scope = await scopeFor(await createAdmin());
    const before = await count("categories");
    const r = await createCategory({
      scope,
      input: {
        slug: "Not A Slug!",
        name: "x",
        colour: "green",
        see_rule: "friends",
        post_rule: "members",
        reply_rule: "level:9",
        description: "d".repeat(1001),
      },
    });
    expect(r).toMatchObject({
      ok: false,
      status: 422,
      fields: {
        slug: "adminForum.errors.slug",
        name: "adminForum.errors.name",
        colour: "adminForum.errors.colour",
        see_rule: "adminForum.errors.rule",
        reply_rule: "adminForum.errors.rule",
        description: "adminForum.errors.description",
      },
    });
    expect(
      await createCategory({ scope, input: { ...valid("private-posting"), post_rule: "participants" } }),
    ).toMatchObject({ ok: false, fields: { post_rule: "adminForum.errors.participants" } });
    expect(await count("categories")).toBe(before);
    expect((await createCategory({ scope, input: valid("escalations") })).ok).toBe(true);
    expect(await createCategory({ scope, input: valid("escalations") })).toMatchObject({
      ok: false,
      status: 409,
      fields: { slug: "adminForum.errors.slugTaken" },
    });
  });

  test("editing changes the category, and a new audience re-indexes its topics", async () => {
    const scope = await scopeFor(await createAdmin());
    await createCategory({ scope, input: valid("team-leadership") });
    const r = await updateCategory({
      scope,
      slug: "team-leadership",
      input: { ...valid("leading-teams"), name: "Leading teams", see_rule: "members" },
    });
    expect(r).toMatchObject({ ok: true, slug: "leading-teams" });
    expect(await getCategoryBySlug("team-leadership")).toBeUndefined();
    const c = await getCategoryBySlug("leading-teams");
    expect(c).toMatchObject({ name: "Leading teams", see_rule: "members" });
    const job = await db
      .selectFrom("outbox")
      .select("payload")
      .where("kind", "=", "search.category")
      .orderBy("id", "desc")
      .executeTakeFirst();
    expect(job?.payload).toEqual({ categoryId: c!.id });
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "before", "after"])
      .where("target_type", "=", "category")
      .where("target_id", "=", String(c!.id))
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      action: "category.update",
      before: { see_rule: "everyone" },
      after: { see_rule: "members" },
    });
    // someone else's slug cannot be taken over by an edit
    await createCategory({ scope, input: valid("coaching") });
    expect(await updateCategory({ scope, slug: "coaching", input: valid("leading-teams") })).toMatchObject({
      ok: false,
      fields: { slug: "adminForum.errors.slugTaken" },
    });
  });

  test("reordering moves a category one place; the ends stay put", async () => {
    const scope = await scopeFor(await createAdmin());
    for (const s of ["order-a", "order-b", "order-c"]) await createCategory({ scope, input: valid(s) });
    const slugs = async () => (await listAllCategories()).map((c) => c.slug).filter((s) => s.startsWith("order-"));
    expect(await slugs()).toEqual(["order-a", "order-b", "order-c"]);
    expect(await moveCategory({ scope, slug: "order-c", direction: "up" })).toMatchObject({ ok: true, moved: true });
    expect(await slugs()).toEqual(["order-a", "order-c", "order-b"]);
    expect(await moveCategory({ scope, slug: "order-a", direction: "up" })).toMatchObject({ ok: true });
    // personal messages' home is not among the categories admins order
    const all = (await listAllCategories()).filter((c) => c.slug !== "messages");
    const last = all[all.length - 1].slug;
    expect(await moveCategory({ scope, slug: last, direction: "down" })).toMatchObject({ ok: true, moved: false });
    const positions = all.map((c) => c.position);
    expect(new Set(positions).size).toBe(positions.length);
  });

  test("an archived category takes no new topics until it is unarchived", async () => {
    const adminScope = await scopeFor(await createAdmin());
    await createCategory({ scope: adminScope, input: { ...valid("archived-cat"), reply_rule: "members" } });
    const author = await createUser();
    await ageUser(author);
    const scope = await scopeFor(author);
    const topic = {
      scope,
      categorySlug: "archived-cat",
      title: "A question about the archived category",
      body: "Is this category still open for new topics?",
      tags: [],
    };
    expect((await setCategoryArchived({ scope: adminScope, slug: "archived-cat", archived: true })).ok).toBe(true);
    expect(await createTopic(db, topic)).toMatchObject({ ok: false, message: "composer.errors.category" });
    expect((await setCategoryArchived({ scope: adminScope, slug: "archived-cat", archived: false })).ok).toBe(true);
    expect((await createTopic(db, topic)).ok).toBe(true);
    const actions = (
      await db.selectFrom("audit_log").select("action").where("action", "like", "category.%archive").execute()
    ).map((a) => a.action);
    expect(actions).toEqual(["category.archive", "category.unarchive"]);
  });

  test("a member without the role can do none of it, and nothing is written", async () => {
    const admin = await scopeFor(await createAdmin());
    await createCategory({ scope: admin, input: valid("members-only-test") });
    const member = await createUser();
    const scope = await scopeFor(member);
    const snapshot = async () => ({
      audit: await count("audit_log"),
      rows: await db.selectFrom("categories").selectAll().orderBy("id").execute(),
    });
    const before = await snapshot();
    const results = [
      await createCategory({ scope, input: valid("sneaky") }),
      await updateCategory({ scope, slug: "members-only-test", input: valid("renamed") }),
      await moveCategory({ scope, slug: "members-only-test", direction: "up" }),
      await setCategoryArchived({ scope, slug: "members-only-test", archived: true }),
    ];
    expect(results.map((r) => [r.ok, r.ok ? 0 : r.status])).toEqual(results.map(() => [false, 404]));
    expect(await snapshot()).toEqual(before);
  });
});
