// After a post commits: who gets told. Every recipient is checked with the permission module, so
// a mention in a private topic never notifies someone who cannot open it.
import type { Db } from "../db.server";
import type { JobHandler, JobTable } from "../jobs.server";
import { renderPlainExcerpt } from "../markdown/excerpt.server";
import { notify } from "../models/account/notification.server";
import { lockTopic } from "../models/forum/topic.server";
import { canSeeTopic } from "../models/permissions.server";
import { listTopicWatchers, wantsNotification } from "../models/forum/watching.server";
import { scopeOfUser } from "../viewer.server";

const QUOTE_HEADER = /^\[quote="([A-Za-z0-9_]{1,30}), post:(\d+), topic:(\d+)"\]/gm;

/** May read the topic now, and has not muted it (or its category). */
async function mayRead(trx: Db, userId: number, topicId: number, kind = "reply") {
  if (!(await wantsNotification(userId, kind, topicId, trx))) return false;
  const scope = await scopeOfUser(trx, userId);
  const topic = await lockTopic(trx, topicId, userId, { lock: false });
  return !!topic && canSeeTopic(scope, topic) && !topic.deleted_at;
}

async function loadPost(trx: Db, postId: number) {
  return trx
    .selectFrom("posts")
    .innerJoin("topics", "topics.id", "posts.topic_id")
    .select([
      "posts.id",
      "posts.topic_id",
      "posts.user_id",
      "posts.post_number",
      "posts.reply_to_post_number",
      "posts.body_markdown",
      "posts.body_html",
      "posts.deleted_at",
      "posts.hidden_at",
      "topics.title",
      "topics.slug",
      "topics.user_id as topic_user_id",
    ])
    .where("posts.id", "=", postId)
    .executeTakeFirst();
}

const postCreated: JobHandler<"post.created"> = async ({ postId, mentionedUserIds }, { trx }) => {
  const post = await loadPost(trx, postId);
  if (!post || post.deleted_at || post.hidden_at || !post.user_id) return;
  const data = {
    title: post.title,
    slug: post.slug,
    postNumber: post.post_number,
    excerpt: renderPlainExcerpt(post.body_html, 160),
  };
  const told = new Set<number>([post.user_id]);
  // members who ignore the author hear nothing of their posts (folded on the page, not pushed to them)
  const ignorers = await trx
    .selectFrom("user_ignores")
    .select("user_id")
    .where("ignored_user_id", "=", post.user_id)
    .execute();
  for (const { user_id: id } of ignorers) told.add(id);
  const base = { topicId: post.topic_id, postId: post.id, actorId: post.user_id, data };

  // A quote tells the quoted member (only the first time per post).
  const quoted = new Set([...post.body_markdown.matchAll(QUOTE_HEADER)].map((m) => m[1].toLowerCase()));
  if (quoted.size) {
    const rows = await trx.selectFrom("users").select(["id", "username"]).where("deleted_at", "is", null).execute();
    for (const u of rows.filter((r) => quoted.has(r.username.toLowerCase()))) {
      if (told.has(u.id) || !(await mayRead(trx, u.id, post.topic_id))) continue;
      told.add(u.id);
      await notify(trx, { ...base, userId: u.id, kind: "quote", sourceKey: `quote:${post.id}` });
    }
  }
  // A reply tells the author of the post replied to, or the topic's author.
  if (post.post_number > 1) {
    let target = post.topic_user_id;
    if (post.reply_to_post_number) {
      const r = await trx
        .selectFrom("posts")
        .select("user_id")
        .where("topic_id", "=", post.topic_id)
        .where("post_number", "=", post.reply_to_post_number)
        .executeTakeFirst();
      target = r?.user_id ?? target;
    }
    if (target && !told.has(target) && (await mayRead(trx, target, post.topic_id))) {
      told.add(target);
      await notify(trx, { ...base, userId: target, kind: "reply", sourceKey: `reply:${post.id}` });
    }
  }
  // A private topic (a mentorship thread): every participant hears of every post, as in Discourse's
  // personal messages. The list is the topic's own; mayRead still asks the permission module.
  const participants = await trx
    .selectFrom("topic_allowed_users")
    .select("user_id")
    .where("topic_id", "=", post.topic_id)
    .execute();
  for (const { user_id: id } of participants) {
    if (told.has(id) || !(await mayRead(trx, id, post.topic_id))) continue;
    told.add(id);
    await notify(trx, { ...base, userId: id, kind: "reply", sourceKey: `reply:${post.id}` });
  }
  for (const id of mentionedUserIds) {
    if (told.has(id) || !(await mayRead(trx, id, post.topic_id))) continue;
    told.add(id);
    await notify(trx, { ...base, userId: id, kind: "mention", sourceKey: `mention:${post.id}` });
  }
  // Members watching the topic (or its category) hear of every post.
  for (const id of await listTopicWatchers(trx, post.topic_id)) {
    if (told.has(id) || !(await mayRead(trx, id, post.topic_id, "posted"))) continue;
    told.add(id);
    await notify(trx, { ...base, userId: id, kind: "posted", sourceKey: `posted:${post.id}` });
  }
};

// Likes on one post are grouped into one notification: "Ada and 3 others liked your post".
const postLiked: JobHandler<"post.liked"> = async ({ postId, likerId }, { trx }) => {
  const post = await loadPost(trx, postId);
  if (!post || !post.user_id || post.user_id === likerId || post.deleted_at) return;
  if (!(await mayRead(trx, post.user_id, post.topic_id))) return;
  const likers = await trx
    .selectFrom("post_likes")
    .innerJoin("users", "users.id", "post_likes.user_id")
    .select(["users.display_name", "users.username"])
    .where("post_likes.post_id", "=", postId)
    .orderBy("post_likes.created_at", "desc")
    .execute();
  if (!likers.length) return;
  const data = {
    title: post.title,
    slug: post.slug,
    postNumber: post.post_number,
    names: likers.slice(0, 1).map((l) => l.display_name),
    others: likers.length - 1,
  };
  const existing = await trx
    .selectFrom("notifications")
    .select(["id", "read_at"])
    .where("user_id", "=", post.user_id)
    .where("source_key", "=", `like:${postId}`)
    .executeTakeFirst();
  if (existing) {
    await trx
      .updateTable("notifications")
      .set({ data: JSON.stringify(data), actor_id: likerId, read_at: null, created_at: new Date() })
      .where("id", "=", existing.id)
      .execute();
    return;
  }
  await notify(trx, {
    userId: post.user_id,
    kind: "like",
    topicId: post.topic_id,
    postId,
    actorId: likerId,
    data,
    sourceKey: `like:${postId}`,
  });
};

// Staff edited, hid, deleted or restored someone's post: the author is told (not who flagged it).
const postModerated: JobHandler<"post.moderated"> = async (
  { postId, userId, action, actorId, jobKey },
  { trx, jobId },
) => {
  const post = await loadPost(trx, postId);
  if (!post) return;
  await notify(trx, {
    userId,
    kind: "moderation",
    topicId: post.topic_id,
    postId,
    actorId: null, // moderation is the team's act, not a person's
    data: { title: post.title, slug: post.slug, postNumber: post.post_number, action },
    sourceKey: jobKey ?? `moderation:${jobId}`,
  });
  void actorId;
};

const bookmarkRemind: JobHandler<"bookmark.remind"> = async ({ userId, postId }, { trx }) => {
  const b = await trx
    .selectFrom("bookmarks")
    .select(["id", "reminder_at", "reminded_at"])
    .where("user_id", "=", userId)
    .where("post_id", "=", postId)
    .executeTakeFirst();
  if (!b || !b.reminder_at || b.reminded_at || b.reminder_at.getTime() > Date.now() + 1000) return;
  const post = await loadPost(trx, postId);
  if (!post || !(await mayRead(trx, userId, post.topic_id))) return;
  await trx.updateTable("bookmarks").set({ reminded_at: new Date() }).where("id", "=", b.id).execute();
  await notify(trx, {
    userId,
    kind: "reminder",
    topicId: post.topic_id,
    postId,
    data: { title: post.title, slug: post.slug, postNumber: post.post_number },
    sourceKey: `bookmark:${b.id}:${b.reminder_at.getTime()}`,
  });
};

export const forumNotificationJobs = {
  "post.created": postCreated,
  "post.liked": postLiked,
  "post.moderated": postModerated,
  "bookmark.remind": bookmarkRemind,
} satisfies Partial<JobTable>;
