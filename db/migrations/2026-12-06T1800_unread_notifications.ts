import { sql, type Kysely } from "kysely";

// The header's count is read with the session on every member page (app/viewer.server.ts): it walks only
// the member's unread notifications, not all they ever received.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists notifications_unread_idx on notifications (user_id)
    where read_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists notifications_unread_idx`.execute(db);
}
