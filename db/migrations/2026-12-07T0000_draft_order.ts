import { sql, type Kysely } from "kysely";

// Composer drafts arrive out of order under load (an autosave still in flight when the leaving page's beacon
// lands): each save names its page and a number counting up within it, and an older save from the same page
// never overwrites a newer one.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table drafts add column if not exists client_page text`.execute(db);
  await sql`alter table drafts add column if not exists client_seq integer`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table drafts drop column if exists client_seq`.execute(db);
  await sql`alter table drafts drop column if exists client_page`.execute(db);
}
