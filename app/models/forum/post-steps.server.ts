// The steps a new post and a change to one share: the author locked before the limits are checked,
// the post's row with its uploads, what follows a new post through the outbox, the author told of
// another's edit or deletion, and a topic's counters recomputed from its posts.
import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { RENDER_VERSION } from "../../markdown/index.server";
import { recordTutorClock } from "../assessments/tutor-clock.server";
import { postUrl } from "../moderation/moderated.server";
import type { Scope } from "../permissions.server";
import { ok } from "../shared/result";
import { discardDraft } from "./draft.server";
import { topicUrl } from "./topic.server";
import { linkPostUploads } from "./uploads.server";
import { lowerFirstUnreadOfReaders } from "./topic-tracking.server";

/**
 * Locks the author, so that parallel posts by one member are checked against the limits one at a
 * time; then the post a composer form already made (a double tap, a resubmitted page), as a success.
 */
export async function lockAuthorForPosting(trx: Db, userId: number, submissionKey: string | undefined) {
  await trx.selectFrom("users").select("id").where("id", "=", userId).forNoKeyUpdate().execute();
  if (!submissionKey) return undefined;
  const row = await trx
    .selectFrom("posts")
    .innerJoin("topics", "topics.id", "posts.topic_id")
    .select(["posts.id", "posts.post_number", "topics.id as topic_id", "topics.slug"])
    .where("posts.user_id", "=", userId)
    .where("posts.submission_key", "=", submissionKey)
    .executeTakeFirst();
  if (!row) return undefined;
  const topic = { id: row.topic_id, slug: row.slug };
  const n = row.post_number;
  return ok({
    topicId: row.topic_id,
    postId: row.id,
    postNumber: n,
    url: n === 1 ? topicUrl(topic) : postUrl(topic, n),
  });
}

type NewPostRow = {
  topicId: number;
  userId: number;
  postNumber: number;
  replyTo: number | undefined;
  body: string;
  html: string;
  at: Date;
  submissionKey: string | undefined;
  uploadIds: number[];
};

/** The post's row, with the uploads its markdown uses. */
export async function insertPost(trx: Db, p: NewPostRow) {
  const post = await trx
    .insertInto("posts")
    .values({
      topic_id: p.topicId,
      user_id: p.userId,
      post_number: p.postNumber,
      reply_to_post_number: p.replyTo ?? null,
      body_markdown: p.body,
      body_html: p.html,
      render_version: RENDER_VERSION,
      created_at: p.at,
      submission_key: p.submissionKey ?? null,
    })
    .returning(["id"])
    .executeTakeFirstOrThrow();
  await linkPostUploads(trx, post.id, p.uploadIds);
  return post;
}

/** After a new post: the tutor clock, notifications and search through the outbox, and the composer's draft gone. */
export async function announcePost(
  trx: Db,
  scope: Scope,
  p: Omit<Parameters<typeof recordTutorClock>[1], "scope"> & { submissionKey: string | undefined; draft: string },
) {
  const { submissionKey, draft, ...clock } = p;
  await recordTutorClock(trx, { scope, ...clock });
  await enqueue(trx, "post.created", { postId: p.postId, mentionedUserIds: p.mentionedUserIds });
  await enqueue(trx, "search.topic", { topicId: p.topicId });
  if (submissionKey && scope.userId) await discardDraft(trx, { userId: scope.userId, key: draft });
}

/** Another's edit or deletion of a post is told to its author (after commit, through the outbox). */
export async function tellAuthor(
  trx: Db,
  post: { id: number; user_id: number | null },
  action: string,
  actorId: number,
) {
  if (post.user_id) await enqueue(trx, "post.moderated", { postId: post.id, userId: post.user_id, action, actorId });
}

/**
 * A topic's posters, as stored in topics.poster_ids (the avatars of its row in every list): the
 * distinct authors of its last 12 visible posts, in the order they first posted there, at most 5.
 */
export function topicPostersSql(topicId: number | RawBuilder<number>) {
  return sql<number[]>`coalesce((
    select array_agg(x.user_id order by x.first)
    from (select p.user_id, min(p.post_number) as first
            from (select user_id, post_number from posts where topic_id = ${topicId} and deleted_at is null
                  order by post_number desc limit 12) p
           where p.user_id is not null group by p.user_id order by min(p.post_number) limit 5) x), '{}')`;
}

/** Recomputes a topic's counters from its posts (after deletes, restores, moves, merges). */
export async function refreshTopicStats(trx: Db, topicId: number) {
  await sql`
    update topics t set
      poster_ids = ${topicPostersSql(topicId)},
      reply_count = greatest(s.visible - 1, 0),
      like_count = s.likes,
      highest_post_number = greatest(s.highest, 0),
      last_posted_at = coalesce(s.last_at, t.created_at),
      last_poster_id = s.last_poster
    from (
      select
        count(*) filter (where p.deleted_at is null)::int as visible,
        coalesce(sum(p.like_count) filter (where p.deleted_at is null), 0)::int as likes,
        max(p.post_number) as highest,
        max(p.created_at) filter (where p.deleted_at is null) as last_at,
        (select p2.user_id from posts p2 where p2.topic_id = ${topicId} and p2.deleted_at is null
          order by p2.post_number desc limit 1) as last_poster
      from posts p where p.topic_id = ${topicId}
    ) s
    where t.id = ${topicId}`.execute(trx);
  // posts moved or merged in raise the last post number without a bump
  await lowerFirstUnreadOfReaders(trx, topicId);
}
