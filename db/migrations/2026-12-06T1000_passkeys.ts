// Passkeys (WebAuthn) as a second factor beside TOTP, and the server-side challenges they answer:
// a challenge is bound to a member and a purpose, expires, and is deleted when used.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("passkeys")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // base64url, as the browser reports it
    .addColumn("credential_id", "text", (c) => c.notNull().unique())
    .addColumn("public_key", "bytea", (c) => c.notNull())
    .addColumn("counter", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("transports", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_used_at", "timestamptz")
    .execute();
  await db.schema.createIndex("passkeys_user_id_idx").on("passkeys").column("user_id").execute();

  await db.schema
    .createTable("passkey_challenges")
    .addColumn("challenge", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose in ('register', 'sign_in')`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("passkey_challenges_expires_at_idx")
    .on("passkey_challenges")
    .column("expires_at")
    .execute();
  await db.schema.createIndex("passkey_challenges_user_id_idx").on("passkey_challenges").column("user_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("passkey_challenges").ifExists().execute();
  await db.schema.dropTable("passkeys").ifExists().execute();
}
