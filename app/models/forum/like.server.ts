// Likes: one per member and post, never one's own; counters on the post and its topic move with them.
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { canLike, canSeeTopic, type Scope } from "../permissions.server";
import { checkDailyCap, checkSanction } from "./limits.server";
import { fail, ok } from "../shared/result";
import { getLimits } from "../moderation/settings.server";
import { lockTopic } from "./topic.server";

async function visiblePost(trx: Db, scope: Scope, postId: number) {
  const post = await trx
    .selectFrom("posts")
    .select(["id", "topic_id", "user_id", "post_number", "deleted_at", "hidden_at"])
    .where("id", "=", postId)
    .executeTakeFirst();
  if (!post) return undefined;
  const topic = await lockTopic(trx, post.topic_id, scope.userId, { lock: false });
  if (!topic || !canSeeTopic(scope, topic)) return undefined;
  return { post, topic };
}

export async function likePost({ scope, postId }: { scope: Scope; postId: number }) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  return db.transaction().execute(async (trx) => {
    const found = await visiblePost(trx, scope, postId);
    if (!found || found.post.deleted_at) return fail(404, "post.notFound");
    const { post, topic } = found;
    if (post.user_id === userId) return fail(422, "like.errors.own");
    if (!canLike(scope, post)) return fail(403, "like.errors.cannot");
    const sanction = await checkSanction(trx, userId, "like");
    if (sanction) return sanction;
    const capped = await checkDailyCap(trx, {
      table: "post_likes",
      userId,
      max: (await getLimits(trx)).everyone.likesPerDay,
      message: "limits.likesPerDay",
    });
    if (capped) return capped;
    const inserted = await trx
      .insertInto("post_likes")
      .values({ post_id: postId, user_id: userId })
      .onConflict((oc) => oc.columns(["post_id", "user_id"]).doNothing())
      .returning("post_id")
      .executeTakeFirst();
    if (!inserted) return fail(409, "like.errors.twice");
    await trx
      .updateTable("posts")
      .set({ like_count: sql`like_count + 1` })
      .where("id", "=", postId)
      .execute();
    await trx
      .updateTable("topics")
      .set({ like_count: sql`like_count + 1` })
      .where("id", "=", topic.id)
      .execute();
    await enqueue(trx, "post.liked", { postId, likerId: userId });
    await enqueue(trx, "search.topic", { topicId: topic.id });
    return ok({ postNumber: post.post_number, topic });
  });
}

export async function unlikePost({ scope, postId }: { scope: Scope; postId: number }) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  return db.transaction().execute(async (trx) => {
    const found = await visiblePost(trx, scope, postId);
    if (!found) return fail(404, "post.notFound");
    const removed = await trx
      .deleteFrom("post_likes")
      .where("post_id", "=", postId)
      .where("user_id", "=", userId)
      .returning("post_id")
      .executeTakeFirst();
    if (!removed) return fail(409, "like.errors.notLiked");
    await trx
      .updateTable("posts")
      .set({ like_count: sql`greatest(like_count - 1, 0)` })
      .where("id", "=", postId)
      .execute();
    await trx
      .updateTable("topics")
      .set({ like_count: sql`greatest(like_count - 1, 0)` })
      .where("id", "=", found.topic.id)
      .execute();
    await enqueue(trx, "search.topic", { topicId: found.topic.id });
    return ok({ postNumber: found.post.post_number, topic: found.topic });
  });
}

/** Who liked a post (for "Ada and 3 others"), newest first. */
export async function listLikers(trx: Db, postId: number, limit = 3) {
  return trx
    .selectFrom("post_likes")
    .innerJoin("users", "users.id", "post_likes.user_id")
    .select(["users.id", "users.username", "users.display_name"])
    .where("post_likes.post_id", "=", postId)
    .orderBy("post_likes.created_at", "desc")
    .limit(limit)
    .execute();
}

// ---- bookmarks --------------------------------------------------------------------------------

export async function bookmarkPost({
  scope,
  postId,
  reminderAt,
}: {
  scope: Scope;
  postId: number;
  reminderAt?: Date | null;
}) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  if (reminderAt && reminderAt.getTime() < Date.now())
    return fail(422, "bookmark.errors.past", { reminderAt: "bookmark.errors.past" });
  return db.transaction().execute(async (trx) => {
    const found = await visiblePost(trx, scope, postId);
    if (!found) return fail(404, "post.notFound");
    await trx
      .insertInto("bookmarks")
      .values({ user_id: userId, post_id: postId, reminder_at: reminderAt ?? null })
      .onConflict((oc) =>
        oc.columns(["user_id", "post_id"]).doUpdateSet({ reminder_at: reminderAt ?? null, reminded_at: null }),
      )
      .execute();
    if (reminderAt) await enqueue(trx, "bookmark.remind", { userId, postId }, reminderAt);
    return ok({ postNumber: found.post.post_number, topic: found.topic });
  });
}

export async function removeBookmark({ scope, postId }: { scope: Scope; postId: number }) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  await db.deleteFrom("bookmarks").where("user_id", "=", scope.userId).where("post_id", "=", postId).execute();
  return ok({});
}

/** The member's bookmarks, newest first; posts they can no longer see are left out. */
export async function listBookmarks({ scope }: { scope: Scope }) {
  if (!scope.userId) return [];
  const rows = await db
    .selectFrom("bookmarks")
    .innerJoin("posts", "posts.id", "bookmarks.post_id")
    .innerJoin("topics", "topics.id", "posts.topic_id")
    .leftJoin("users", "users.id", "posts.user_id")
    .select([
      "bookmarks.id",
      "bookmarks.post_id",
      "bookmarks.reminder_at",
      "bookmarks.created_at",
      "posts.post_number",
      "posts.body_html",
      "posts.deleted_at",
      "posts.hidden_at",
      "topics.id as topic_id",
      "topics.slug",
      "topics.title",
      "users.username",
      "users.display_name",
    ])
    .where("bookmarks.user_id", "=", scope.userId)
    .orderBy("bookmarks.created_at", "desc")
    .limit(200)
    .execute();
  const out = [];
  for (const r of rows) {
    const topic = await lockTopic(db, r.topic_id, scope.userId, { lock: false });
    if (topic && canSeeTopic(scope, topic))
      out.push({ ...r, body_html: r.deleted_at || r.hidden_at ? "" : r.body_html });
  }
  return out;
}
