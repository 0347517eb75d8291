import { sql, type Kysely } from "kysely";

// The avatars of a topic row, kept on the topic: the distinct authors of its last 12 visible posts,
// in the order they first posted there, at most 5. Computing them per row made a list of 30 topics
// read 360 posts (two thirds of /latest's database time at 200,000 topics). Written with the other
// counters (app/models/forum/post.server.ts: topicPostersSql).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table topics add column if not exists poster_ids integer[] not null default '{}'`.execute(db);
  await sql`
    update topics t set poster_ids = coalesce((
      select array_agg(x.user_id order by x.first)
      from (select p.user_id, min(p.post_number) as first
              from (select user_id, post_number from posts where topic_id = t.id and deleted_at is null
                    order by post_number desc limit 12) p
             where p.user_id is not null group by p.user_id order by min(p.post_number) limit 5) x), '{}')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table topics drop column if exists poster_ids`.execute(db);
}
