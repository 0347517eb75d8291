import { sql, type Kysely } from "kysely";

// Verifiable badges: the platform's signing keys (Ed25519, as JWKs) and the index behind a
// member's valid badges. The private half never leaves the database: /.well-known/jwks.json
// serves public_jwk only.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("signing_keys")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("thumbprint", "text", (c) => c.notNull().unique()) // RFC 7638 thumbprint: the key's id in kid URLs
    .addColumn("alg", "text", (c) => c.notNull().check(sql`alg in ('EdDSA')`))
    .addColumn("public_jwk", "jsonb", (c) => c.notNull())
    .addColumn("private_jwk", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("retired_at", "timestamptz") // retired keys stay published so old credentials still verify
    .execute();
  // one key signs at a time; two processes generating the first key at once keep only one
  await sql`create unique index signing_keys_active_idx on signing_keys (alg) where retired_at is null`.execute(db);

  // a member's valid level badges (post author pills, profile, directory)
  await sql`create index badge_awards_user_valid_idx on badge_awards (user_id, kind, level) where revoked_at
      is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists badge_awards_user_valid_idx`.execute(db);
  await db.schema.dropTable("signing_keys").ifExists().execute();
}
