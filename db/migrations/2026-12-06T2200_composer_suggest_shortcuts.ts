// Issue 24 points 2 and 6: the composer's @mention suggestions look members up by name prefix, and a
// member may turn the keyboard shortcuts off.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // /composer/suggest: `lower(username) like 'ab%'` and `lower(display_name) like 'ab%'`
  // (text_pattern_ops: a prefix LIKE uses the index whatever the database's collation)
  await sql`create index users_username_prefix_idx on users (lower(username) text_pattern_ops)
    where deleted_at is null`.execute(db);
  await sql`create index users_display_name_prefix_idx on users (lower(display_name) text_pattern_ops)
    where deleted_at is null`.execute(db);
  await db.schema
    .alterTable("users")
    .addColumn("keyboard_shortcuts", "boolean", (c) => c.notNull().defaultTo(true))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("keyboard_shortcuts").execute();
  await sql`drop index if exists users_display_name_prefix_idx`.execute(db);
  await sql`drop index if exists users_username_prefix_idx`.execute(db);
}
