// Staff views (issue 22 point 9): indexes for the audit log's filters and the members-behind list,
// and the levels an award category is open to.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // /admin/audit filtered by staff (actor), newest first, keyset on id
  await sql`create index audit_log_actor_id_idx on audit_log (actor_id, id)`.execute(db);
  // /admin/audit filtered by kind (the action's first word), and the list of kinds (a loose index scan)
  await sql`create index audit_log_kind_id_idx on audit_log ((split_part(action, '.', 1)), id)`.execute(db);
  // /admin/behind filtered by level, walked in name order (keyset on lower(username))
  await sql`create index users_level_name_idx on users (level, lower(username))
    where level is not null and deleted_at is null`.execute(db);
  await db.schema
    .alterTable("award_categories")
    .addColumn("min_level", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("max_level", "integer", (c) => c.notNull().defaultTo(4))
    .execute();
  await sql`alter table award_categories
    add constraint award_categories_levels_check check (min_level <= max_level)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("award_categories").dropConstraint("award_categories_levels_check").execute();
  await db.schema.alterTable("award_categories").dropColumn("min_level").dropColumn("max_level").execute();
  await sql`drop index if exists users_level_name_idx`.execute(db);
  await sql`drop index if exists audit_log_kind_id_idx`.execute(db);
  await sql`drop index if exists audit_log_actor_id_idx`.execute(db);
}
