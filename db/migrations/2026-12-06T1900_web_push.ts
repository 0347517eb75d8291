import { sql, type Kysely } from "kysely";

// Web Push (app/models/account/push.server.ts): one row per device a member turned push on from, and the
// notification kinds the member wants pushed (no row: the default kinds).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("push_subscriptions")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("endpoint", "text", (c) => c.notNull().unique())
    .addColumn("p256dh", "text", (c) => c.notNull())
    .addColumn("auth", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_sent_at", "timestamptz")
    .execute();
  // a notification's push job: the member's devices
  await sql`create index push_subscriptions_user_id_idx on push_subscriptions (user_id)`.execute(db);
  await db.schema
    .createTable("push_preferences")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("kinds", sql`text[]`, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("push_preferences").execute();
  await db.schema.dropTable("push_subscriptions").execute();
}
