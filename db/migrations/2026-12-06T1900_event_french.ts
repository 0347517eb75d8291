import { sql, type Kysely } from "kysely";

// Events are programme data members read (issue 20 point 8): a French title and description beside
// the English ones, as 2026-12-06T1130_programme_french gave the other programme rows. Nullable: empty
// means "not translated yet", and French readers see the English.
const COLUMNS = ["title_fr", "description_markdown_fr", "description_html_fr"];

export async function up(db: Kysely<any>): Promise<void> {
  for (const c of COLUMNS) await sql`alter table events add column if not exists ${sql.ref(c)} text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const c of COLUMNS) await sql`alter table events drop column if exists ${sql.ref(c)}`.execute(db);
}
