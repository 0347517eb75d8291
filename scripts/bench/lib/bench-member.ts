// The signed-in side of bench:forum: one generated member, as a forum regular looks after a while:
// read state on 5,000 topics (about one in ten with replies since), ~50 posts of their own, likes
// and bookmarks on the benchmarked pages. Created once per generated data set (bench_meta 'member'),
// in one transaction; the counters it touches (likes) stay equal to a recount.
import { hash } from "@node-rs/argon2";
import type pg from "pg";

export const BENCH_MEMBER = { username: "bench_member", password: "bench-member-password-2026" };
const READ_TOPICS = 5000;

export async function ensureBenchMember(c: pg.Client, benchTopicIds: number[], log: (m: string) => void) {
  const done = await c.query(`select 1 from bench_meta where key = 'member'`);
  if (done.rows.length) return;
  const passwordHash = await hash(BENCH_MEMBER.password);
  await c.query("begin");
  try {
    const u = await c.query<{ id: number }>(
      `insert into users (email, username, display_name, password_hash, level, created_at, last_seen_at, last_visit_at)
       values ('bench-member@bench.test', $1, 'Bench Member', $2, 2, now() - interval '2 years',
         now() - interval '2 hours', now() - interval '1 day')
       returning id`,
      [BENCH_MEMBER.username, passwordHash],
    );
    const uid = u.rows[0].id;
    await c.query(`insert into user_roles (user_id, role) values ($1, 'member')`, [uid]);
    // the benchmarked topics first, then the most recently active ones the member may see; every
    // tenth read up to a little before the end (unread), the rest to the end
    await c.query(
      `insert into topic_reads (user_id, topic_id, last_read_post_number, first_visited_at, last_visited_at)
       select $1, t.id,
              case when t.id % 10 = 0 then greatest(1, t.highest_post_number - 1 - t.id % 3) else t.highest_post_number
                end,
              t.created_at, t.bumped_at
       from topics t join categories cat on cat.id = t.category_id
       where cat.see_rule in ('everyone', 'members') and t.deleted_at is null and not t.unlisted
       order by t.id = any($2::int[]) desc, t.bumped_at desc
       limit ${READ_TOPICS}`,
      [uid, benchTopicIds],
    );
    // rows written here, not through the app's read path: the Unread count's lower bound follows them
    await c.query(
      `update users u set first_unread_at = least(now(), (select min(t.bumped_at)
         from topic_reads r join topics t on t.id = r.topic_id
         where r.user_id = u.id and t.highest_post_number > r.last_read_post_number)) where u.id = $1`,
      [uid],
    );
    // ~50 posts of theirs on the benchmarked pages (never a topic's first post)
    await c.query(
      `update posts p set user_id = $1 from unnest($2::int[]) with ordinality b(topic_id, i)
       where p.topic_id = b.topic_id and b.i <= 50 and p.post_number = 2 + b.i % 19`,
      [uid, benchTopicIds],
    );
    // likes (counters follow) and bookmarks on other people's posts of the same pages
    const liked = await c.query<{ id: number; topic_id: number }>(
      `insert into post_likes (post_id, user_id)
       select p.id, $1 from posts p join unnest($2::int[]) with ordinality b(topic_id, i) on p.topic_id = b.topic_id
       where b.i <= 50 and p.post_number = 3 + b.i % 17 and p.user_id <> $1
       returning post_id as id, (select topic_id from posts where id = post_id)`,
      [uid, benchTopicIds],
    );
    await c.query(`update posts set like_count = like_count + 1 where id = any($1::int[])`, [
      liked.rows.map((r) => r.id),
    ]);
    await c.query(
      `update topics t set like_count = like_count + s.n from (select topic_id, count(*)::int as n
          from unnest($1::int[]) topic_id group by 1) s where t.id = s.topic_id`,
      [liked.rows.map((r) => r.topic_id)],
    );
    await c.query(
      `insert into bookmarks (user_id, post_id)
       select $1, p.id from posts p join unnest($2::int[]) with ordinality b(topic_id, i) on p.topic_id = b.topic_id
       where b.i <= 20 and p.post_number = 5 + b.i % 13`,
      [uid, benchTopicIds],
    );
    await c.query(`insert into bench_meta (key, value) values ('member', $1)`, [
      JSON.stringify({ userId: uid, readTopics: READ_TOPICS, likes: liked.rowCount }),
    ]);
    await c.query("commit");
    await c.query(`vacuum (analyze) topic_reads, post_likes, bookmarks`);
    log(
      `bench member ${BENCH_MEMBER.username} (id ${uid}): read state on ${READ_TOPICS} topics, ${liked.rowCount} ` +
        `likes, ~50 posts, 20 bookmarks`,
    );
  } catch (e) {
    await c.query("rollback");
    throw e;
  }
}
