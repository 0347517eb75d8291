import { sql, type Kysely } from "kysely";

// The Unread count's lower bound, as Discourse's user_stats.first_unread_at: no topic a member has
// unread was bumped before users.first_unread_at (app/models/forum/topic-tracking.server.ts keeps it), so
// the count walks topics_bumped_tracking_idx from there instead of probing every read row's topic.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table users add column first_unread_at timestamptz not null default now()`.execute(db);
  // today's bound: the oldest topic each member has unread, whatever its category or state
  // (a topic moved back into view or restored must still be counted); five minutes of margin for
  // replies committed while this runs
  await sql`
    update users u set first_unread_at = least(now() - interval '5 minutes', coalesce((
      select min(t.bumped_at) from topic_reads r join topics t on t.id = r.topic_id
      where r.user_id = u.id
        and t.highest_post_number > greatest(r.last_read_post_number, r.dismissed_post_number)), 'infinity'))`.execute(
    db,
  );
  // countNewAndUnreadSql's unread part: topics bumped since the bound, with what the count needs
  await sql`create index if not exists topics_bumped_tracking_idx on topics (bumped_at)
    include (id, highest_post_number, category_id, unlisted) where deleted_at is null`.execute(db);
  // lowerFirstUnreadOfReaders: the readers of one topic whose posts were moved or merged into it
  await sql`create index if not exists topic_reads_topic_idx on topic_reads (topic_id)`.execute(db);
  // the per-read-row probe it replaces
  await sql`drop index if exists topics_tracking_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists topics_tracking_idx on topics (id)
    include (highest_post_number, category_id, unlisted) where deleted_at is null`.execute(db);
  await sql`drop index if exists topic_reads_topic_idx`.execute(db);
  await sql`drop index if exists topics_bumped_tracking_idx`.execute(db);
  await sql`alter table users drop column if exists first_unread_at`.execute(db);
}
