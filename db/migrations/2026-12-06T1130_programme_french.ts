import { sql, type Kysely } from "kysely";

// The programme's own words in French beside the English (issue 20 point 8). Each French column is
// nullable: empty means "not translated yet", and pages fall back to the English one.
const COLUMNS: [table: string, columns: string[]][] = [
  [
    "levels",
    [
      "name_fr",
      "short_name_fr",
      "badge_inscription_fr",
      "description_fr",
      "criteria_narrative_fr",
      "entry_conditions_fr",
    ],
  ],
  ["level_requirements", ["label_fr"]],
  ["webinars", ["title_fr"]],
  ["assessments", ["title_fr"]],
  ["training_modules", ["programme_title_fr", "title_fr"]],
  ["competencies", ["name_fr", "description_fr"]],
  ["categories", ["name_fr", "description_fr"]],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, columns] of COLUMNS) {
    for (const c of columns)
      await sql`alter table ${sql.table(table)} add column if not exists ${sql.ref(c)} text`.execute(db);
  }
  await sql`alter table levels add column if not exists untracked_duties_fr text[]`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table levels drop column if exists untracked_duties_fr`.execute(db);
  for (const [table, columns] of COLUMNS) {
    for (const c of columns) await sql`alter table ${sql.table(table)} drop column if exists ${sql.ref(c)}`.execute(db);
  }
}
