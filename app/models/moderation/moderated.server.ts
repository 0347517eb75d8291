// What moderators' steps share (hiding, moving, splitting, merging, reviewing flags): the topic or
// post locked for a moderator of it, a category they may put topics in, open flags settled, and the
// authors told after commit.
import { enqueue } from "../../jobs.server";
import type { Db } from "../../db.server";
import { canSeeTopic, isModerator, type Scope } from "../permissions.server";
import { lockTopic, topicUrl, type TopicRow } from "../forum/topic.server";
import { fail, type Fail } from "../shared/result";
import { getCategoryBySlug } from "../forum/category.server";
import { MESSAGES_CATEGORY } from "../forum/messages.schema";

export const postUrl = (t: { id: number; slug: string }, n: number) => `${topicUrl(t)}/${n}#post-${n}`;

export const isFail = (x: unknown): x is Fail => !!x && typeof x === "object" && (x as Fail).ok === false;

/**
 * Locks a topic the viewer moderates; anything else looks like a missing topic. A personal message is
 * moderated post by post (`postsOnly`, the review queue), never moved, merged, listed or closed.
 */
export async function moderatedTopic(
  trx: Db,
  scope: Scope,
  topicId: number,
  { postsOnly = false } = {},
): Promise<TopicRow | Fail> {
  const topic = await lockTopic(trx, topicId, scope.userId);
  if (!topic || !canSeeTopic(scope, topic) || !isModerator(scope, topic.category)) return fail(404, "topic.notFound");
  if (topic.archetype === "private_message" && !postsOnly) return fail(404, "topic.notFound");
  return topic;
}

/** Locks a post and its topic for a moderator of the topic; undefined for anyone else (it looks missing). */
export async function moderatedPost(trx: Db, scope: Scope, postId: number) {
  const post = await trx
    .selectFrom("posts")
    .select(["id", "topic_id", "user_id", "post_number", "hidden_at", "deleted_at"])
    .where("id", "=", postId)
    .forUpdate()
    .executeTakeFirst();
  if (!post) return undefined;
  const topic = await moderatedTopic(trx, scope, post.topic_id, { postsOnly: true });
  return isFail(topic) ? undefined : { post, topic };
}

/** A category the moderator may put topics in: theirs, not archived. */
export async function moderatedCategory(scope: Scope, slug: string | undefined, fallback?: TopicRow["category"]) {
  // personal messages' home takes conversations only, made as such: no topic is moved into it
  if (slug === MESSAGES_CATEGORY) return undefined;
  const category = slug ? await getCategoryBySlug(slug) : fallback;
  return category && !category.archived_at && isModerator(scope, category) ? category : undefined;
}
export const badCategory = () => fail(422, "composer.errors.category", { category: "composer.errors.category" });

/** Settles the post's open flags with `resolution`; the ids settled. */
export const resolveOpenFlags = (trx: Db, postId: number, by: number, resolution: string) =>
  trx
    .updateTable("flags")
    .set({ resolved_at: new Date(), resolved_by: by, resolution })
    .where("post_id", "=", postId)
    .where("resolved_at", "is", null)
    .returning("id")
    .execute();

/** Tells each post's author (not the moderator) what was done to it; `jobKey` keeps one job a step. */
export async function tellAuthors(
  trx: Db,
  posts: { id: number; user_id: number | null }[],
  { actorId, action, jobKey }: { actorId: number; action: string; jobKey: (postId: number) => string },
) {
  for (const p of posts) {
    if (p.user_id && p.user_id !== actorId)
      await enqueue(trx, "post.moderated", { postId: p.id, userId: p.user_id, action, actorId, jobKey: jobKey(p.id) });
  }
}
