// "New" and "unread" as Discourse defines them, in one place: /new, /unread, the marks on every
// topic list and the New (n) / Unread (n) counts all build on the pieces below.
//   new    = never opened, and created after the later of (now - the staff's window) and the
//            member's last visit: a long-time member's count covers days, never months;
//   unread = opened (tracked: the member has a read position in it) with posts after the
//            member's last read post (or the post they dismissed up to).
// Both counts read at most the topics created in the window and the member's own read rows,
// through indexes (migration 2026-12-06T1130_topic_tracking).
import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";
import { getLimits } from "./settings.server";

/** The instant after which an unopened topic is new to this member. */
export async function newTopicsSince(lastVisitAt: Date | null | undefined): Promise<Date> {
  const { newTopicHours } = await getLimits();
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

/** The number of unread posts of topic `t` for member `uid` (0 when read or never opened): a list row's mark. */
export function unreadPostsOf(uid: number): RawBuilder<number> {
  return sql<number>`coalesce((select greatest(0, ${unreadPostsExpr}) from topic_reads r where r.topic_id = t.id
      and r.user_id = ${uid}), 0)`;
}

/**
 * The New and Unread counts over the topics `visible` allows. New walks topics_created_idx from
 * `since` (a few hundred topics at most). Unread walks the member's read rows (topic_reads_pkey),
 * reads each topic's last post number through the covering topics_tracking_idx, and only then
 * checks visibility, on the few unread ones (the category list is an array scanned per row).
 */
export function countNewAndUnreadSql(uid: number, since: Date, visible: Expression<SqlBool>) {
  return sql<{ new: number; unread: number }>`
    with unread as materialized (
      select t.id, t.category_id, t.unlisted from topic_reads r join topics t on t.id = r.topic_id
      where r.user_id = ${uid} and t.deleted_at is null and not t.unlisted and ${unreadPostsExpr} > 0)
    select
      (select count(*)::int from topics t where t.deleted_at is null and ${visible} and ${isNewTopic(uid, since)})
        as new,
      (select count(*)::int from unread t where ${visible}) as unread`;
}
