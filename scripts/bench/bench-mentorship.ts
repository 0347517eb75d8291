// npm run bench:mentorship [-- --runs 500] [--fresh]: the mentor-suggestion speed acceptance.
// 50,000 members of whom 2,000 are registered mentors (capacity 1-10, 1-4 competencies, 1-3
// languages, a dozen time zones), with 6,000 past and current mentorships (some mentors full) and
// 300 open requests, generated set-based in a separate database `tp_bench_mentorship`.
// DATABASE_URL unset: an embedded PostgreSQL of its own in .data/bench-mentorship, so neither
// `npm run dev` nor another benchmark's database is touched. A finished dataset is kept between
// runs; --fresh rebuilds it.
// Measures suggestMentors (the suggestions page's model work: every active mentor with a free
// place scored, best 10 returned) one request after another. Target: p95 under 50 ms.
import os from "node:os";
import { performance } from "node:perf_hooks";
import { competencies } from "../seed/programme";
import { openBenchDatabase } from "./lib/bench-database";
import { stopAll } from "../server/ensure-services";

const DB = "tp_bench_mentorship";
const log = (m: string) => console.log(`[bench:mentorship] ${m}`);
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};
const RUNS = Number(arg("--runs") ?? 500);
const FRESH = process.argv.includes("--fresh");
const SHAPE = { members: 50_000, mentors: 2000, mentorships: 6000, requests: 300 };

const { services, client, q } = await openBenchDatabase({ folder: "bench-mentorship", name: DB, log });

const ZONES = [
  "Africa/Lagos",
  "Africa/Accra",
  "Africa/Nairobi",
  "Africa/Johannesburg",
  "Africa/Cairo",
  "Africa/Casablanca",
  "Africa/Kinshasa",
  "Africa/Addis_Ababa",
  "Africa/Dakar",
  "Africa/Abidjan",
  "Africa/Kigali",
  "Europe/London",
];
const LANGS = ["en", "fr", "pt", "sw", "ar", "ha", "yo", "am"];

async function generate() {
  const t0 = performance.now();
  log("generating: 50,000 members, 2,000 mentors, 6,000 mentorships, 300 open requests");
  await q(`truncate mentorship_feedback, mentorship_sessions, mentorship_goals, mentorships, mentorship_cycles,
        mentorship_requests, mentor_registrations, user_roles, users restart identity cascade`);
  await q(`delete from settings where key = 'bench_mentorship'`);
  for (const [i, c] of competencies.entries()) {
    await q(
      `insert into competencies (slug, name, description, position) values ($1, $2, $3, $4) on conflict (slug)
          do nothing`,
      [c.slug, c.name, c.description, i + 1],
    );
  }
  const slugs = competencies.map((c) => c.slug);
  // users 1..2000 are level-4 mentors; the others spread over levels 1-3
  await q(
    `
    insert into users (email, username, display_name, level, time_zone, password_hash)
    select 'm' || i || '@example.org', 'member_' || i, 'Member ' || i, case when i <= ${SHAPE.mentors} then 4
      else 1 + (i % 3) end, ($1::text[])[1 + (i % 12)], null
    from generate_series(1, ${SHAPE.members}) i`,
    [ZONES],
  );
  await q(`insert into user_roles (user_id, role) select id, 'member' from users`);
  // deterministic spread: 1-4 competencies, 1-3 languages, capacity 1-10
  await q(
    `insert into mentor_registrations (user_id, capacity, competencies, languages, time_zone, pitch)
     select i, 1 + (i % 10),
       array(select ($1::text[])[1 + ((i * 7 + k * 3) % 10)] from generate_series(0, i % 4) k group by 1),
       array(select ($2::text[])[1 + ((i + k * 5) % 8)] from generate_series(0, i % 3) k group by 1),
       ($3::text[])[1 + ((i * 5) % 12)], 'Mentor pitch number ' || i
     from generate_series(1, ${SHAPE.mentors}) i`,
    [slugs, LANGS, ZONES],
  );
  // past and current mentorships: 60% completed, 30% active, 10% waiting asks; distinct pairs
  await q(`
    insert into mentorships (mentor_id, mentee_id, status, started_at, ended_at)
    select 1 + (i % ${SHAPE.mentors}), ${SHAPE.mentors} + 1 + i,
      case when i % 10 < 6 then 'completed' when i % 10 < 9 then 'active' else 'proposed' end,
      now() - make_interval(days => i % 300), case when i % 10 < 6 then now() - make_interval(days => i % 100) end
    from generate_series(1, ${SHAPE.mentorships}) i`);
  // open requests from members at levels 1-3 who have none
  await q(
    `insert into mentorship_requests (mentee_id, goals, competencies, language, availability, time_zone)
     select ${SHAPE.mentors + SHAPE.mentorships + 1} + i, 'Goals of request ' || i,
       jsonb_build_array(
         jsonb_build_object('slug', ($1::text[])[1 + (i % 10)], 'level', (array['emerging', 'proficient',
           'advanced'])[1 + (i % 3)]),
         jsonb_build_object('slug', ($1::text[])[1 + ((i + 3) % 10)], 'level', 'emerging')),
       ($2::text[])[1 + (i % 8)], 'Evenings', ($3::text[])[1 + (i % 12)]
     from generate_series(1, ${SHAPE.requests}) i`,
    [slugs, LANGS, ZONES],
  );
  await q(`analyze`);
  await q(`insert into settings (key, value) values ('bench_mentorship', $1)`, [JSON.stringify(SHAPE)]);
  log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const ready = (await q(`select value from settings where key = 'bench_mentorship'`)).rows[0]?.value;
// jsonb reorders keys: compare field by field
const same = !!ready && (Object.keys(SHAPE) as (keyof typeof SHAPE)[]).every((k) => ready[k] === SHAPE[k]);
if (FRESH || !same) await generate();
else log("dataset already generated (--fresh rebuilds it)");

const counts = (
  await q(`select (select count(*)::int from users) as members, (select count(*)::int from mentor_registrations
      where status = 'active') as mentors,
    (select count(*)::int from mentorships) as mentorships, (select count(*)::int from mentorship_requests
      where status = 'open') as requests`)
).rows[0];
await client.end();

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(1)} ms  p95 ${pct(xs, 95).toFixed(1)} ms  p99 ${pct(xs, 99).toFixed(1)} ms`;

const { db } = await import("../../app/db.server");
const { suggestMentors } = await import("../../app/models/mentorship/mentor.server");
const requests = await db
  .selectFrom("mentorship_requests")
  .selectAll()
  .where("status", "=", "open")
  .orderBy("id")
  .execute();
const times: number[] = [];
let shown = 0;
for (let i = 0; i < 30; i++) await suggestMentors(db, { request: requests[i % requests.length] });
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  const list = await suggestMentors(db, { request: requests[i % requests.length] });
  times.push(performance.now() - t);
  shown += list.length;
}

// the database's own execution time (EXPLAIN ANALYZE), to tell query cost from a busy machine
const { sql } = await import("kysely");
const { suggestionQuery } = await import("../../app/models/mentorship/mentor.server");
const dbTimes: number[] = [];
for (let i = 0; i < 50; i++) {
  const plan = await sql<{
    "QUERY PLAN": [{ "Execution Time": number }];
  }>`explain (analyze, format json) ${suggestionQuery(requests[i % requests.length], 10)}`.execute(db);
  dbTimes.push(plan.rows[0]["QUERY PLAN"][0]["Execution Time"]);
}

console.log(
  `\nMentor suggestions among ${counts.mentors.toLocaleString("en")} active mentors and ` +
    `${counts.members.toLocaleString("en")} members (${counts.mentorships.toLocaleString("en")} mentorships, ` +
    `${counts.requests} open requests), ${RUNS} sequential runs:`,
);
console.log(
  `  suggestMentors (load, score, rank, top 10)  ${fmt(times)}  (${(shown / RUNS).toFixed(1)} suggestions a request)`,
);
console.log(`  database execution time (EXPLAIN ANALYZE, 50 runs)  ${fmt(dbTimes)}`);
console.log(
  `  load average during the run: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on ${os.cpus().length} cores`,
);
console.log(`  target: p95 under 50 ms -> ${pct(times, 95) < 50 ? "met" : "NOT met"}`);
await db.destroy();
await stopAll(services);
process.exit(0);
