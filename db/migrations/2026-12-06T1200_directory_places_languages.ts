import { sql, type Kysely } from "kysely";

// The directory's documents now carry searchable place names (city, the country in English and
// French) and language names, and the index has new settings (searchable attributes, stop words,
// synonyms). Documents indexed before lack those fields, so every profile is queued for the
// outbox worker to index again, a hundred per job, due "at the epoch" so that they run ahead of
// forum jobs (and the directory answers from PostgreSQL until they are done).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into outbox (kind, payload, run_at)
    select 'profile.reindex', jsonb_build_object('userIds', jsonb_agg(user_id order by user_id)), 'epoch'::timestamptz
    from (select user_id, (row_number() over (order by user_id) - 1) / 100 as batch from profiles) p
    group by batch`.execute(db);
}

export async function down(): Promise<void> {
  // nothing to undo: the queued jobs only rewrite index documents from Postgres
}
