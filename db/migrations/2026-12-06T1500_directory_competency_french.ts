import { sql, type Kysely } from "kysely";

// The directory's documents now carry the competency names in French beside the English ones (cards
// show the reader's language, both are searched). Documents indexed before lack them: every profile
// is queued for the outbox worker again, as 2026-12-06T1200_directory_places_languages does (cards
// show the English names until their document is rewritten).
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
