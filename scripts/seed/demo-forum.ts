// With `npm run dev`, the demo community: members at every level and a living forum (topics, replies spread
// over time, likes, mentions).
// Idempotent: existing members and topics (by username / title) are left alone.
import { sql } from "kysely";
import { hashPassword } from "../../app/auth.server";
import { db } from "../../app/db.server";
import { enqueue } from "../../app/jobs.server";
import { RENDER_VERSION, renderMarkdown } from "../../app/markdown/index.server";
import { topicPostersSql } from "../../app/models/forum/post-steps.server";
import { slugify } from "../../app/models/shared/slug";
import type { Role } from "../../db/schema";
import { DEMO_PASSWORD } from "./demo-accounts";
import { demoMembers, demoTopics } from "./demo-content";

export async function seedDemoForum(log: (m: string) => void) {
  const hash = await hashPassword(DEMO_PASSWORD);
  let newMembers = 0;
  for (const m of demoMembers) {
    const roles: Role[] = [
      ...new Set<Role>([
        ...(m.roles?.includes("recruiter") ? [] : (["member"] as Role[])),
        ...((m.roles ?? []) as Role[]),
      ]),
    ];
    const created = await db
      .insertInto("users")
      .values({
        email: `${m.username}@touchpoints.test`,
        username: m.username,
        display_name: m.displayName,
        password_hash: hash,
        level: m.level,
        created_at: sql`now() - interval '400 days'`,
      })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!created) continue;
    newMembers++;
    await db
      .insertInto("user_roles")
      .values(roles.map((role) => ({ user_id: created.id, role })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const users = new Map(
    (await db.selectFrom("users").select(["id", "username"]).execute()).map((u) => [u.username, u.id] as const),
  );
  const cats = new Map(
    (await db.selectFrom("categories").select(["id", "slug", "name"]).execute()).map((c) => [c.slug, c] as const),
  );
  const refs = {
    usernames: new Set(users.keys()),
    categories: new Set(cats.keys()),
  };
  const existing = new Set((await db.selectFrom("topics").select("title").execute()).map((t) => t.title));

  let newTopics = 0;
  for (const t of demoTopics) {
    const category = cats.get(t.category);
    const authorId = users.get(t.author);
    if (!category || !authorId || existing.has(t.title)) continue;
    const start = Date.now() - t.daysAgo * 86_400_000;
    // replies spread between the topic's creation and a little before now, in order
    const span = Date.now() - 3_600_000 - start;
    const posts = [
      { author: t.author, body: t.body, likes: t.likes ?? [] },
      ...t.replies.map((r) => ({ author: r.author, body: r.body, likes: r.likes ?? [] })),
    ];
    const times = posts.map((_, i) => new Date(start + (i === 0 ? 0 : (span * i) / posts.length)));
    await db.transaction().execute(async (trx) => {
      const last = posts.length - 1;
      const likeTotal = posts.reduce((n, p) => n + p.likes.filter((u) => users.has(u)).length, 0);
      const topic = await trx
        .insertInto("topics")
        .values({
          category_id: category.id,
          user_id: authorId,
          title: t.title,
          slug: slugify(t.title),
          tags: t.tags ?? [],
          reply_count: last,
          like_count: likeTotal,
          highest_post_number: posts.length,
          last_posted_at: times[last],
          last_poster_id: users.get(posts[last].author) ?? authorId,
          bumped_at: times[last],
          created_at: times[0],
          pinned_at: t.category === "announcements" && t.daysAgo > 100 ? times[0] : null,
          pinned_globally: t.category === "announcements" && t.daysAgo > 100,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const [i, p] of posts.entries()) {
        const likers = p.likes
          .map((u) => users.get(u))
          .filter((id): id is number => id !== undefined && id !== users.get(p.author));
        const post = await trx
          .insertInto("posts")
          .values({
            topic_id: topic.id,
            user_id: users.get(p.author) ?? null,
            post_number: i + 1,
            body_markdown: p.body,
            body_html: renderMarkdown(p.body, refs),
            render_version: RENDER_VERSION,
            like_count: likers.length,
            created_at: times[i],
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        if (likers.length)
          await trx
            .insertInto("post_likes")
            .values(likers.map((user_id) => ({ post_id: post.id, user_id, created_at: times[i] })))
            .execute();
      }
      await enqueue(trx, "search.topic", { topicId: topic.id });
    });
    newTopics++;
  }
  // counters straight from the rows (the seed wrote likes without going through the models)
  await sql`update topics t set like_count = coalesce((select sum(p.like_count) from posts p
      where p.topic_id = t.id and p.deleted_at is null), 0)`.execute(db);
  await sql`update topics t set poster_ids = ${topicPostersSql(sql<number>`t.id`)} where t.poster_ids = '{}'`.execute(
    db,
  );
  await sql`
    update categories c set
      topic_count = (select count(*) from topics t where t.category_id = c.id and t.deleted_at is null),
      post_count = (select count(*) from posts p join topics t on t.id = p.topic_id where t.category_id = c.id
        and t.deleted_at is null and p.deleted_at is null)`.execute(db);
  log(`demo forum: ${newMembers} members and ${newTopics} topics created`);
}
