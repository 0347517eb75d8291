import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // search fallback (Meilisearch down): topic titles matched by full-text search, as posts.search_vector is
  await sql`create index topics_title_search_idx on topics using gin (to_tsvector('simple', title))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists topics_title_search_idx`.execute(db);
}
