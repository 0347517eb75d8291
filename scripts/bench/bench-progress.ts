// npm run bench:progress [-- --runs 300] [--fresh]: the /progress speed acceptance.
// A member with 5,000 posts across 1,000 topics, in a database of 2,000,000 posts (2,000 members,
// 100,000 topics), generated set-based (INSERT ... SELECT generate_series) in a separate database
// `tp_bench_progress`. DATABASE_URL unset: an embedded PostgreSQL of its own in .data/bench-progress,
// so neither `npm run dev` nor the forum benchmark's database is touched. A finished dataset is
// kept between runs; --fresh rebuilds it.
// Measures, one request after another:
//   - the page's model work (getProgressPage: standing + every evaluator + chart + results);
//   - the server part: the production build's Remix handler called in-process (root and page
//     loaders + React server render, body read), signed in: the figure held to the target;
//   - GET /progress on the production build through the HTTP server on loopback, for reference.
// Target: p95 of the server part under 20 ms.
import nodeHttp from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { categories } from "../seed/programme";
import { openBenchDatabase } from "./lib/bench-database";
import { stopAll } from "../server/ensure-services";
import { buildApp } from "../server/build";
import { projectRoot } from "../server/paths";
import { freePort } from "../server/services";

const DB = "tp_bench_progress";
const log = (m: string) => console.log(`[bench:progress] ${m}`);
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};
const RUNS = Number(arg("--runs") ?? 300);
const FRESH = process.argv.includes("--fresh");
const SHAPE = { members: 2000, topics: 100_000, posts: 2_000_000, memberPosts: 5000, memberTopics: 1000 };

const { services, client, q } = await openBenchDatabase({ folder: "bench-progress", name: DB, log });

async function generate() {
  const t0 = performance.now();
  log("generating: 2,000 members, 100,000 topics, 2,000,000 posts (a few minutes on 2 cores)");
  await q(`truncate posts, topics, categories, level_history, badge_awards, reading_log, activities, applications,
      sessions,
        user_roles, users restart identity cascade`);
  await q(`delete from settings where key = 'bench_progress'`);
  const { seedProgramme } = await import("../seed/programme-seed");
  await seedProgramme(() => {});
  for (const c of categories) {
    await q(`insert into categories (slug, name, see_rule, position) values ($1, $2, $3, $4)`, [
      c.slug,
      c.name,
      c.access.see,
      c.position,
    ]);
  }
  // member 1 is the benchmarked one; everyone is at level 2 since 400 days
  await q(`
    insert into users (email, username, display_name, level, time_zone, password_hash)
    select 'bench' || i || '@example.org', case when i = 1 then 'bench_member' else 'member_' || i end, 'Member ' || i,
      2, 'Africa/Lagos', null
    from generate_series(1, ${SHAPE.members}) i`);
  await q(`insert into user_roles (user_id, role) select id, 'member' from users`);
  await q(
    `insert into level_history (user_id, level, entered_at) select id, 2, now() - interval '400 days' from users`,
  );
  const cats = (await q(`select id from categories order by position`)).rows.map((r) => r.id as number);
  await q(
    `insert into topics (category_id, user_id, title, slug, created_at, bumped_at, last_posted_at, highest_post_number)
     select ($1::int[])[1 + (i % array_length($1::int[], 1))], 2 + (i % ${SHAPE.members - 1}),
       'Topic number ' || i || ' about service recovery', 'topic-' || i,
       now() - make_interval(days => i % 365), now(), now(), 30
     from generate_series(1, ${SHAPE.topics}) i`,
    [cats],
  );
  log(`topics done (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  // the full-text index is not read by /progress: drop it for the load, rebuild it after
  await q(`drop index if exists posts_search_idx`);
  const others = SHAPE.posts - SHAPE.memberPosts;
  await q(`
    insert into posts (topic_id, user_id, post_number, body_markdown, body_html, created_at)
    select 1 + (i % ${SHAPE.topics}), 2 + (i % ${SHAPE.members - 1}), 10 + i / ${SHAPE.topics}, 'A reply.',
      '<p>A reply.</p>',
      now() - make_interval(mins => (i * 7) % 525600)
    from generate_series(0, ${others - 1}) i`);
  log(`other members' posts done (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  // the member: 5 posts in each of 1,000 topics over the last year; 50 deleted, 25 hidden
  await q(`
    insert into posts (topic_id, user_id, post_number, body_markdown, body_html, created_at, deleted_at, hidden_at)
    select 1 + (j % ${SHAPE.memberTopics}), 1, 1 + j / ${SHAPE.memberTopics}, 'My contribution.',
      '<p>My contribution.</p>',
      now() - make_interval(mins => (j * 97) % 525000),
      case when j % 100 = 7 then now() end, case when j % 200 = 9 then now() end
    from generate_series(0, ${SHAPE.memberPosts - 1}) j`);
  await q(`update topics set user_id = 1 where id <= 100`);
  await q(`insert into reading_log (user_id, title, finished_on) select 1, 'Book ' || i, current_date - i * 20
        from generate_series(1, 12) i`);
  await q(`insert into activities (user_id, kind, title, occurred_on) select 1, 'meetup', 'Meet-up ' || i,
        current_date - i * 30 from generate_series(1, 8) i`);
  await q(
    `insert into webinar_attendance (user_id, webinar, attended_on) values (1, 'webinar-2.0', current_date - 100)`,
  );
  await q(`insert into assessment_results (user_id, assessment, score, taken_on, attempt) values (1, 'ccxmp-exam', 76,
        current_date - 50, 1), (1, 'ccxmp-exam', 82, current_date - 10, 2)`);
  log("rebuilding the full-text index");
  await q(`create index posts_search_idx on posts using gin (search_vector)`);
  await q(`analyze`);
  await q(`insert into settings (key, value) values ('bench_progress', $1)`, [JSON.stringify(SHAPE)]);
  log(`dataset ready in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

const ready = (await q(`select value from settings where key = 'bench_progress'`)).rows[0]?.value;
// jsonb does not keep key order: compare field by field
const sameShape = !!ready && Object.entries(SHAPE).every(([k, v]) => (ready as Record<string, unknown>)[k] === v);
if (FRESH || !sameShape) await generate();
else log("reusing the generated dataset (--fresh to rebuild)");

const counts = (
  await q(`select (select count(*) from posts)::int as posts, (select count(*) from posts where user_id = 1)::int
      as mine,
        (select count(distinct topic_id) from posts where user_id = 1)::int as topics`)
).rows[0];
log(
  `database: ${counts.posts.toLocaleString("en")} posts; the member: ${counts.mine.toLocaleString("en")} posts ` +
    `in ${counts.topics.toLocaleString("en")} topics`,
);
await client.end();

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(1)} ms  p95 ${pct(xs, 95).toFixed(1)} ms  p99 ${pct(xs, 99).toFixed(1)} ms`;

// 1. the model work behind the page
const { getProgressPage } = await import("../../app/models/journey/progress/page.server");
const first = await getProgressPage({ userId: 1 });
const topicsReq = first?.standing.requirements.find((r) => r.kind === "distinct_topics");
log(`distinct topics counted: ${topicsReq?.progress.done} (of ${topicsReq?.progress.required} required)`);
for (let i = 0; i < 30; i++) await getProgressPage({ userId: 1 });
const model: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  await getProgressPage({ userId: 1 });
  model.push(performance.now() - t);
}

// 2. GET /progress on the production build, signed in as the member
if (!process.argv.includes("--no-build")) await buildApp(log);
const { startServer } = await import("../server/server");
const { startSession } = await import("../../app/auth.server");
const { db } = await import("../../app/db.server");
const cookie = (await startSession(db, 1, new Request("http://localhost/"))).split(";")[0];
const port = await freePort();
const server = await startServer({ port, root: projectRoot, log: () => {} });
const http: number[] = [];
try {
  // node:http with a keep-alive agent, as a browser's connection: Node's fetch on loopback adds
  // 3-50 ms of Nagle / delayed-ACK stall per sequential call (see app/search.server.ts).
  let pageBytes = 0;
  const agent = new nodeHttp.Agent({ keepAlive: true, maxSockets: 1 });
  const get = () =>
    new Promise<void>((resolve, reject) => {
      const req = nodeHttp.get(
        {
          host: "127.0.0.1",
          port,
          path: "/progress",
          agent,
          headers: { Cookie: cookie, "Accept-Encoding": "identity" },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const body = Buffer.concat(chunks).toString("utf8");
            pageBytes = Buffer.byteLength(body);
            if (res.statusCode !== 200 || !body.includes("Level 2"))
              reject(new Error(`GET /progress answered ${res.statusCode}`));
            else resolve();
          });
        },
      );
      req.on("error", reject);
    });
  for (let i = 0; i < 30; i++) await get();
  log(`page: ${(pageBytes / 1024).toFixed(1)} KB of HTML`);
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await get();
    http.push(performance.now() - t);
  }
} finally {
  await server.close();
}

// 3. the server part alone: the same build's Remix handler called in-process (root and page
// loaders, React render, the whole body read), without the HTTP hop of 2.
const { createRequestHandler } = await import("@remix-run/node");
const build = await import(pathToFileURL(path.join(projectRoot, "build", "index.js")).href);
const handle = createRequestHandler(build, "production");
const serverPart: number[] = [];
const render = async () => {
  const res = await handle(new Request("http://localhost/progress", { headers: { Cookie: cookie } }), {
    requestId: "bench",
    clientIp: "127.0.0.1",
    cspNonce: "bench",
  });
  const body = await res.text();
  if (res.status !== 200 || !body.includes("Level 2")) throw new Error(`the handler answered ${res.status}`);
};
for (let i = 0; i < 30; i++) await render();
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  await render();
  serverPart.push(performance.now() - t);
}

console.log(
  `\n/progress for a member with 5,000 posts in 1,000 topics, database of ${counts.posts.toLocaleString("en")} ` +
    `posts, ${RUNS} sequential runs:`,
);
console.log(`  model (standing, evaluators, chart, results)  ${fmt(model)}`);
console.log(`  server part (loaders + React render, in-process)  ${fmt(serverPart)}`);
console.log(`  GET /progress (server part + HTTP on loopback)  ${fmt(http)}`);
console.log(`  target: server part p95 under 20 ms -> ${pct(serverPart, 95) < 20 ? "met" : "NOT met"}`);
await db.destroy();
await stopAll(services);
process.exit(0);
