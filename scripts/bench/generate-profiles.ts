// npm run bench:generate-profiles [-- --count 100000] [--fresh] [--no-reindex]: 100,000 generated
// directory profiles for the directory benchmark (scripts/bench/bench-directory.ts), in a separate
// database `tp_bench_profiles` and the Meilisearch index prefix `bench_`, so a running
// `npm run dev` is never touched. Set-based SQL (INSERT ... SELECT generate_series), then a full
// reindex into Meilisearch, timed (the acceptance asks for under 60 s).
//
// DATABASE_URL unset: the embedded services of .data/bench (DATA_DIR, shared with bench:forum; a database of its
// own). DATABASE_URL set:
// `tp_bench_profiles` is created next to that database on the same server.
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { migrateToLatest } from "../../db/migrate";
import { competencies } from "../seed/programme";
import { ensureDatabase, ensureServices, stopAll } from "../server/ensure-services";
import { projectRoot } from "../server/paths";
import type { Stoppable } from "../server/services";

export const PROFILES_BENCH_DB = "tp_bench_profiles";
export const BENCH_INDEX_PREFIX = "bench_";
const log = (m: string) => console.log(`[bench:generate-profiles] ${m}`);

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

/**
 * Starts (or reuses) the bench services; points this process (and its app modules) at the bench database and index
 * prefix.
 */
export async function profilesBenchEnv(logFn: (m: string) => void): Promise<{ url: string; services: Stoppable[] }> {
  if (!process.env.DATABASE_URL) process.env.DATA_DIR ||= path.join(projectRoot, ".data", "bench");
  const services = await ensureServices(logFn);
  const base = process.env.DATABASE_URL!;
  await ensureDatabase(base, PROFILES_BENCH_DB);
  const url = base.replace(/\/[^/?]+(\?|$)/, `/${PROFILES_BENCH_DB}$1`);
  process.env.DATABASE_URL = url;
  process.env.MEILI_INDEX_PREFIX = BENCH_INDEX_PREFIX;
  process.env.LOG_LEVEL ||= "warn";
  return { url, services };
}

async function generate(c: pg.Client, count: number) {
  // imported here: the seed module opens the app's database pool, which needs DATABASE_URL set first
  const { FIRST_NAMES, JOB_TITLES, LAST_NAMES, ORGANISATIONS, PLACES } = await import("../seed/demo-profiles");
  const places = PLACES.flatMap((p) => Array.from({ length: p.weight }, () => p));
  const t0 = Date.now();
  await c.query("begin");
  // gen: one row per member, every choice a hash of its number (the same data on every machine)
  await c.query(
    `create temp table gen on commit drop as
     select i,
       ($2::text[])[1 + abs(hashint4(i * 7 + 1)) % cardinality($2::text[])] || ' ' || ($3::text[])[1 + abs(hashint4(i *
         11 + 2)) % cardinality($3::text[])] as name,
       case when abs(hashint4(i * 13 + 3)) % 100 < 30 then 1 when abs(hashint4(i * 13 + 3)) % 100 < 65 then 2
         when abs(hashint4(i * 13 + 3)) % 100 < 87 then 3 else 4 end as level,
       1 + abs(hashint4(i * 17 + 4)) % $4::int as place,
       abs(hashint4(i * 19 + 5)) as h
     from generate_series(1, $1::int) i`,
    [count, FIRST_NAMES, LAST_NAMES, places.length],
  );
  await c.query(
    `insert into users (email, username, display_name, password_hash, level, created_at)
     select 'bp' || i || '@bench.test', 'bp_' || i, name, null, level, now() - make_interval(days => (h % 900))
       from gen`,
  );
  await c.query(`insert into user_roles (user_id, role) select u.id, 'member' from users u
      where u.username like 'bp\\_%'
        on conflict do nothing`);
  const countries = places.map((p) => p.country);
  const cities = places.map((p, i) => p.cities[i % p.cities.length]);
  const langs = places.map((p) => p.languages.join(","));
  await c.query(
    `insert into profiles (user_id, job_title, organisation, country, city, languages, bio_markdown, bio_html,
        achievements, visibility,
        years_customer_facing, years_managing, open_to_opportunities, is_mentor, updated_at)
     select u.id,
       case g.level when 1 then ($1::text[])[1 + g.h % cardinality($1::text[])] when 2
         then ($2::text[])[1 + g.h % cardinality($2::text[])]
         when 3 then ($3::text[])[1 + g.h % cardinality($3::text[])]
           else ($4::text[])[1 + g.h % cardinality($4::text[])] end,
       ($5::text[])[1 + (g.h / 7) % cardinality($5::text[])],
       ($6::text[])[g.place], ($7::text[])[g.place], string_to_array(($8::text[])[g.place], ','),
       'Customer service professional with ' || (g.level * 2 + g.h % 5) ||
         ' years of experience in contact centres and customer care.',
       '<p>Customer service professional with ' || (g.level * 2 + g.h % 5) ||
         ' years of experience in contact centres and customer care.</p>',
       case when g.h % 3 = 0 then array['Raised first-contact resolution by ' || (5 + g.h % 30) || '%'] else '{}' end,
       case when g.h % 25 = 0 then 'hidden' when g.h % 12 = 1 then 'members' else 'public' end,
       g.level * 2 + (g.h % 50) / 10.0, case when g.level >= 3 then (g.h % 80) / 10.0 else 0 end,
       g.h % 5 < 2, g.level = 4 and g.h % 3 > 0, now() - make_interval(days => g.h % 400)
     from gen g join users u on u.username = 'bp_' || g.i`,
    [JOB_TITLES[1], JOB_TITLES[2], JOB_TITLES[3], JOB_TITLES[4], ORGANISATIONS, countries, cities, langs],
  );
  await c.query(
    `insert into profile_competencies (user_id, competency, proficiency)
     select u.id, ($1::text[])[1 + abs(hashint4(g.i * 31 + k)) % cardinality($1::text[])],
       (array['emerging', 'proficient', 'advanced'])[1 + least(2, greatest(0,
         g.level / 2 + abs(hashint4(g.i * 37 + k)) % 3 - 1))]
     from gen g join users u on u.username = 'bp_' || g.i cross join lateral generate_series(1, 2 + g.h % 4) k
     on conflict do nothing`,
    [competencies.map((x) => x.slug)],
  );
  await c.query(`insert into designations (user_id, code, awarded_on) select u.id, 'CCXMP', '2025-06-01' from gen g
      join users u
        on u.username = 'bp_' || g.i where g.level >= 3 or g.h % 5 = 0 on conflict do nothing`);
  await c.query(
    `insert into badge_awards (public_id, user_id, kind, level, awarded_at)
     select 'bp' || u.id || '-' || l, u.id, 'level', l, now() - make_interval(days => (4 - l) * 200)
     from gen g join users u on u.username = 'bp_' || g.i cross join lateral generate_series(1, g.level) l`,
  );
  await c.query(`create table if not exists bench_meta (key text primary key, value jsonb not null)`);
  await c.query(
    `insert into bench_meta (key, value) values ('profiles', $1) on conflict (key) do update
        set value = excluded.value`,
    [JSON.stringify({ count, at: new Date().toISOString() })],
  );
  await c.query("commit");
  await c.query("analyze");
  log(
    `${count.toLocaleString("en")} members with profiles, competencies, designations and badges generated in ` +
      `${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}

/** The full reindex of the bench database into `bench_profiles`, timed. */
export async function timedReindex(logFn: (m: string) => void) {
  const { reindexAllProfiles } = await import("../../app/models/directory/directory-index.server");
  return reindexAllProfiles({ log: logFn });
}

async function main() {
  const count = Number(argValue("--count") ?? 100_000);
  const { url, services } = await profilesBenchEnv(log);
  try {
    await migrateToLatest(url);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      if (process.argv.includes("--fresh")) {
        log("--fresh: removing generated members");
        await c.query(`delete from users where username like 'bp\\_%'`);
      }
      // the competency framework and the levels (badges and profile competencies refer to them)
      await c.query(
        `insert into competencies (slug, name, description, position) select * from unnest($1::text[], $2::text[],
            $3::text[], $4::int[]) on conflict (slug) do nothing`,
        [
          competencies.map((x) => x.slug),
          competencies.map((x) => x.name),
          competencies.map((x) => x.description),
          competencies.map((_, i) => i + 1),
        ],
      );
      const { seedProgramme } = await import("../seed/programme-seed");
      await seedProgramme(() => {});
      const have = (await c.query(`select count(*)::int as n from users where username like 'bp\\_%'`)).rows[0]
        .n as number;
      if (have >= count) log(`${have.toLocaleString("en")} generated members already there (--fresh to start over)`);
      else {
        if (have) await c.query(`delete from users where username like 'bp\\_%'`);
        await generate(c, count);
      }
    } finally {
      await c.end();
    }
    if (!process.argv.includes("--no-reindex")) {
      const r = await timedReindex(log);
      log(
        `full reindex: ${r.profiles.toLocaleString("en")} profiles in ${r.seconds.toFixed(1)} s (target < 60 s: ` +
          `${r.seconds < 60 ? "PASS" : "FAIL"})`,
      );
    }
    const { db } = await import("../../app/db.server");
    await db.destroy();
  } finally {
    await stopAll(services);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
