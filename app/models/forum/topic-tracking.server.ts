// "New" and "unread" as Discourse defines them, in one place: /new, /unread, the marks on every
// topic list and the New (n) / Unread (n) counts all build on the pieces below.
//   new    = never opened, and created after the later of (now - the staff's window) and the
//            member's last visit: a long-time member's count covers days, never months;
//   unread = opened (tracked: the member has a read position in it) with posts after the
//            member's last read post (or the post they dismissed up to).
// Both counts read a small index range: New the topics created since that instant, Unread the topics
// bumped since users.first_unread_at (Discourse's user_stats.first_unread_at), a lower bound of the
// bumped_at of every topic the member has unread, whatever its category or state. A topic becomes
// unread by a reply (bumped now, above any bound), by a partial read or by posts moved into it
// (bumped earlier: those two lower the bound here); reading the oldest unread one or dismissing
// moves the bound up (migration 2026-12-06T1500_first_unread).
import { sql, type Expression, type SqlBool } from "kysely";
import { db, type Db } from "../../db.server";
import { getLimits } from "../moderation/settings.server";

/** The instant after which an unopened topic is new to this member. */
export async function newTopicsSince(lastVisitAt: Date | null | undefined): Promise<Date> {
  const { newTopicHours } = await getLimits(db);
  const window = Date.now() - newTopicHours * 3_600_000;
  return new Date(Math.max(window, lastVisitAt?.getTime() ?? 0));
}

/** Posts after the member's read position in topic `t`, given read row `r`. */
const unreadPostsExpr = sql<number>`t.highest_post_number - greatest(r.last_read_post_number, r.dismissed_post_number)`;

/** Topic `t` is new to member `uid` (see the rule above). */
export function isNewTopic(uid: number, since: Date): Expression<SqlBool> {
  return sql<SqlBool>`(t.created_at > ${since} and not exists (select 1 from topic_reads r where r.topic_id = t.id
      and r.user_id = ${uid}))`;
}

/** Topic `t` has posts member `uid` has not read. */
export function isUnreadTopic(uid: number): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from topic_reads r where r.topic_id = t.id
      and r.user_id = ${uid} and ${unreadPostsExpr} > 0)`;
}

/**
 * A list row's marks, from topic `t` left-joined with member `uid`'s read row `r` (one probe per row, not
 * one per mark): the number of unread posts (0 when read or never opened), and whether the topic is new.
 */
export function listMarks(uid: number, since: Date) {
  return {
    join: sql`left join topic_reads r on r.topic_id = t.id and r.user_id = ${uid}`,
    unread: sql<number>`coalesce(greatest(0, ${unreadPostsExpr}), 0)`,
    isNew: sql<boolean>`(r.user_id is null and t.created_at > ${since})`,
  };
}

/**
 * The New and Unread counts over the topics `visible` allows. New walks topics_created_idx from
 * `since` (a few hundred topics at most). Unread walks topics_bumped_tracking_idx from the member's
 * first_unread_at, hash-joined with their read rows, and only then checks visibility, on the few
 * unread ones (the category list is an array scanned per row).
 */
export function countNewAndUnreadSql(uid: number, since: Date, visible: Expression<SqlBool>) {
  return sql<{ new: number; unread: number }>`
    with unread as materialized (
      select t.id, t.category_id, t.unlisted
      from topics t join topic_reads r on r.topic_id = t.id and r.user_id = ${uid}
      where t.deleted_at is null and not t.unlisted and ${unreadPostsExpr} > 0
        and t.bumped_at >= (select u.first_unread_at from users u where u.id = ${uid}))
    select
      (select count(*)::int from topics t where t.deleted_at is null and ${visible} and ${isNewTopic(uid, since)})
        as new,
      (select count(*)::int from unread t where ${visible}) as unread`;
}

/**
 * Records that member `userId` read topic `topicId` up to `postNumber` (never backwards), keeping
 * first_unread_at: lowered when the topic stays unread (a partial read of an old topic), recomputed
 * when the topic read to the end was the oldest unread one.
 */
export async function markTopicRead(trx: Db, userId: number, topicId: number, postNumber: number) {
  const { rows } = await sql<{ oldest_caught_up: boolean }>`
    with before as (
      select greatest(last_read_post_number, dismissed_post_number) as read_to
      from topic_reads where user_id = ${userId} and topic_id = ${topicId}),
    r as (
      insert into topic_reads as tr (user_id, topic_id, last_read_post_number)
      values (${userId}, ${topicId}, ${postNumber})
      on conflict (user_id, topic_id) do update
        set last_read_post_number = greatest(tr.last_read_post_number, excluded.last_read_post_number),
          last_visited_at = now()
      returning greatest(tr.last_read_post_number, tr.dismissed_post_number) as read_to),
    lowered as (
      update users u set first_unread_at = t.bumped_at from r, topics t
      where u.id = ${userId} and t.id = ${topicId} and t.highest_post_number > r.read_to
        and u.first_unread_at > t.bumped_at
      returning 1)
    select exists (
      select 1 from r, topics t, users u, before b
      where t.id = ${topicId} and u.id = ${userId} and t.highest_post_number > b.read_to
        and t.highest_post_number <= r.read_to and t.bumped_at <= u.first_unread_at) as oldest_caught_up`.execute(trx);
  if (rows[0]?.oldest_caught_up) await refreshFirstUnread(trx, userId);
}

/**
 * Moves a member's first_unread_at up to their oldest unread topic (now less five minutes at most,
 * for replies still committing). The member's row is locked first, so a concurrent partial read
 * that lowers the bound is either seen here or applied after.
 */
export async function refreshFirstUnread(trx: Db, userId: number) {
  await sql`select 1 from users where id = ${userId} for no key update`.execute(trx);
  await sql`
    update users u set first_unread_at = least(now() - interval '5 minutes', coalesce((
      select min(t.bumped_at) from topic_reads r join topics t on t.id = r.topic_id
      where r.user_id = u.id and ${unreadPostsExpr} > 0), 'infinity'))
    where u.id = ${userId}`.execute(trx);
}

/** After posts were moved or merged into topic `topicId` (its last post number rose, its bump did not). */
export async function lowerFirstUnreadOfReaders(trx: Db, topicId: number) {
  await sql`
    update users u set first_unread_at = t.bumped_at from topic_reads r, topics t
    where r.topic_id = ${topicId} and t.id = r.topic_id and u.id = r.user_id
      and ${unreadPostsExpr} > 0 and u.first_unread_at > t.bumped_at`.execute(trx);
}
