import { sql, type Kysely } from "kysely";

// Forms posted after the member's session ended (signed out elsewhere, revoked, expired): their text is
// kept for a day, named by a cookie whose random token is stored only as its SHA-256, and given back
// after sign-in (app/models/account/held-form.server.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table if not exists held_forms (
      id serial primary key,
      token_hash text not null,
      user_id integer references users(id) on delete cascade,
      path text not null,
      fields jsonb not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  // serves the cookie's lookup (heldFormOf, deleteHeldForm)
  await sql`create unique index if not exists held_forms_token_hash_idx on held_forms (token_hash)`.execute(db);
  // serves the deletion of holds older than a day at each new hold
  await sql`create index if not exists held_forms_created_at_idx on held_forms (created_at)`.execute(db);
  // serves account deletion (deleteOwnRows by user_id)
  await sql`create index if not exists held_forms_user_id_idx on held_forms (user_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists held_forms`.execute(db);
}
