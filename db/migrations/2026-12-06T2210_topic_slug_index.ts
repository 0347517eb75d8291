import { sql, type Kysely } from "kysely";

// /t/:slug without an id (topic-navigation.server.ts findTopicBySlug): the newest topics of one slug.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists topics_slug_idx on topics (slug, created_at desc, id desc)
      where deleted_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists topics_slug_idx`.execute(db);
}
