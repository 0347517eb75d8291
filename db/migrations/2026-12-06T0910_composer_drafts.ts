import { sql, type Kysely } from "kysely";

// Composer drafts and idempotent posting.
// - drafts: one per member and composer ("new-topic", or "topic:<id>" for a reply), kept server-side
//   so a draft follows the member to another device; private to its author.
// - posts.submission_key: the random key a composer form carries; a second submit of the same form
//   (double tap, resubmitted page) finds the post it already made instead of posting again.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table if not exists drafts (
      user_id integer not null references users(id) on delete cascade,
      draft_key text not null,
      body text not null default '',
      fields jsonb not null default '{}',
      updated_at timestamptz not null default now(),
      primary key (user_id, draft_key)
    )`.execute(db);
  await sql`alter table posts add column if not exists submission_key uuid`.execute(db);
  // serves the "already posted with this form?" lookup in createTopic / createReply
  await sql`create unique index if not exists posts_user_id_submission_key_idx on posts (user_id, submission_key)
            where submission_key is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists posts_user_id_submission_key_idx`.execute(db);
  await sql`alter table posts drop column if exists submission_key`.execute(db);
  await sql`drop table if exists drafts`.execute(db);
}
