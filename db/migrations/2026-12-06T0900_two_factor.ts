// Two-factor sign-in (TOTP, RFC 6238) with single-use recovery codes, and the pending second step
// of a sign-in. Secrets are never sent back to a page once enrolment is confirmed; codes and the
// pending sign-in token are stored as SHA-256 only.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("user_two_factor")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    // the active secret (base32); null while the first enrolment awaits its first code
    .addColumn("secret", "text")
    .addColumn("enabled_at", "timestamptz")
    // the newest time step a code was accepted for: a code is refused unless its step is newer (replay)
    .addColumn("last_step", "bigint")
    // a secret being enrolled (first time, or moving to a new authenticator), until a code confirms it
    .addColumn("pending_secret", "text")
    .addColumn("pending_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("two_factor_recovery_codes")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // a recovery code is looked up by its owner and hash when it is used
  await db.schema
    .createIndex("two_factor_recovery_codes_user_id_code_hash_idx")
    .on("two_factor_recovery_codes")
    .columns(["user_id", "code_hash"])
    .unique()
    .execute();

  await db.schema
    .createTable("two_factor_challenges")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("redirect_to", "text", (c) => c.notNull().defaultTo("/"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
  // expired challenges are pruned by expiry; a member's are removed when 2FA is disabled or the account deleted
  await db.schema
    .createIndex("two_factor_challenges_expires_at_idx")
    .on("two_factor_challenges")
    .column("expires_at")
    .execute();
  await db.schema
    .createIndex("two_factor_challenges_user_id_idx")
    .on("two_factor_challenges")
    .column("user_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("two_factor_challenges").ifExists().execute();
  await db.schema.dropTable("two_factor_recovery_codes").ifExists().execute();
  await db.schema.dropTable("user_two_factor").ifExists().execute();
}
