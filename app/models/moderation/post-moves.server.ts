// Moving posts between topics: replies moved to the end of another topic, split out into a new one,
// or a whole topic merged into another. Numbers, replies, notifications, counters and the search
// copy follow, with the audit row and the authors told, all in one transaction.
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import type { Scope } from "../permissions.server";
import { badCategory, isFail, moderatedCategory, moderatedTopic, postUrl, tellAuthors } from "./moderated.server";
import { recordAudit } from "./audit.server";
import { recountCategory } from "../forum/category.server";
import { refreshTopicStats } from "../forum/post-steps.server";
import { SplitSchema } from "./moderation.schema";
import { fail, ok, type Result } from "../shared/result";
import { refused } from "../shared/forms.server";
import { slugify } from "../shared/slug";
import { topicUrl, type TopicRow } from "../forum/topic.server";

type MovedPost = { id: number; post_number: number; reply_to_post_number: number | null; user_id: number | null };

/**
 * Gives posts new homes: numbered from `start` in their old order, replies re-pointed when the
 * post they answer moves with them. Likes, revisions and bookmarks hang off the post id, so they
 * follow; notifications are pointed at the new place.
 */
async function relocatePosts(
  trx: Db,
  posts: MovedPost[],
  target: { id: number; slug: string; title: string },
  start: number,
) {
  const sorted = [...posts].sort((a, b) => a.post_number - b.post_number);
  const numbers = new Map(sorted.map((p, i) => [p.post_number, start + i] as const));
  for (let i = 0; i < sorted.length; i += 500) {
    const chunk = sorted.slice(i, i + 500);
    const values = sql.join(
      chunk.map(
        (p) => sql`(${p.id}::int, ${numbers.get(p.post_number)!}::int,
              ${p.reply_to_post_number != null ? (numbers.get(p.reply_to_post_number) ?? null) : null}::int)`,
      ),
    );
    await sql`
      update posts p set topic_id = ${target.id}, post_number = v.n, reply_to_post_number = v.r
      from (values ${values}) as v(id, n, r) where p.id = v.id`.execute(trx);
    await sql`
      update notifications x set topic_id = ${target.id},
        data = x.data || jsonb_build_object('slug', ${target.slug}::text, 'title', ${target.title}::text, 'postNumber',
          v.n)
      from (values ${values}) as v(id, n, r) where x.post_id = v.id`.execute(trx);
  }
  return numbers;
}

const MOVED_COLUMNS = ["id", "topic_id", "post_number", "reply_to_post_number", "user_id"] as const;

/** Locks replies to move out of one topic: all found, all of one topic, none its first post. */
async function lockReplies(trx: Db, postIds: number[]): Promise<Result<{ posts: MovedPost[]; fromId: number }>> {
  const ids = [...new Set(postIds)];
  const posts = await trx
    .selectFrom("posts")
    .select(MOVED_COLUMNS)
    .where("id", "in", ids)
    .orderBy("id")
    .forUpdate()
    .execute();
  if (posts.length !== ids.length) return fail(404, "post.notFound");
  const fromId = posts[0].topic_id;
  if (posts.some((p) => p.topic_id !== fromId))
    return fail(422, "moderation.errors.sameTopic", { posts: "moderation.errors.sameTopic" });
  if (posts.some((p) => p.post_number === 1))
    return fail(422, "moderation.errors.firstPost", { posts: "moderation.errors.firstPost" });
  return ok({ posts, fromId });
}

/** Posts moved to the end of `to`, numbered after its last one. */
async function appendPosts(trx: Db, posts: MovedPost[], to: TopicRow) {
  const { max } = await trx
    .selectFrom("posts")
    .select(sql<number>`coalesce(max(post_number), 0)::int`.as("max"))
    .where("topic_id", "=", to.id)
    .executeTakeFirstOrThrow();
  return relocatePosts(trx, posts, to, max + 1);
}

/** Who may see a private topic may see where its posts went. */
const copyAllowedUsers = (trx: Db, fromId: number, toId: number) =>
  sql`insert into topic_allowed_users (topic_id, user_id) select ${toId}, user_id
    from topic_allowed_users where topic_id = ${fromId} on conflict do nothing`.execute(trx);

/**
 * Locks both topics of a move in id order, so two moves between the same topics cannot deadlock;
 * refused unless the moderator moderates both and the target is not deleted.
 */
async function lockBoth(
  trx: Db,
  scope: Scope,
  a: number,
  b: number,
): Promise<Result<{ from: TopicRow; to: TopicRow }>> {
  const [first, second] = a < b ? [a, b] : [b, a];
  const x = await moderatedTopic(trx, scope, first);
  const y = await moderatedTopic(trx, scope, second);
  if (isFail(x) || isFail(y)) return fail(404, "moderation.errors.target", { target: "moderation.errors.target" });
  const pair = a < b ? { from: x, to: y } : { from: y, to: x };
  if (pair.to.deleted_at) return fail(422, "moderation.errors.target", { target: "moderation.errors.target" });
  return ok(pair);
}

async function refreshBoth(trx: Db, a: TopicRow, b: { id: number; category_id: number }) {
  await refreshTopicStats(trx, a.id);
  await refreshTopicStats(trx, b.id);
  await recountCategory(trx, a.category_id);
  if (b.category_id !== a.category_id) await recountCategory(trx, b.category_id);
  await enqueue(trx, "search.topic", { topicId: a.id });
  await enqueue(trx, "search.topic", { topicId: b.id });
}

const tellMoved = (trx: Db, posts: MovedPost[], actorId: number) =>
  tellAuthors(trx, posts, { actorId, action: "moved", jobKey: (id) => `moved:${id}:${Date.now()}` });

/** Moves replies (never a topic's first post: that is a merge) to the end of another topic. */
export async function movePosts({ scope, postIds, toTopicId }: { scope: Scope; postIds: number[]; toTopicId: number }) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  if (!postIds.length) return fail(422, "moderation.errors.noPosts", { posts: "moderation.errors.noPosts" });
  return db.transaction().execute(async (trx) => {
    const replies = await lockReplies(trx, postIds);
    if (!replies.ok) return replies;
    const { posts, fromId } = replies;
    if (toTopicId === fromId)
      return fail(422, "moderation.errors.sameTarget", { target: "moderation.errors.sameTarget" });
    const pair = await lockBoth(trx, scope, fromId, toTopicId);
    if (!pair.ok) return pair;
    const { from, to } = pair;
    const numbers = await appendPosts(trx, posts, to);
    await refreshBoth(trx, from, to);
    await recordAudit(trx, {
      actorId: userId,
      action: "posts.move",
      targetType: "topic",
      targetId: from.id,
      before: { topicId: from.id, postNumbers: posts.map((p) => p.post_number) },
      after: { topicId: to.id, postNumbers: [...numbers.values()] },
    });
    await tellMoved(trx, posts, userId);
    const first = Math.min(...numbers.values());
    return ok({ url: postUrl(to, first), topicId: to.id });
  });
}

/** Takes replies out into a new topic (same category unless told), numbered from 1. */
export async function splitTopic({
  scope,
  postIds,
  title,
  categorySlug,
}: {
  scope: Scope;
  postIds: number[];
  title: string;
  categorySlug?: string;
}) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  const parsed = SplitSchema.safeParse({ title });
  if (!parsed.success) return refused(422, parsed.error);
  if (!postIds.length) return fail(422, "moderation.errors.noPosts", { posts: "moderation.errors.noPosts" });
  return db.transaction().execute(async (trx) => {
    const replies = await lockReplies(trx, postIds);
    if (!replies.ok) return replies;
    const { posts, fromId } = replies;
    const from = await moderatedTopic(trx, scope, fromId);
    if (isFail(from)) return fail(404, "topic.notFound");
    const category = await moderatedCategory(scope, categorySlug, from.category);
    if (!category) return badCategory();
    const first = [...posts].sort((a, b) => a.post_number - b.post_number)[0];
    const firstRow = await trx
      .selectFrom("posts")
      .select("created_at")
      .where("id", "=", first.id)
      .executeTakeFirstOrThrow();
    const topic = await trx
      .insertInto("topics")
      .values({
        category_id: category.id,
        user_id: first.user_id,
        title: parsed.data.title,
        slug: slugify(parsed.data.title),
        tags: from.tags,
        created_at: firstRow.created_at,
        bumped_at: firstRow.created_at,
        last_posted_at: firstRow.created_at,
      })
      .returning(["id", "slug", "title", "category_id"])
      .executeTakeFirstOrThrow();
    if (category.see_rule === "participants") await copyAllowedUsers(trx, from.id, topic.id);
    await relocatePosts(trx, posts, topic, 1);
    await refreshBoth(trx, from, topic);
    await trx
      .updateTable("topics")
      .set({ bumped_at: sql`last_posted_at` })
      .where("id", "=", topic.id)
      .execute();
    await recordAudit(trx, {
      actorId: userId,
      action: "topic.split",
      targetType: "topic",
      targetId: from.id,
      before: { topicId: from.id, postNumbers: posts.map((p) => p.post_number) },
      after: { topicId: topic.id, title: topic.title },
    });
    await tellMoved(trx, posts, userId);
    return ok({ topicId: topic.id, url: topicUrl(topic) });
  });
}

/** Every post of one topic goes to the end of another; the emptied topic is deleted. */
export async function mergeTopic({
  scope,
  topicId,
  intoTopicId,
}: {
  scope: Scope;
  topicId: number;
  intoTopicId: number;
}) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  if (topicId === intoTopicId)
    return fail(422, "moderation.errors.sameTarget", { target: "moderation.errors.sameTarget" });
  return db.transaction().execute(async (trx) => {
    const pair = await lockBoth(trx, scope, topicId, intoTopicId);
    if (!pair.ok) return pair;
    const { from, to } = pair;
    const posts = await trx
      .selectFrom("posts")
      .select(MOVED_COLUMNS)
      .where("topic_id", "=", from.id)
      .orderBy("post_number")
      .forUpdate()
      .execute();
    const numbers = await appendPosts(trx, posts, to);
    if (to.category.see_rule === "participants" && from.category.see_rule === "participants")
      await copyAllowedUsers(trx, from.id, to.id);
    await trx
      .updateTable("topics")
      .set({ deleted_at: new Date(), deleted_by: userId })
      .where("id", "=", from.id)
      .execute();
    await refreshBoth(trx, from, to);
    await recordAudit(trx, {
      actorId: userId,
      action: "topic.merge",
      targetType: "topic",
      targetId: from.id,
      before: { topicId: from.id, title: from.title },
      after: { topicId: to.id, postNumbers: [...numbers.values()] },
    });
    await tellMoved(trx, posts, userId);
    return ok({ url: topicUrl(to), topicId: to.id });
  });
}
