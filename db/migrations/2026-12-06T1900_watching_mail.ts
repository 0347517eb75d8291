import { sql, type Kysely } from "kysely";

// Issue 23 points 3-4: watching levels per topic and per category (Discourse's four), and each member's
// digest rhythm with the period it was last sent for (a digest goes out once per member per period).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table if not exists topic_watches (
    user_id int not null references users(id) on delete cascade,
    topic_id int not null references topics(id) on delete cascade,
    level text not null check (level in ('watching', 'tracking', 'normal', 'muted')),
    primary key (user_id, topic_id))`.execute(db);
  // serves the fan-out of a new post to the topic's watchers (app/jobs/forum-notifications.server.ts)
  await sql`create index if not exists topic_watches_topic_id_idx on topic_watches (topic_id)
    where level = 'watching'`.execute(db);
  await sql`create table if not exists category_watches (
    user_id int not null references users(id) on delete cascade,
    category_id int not null references categories(id) on delete cascade,
    level text not null check (level in ('watching', 'tracking', 'normal', 'muted')),
    primary key (user_id, category_id))`.execute(db);
  // serves the fan-out to a category's watchers
  await sql`create index if not exists category_watches_category_id_idx on category_watches (category_id)
    where level = 'watching'`.execute(db);
  await sql`alter table users add column if not exists digest text not null default 'daily'
    check (digest in ('daily', 'weekly', 'never'))`.execute(db);
  await sql`alter table users add column if not exists digest_period text`.execute(db);
  await sql`alter table users add column if not exists digest_sent_at timestamptz`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop column if exists digest_sent_at`.execute(db);
  await sql`alter table users drop column if exists digest_period`.execute(db);
  await sql`alter table users drop column if exists digest`.execute(db);
  await sql`drop table if exists category_watches`.execute(db);
  await sql`drop table if exists topic_watches`.execute(db);
}
