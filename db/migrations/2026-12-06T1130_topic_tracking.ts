import { sql, type Kysely } from "kysely";

// The Unread count (app/models/forum/topic-tracking.server.ts, countNewAndUnreadSql): for each of a
// member's read rows (5,000 for a regular), the topic's last post number, category and state
// from the index alone, without visiting the table. New uses topics_created_idx.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists topics_tracking_idx on topics (id) include (highest_post_number,
      category_id, unlisted) where deleted_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists topics_tracking_idx`.execute(db);
}
