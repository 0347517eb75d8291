import { sql, type Kysely } from "kysely";

// The directory's documents now carry one competency attribute per minimum proficiency
// (competency_emerging, _proficient, _advanced) instead of "slug:proficiency" values. Documents
// indexed before lack them, so every profile is queued for the outbox worker to index again, a
// hundred per job (the worker drops hidden and deleted profiles from the index as it goes).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into outbox (kind, payload)
    select 'profile.reindex', jsonb_build_object('userIds', jsonb_agg(user_id order by user_id))
    from (select user_id, (row_number() over (order by user_id) - 1) / 100 as batch from profiles) p
    group by batch`.execute(db);
}

export async function down(): Promise<void> {
  // nothing to undo: the queued jobs only rewrite index documents from Postgres
}
