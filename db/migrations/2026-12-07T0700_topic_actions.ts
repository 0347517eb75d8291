import { sql, type Kysely } from "kysely";

// Discourse's small-action posts ("@alice added @bob"), kept apart from posts: a row here is no post, so
// no count, quota, search document, feed item or notification built on posts can ever take it in. It is
// shown among a conversation's posts, after the post that was the last one when it happened. Names are
// read at render time (a deleted member shows as one), never stored.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table if not exists topic_actions (
    id serial primary key,
    topic_id int not null references topics(id) on delete cascade,
    kind text not null check (kind in ('participant_added')),
    user_id int references users(id) on delete set null,
    target_user_id int references users(id) on delete set null,
    after_post_number int not null,
    created_at timestamptz not null default now())`.execute(db);
  // serves the topic page's "actions among the posts shown" (listTopicActions)
  await sql`create index if not exists topic_actions_topic_id_after_post_number_idx
    on topic_actions (topic_id, after_post_number)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists topic_actions`.execute(db);
}
