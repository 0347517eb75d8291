// Minimal forum rows for progression tests: inserted directly, with the counters the
// requirements read (post numbers, topic reply counts). Not a substitute for the forum's models.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { db } from "~/db.server";

export async function createCategory(opts: { slug?: string; name?: string; seeRule?: string } = {}) {
  const slug = opts.slug ?? `cat-${randomBytes(3).toString("hex")}`;
  const existing = await db.selectFrom("categories").select(["id", "slug"]).where("slug", "=", slug).executeTakeFirst();
  if (existing) return existing;
  return db
    .insertInto("categories")
    .values({ slug, name: opts.name ?? slug, see_rule: opts.seeRule ?? "everyone" })
    .returning(["id", "slug"])
    .executeTakeFirstOrThrow();
}

/** A topic and its first post, both by `userId`, at `at` (default now). */
export async function createTopic(opts: { categoryId: number; userId: number; title?: string; at?: Date }) {
  const at = opts.at ?? new Date();
  const title = opts.title ?? `Topic ${randomBytes(3).toString("hex")} about service recovery`;
  return db.transaction().execute(async (trx) => {
    const topic = await trx
      .insertInto("topics")
      .values({
        category_id: opts.categoryId,
        user_id: opts.userId,
        title,
        slug: title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
        created_at: at,
        bumped_at: at,
        last_posted_at: at,
        highest_post_number: 1,
        last_poster_id: opts.userId,
      })
      .returning(["id", "slug", "title"])
      .executeTakeFirstOrThrow();
    const post = await trx
      .insertInto("posts")
      .values({
        topic_id: topic.id,
        user_id: opts.userId,
        post_number: 1,
        body_markdown: "An opening post.",
        body_html: "<p>An opening post.</p>",
        created_at: at,
      })
      .returning(["id", "post_number"])
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("categories")
      .set({ topic_count: sql`topic_count + 1`, post_count: sql`post_count + 1` })
      .where("id", "=", opts.categoryId)
      .execute();
    return { ...topic, firstPostId: post.id };
  });
}

/** A reply by `userId` in a topic, at `at` (default now). */
export async function createPost(opts: { topicId: number; userId: number; at?: Date }) {
  const at = opts.at ?? new Date();
  return db.transaction().execute(async (trx) => {
    const t = await trx
      .updateTable("topics")
      .set({
        highest_post_number: sql`highest_post_number + 1`,
        reply_count: sql`reply_count + 1`,
        last_posted_at: at,
        bumped_at: at,
        last_poster_id: opts.userId,
      })
      .where("id", "=", opts.topicId)
      .returning(["highest_post_number", "category_id"])
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("categories")
      .set({ post_count: sql`post_count + 1` })
      .where("id", "=", t.category_id)
      .execute();
    return trx
      .insertInto("posts")
      .values({
        topic_id: opts.topicId,
        user_id: opts.userId,
        post_number: t.highest_post_number,
        body_markdown: "A reply.",
        body_html: "<p>A reply.</p>",
        created_at: at,
      })
      .returning(["id", "post_number"])
      .executeTakeFirstOrThrow();
  });
}
