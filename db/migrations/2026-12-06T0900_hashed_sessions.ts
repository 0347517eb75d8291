import { sql, type Kysely } from "kysely";

// Sessions stored as the SHA-256 of the cookie's secret (app/auth.server.ts), so a copy of the table
// signs no one in. Existing rows are hashed in place: the cookies already out there keep working.
// The device list (/my/security) needs the browser, when the session started and was last used, and
// a handle to end one session by, which is not its id.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table sessions
      add column if not exists user_agent text,
      add column if not exists created_at timestamptz not null default now(),
      add column if not exists last_seen_at timestamptz not null default now(),
      add column if not exists handle uuid not null default gen_random_uuid()`.execute(db);
  // lucia's ids are 40 base32 characters, never 64 hex digits: a row already hashed is left alone
  await sql`update sessions set id = encode(sha256(convert_to(id, 'UTF8')), 'hex')
      where id !~ '^[0-9a-f]{64}$'`.execute(db);
}

// The hashes cannot be turned back into cookie values: everyone signs in again.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from sessions`.execute(db);
  await sql`
    alter table sessions
      drop column if exists handle,
      drop column if exists last_seen_at,
      drop column if exists created_at,
      drop column if exists user_agent`.execute(db);
}
