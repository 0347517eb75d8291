// Reading topics: one topic with a page of its posts, and the topic lists (latest, top, new,
// unread, per category, per tag), all filtered by what the viewer may see, with keyset paging.
import { sql, type SqlBool, type Expression } from "kysely";
import { compiledOnce, db, type Db } from "../../db.server";
import { canReply, canSeeTopic, isModerator, type Scope } from "../permissions.server";
import {
  getCategoryById,
  listAllCategories,
  mutedCategoryIds,
  visibleCategoryIds,
  type Category,
} from "./category.server";
import {
  countNewAndUnreadSql,
  isNewTopic,
  isUnreadTopic,
  newTopicsSince,
  refreshFirstUnread,
  listMarks,
} from "./topic-tracking.server";
import { draftKey, type DraftFields } from "./draft.server";
import { watchLevelSql } from "./watch-level.server";
import type { WatchLevel } from "../../../db/schema";

export const TOPICS_PER_PAGE = 30;
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

// ---- lists ---------------------------------------------------------------------------------

export type ListKind = "latest" | "top" | "new" | "unread";
export type TopPeriod = "day" | "week" | "month" | "year" | "all";
export type ListFilter = { kind: ListKind; categoryId?: number; tag?: string; period?: TopPeriod };

type Cursor = { v: string; id: number };
export function encodeCursor(c: Cursor) {
  return Buffer.from(`${c.v}|${c.id}`).toString("base64url");
}
export function decodeCursor(s: string | null | undefined): Cursor | undefined {
  if (!s || s.length > 200) return undefined;
  const [v, id] = Buffer.from(s, "base64url").toString().split("|");
  if (!v || !/^\d{1,10}$/.test(id ?? "")) return undefined;
  return { v, id: Number(id) };
}

const PERIOD_DAYS: Record<TopPeriod, number | null> = { day: 1, week: 7, month: 30, year: 365, all: null };

/** What the viewer may list (over topics `t`): open categories, plus private topics they take part in. */
export async function visibilityWhere(scope: Scope): Promise<Expression<SqlBool>> {
  // Unlisted topics are reached by link only; `not unlisted` also lets the partial indexes serve lists.
  if (scope.isStaff) return sql<SqlBool>`not t.unlisted`;
  const { open, participantOnly, closed, maxId } = await visibleCategoryIds(scope);
  // Each id list is one array parameter (as `in ($1, …, $n)` 200 categories cost more to send and bind than the
  // query took to run), and the shorter list of the two: PostgreSQL plans `= any` element by element and tests it
  // on every row, so "not one of the 12 closed ones" plans and filters faster than "one of the 190 open ones". A
  // category newer than this process's list (id above maxId) is in neither: closed by default.
  const openList =
    closed.length < open.length
      ? sql`(t.category_id <= ${maxId} and t.category_id <> all(${closed}::int[]))`
      : open.length
        ? sql`t.category_id = any(${open}::int[])`
        : sql`false`;
  if (!scope.userId || !participantOnly.length) return sql<SqlBool>`(not t.unlisted and ${openList})`;
  return sql<SqlBool>`(not t.unlisted and (${openList} or (t.category_id = any(${participantOnly}::int[]) and
      exists (select 1 from topic_allowed_users a where a.topic_id = t.id and a.user_id = ${scope.userId}))))`;
}

export type TopicListRow = Awaited<ReturnType<typeof listTopics>>["topics"][number];

export async function listTopics({
  scope,
  filter,
  cursor: rawCursor,
  lastVisitAt,
  muted: mutedIds,
}: {
  scope: Scope;
  filter: ListFilter;
  cursor?: string | null;
  lastVisitAt?: Date | null;
  /** the member's muted categories, when the caller has them (the viewer's come with the session) */
  muted?: number[];
}) {
  const cursor = decodeCursor(rawCursor);
  const visible = await visibilityWhere(scope);
  const uid = scope.userId ?? -1;
  const since = await newTopicsSince(lastVisitAt);
  const conds: Expression<SqlBool>[] = [sql<SqlBool>`t.deleted_at is null`, visible];
  if (filter.categoryId) conds.push(sql<SqlBool>`t.category_id = ${filter.categoryId}`);
  if (filter.tag) conds.push(sql<SqlBool>`t.tags @> array[${filter.tag}]::text[]`);
  // a member's muted categories leave /latest (not the category's own page): one array condition,
  // added only for the few who muted something
  if (filter.kind === "latest" && !filter.categoryId && scope.userId) {
    const muted = mutedIds ?? (await mutedCategoryIds(scope.userId));
    if (muted.length) conds.push(sql<SqlBool>`t.category_id <> all(${muted}::int[])`);
  }

  let order: { expr: ReturnType<typeof sql>; cmp: (c: Cursor) => Expression<SqlBool>; value: string };
  if (filter.kind === "top") {
    const days = PERIOD_DAYS[filter.period ?? "month"];
    if (days) conds.push(sql<SqlBool>`t.created_at > now() - make_interval(days => ${days})`);
    // Discourse's top score, simplified: replies and likes weigh alike.
    const score = sql`(t.like_count + t.reply_count)`;
    order = {
      expr: sql`${score} desc, t.id desc`,
      cmp: (c) => sql<SqlBool>`(${score}, t.id) < (${Number(c.v)}, ${c.id})`,
      value: "score",
    };
  } else {
    order = {
      expr: sql`t.bumped_at desc, t.id desc`,
      cmp: (c) => sql<SqlBool>`(t.bumped_at, t.id) < (${c.v}::timestamptz, ${c.id})`,
      value: "bumped_at",
    };
  }
  if (filter.kind === "new") conds.push(isNewTopic(uid, since));
  if (filter.kind === "unread") conds.push(isUnreadTopic(uid));
  if (cursor) conds.push(order.cmp(cursor));

  // Pinned topics head the first page of latest: global pins everywhere, category pins in their
  // category. Asked in the same statement as the page (one round trip to the database, not two).
  const pinnedFirst = filter.kind === "latest" && !cursor && !filter.tag;
  const pinnedPart = pinnedFirst
    ? {
        conds: [
          sql<SqlBool>`t.deleted_at is null`,
          visible,
          sql<SqlBool>`t.pinned_at is not null`,
          filter.categoryId ? sql<SqlBool>`t.category_id = ${filter.categoryId}` : sql<SqlBool>`t.pinned_globally`,
        ],
        orderBy: sql`t.pinned_at desc, t.id desc`,
        limit: 10,
      }
    : undefined;
  if (pinnedFirst)
    conds.push(
      filter.categoryId
        ? sql<SqlBool>`t.pinned_at is null`
        : sql<SqlBool>`not (t.pinned_at is not null and t.pinned_globally)`,
    );

  const both = await queryTopics(
    [{ conds, orderBy: order.expr, limit: TOPICS_PER_PAGE + 1 }, ...(pinnedPart ? [pinnedPart] : [])],
    uid,
    since,
  );
  const rows = both.filter((r) => r.part === 0);
  // PostgreSQL appends the branches of a UNION ALL one after the other, each in its own order; the
  // few pinned ones are sorted again here all the same
  const pinned = both
    .filter((r) => r.part === 1)
    .sort((a, b) => b.pinned_at!.getTime() - a.pinned_at!.getTime() || b.id - a.id);
  const more = rows.length > TOPICS_PER_PAGE;
  const page = rows.slice(0, TOPICS_PER_PAGE);
  const last = page[page.length - 1];
  const next =
    more && last
      ? encodeCursor({
          v: order.value === "score" ? String(last.like_count + last.reply_count) : last.bumped_at.toISOString(),
          id: last.id,
        })
      : null;
  const categories = new Map((await listAllCategories()).map((c) => [c.id, c] as const));
  const shape = (r: (typeof rows)[number]) => ({
    ...r,
    category: categories.get(r.category_id) as Category,
    pinned: !!r.pinned_at,
  });
  return { topics: [...pinned.map(shape), ...page.map(shape)], next };
}

type ListPart = { conds: Expression<SqlBool>[]; orderBy: ReturnType<typeof sql>; limit: number };

/** The rows of one list, or of several at once (UNION ALL, each row saying which `part` it is from). */
async function queryTopics(parts: ListPart[], uid: number, since: Date) {
  const marks = uid > 0 ? listMarks(uid, since) : undefined;
  const select = ({ conds, orderBy, limit }: ListPart, part: number) => sql`(
    select ${sql.lit(part)} as part, t.id, t.slug, t.title, t.category_id, t.tags, t.reply_count, t.like_count,
      t.highest_post_number,
      t.bumped_at, t.created_at, t.pinned_at, t.closed_at, t.archived_at,
      ${marks ? sql`${marks.unread} as unread, ${marks.isNew} as is_new` : sql`0 as unread, false as is_new`},
      (select coalesce(json_agg(json_build_object('username', u.username, 'display_name', u.display_name)
        order by x.n), '[]'::json)
         from unnest(t.poster_ids) with ordinality x(user_id, n) join users u on u.id = x.user_id) as posters
    from topics t ${marks ? marks.join : sql``}
    where ${sql.join(conds, sql` and `)}
    order by ${orderBy}
    limit ${limit})`;
  const result = await sql<{
    part: number;
    id: number;
    slug: string;
    title: string;
    category_id: number;
    tags: string[];
    reply_count: number;
    like_count: number;
    highest_post_number: number;
    bumped_at: Date;
    created_at: Date;
    pinned_at: Date | null;
    closed_at: Date | null;
    archived_at: Date | null;
    unread: number;
    is_new: boolean;
    posters: { username: string; display_name: string }[];
  }>`${sql.join(
    parts.map((p, i) => select(p, i)),
    sql` union all `,
  )}`.execute(db);
  return result.rows;
}

/** Counts for the navigation: new topics and topics with unread replies. */
export async function countNewAndUnread({ scope, lastVisitAt }: { scope: Scope; lastVisitAt: Date | null }) {
  if (!scope.userId) return { new: 0, unread: 0 };
  const [visible, since] = await Promise.all([visibilityWhere(scope), newTopicsSince(lastVisitAt)]);
  const row = await countNewAndUnreadSql(scope.userId, since, visible).execute(db);
  return row.rows[0];
}

/** "Dismiss": the listed topics count as read up to now (new ones are marked as seen). */
export async function dismissTopics({ userId, topicIds }: { userId: number; topicIds: number[] }) {
  if (!topicIds.length) return;
  await db.transaction().execute(async (trx) => {
    await sql`
      insert into topic_reads (user_id, topic_id, last_read_post_number, dismissed_post_number)
      select ${userId}, t.id, 0, t.highest_post_number from topics t where t.id in (${sql.join(topicIds)})
      on conflict (user_id, topic_id) do update set dismissed_post_number = excluded.dismissed_post_number`.execute(
      trx,
    );
    // the oldest unread topic may be among them
    await refreshFirstUnread(trx, userId);
  });
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
