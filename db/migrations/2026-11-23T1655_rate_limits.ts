// Rate limits on forms that send email or create content: one row per counted attempt, keyed by
// what is limited and who (e.g. "signup:ip:203.0.113.5", "flag:user:42"). Rows older than a day are
// pruned as new ones arrive.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rate_events")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("rate_events_key_at_idx").on("rate_events").columns(["key", "at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("rate_events").ifExists().execute();
}
