// Forum fixtures through the real models (counters, post numbers and jobs as in production).
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { db } from "~/db.server";
import { clearCategoryCache } from "~/models/forum/category.server";
import { createReply, createTopic } from "~/models/forum/post.server";
import { scopeOf, type Scope } from "~/models/permissions.server";
import type { Viewer } from "~/viewer.server";
import type { Role } from "../../db/schema";
import { attempt } from "../setup/attempt";

/** The permission scope of a factory user (roles and level as stored). */
export async function scopeFor(user: { id: number }): Promise<Scope> {
  const row = await db
    .selectFrom("users")
    .select(["id", "level"])
    .select(sql<Role[]>`coalesce((select array_agg(role) from user_roles where user_id = users.id), '{}')`.as("roles"))
    .where("id", "=", user.id)
    .executeTakeFirstOrThrow();
  return scopeOf({ id: row.id, roles: row.roles, level: row.level } as Viewer);
}

export async function createCategory(
  opts: { slug?: string; name?: string; see?: string; post?: string; reply?: string } = {},
) {
  const slug = opts.slug ?? `cat-${randomBytes(3).toString("hex")}`;
  // On CI's retry the failed attempt's category still holds a fixed slug, which the app may look up by name
  // (field-experiences, book-club): the retry reuses it rather than renaming it.
  if (opts.slug && attempt()) {
    const kept = await db
      .selectFrom("categories")
      .select(["id", "slug", "name"])
      .where("slug", "=", slug)
      .executeTakeFirst();
    if (kept) return kept;
  }
  const row = await db
    .insertInto("categories")
    .values({
      slug,
      name: opts.name ?? `Category ${slug}`,
      description: `About ${slug}`,
      see_rule: opts.see ?? "everyone",
      post_rule: opts.post ?? "members",
      reply_rule: opts.reply ?? "members",
    })
    .returning(["id", "slug", "name"])
    .executeTakeFirstOrThrow();
  clearCategoryCache();
  return row;
}

/** Members older than a day, so new-member limits do not get in the way of unrelated tests. */
export async function ageUser(user: { id: number }, hours = 48) {
  await db
    .updateTable("users")
    .set({ created_at: sql`now() - make_interval(hours => ${hours})` })
    .where("id", "=", user.id)
    .execute();
}

let n = 0;
export async function makeTopic(
  author: { id: number },
  category: { slug: string },
  opts: { title?: string; body?: string; tags?: string[]; participantIds?: number[] } = {},
) {
  n++;
  await backdatePosts(author.id); // earlier factory posts must not trip the posting intervals
  const result = await createTopic(db, {
    scope: await scopeFor(author),
    categorySlug: category.slug,
    title: opts.title ?? `A topic about customer service number ${n} ${randomBytes(2).toString("hex")}`,
    body: opts.body ?? `This is the opening post of topic ${n}, long enough to pass. ${randomBytes(4).toString("hex")}`,
    tags: opts.tags ?? [],
    participantIds: opts.participantIds,
  });
  if (!result.ok) throw new Error(`createTopic failed: ${result.message}`);
  return result;
}

export async function makeReply(author: { id: number }, topic: { topicId: number }, body?: string, replyTo?: number) {
  await backdatePosts(author.id);
  const result = await createReply({
    scope: await scopeFor(author),
    topicId: topic.topicId,
    body: body ?? `A thoughtful reply with enough words ${randomBytes(4).toString("hex")}`,
    replyTo,
  });
  if (!result.ok) throw new Error(`createReply failed: ${result.message}`);
  return result;
}

/** Moves a post's timestamps back so interval limits (seconds between posts) do not apply. */
export async function backdatePosts(userId: number, minutes = 10) {
  await db
    .updateTable("posts")
    .set({ created_at: sql`created_at - make_interval(mins => ${minutes})` })
    .where("user_id", "=", userId)
    .where("created_at", ">", sql<Date>`now() - make_interval(mins => ${minutes})`)
    .execute();
}

/** A competency usable as a tag (the template database holds no programme data). */
export async function createTag(slug: string, name = slug) {
  await db
    .insertInto("competencies")
    .values({ slug, name })
    .onConflict((oc) => oc.column("slug").doNothing())
    .execute();
  return slug;
}
