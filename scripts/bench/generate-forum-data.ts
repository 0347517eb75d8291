// npm run bench:generate [-- --scale 0.01] [--fresh]: a large forum for the speed benchmark
// (scripts/bench/bench-forum.ts): 200 categories, 50,000 members, 200,000 topics, about 2,000,000 posts
// at scale 1, in a separate database `tp_bench`. Everything is set-based SQL (INSERT ... SELECT
// generate_series), with secondary indexes dropped during the load and rebuilt after.
//
// DATABASE_URL unset: an embedded PostgreSQL of its own in .data/bench (DATA_DIR), so a running
// `npm run dev` is never touched and the dev database stays small. DATABASE_URL set: `tp_bench`
// is created next to that database on the same server.
// Idempotent: a finished run at the same scale is kept; --fresh starts over.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { migrateToLatest } from "../../db/migrate";
import { ensureDatabase, ensureServices, stopAll } from "../server/ensure-services";
import { projectRoot } from "../server/paths";
import type { Stoppable } from "../server/services";

export const BENCH_DB = "tp_bench";

const log = (m: string) => console.log(`[bench:generate] ${m}`);

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i !== -1) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

/** Starts (or reuses) the bench PostgreSQL and returns the tp_bench URL. */
export async function benchDatabase(
  logFn: (m: string) => void,
): Promise<{ url: string; services: Stoppable[]; embedded: boolean }> {
  const embedded = !process.env.DATABASE_URL;
  if (embedded) process.env.DATA_DIR ||= path.join(projectRoot, ".data", "bench");
  const services = await ensureServices(logFn);
  const base = process.env.DATABASE_URL!;
  await ensureDatabase(base, BENCH_DB);
  return { url: base.replace(/\/[^/?]+(\?|$)/, `/${BENCH_DB}$1`), services, embedded };
}

const FIRST = [
  "Amina",
  "Kwame",
  "Ngozi",
  "Thabo",
  "Fatou",
  "Chidi",
  "Zanele",
  "Kofi",
  "Aisha",
  "Tendai",
  "Yaw",
  "Nomsa",
  "Ifeoma",
  "Sipho",
  "Halima",
  "Baraka",
  "Esi",
  "Musa",
  "Wanjiru",
  "Oluwaseun",
  "Lindiwe",
  "Abebe",
  "Mariam",
  "Jabari",
];
const LAST = [
  "Okafor",
  "Mensah",
  "Dlamini",
  "Diallo",
  "Mwangi",
  "Adeyemi",
  "Nkosi",
  "Boateng",
  "Abdi",
  "Moyo",
  "Kamara",
  "Otieno",
  "Banda",
  "Haile",
  "Sow",
  "Achieng",
  "Eze",
  "Phiri",
  "Traoré",
  "Ndlovu",
];
const OPENERS = [
  "How do you handle",
  "Tips for",
  "Lessons learned from",
  "Question about",
  "Our team's approach to",
  "Struggling with",
  "A checklist for",
  "What worked for us:",
  "Measuring",
  "Coaching new agents on",
  "Best scripts for",
  "Escalation paths for",
  "Reducing repeat contacts in",
  "Weekly reflection on",
  "Case study:",
];
const SUBJECTS = [
  "angry callers on a Monday",
  "refund requests after the deadline",
  "first contact resolution",
  "WhatsApp support queues",
  "net promoter score surveys",
  "handovers between shifts",
  "airtime and data complaints",
  "bank card disputes",
  "delivery delays in the rainy season",
  "quality assurance scorecards",
  "empathy statements that sound real",
  "long hold times",
  "callbacks that never happen",
  "complaints on social media",
  "multilingual customers",
  "vulnerable customers",
  "service level agreements with suppliers",
  "the module 3 assignment",
  "mentoring a junior practitioner",
  "building a knowledge base",
  "customer journey maps",
  "after-call work",
  "silent calls",
  "chat etiquette",
  "upselling without pushing",
];
const ENDINGS = [
  "",
  " in a small team",
  " at a telecom call centre",
  " for the level 2 portfolio",
  " in retail banking",
  " without a CRM",
  " on a tight budget",
  " across three countries",
  " during peak season",
  " as a new supervisor",
];
const SENTENCES = [
  "In our contact centre we started by listening to twenty recorded calls as a team and writing down every " +
    "moment the customer had to repeat themselves.",
  "The biggest change came when we let agents close small refunds without waiting for a supervisor, which cut " +
    "the average handling time by almost a third.",
  "I would be careful with scripts that sound polished on paper but fall flat when a customer is already upset " +
    "about a second failed delivery.",
  "Our quality scorecard now has a single question about whether the customer would need to call back, and it " +
    "predicts complaints better than the old twelve items.",
  "When a caller is angry, I let them finish, summarise what I heard in one sentence, and only then explain what " +
    "I can do today.",
  "We track first contact resolution weekly per queue, and we review the five worst cases together every Friday " +
    "instead of blaming individuals.",
  "Several members of my cohort found the journey mapping exercise in module two the most useful part of the " +
    "curriculum so far.",
  "Handovers between the morning and evening shifts used to lose context, so we added a short shared note that " +
    "the next agent must read before calling back.",
  "For customers writing on WhatsApp, quick replies help, but we still personalise the first line so nobody " +
    "feels they are talking to a machine.",
  "Our supervisor asked us to measure effort, not only satisfaction, and the customer effort score showed " +
    "problems the surveys had hidden for months.",
  "Mentoring a junior practitioner taught me to explain why a policy exists, not just what it says, because the " +
    "why is what they remember under pressure.",
  "We reduced repeat contacts by sending a plain-language text message after each call that confirms what was " +
    "agreed and when it will happen.",
  "The knowledge base only became useful once agents could suggest edits directly and saw their suggestions " +
    "published within a day.",
  "In retail banking the hardest conversations are about card disputes, because the customer feels the money is " +
    "already lost.",
  "I keep a list of phrases that calm people down in three languages, and new colleagues ask to copy it in their " +
    "first week.",
  "Service level agreements with suppliers matter as much as our own targets, since most delivery complaints " +
    "start outside our walls.",
  "A silent call is often a customer who could not get through the menu, so we shortened the menu to four " +
    "options and the silent calls dropped.",
  "Our team lead shares one positive customer comment at every morning briefing, and it has changed the mood on " +
    "the floor more than any bonus.",
  "I found that writing the case study for the level two portfolio forced me to look at our numbers honestly for " +
    "the first time.",
  "We learned to ask at the end of each chat whether anything else is unclear, which sounds simple but catches " +
    "many problems before they become complaints.",
  "Long hold times hurt less when we tell customers their position in the queue and offer a callback that " +
    "actually happens at the promised time.",
  "The reading list for this level has been practical, and the chapter on recovery after a service failure is " +
    "worth discussing in our next session.",
  "Empathy statements only work when the next sentence contains an action, otherwise customers hear them as a " +
    "polite way of saying no.",
  "Thank you for sharing this, it matches what we saw in our pilot and gives me arguments for the meeting with " +
    "operations next week.",
  "Could you say more about how you trained the team, and how long it took before the numbers started to move?",
  "We tried the same thing last year and it failed at first because nobody owned the follow-up, so assign a name " +
    "to every promise made to a customer.",
  "Our multilingual customers appreciate being answered in their own language even when the agent switches back " +
    "to English for the technical part.",
  "After-call work used to eat ten minutes per call until we replaced free text notes with a short structured " +
    "form and a few dropdowns.",
  "Upselling without pushing starts with solving the problem the customer came with, and only then mentioning " +
    "the option that fits what they told you.",
  "I would add that vulnerable customers need a clear path to a human, with no time limit and no pressure to " +
    "finish the call quickly.",
];

const sqlArray = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]::text[]`;

type Counts = { categories: number; members: number; topics: number };

async function main() {
  const scale = Number(argValue("--scale") ?? process.env.BENCH_SCALE ?? 1);
  if (!(scale > 0 && scale <= 1)) throw new Error("--scale must be a number in (0, 1], e.g. --scale 0.01");
  const fresh = process.argv.includes("--fresh");
  const target: Counts = { categories: 200, members: Math.round(50_000 * scale), topics: Math.round(200_000 * scale) };

  const { url, services, embedded } = await benchDatabase(log);
  try {
    if (fresh || !(await isGenerated(url, scale))) {
      if (await hasData(url)) {
        log(`${BENCH_DB} holds an unfinished or different-scale run: dropping it`);
        await recreate(url);
      }
      await migrateToLatest(url);
      process.env.DATABASE_URL = url;
      process.env.LOG_LEVEL = "warn";
      // programme levels, categories and tags, exactly as `npm start` seeds them
      const seed = await import("../seed/index");
      await seed.seedAll({ demo: false, log: () => {} });
      const { db } = await import("../../app/db.server");
      await db.destroy();
      const t0 = performance.now();
      await generate(url, target, scale, embedded);
      log(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    } else {
      log(`${BENCH_DB} already holds the generated data at scale ${scale}: nothing to do (--fresh to start over)`);
    }
    await report(url);
  } finally {
    await stopAll(services);
  }
}

async function connect(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

async function isGenerated(url: string, scale: number) {
  const c = await connect(url);
  try {
    const r = await c
      .query(`select value from bench_meta where key = 'generated'`)
      .catch(() => ({ rows: [] as { value: { scale: number } }[] }));
    return r.rows[0]?.value?.scale === scale;
  } finally {
    await c.end();
  }
}

async function hasData(url: string) {
  const c = await connect(url);
  try {
    return (await c.query(`select 1 from information_schema.tables where table_name = 'topics'`)).rowCount! > 0;
  } finally {
    await c.end();
  }
}

async function recreate(url: string) {
  const admin = await connect(url.replace(/\/[^/?]+(\?|$)/, "/postgres$1"));
  try {
    await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
    await admin.query(`create database ${BENCH_DB}`);
  } finally {
    await admin.end();
  }
}

async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  log(`${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return r;
}

async function generate(url: string, target: Counts, scale: number, embedded: boolean) {
  const c = await connect(url);
  const session = async (client: pg.Client) => {
    await client.query(`set synchronous_commit = off`);
    await client.query(`set maintenance_work_mem = '512MB'`);
    await client.query(`set max_parallel_maintenance_workers = 1`);
    // rows are consistent by construction: skip per-row foreign-key triggers during the load (superuser only)
    await client
      .query(`set session_replication_role = replica`)
      .catch(() => log("not a superuser: foreign keys are checked row by row (slower)"));
  };
  await session(c);
  if (embedded) {
    // our own bench cluster: fewer checkpoints during a multi-GB load
    await c.query(`alter system set max_wal_size = '8GB'`);
    await c.query(`alter system set checkpoint_timeout = '30min'`);
    await c.query(`select pg_reload_conf()`);
  }

  // Secondary indexes and unique constraints of the big tables go during the load (rebuilding is far
  // cheaper than maintaining them row by row); their exact definitions come back afterwards.
  const big = ["posts", "topics"];
  const { rows: constraints } = await c.query<{ tbl: string; name: string; def: string }>(
    `select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def from pg_constraint
        where conrelid = any($1::regclass[]) and contype = 'u'`,
    [big],
  );
  const { rows: indexes } = await c.query<{ name: string; def: string }>(
    `select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as def from pg_index
      where indrelid = any($1::regclass[]) and not indisprimary and indexrelid not in (select conindid
        from pg_constraint where contype in ('p', 'u', 'x'))`,
    [big],
  );
  for (const k of constraints) await c.query(`alter table ${k.tbl} drop constraint ${k.name}`);
  for (const i of indexes) await c.query(`drop index ${i.name}`);

  await c.query(`create table if not exists bench_meta (key text primary key, value jsonb not null)`);

  await step(`${target.members} members`, async () => {
    await c.query(
      `insert into users (email, username, display_name, password_hash, level, created_at, last_seen_at)
       select 'member' || i || '@bench.test', 'member_' || i,
              (${sqlArray(FIRST)})[1 + i % ${FIRST.length}] || ' ' || (${sqlArray(LAST)})[1 + (i / ${FIRST.length}) %
                ${LAST.length}],
              null, case when i % 5 = 0 then null else 1 + i % 4 end,
              now() - make_interval(days => 30 + (hashint4(i) & 1023)),
                now() - make_interval(days => hashint4(i + 7) & 63)
       from generate_series(1, $1::int) i`,
      [target.members],
    );
    await c.query(`insert into user_roles (user_id, role) select id, 'member' from users where email like '%@bench.test'
          on conflict do nothing`);
  });

  const have = (await c.query<{ n: number }>(`select count(*)::int as n from categories`)).rows[0].n;
  await step(`${target.categories} categories`, async () => {
    // most are public; some for members, a level, a learning group or staff, as a real forum has
    await c.query(
      `insert into categories (slug, name, description, colour, position, see_rule, post_rule, reply_rule)
       select 'bench-' || i, 'Bench category ' || i, 'Generated category number ' || i || ' for the speed benchmark.',
              '#' || lpad(to_hex((hashint4(i) & 16777215) | 2105376), 6, '0'), 100 + i,
              case when i % 20 = 3 then 'members' when i % 20 = 7 then 'level:2' when i % 40 = 13 then 'staff'
                when i % 40 = 17 then 'group:1' else 'everyone' end,
              'members', 'members'
       from generate_series(1, $1::int) i`,
      [Math.max(0, target.categories - have)],
    );
  });

  const tags = (await c.query<{ slug: string }>(`select slug from competencies order by position`)).rows.map(
    (r) => r.slug,
  );
  const { rows: range } = await c.query<{ u0: number; u1: number }>(
    `select min(id) as u0, max(id) as u1 from users where email like '%@bench.test'`,
  );
  const { u0, u1 } = range[0];
  const nu = u1 - u0 + 1;
  const spanDays = 3 * 365;

  await step(`${target.topics} topics`, async () => {
    // Posts per topic: 1-18 for most, 20-60 for every 50th (long threads); about 10 on average.
    // Topic ids follow time: newer ids are newer topics; bumped_at is the last post's time.
    await c.query(
      `insert into topics (category_id, user_id, title, slug, tags, created_at, bumped_at, last_posted_at,
          last_poster_id, highest_post_number, reply_count)
       select cat.id, ${u0} + (h & 1073741823) % ${nu}, title, trim(both '-' from regexp_replace(lower(title),
         '[^a-z0-9]+', '-', 'g')),
              case when array_length($2::text[], 1) is null or h % 3 = 0 then '{}'::text[]
                else array[($2::text[])[1 + (h >> 4 & 1023) % array_length($2::text[], 1)]] end,
              created, greatest(created, least(now() - make_interval(secs => h & 4095),
                created + make_interval(secs => (h >> 8 & 1048575) * ${(30 * 86400) / 1048575} * n / 20.0))),
              greatest(created, least(now() - make_interval(secs => h & 4095),
                created + make_interval(secs => (h >> 8 & 1048575) * ${(30 * 86400) / 1048575} * n / 20.0))),
              ${u0} + (hashint4(i + 1) & 1073741823) % ${nu}, n, n - 1
       from (
         select i, h,
                case when i % 50 = 0 then 20 + (h >> 12 & 1023) % 41 else 1 + (h >> 12 & 1023) % 18 end as n,
                now() - make_interval(secs => ${spanDays * 86400}.0 * ($1::int - i) / $1::int + (h & 4095)) as created,
                (${sqlArray(OPENERS)})[1 + i % ${OPENERS.length}] || ' ' || (${sqlArray(SUBJECTS)})[1 + (i /
                  ${OPENERS.length}) % ${SUBJECTS.length}]
                  || (${sqlArray(ENDINGS)})[1 + (i / ${OPENERS.length * SUBJECTS.length}) % ${ENDINGS.length}]
                    as title,
                1 + (hashint4(i * 3) & 1073741823) % (select count(*) from categories) as catpos
         from (select i, hashint4(i) & 2147483647 as h from generate_series(1, $1::int) i) g
       ) x
       join (select id, row_number() over (order by id) as pos from categories) cat on cat.pos = x.catpos
       order by i`,
      [target.topics, tags],
    );
  });

  await step("post bodies", async () => {
    // 2,000 bodies of 300-800 characters in one or two paragraphs, some with a mention; body_html
    // is a cheap template of what the markdown pipeline makes of them.
    await c.query(`drop table if exists bench_bodies`);
    await c.query(
      `create table bench_bodies as
       with s as (
         select b, k, (${sqlArray(SENTENCES)})[1 + (hashint4(b * 16 + k) & 1023) % ${SENTENCES.length}] as sentence
         from generate_series(0, 1999) b, generate_series(1, 6) k
       ), picked as (
         select b, k, sentence, sum(length(sentence) + 1) over (partition by b order by k) as upto,
                300 + (hashint4(b) & 1023) % 501 as want
         from s
       ), kept as (
         select b, k, sentence from picked where upto - length(sentence) - 1 < want
       )
       select b as id,
              string_agg(sentence, case when k = 3 then E'\\n\\n' else ' ' end order by k)
                || case when b % 7 = 0 then E'\\n\\nWhat do you think, @member_' || (1 + b % 50) || '?' else '' end
                  as md,
              '<p>' || string_agg(sentence, case when k = 3 then E'</p>\\n<p>' else ' ' end order by k) || '</p>'
                || case when b % 7 = 0
                  then E'\\n<p>What do you think, <a class="mention" href="/u/member_' || (1 + b % 50) || '">@member_'
                  || (1 + b % 50) || '</a>?</p>' else '' end as html
       from kept group by b`,
    );
  });

  const { rows: tr } = await c.query<{ t0: number; t1: number }>(`select min(id) as t0, max(id) as t1 from topics`);
  await step("posts", async () => {
    // two connections in parallel (2 cores), each a series of topic-id ranges
    const chunks: [number, number][] = [];
    const size = Math.max(1000, Math.ceil((tr[0].t1 - tr[0].t0 + 1) / 16));
    for (let a = tr[0].t0; a <= tr[0].t1; a += size) chunks.push([a, Math.min(tr[0].t1, a + size - 1)]);
    const insertChunk = (client: pg.Client, [a, b]: [number, number]) =>
      client.query(
        `insert into posts (topic_id, user_id, post_number, reply_to_post_number, body_markdown, body_html, like_count,
            created_at)
         select t.id, case when n = 1 then t.user_id else ${u0} + (hashint4(t.id * 64 + n) & 1073741823) % ${nu} end,
           n,
                case when n > 2 and n % 4 = 0 then n - 1 end, bb.md, bb.html,
                case when (hashint4(t.id * 64 + n + 1) & 15) < 9 then 0 else (hashint4(t.id * 64 + n + 2) & 15) end,
                t.created_at + (t.bumped_at - t.created_at) * ((n - 1)::float8 / greatest(t.highest_post_number - 1,
                  1))
         from topics t cross join lateral generate_series(1, t.highest_post_number) n
         join bench_bodies bb on bb.id = (hashint4(t.id * 64 + n + 3) & 1073741823) % 2000
         where t.id between $1 and $2`,
        [a, b],
      );
    const workers = await Promise.all(
      [0, 1].map(async () => {
        const w = await connect(url);
        await session(w);
        return w;
      }),
    );
    let next = 0;
    await Promise.all(
      workers.map(async (w) => {
        while (next < chunks.length) await insertChunk(w, chunks[next++]);
      }),
    );
    await Promise.all(workers.map((w) => w.end()));
  });

  await step("counters (topic likes, category counts, last posters)", async () => {
    await c.query(`update topics t set like_count = s.likes, last_poster_id = s.last_poster
      from (select p.topic_id, sum(p.like_count)::int as likes, max(p.user_id)
        filter (where p.post_number = tt.highest_post_number) as last_poster
              from posts p join topics tt on tt.id = p.topic_id group by p.topic_id) s
      where s.topic_id = t.id`);
    await c.query(`update categories c set topic_count = s.topics, post_count = s.posts
      from (select category_id, count(*)::int as topics, sum(highest_post_number)::int as posts from topics
        group by category_id) s
      where s.category_id = c.id`);
  });

  await step(`indexes rebuilt (${constraints.length + indexes.length})`, async () => {
    const jobs = [
      ...constraints.map((k) => `alter table ${k.tbl} add constraint ${k.name} ${k.def}`),
      ...indexes.map((i) => i.def),
    ];
    // the biggest (GIN full-text) first, on two connections
    jobs.sort((a, b) => Number(/gin/i.test(b)) - Number(/gin/i.test(a)));
    const workers = await Promise.all(
      [0, 1].map(async () => {
        const w = await connect(url);
        await session(w);
        return w;
      }),
    );
    let next = 0;
    await Promise.all(
      workers.map(async (w) => {
        while (next < jobs.length) {
          const job = jobs[next++];
          const t0 = performance.now();
          await w.query(job);
          log(`  ${job.slice(0, 90)}… ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        }
      }),
    );
    await Promise.all(workers.map((w) => w.end()));
  });

  // after the indexes: one posts index scan per topic
  await step("posters' avatars (topics.poster_ids)", async () => {
    // as topicPostersSql (app/models/forum/post.server.ts), for every topic at once
    await c.query(`update topics t set poster_ids = coalesce((
      select array_agg(x.user_id order by x.first)
      from (select p.user_id, min(p.post_number) as first
              from (select user_id, post_number from posts where topic_id = t.id and deleted_at is null
                    order by post_number desc limit 12) p
             where p.user_id is not null group by p.user_id order by min(p.post_number) limit 5) x), '{}')`);
  });

  await c.query(`drop table bench_bodies`);
  // VACUUM sets hint bits and the visibility map now, so autovacuum does not wake up mid-benchmark
  await step("vacuum analyze", () => c.query(`vacuum (analyze) users, user_roles, categories, topics, posts`));
  await c.query(
    `insert into bench_meta (key, value) values ('generated', $1) on conflict (key) do update
        set value = excluded.value`,
    [JSON.stringify({ scale, at: new Date().toISOString() })],
  );
  await c.end();
}

async function report(url: string) {
  const c = await connect(url);
  try {
    const { rows } = await c.query(`select
        (select count(*) from categories)::int as categories,
        (select count(*) from users)::int as members,
        (select count(*) from topics)::int as topics,
        (select count(*) from posts)::int as posts,
        (select round(avg(length(body_markdown))) from (select body_markdown from posts limit 10000) p)::int
          as avg_body,
        pg_size_pretty(pg_database_size(current_database())) as size`);
    log(`${BENCH_DB}: ${JSON.stringify(rows[0])}`);
  } finally {
    await c.end();
  }
}

// run as a script (npm run bench:generate), not imported by bench-forum.ts: compared with this file's own path,
// so a move of the file cannot silently turn the command into one that does nothing
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  });
}
