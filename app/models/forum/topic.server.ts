// Reading a topic: one topic with a page of its posts as the viewer may see them, what the viewer may
// do there, and what a member brings to it (how far they read, their draft, their watching level).
// The topic lists are topic-list.server.ts.
import { sql } from "kysely";
import { compiledOnce, db, type Db } from "../../db.server";
import { canReply, canSeeTopic, isModerator, type Scope } from "../permissions.server";
import { getCategoryById } from "./category.server";
import { draftKey, type DraftFields } from "./draft.server";
import { watchLevelSql } from "./watch-level.server";
import type { WatchLevel } from "../../../db/schema";

export const POSTS_PER_PAGE = 20;

export const topicUrl = (t: { id: number; slug: string }) => `/t/${t.slug}/${t.id}`;

const TOPIC_COLUMNS = [
  "topics.id",
  "topics.category_id",
  "topics.user_id",
  "topics.title",
  "topics.slug",
  "topics.tags",
  "topics.pinned_at",
  "topics.pinned_globally",
  "topics.closed_at",
  "topics.archived_at",
  "topics.unlisted",
  "topics.deleted_at",
  "topics.reply_count",
  "topics.like_count",
  "topics.highest_post_number",
  "topics.bumped_at",
  "topics.created_at",
  "topics.archetype",
] as const;

/**
 * A topic with its category and whether the member is on its participant list. With `lock`, the
 * row is locked for the rest of the transaction (replies take post numbers under this lock).
 */
function topicQuery(lock: boolean) {
  return compiledOnce(2, (topicId: number, userId: number) => {
    const q = db
      .selectFrom("topics")
      .select(TOPIC_COLUMNS)
      .select((eb) => [
        eb
          .exists(
            eb
              .selectFrom("topic_allowed_users as tau")
              .select("tau.user_id")
              .whereRef("tau.topic_id", "=", "topics.id")
              .where("tau.user_id", "=", userId),
          )
          .as("participant"),
        // asked of personal messages only (the case skips the subquery for every other topic)
        sql<boolean>`case when topics.archetype = 'private_message' then exists (select 1 from flags f
        join posts p on p.id = f.post_id where p.topic_id = topics.id and f.resolved_at is null) else false end`.as(
          "flagged",
        ),
      ])
      .where("topics.id", "=", topicId);
    // NO KEY: foreign-key checks of rows pointing at the topic (reads, notifications) need not wait
    return lock ? q.forNoKeyUpdate() : q;
  });
}
const topicLocked = topicQuery(true);
const topicRead = topicQuery(false);

export async function lockTopic(trx: Db, topicId: number, userId: number | null, { lock = true } = {}) {
  const [row] = await (lock ? topicLocked : topicRead)(trx, topicId, userId ?? -1);
  if (!row) return undefined;
  const category = await getCategoryById(row.category_id);
  if (!category) return undefined;
  return { ...row, participant: Boolean(row.participant), flagged: Boolean(row.flagged), category };
}

export type TopicRow = NonNullable<Awaited<ReturnType<typeof lockTopic>>>;

/** The topic if the viewer may see it; undefined otherwise (the page answers 404 either way). */
export async function getTopic({ scope, topicId }: { scope: Scope; topicId: number }) {
  const topic = await lockTopic(db, topicId, scope.userId, { lock: false });
  if (!topic || !canSeeTopic(scope, topic)) return undefined;
  if (topic.unlisted && !scope.isStaff && topic.category.see_rule === "staff") return undefined;
  return topic;
}

const postsQuery = compiledOnce(3, (userId: number, topicId: number, from: number) =>
  db
    .selectFrom("posts")
    .leftJoin("users", "users.id", "posts.user_id")
    .select([
      "posts.id",
      "posts.post_number",
      "posts.user_id",
      "posts.reply_to_post_number",
      "posts.body_html",
      "posts.like_count",
      "posts.revision_count",
      "posts.created_at",
      "posts.edited_at",
      "posts.deleted_at",
      "posts.deleted_by",
      "posts.hidden_at",
      "users.username",
      "users.display_name",
      "users.level",
    ])
    .select((eb) => [
      eb
        .exists(
          eb
            .selectFrom("post_likes")
            .select("post_likes.user_id")
            .whereRef("post_likes.post_id", "=", "posts.id")
            .where("post_likes.user_id", "=", userId),
        )
        .as("liked"),
      eb
        .exists(
          eb
            .selectFrom("bookmarks")
            .select("bookmarks.id")
            .whereRef("bookmarks.post_id", "=", "posts.id")
            .where("bookmarks.user_id", "=", userId),
        )
        .as("bookmarked"),
      eb
        .exists(
          eb
            .selectFrom("user_ignores")
            .select("user_ignores.user_id")
            .whereRef("user_ignores.ignored_user_id", "=", "posts.user_id")
            .where("user_ignores.user_id", "=", userId),
        )
        .as("ignored"),
      // the author's valid badge for their current level: the level pill links to it
      eb
        .selectFrom("badge_awards")
        .select("badge_awards.public_id")
        .whereRef("badge_awards.user_id", "=", "posts.user_id")
        .whereRef("badge_awards.level", "=", "users.level")
        .where("badge_awards.kind", "=", "level")
        .where("badge_awards.revoked_at", "is", null)
        .orderBy("badge_awards.awarded_at", "desc")
        .limit(1)
        .as("badge_id"),
    ])
    .where("posts.topic_id", "=", topicId)
    .where("posts.post_number", ">=", from)
    .orderBy("posts.post_number")
    .limit(POSTS_PER_PAGE),
);

export async function listTopicPosts({ scope, topic, from }: { scope: Scope; topic: TopicRow; from: number }) {
  const rows = await postsQuery(db, scope.userId ?? -1, topic.id, from);
  const moderator = isModerator(scope, topic.category);
  return rows.map((p) => {
    const own = !!scope.userId && p.user_id === scope.userId;
    const withdrawn = !!p.deleted_at && p.deleted_by === p.user_id;
    // Hidden (flagged) and deleted posts keep their place, but only staff and the author read them.
    const canRead = (!p.deleted_at && !p.hidden_at) || moderator || (own && !p.deleted_at);
    return {
      ...p,
      liked: Boolean(p.liked),
      bookmarked: Boolean(p.bookmarked),
      ignored: Boolean(p.ignored),
      own,
      withdrawn,
      body_html: canRead ? p.body_html : "",
      state: p.deleted_at ? (withdrawn ? "withdrawn" : "deleted") : p.hidden_at ? "hidden" : "visible",
    } as const;
  });
}

export function topicAbilities(scope: Scope, topic: TopicRow) {
  return { reply: canReply(scope, topic), moderate: isModerator(scope, topic.category) };
}

/**
 * What a member brings to a topic page, in one round trip: how far they have read it (0: never opened), their
 * draft reply in it, if any, and their watching level (the topic's own, else its category's).
 */
export async function getReaderState({ userId, topicId }: { userId: number; topicId: number }) {
  const { rows } = await sql<{
    read_to: number | null;
    body: string | null;
    fields: DraftFields | null;
    updated_at: Date | null;
    watch: WatchLevel | null;
  }>`
    select r.read_to, d.body, d.fields, d.updated_at, ${watchLevelSql(userId, topicId)} as watch
    from (select 1) one
    left join lateral (
      select greatest(last_read_post_number, dismissed_post_number) as read_to
      from topic_reads where user_id = ${userId} and topic_id = ${topicId}) r on true
    left join drafts d on d.user_id = ${userId} and d.draft_key = ${draftKey(topicId)}`.execute(db);
  const row = rows[0];
  const draft =
    row?.body != null && row.fields && row.updated_at
      ? { body: row.body, fields: row.fields, updated_at: row.updated_at }
      : undefined;
  return { lastRead: row?.read_to ?? 0, draft, watch: row?.watch ?? ("normal" as const) };
}
