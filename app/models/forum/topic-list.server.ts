// Topic lists (latest, top, new, unread, per category, per tag), filtered by what the viewer may see,
// with keyset paging, the navigation's new and unread counts, and dismissing. One topic and its posts
// are topic.server.ts.
import { sql, type SqlBool, type Expression } from "kysely";
import { db } from "../../db.server";
import type { Scope } from "../permissions.server";
import { listAllCategories, mutedCategoryIds, visibleCategoryIds, type Category } from "./category.server";
import {
  countNewAndUnreadSql,
  isNewTopic,
  isUnreadTopic,
  newTopicsSince,
  refreshFirstUnread,
  listMarks,
} from "./topic-tracking.server";

export const TOPICS_PER_PAGE = 30;

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
