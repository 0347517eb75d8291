import { sql, type Kysely } from "kysely";

// The pinned topics heading /latest (global pins) and /c/:slug (category pins): without this index
// that query read the whole topics table (350 ms at 200,000 topics); pinned topics are few.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists topics_pinned_idx on topics (pinned_at desc) where pinned_at is
      not null and deleted_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists topics_pinned_idx`.execute(db);
}
