import { sql, type Kysely } from "kysely";

// Issue 24 point 7: personal messages are topics of the private archetype (Discourse's
// 'private_message'), kept in one "participants" category so every list, search, feed and count already
// leaves them out; topic_allowed_users is their participant list. Members may ignore a member.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table topics add column if not exists archetype text not null default 'regular'
    check (archetype in ('regular', 'private_message'))`.execute(db);
  await sql`insert into categories (slug, name, name_fr, description, see_rule, post_rule, reply_rule, position)
    values ('messages', 'Personal messages', 'Messages personnels',
      'Conversations between members: only their participants read them.', 'participants', 'participants',
      'participants', 1000)
    on conflict (slug) do nothing`.execute(db);
  await sql`create table if not exists user_ignores (
    user_id int not null references users(id) on delete cascade,
    ignored_user_id int not null references users(id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (user_id, ignored_user_id),
    check (user_id <> ignored_user_id))`.execute(db);
  // serves "does any recipient ignore the sender" when a conversation starts
  await sql`create index if not exists user_ignores_ignored_user_id_idx on user_ignores (ignored_user_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists user_ignores`.execute(db);
  await sql`delete from topics where archetype = 'private_message'`.execute(db);
  await sql`delete from categories where slug = 'messages'
    and not exists (select 1 from topics where topics.category_id = categories.id)`.execute(db);
  await sql`alter table topics drop column if exists archetype`.execute(db);
}
