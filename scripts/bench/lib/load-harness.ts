// What `npm run load` and `npm run faults` share: a stack of their own (embedded PostgreSQL and
// Meilisearch in a fresh data folder, on loopback), a seeded forum, the production app started as
// `npm start` does, signed-in members driving it over HTTP, and the checks run against the database
// and the search index afterwards.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { Meilisearch } from "meilisearch";
import pg from "pg";
import { migrateToLatest } from "../../../db/migrate";
import { DEFAULT_LIMITS, type Limits } from "../../../app/models/moderation/settings.schema";
import { ensureDatabase } from "../../server/ensure-services";
import { buildApp, productionBuildProblem } from "../../server/build";
import { projectRoot } from "../../server/paths";
import { startArgs } from "../../server/start-command";
import {
  freePort,
  startEmbeddedMeili,
  startEmbeddedPostgres,
  type MeiliHandle,
  type PostgresHandle,
} from "../../server/services";

export const PASSWORD = "load-test-password-2026";

// ---- the stack -------------------------------------------------------------------------------------

export type Stack = {
  dir: string;
  dbUrl: string;
  meiliUrl: string;
  meiliKey: string;
  pool: pg.Pool;
  /** stops PostgreSQL (fast shutdown: sessions are cut), waits downMs, starts it again on the same port */
  restartPostgres(downMs: number): Promise<{ downAt: number; upAt: number }>;
  killMeili(): void;
  startMeili(): Promise<void>;
  stop(): Promise<void>;
};

export async function startStack(dir: string, log: (m: string) => void): Promise<Stack> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  let pgh: PostgresHandle = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), log });
  const meiliOpts = { dataDir: path.join(dir, "meili"), keyFile: path.join(dir, "meili-master-key"), log };
  let meili: MeiliHandle | undefined = await startEmbeddedMeili(meiliOpts);
  const meiliPort = Number(new URL(meili.url).port);
  await ensureDatabase(pgh.url, "touchpoints");
  const dbUrl = pgh.url.replace(/\/postgres$/, "/touchpoints");
  await migrateToLatest(dbUrl);
  const pool = new pg.Pool({ connectionString: dbUrl, max: 4, connectionTimeoutMillis: 5000 });
  pool.on("error", () => {});
  const stack: Stack = {
    dir,
    dbUrl,
    meiliUrl: meili.url,
    meiliKey: meili.key,
    pool,
    async restartPostgres(downMs) {
      await pgh.stop();
      const downAt = Date.now();
      await sleep(downMs);
      pgh = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), port: pgh.port, log });
      return { downAt, upAt: Date.now() };
    },
    killMeili() {
      process.kill(meili!.pid, "SIGKILL");
      meili = undefined;
    },
    async startMeili() {
      fs.rmSync(path.join(meiliOpts.dataDir, "meilisearch.pid"), { force: true });
      meili = await startEmbeddedMeili({ ...meiliOpts, port: meiliPort });
    },
    async stop() {
      await stack.pool.end().catch(() => {});
      await meili?.stop().catch(() => {});
      await pgh.stop().catch(() => {});
    },
  };
  return stack;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- the seeded forum ------------------------------------------------------------------------------

export type Member = { id: number; username: string; cookie: string };
export type SeedTopic = { id: number; path: string; posts: { id: number; userId: number }[] };
export type Forum = { members: Member[]; topics: SeedTopic[]; categoryPath: string };

const SENTENCES = [
  "We listen to recorded calls as a team and note every moment the customer had to repeat themselves.",
  "Letting agents close small refunds without a supervisor cut our handling time by a third.",
  "A short shared note between shifts stopped callbacks from losing their context.",
  "Our quality scorecard now asks whether the customer would need to call back.",
  "Empathy statements only work when the next sentence contains an action.",
];

/**
 * Members (aged three days: past the new-member limits), one public category, topics with posts,
 * counters as the app keeps them, search jobs queued for the app's worker. Posting limits are
 * relaxed for the run (2 s between posts, no daily like cap): the load is about the system.
 */
export async function seedForum(
  pool: pg.Pool,
  { members, topics, postsPerTopic }: { members: number; topics: number; postsPerTopic: number },
) {
  const passwordHash = await hash(PASSWORD);
  const c = await pool.connect();
  try {
    await c.query("begin");
    const users = await c.query<{ id: number; username: string }>(
      `insert into users (username, email, display_name, password_hash, created_at)
       select 'load_member_' || i, 'load_member_' || i || '@load.test', 'Load Member ' || i, $1,
         now() - interval '3 days'
       from generate_series(1, $2::int) i returning id, username`,
      [passwordHash, members],
    );
    await c.query(
      `insert into user_roles (user_id, role) select id, 'member' from users where username like 'load_member_%'`,
    );
    const cat = await c.query<{ id: number; slug: string }>(
      `insert into categories (slug, name, description, see_rule, post_rule, reply_rule) values ('load-test',
          'Load test', 'Topics written by npm run load', 'everyone', 'members', 'members') returning id, slug`,
    );
    const ids = users.rows.map((u) => u.id);
    const seeded: SeedTopic[] = [];
    for (let t = 0; t < topics; t++) {
      const author = ids[t % ids.length];
      const title = `Load test topic ${t + 1}: handling repeat contacts in a busy queue`;
      const slug = `load-test-topic-${t + 1}`;
      const topic = await c.query<{ id: number }>(
        `insert into topics (category_id, user_id, title, slug, reply_count, highest_post_number, last_posted_at,
            last_poster_id, bumped_at, created_at)
         values ($1, $2, $3, $4, $5, $6, now() - interval '1 day', $2, now() - interval '1 day',
           now() - interval '2 days') returning id`,
        [cat.rows[0].id, author, title, slug, postsPerTopic - 1, postsPerTopic],
      );
      const posts: { id: number; userId: number }[] = [];
      for (let n = 1; n <= postsPerTopic; n++) {
        const userId = ids[(t + n * 7) % ids.length];
        const body = `${SENTENCES[(t + n) % SENTENCES.length]} (seed ${t + 1}.${n})`;
        const p = await c.query<{ id: number }>(
          `insert into posts (topic_id, user_id, post_number, body_markdown, body_html, created_at) values ($1, $2,
              $3, $4, $5, now() - interval '2 days' + make_interval(mins => $3)) returning id`,
          [topic.rows[0].id, userId, n, body, `<p>${body}</p>`],
        );
        posts.push({ id: p.rows[0].id, userId });
      }
      seeded.push({ id: topic.rows[0].id, path: `/t/${slug}/${topic.rows[0].id}`, posts });
    }
    await c.query(
      `update categories c set topic_count = (select count(*) from topics where category_id = c.id),
          post_count = (select count(*) from posts p join topics t on t.id = p.topic_id where t.category_id = c.id)
          where c.id = $1`,
      [cat.rows[0].id],
    );
    // replies every 2 s and likes without a daily cap, so the load is not refused by the limits
    const limits: Limits = {
      ...DEFAULT_LIMITS,
      everyone: { ...DEFAULT_LIMITS.everyone, secondsBetweenPosts: 2, likesPerDay: 10_000 },
    };
    await c.query(
      `insert into settings (key, value) values ('forum.limits', $1) on conflict (key) do update
          set value = excluded.value`,
      [JSON.stringify(limits)],
    );
    await c.query(
      `insert into outbox (kind, payload) select 'search.topic', jsonb_build_object('topicId', id) from topics`,
    );
    await c.query("commit");
    return { users: users.rows, topics: seeded, categoryPath: `/c/${cat.rows[0].slug}` };
  } catch (e) {
    await c.query("rollback");
    throw e;
  } finally {
    c.release();
  }
}

// ---- the app ---------------------------------------------------------------------------------------

export type App = { url: string; port: number; child: ChildProcess; output(): string; exited: Promise<number | null> };

/** Builds when asked (--build), or when build/ is missing, a development build or older than the sources. */
export async function ensureBuild(log: (m: string) => void) {
  const problem = productionBuildProblem();
  if (!problem && !process.argv.includes("--build")) return;
  if (problem) log(problem.replace(/: run `npm run build` first\.$/, ": building it now"));
  await buildApp(log);
}

/** The production app (`npm start`'s code path), pointed at the stack's services. */
export async function startApp(stack: Stack, port?: number, extraEnv: Record<string, string> = {}): Promise<App> {
  port ??= await freePort();
  const child = spawn(process.execPath, startArgs(), {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: stack.dbUrl,
      MEILI_URL: stack.meiliUrl,
      MEILI_MASTER_KEY: stack.meiliKey,
      MEILI_INDEX_PREFIX: "",
      DATA_DIR: stack.dir,
      APP_ORIGIN: `http://127.0.0.1:${port}`,
      COOKIE_SECURE: "false",
      JOBS: "on",
      LOG_LEVEL: "warn",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (c) => (out = (out + c).slice(-200_000)));
  child.stderr!.on("data", (c) => (out = (out + c).slice(-200_000)));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited early:\n${out.slice(-3000)}`);
    const r = await request(url, "GET", "/healthz").catch(() => undefined);
    if (r?.status === 200) break;
    if (Date.now() > deadline) throw new Error(`the app did not answer /healthz in 90 s:\n${out.slice(-3000)}`);
    await sleep(200);
  }
  return { url, port, child, output: () => out, exited };
}

export async function stopApp(app: App | undefined, signal: NodeJS.Signals = "SIGTERM") {
  if (!app || app.child.exitCode !== null || app.child.signalCode) return;
  app.child.kill(signal);
  const t = setTimeout(() => app.child.kill("SIGKILL"), 12_000);
  await app.exited;
  clearTimeout(t);
}

// ---- HTTP --------------------------------------------------------------------------------------------

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export type Answer = { status: number; body: string; location?: string; setCookie?: string; shed: boolean; ms: number };

export function request(
  base: string,
  method: "GET" | "POST",
  pathname: string,
  opts: { cookie?: string; form?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Answer> {
  const t0 = performance.now();
  const url = new URL(pathname, base);
  const body = opts.form ? new URLSearchParams(opts.form).toString() : undefined;
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.Cookie = opts.cookie;
  if (body !== undefined) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    headers["Content-Length"] = String(Buffer.byteLength(body));
    headers.Origin = url.origin;
  }
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent, timeout: opts.timeoutMs ?? 20_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
          location: res.headers.location,
          setCookie: res.headers["set-cookie"]?.[0],
          shed: res.headers["x-load-shed"] === "1" && !!res.headers["retry-after"],
          ms: performance.now() - t0,
        }),
      );
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timed out after ${opts.timeoutMs ?? 20_000} ms`)));
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Signs members in through the real form, a few at a time (argon2 is deliberately slow). */
export async function signIn(url: string, users: { id: number; username: string }[]): Promise<Member[]> {
  const out: Member[] = [];
  for (let i = 0; i < users.length; i += 5) {
    const batch = await Promise.all(
      users.slice(i, i + 5).map(async (u) => {
        const r = await request(url, "POST", "/login", {
          form: { email: u.username, password: PASSWORD, redirectTo: "/" },
        });
        const cookie = r.setCookie?.split(";")[0];
        if (r.status !== 302 || !cookie) throw new Error(`sign-in of ${u.username} answered ${r.status}`);
        return { ...u, cookie };
      }),
    );
    out.push(...batch);
  }
  return out;
}

const expected: Record<string, number[]> = { "POST reply": [302, 303], "POST like": [302, 303] };

/** The sentence an error page or a refused form says (its first <h1> or alert), for the report. */
export function gist(body = "") {
  const m = /<(h1|p role="alert"|div role="alert")[^>]*>([\s\S]{0,200}?)<\//.exec(body);
  return (m?.[2] ?? body.slice(0, 120))
    .replace(/<[^<>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** member:post pairs already liked, across runs (a second like is refused with 409) */
const liked = new Set<string>();

// ---- the load ----------------------------------------------------------------------------------------

/** `shed`: answered 503 + Retry-After by the load shedder (scripts/server/load-shed.ts), having run nothing */
export type Sample = {
  route: string;
  status: number;
  ms: number;
  at: number;
  error?: string;
  body?: string;
  shed?: boolean;
};

export type LoadResult = {
  seconds: number;
  samples: Sample[];
  /** reply tokens answered with a redirect */
  acknowledged: string[];
  /** reply tokens sent but not acknowledged (an error or a timeout: may or may not exist) */
  unacknowledged: string[];
  likes: number;
};

/**
 * `vus` signed-in members loop without pause, reading topic pages, /latest and the category list;
 * the first `writers` of them also reply (a unique token in each body) and like, at most one reply
 * every 2.2 s and one like a second each. Stops at `seconds` or `maxRequests`, whichever is first.
 */
export async function runLoad({
  url,
  forum,
  vus,
  writers,
  seconds,
  maxRequests,
  keepBodies = false,
  stop = () => false,
}: {
  url: string;
  forum: Forum;
  vus: number;
  writers: number;
  seconds: number;
  maxRequests: number;
  keepBodies?: boolean;
  stop?: () => boolean;
}): Promise<LoadResult> {
  const samples: Sample[] = [];
  const acknowledged: string[] = [];
  const unacknowledged: string[] = [];
  let likes = 0;
  let sent = 0;
  const t0 = Date.now();
  const end = t0 + seconds * 1000;
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];

  async function hit(
    route: string,
    method: "GET" | "POST",
    pathname: string,
    m: Member,
    form?: Record<string, string>,
  ) {
    sent++;
    const at = Date.now();
    try {
      const r = await request(url, method, pathname, { cookie: m.cookie, form });
      const shed = r.status === 503 && r.shed;
      const unexpected = !shed && !(expected[route] ?? [200]).includes(r.status);
      samples.push({
        route,
        status: r.status,
        ms: r.ms,
        at,
        shed,
        body: keepBodies || unexpected ? r.body.slice(0, 20_000) : undefined,
      });
      return r;
    } catch (e) {
      samples.push({ route, status: 0, ms: Date.now() - at, at, error: (e as Error).message });
      return undefined;
    }
  }

  async function vu(i: number) {
    const m = forum.members[i % forum.members.length];
    const writer = i < writers;
    let lastReply = 0;
    let lastLike = 0;
    while (Date.now() < end && sent < maxRequests && !stop()) {
      const now = Date.now();
      if (writer && now - lastReply >= 2200) {
        const topic = pick(forum.topics);
        const token = `tok${randomBytes(8).toString("hex")}`;
        const r = await hit("POST reply", "POST", topic.path, m, {
          intent: "reply",
          body: `Reply ${token} from ${m.username}: ${pick(SENTENCES)}`,
        });
        // paced from the answer: the 2 s between posts counts from when the server saved the last one
        lastReply = Date.now();
        if (r && (r.status === 302 || r.status === 303) && r.location?.includes(topic.path)) acknowledged.push(token);
        else unacknowledged.push(token);
        continue;
      }
      if (writer && now - lastLike >= 1000) {
        lastLike = now;
        const topic = pick(forum.topics);
        const post = pick(topic.posts.filter((p) => p.userId !== m.id && !liked.has(`${m.id}:${p.id}`)));
        if (post) {
          liked.add(`${m.id}:${post.id}`);
          const r = await hit("POST like", "POST", topic.path, m, { intent: "like", postId: String(post.id) });
          if (r?.status === 302) likes++;
          continue;
        }
      }
      const roll = Math.random();
      if (roll < 0.6) await hit("GET topic", "GET", pick(forum.topics).path, m);
      else if (roll < 0.85) await hit("GET /latest", "GET", "/latest", m);
      else await hit("GET category", "GET", forum.categoryPath, m);
    }
  }
  await Promise.all(Array.from({ length: vus }, (_, i) => vu(i)));
  return { seconds: (Date.now() - t0) / 1000, samples, acknowledged, unacknowledged, likes };
}

export const isError = (s: Sample) => !s.shed && (s.status === 0 || !(expected[s.route] ?? [200]).includes(s.status));

export function pct(xs: number[], p: number) {
  if (!xs.length) return NaN;
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** requests/s and latency per route (of the requests served: shed ones are counted apart), as a table. */
export function routeTable(result: LoadResult) {
  const routes = [...new Set(result.samples.map((s) => s.route))].sort();
  const lines = [
    "| route | requests | req/s | p50 ms | p95 ms | p99 ms | errors | shed (503) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const row = (name: string, ss: Sample[]) => {
    const ms = ss.filter((s) => s.status !== 0 && !s.shed).map((s) => s.ms);
    const shed = ss.filter((s) => s.shed).length;
    lines.push(
      `| ${name} | ${ss.length} | ${(ss.length / result.seconds).toFixed(1)} | ${pct(ms, 50).toFixed(1)} | ` +
        `${pct(ms, 95).toFixed(1)} | ${pct(ms, 99).toFixed(1)} | ${ss.filter(isError).length} | ${shed} |`,
    );
  };
  for (const r of routes)
    row(
      r,
      result.samples.filter((s) => s.route === r),
    );
  row("all", result.samples);
  return lines.join("\n");
}

// ---- checks ------------------------------------------------------------------------------------------

/** Waits until no due job is left in the outbox (bounded); returns the seconds it took. */
export async function waitForOutbox(pool: pg.Pool, timeoutMs: number) {
  const t0 = Date.now();
  for (;;) {
    const r = await pool.query<{ n: string }>(
      `select count(*) as n from outbox where done_at is null and attempts < 10 and run_at <= now()`,
    );
    if (Number(r.rows[0].n) === 0) return (Date.now() - t0) / 1000;
    if (Date.now() - t0 > timeoutMs) {
      const kinds = await pool.query<{
        kind: string;
        n: string;
        err: string | null;
      }>(`select kind, count(*) as n, max(last_error) as err from outbox where done_at is null and attempts < 10
            and run_at <= now() group by 1`);
      throw new Error(
        `the outbox still has ${r.rows[0].n} due jobs after ${timeoutMs / 1000} s: ` +
          `${kinds.rows.map((k) => `${k.kind} x${k.n}${k.err ? ` (${k.err})` : ""}`).join(", ")}`,
      );
    }
    await sleep(250);
  }
}

/** Each acknowledged token must be in exactly one post. */
export async function checkReplies(pool: pg.Pool, tokens: string[]) {
  if (!tokens.length) return { lost: [] as string[], duplicated: [] as string[], postIds: [] as number[] };
  const r = await pool.query<{ token: string; n: string; ids: number[] }>(
    `select substring(body_markdown from 'tok[0-9a-f]{16}') as token, count(*) as n, array_agg(id) as ids from posts
     where body_markdown ~ 'tok[0-9a-f]{16}' group by 1`,
  );
  const found = new Map(r.rows.map((x) => [x.token, x] as const));
  return {
    lost: tokens.filter((t) => !found.has(t)),
    duplicated: tokens.filter((t) => Number(found.get(t)?.n ?? 0) > 1),
    postIds: tokens.flatMap((t) => found.get(t)?.ids ?? []),
  };
}

/** Every stored counter against a recount; returns one line per difference. */
export async function checkCounters(pool: pg.Pool) {
  const problems: string[] = [];
  const topics = await pool.query(`
    select t.id, t.reply_count, t.like_count, t.highest_post_number, s.visible, s.likes, s.highest from topics t
    cross join lateral (select count(*) filter (where p.deleted_at is null)::int as visible, coalesce(sum(p.like_count)
      filter (where p.deleted_at is null), 0)::int as likes, coalesce(max(p.post_number), 0)::int as highest
      from posts p where p.topic_id = t.id) s
    where t.reply_count <> greatest(s.visible - 1, 0) or t.like_count <> s.likes
      or t.highest_post_number <> s.highest`);
  for (const t of topics.rows)
    problems.push(
      `topic ${t.id}: reply_count ${t.reply_count}/${Math.max(t.visible - 1, 0)}, like_count ${t.like_count}/` +
        `${t.likes}, highest_post_number ${t.highest_post_number}/${t.highest}`,
    );
  const posts =
    await pool.query(`select p.id, p.like_count, (select count(*) from post_likes l where l.post_id = p.id)::int as n
        from posts p
        where p.like_count <> (select count(*) from post_likes l where l.post_id = p.id)`);
  for (const p of posts.rows) problems.push(`post ${p.id}: like_count ${p.like_count}, ${p.n} likes`);
  const numbers = await pool.query(
    `select topic_id, post_number, count(*)::int as n from posts group by 1, 2 having count(*) > 1`,
  );
  for (const p of numbers.rows) problems.push(`topic ${p.topic_id}: post number ${p.post_number} used ${p.n} times`);
  const cats = await pool.query(`
    select c.id, c.topic_count, c.post_count,
      (select count(*) from topics t where t.category_id = c.id and t.deleted_at is null)::int as topics,
      (select count(*) from posts p join topics t on t.id = p.topic_id where t.category_id = c.id and t.deleted_at
        is null and p.deleted_at is null)::int as posts
    from categories c`);
  for (const c of cats.rows)
    if (c.topic_count !== c.topics || c.post_count !== c.posts)
      problems.push(
        `category ${c.id}: topic_count ${c.topic_count}/${c.topics}, post_count ${c.post_count}/${c.posts}`,
      );
  return problems;
}

export function meiliClient(stack: Stack) {
  return new Meilisearch({ host: stack.meiliUrl, apiKey: stack.meiliKey });
}

/**
 * The posts index against Postgres: the number of documents, the given post ids all present, and a
 * random sample of documents compared field by field (topic, number, likes, author).
 */
export async function compareIndex(stack: Stack, mustHave: number[], sampleSize = 50) {
  const problems: string[] = [];
  const expected = await stack.pool.query<{
    id: number;
    topic_id: number;
    post_number: number;
    like_count: number;
    user_id: number;
  }>(`
    select p.id, p.topic_id, p.post_number, p.like_count, p.user_id from posts p join topics t on t.id = p.topic_id
    where p.deleted_at is null and p.hidden_at is null and t.deleted_at is null and not t.unlisted`);
  const index = meiliClient(stack).index("posts");
  const stats = await index.getStats();
  if (stats.numberOfDocuments !== expected.rows.length)
    problems.push(`index has ${stats.numberOfDocuments} documents, Postgres ${expected.rows.length} readable posts`);
  for (let i = 0; i < mustHave.length; i += 200) {
    const ids = mustHave.slice(i, i + 200);
    const got = await index.getDocuments({ filter: `id IN [${ids.join(",")}]`, fields: ["id"], limit: 200 });
    const have = new Set(got.results.map((d) => Number(d.id)));
    const missing = ids.filter((id) => !have.has(id));
    if (missing.length)
      problems.push(`${missing.length} new posts not in the index (e.g. ${missing.slice(0, 5).join(", ")})`);
  }
  const byId = new Map(expected.rows.map((r) => [r.id, r] as const));
  const sample = [...expected.rows]
    .sort(() => Math.random() - 0.5)
    .slice(0, sampleSize)
    .map((r) => r.id);
  if (sample.length) {
    const got = await index.getDocuments({
      filter: `id IN [${sample.join(",")}]`,
      fields: ["id", "topic_id", "post_number", "like_count", "user_id"],
      limit: sampleSize,
    });
    for (const d of got.results) {
      const e = byId.get(Number(d.id))!;
      for (const k of ["topic_id", "post_number", "like_count", "user_id"] as const) {
        if (Number(d[k]) !== Number(e[k]))
          problems.push(`post ${e.id}: ${k} ${d[k]} in the index, ${e[k]} in Postgres`);
      }
    }
    if (got.results.length !== sample.length)
      problems.push(`sample: ${sample.length - got.results.length} of ${sample.length} documents missing`);
  }
  return { problems, documents: stats.numberOfDocuments, expected: expected.rows.length, sampled: sample.length };
}

/** Peak VmRSS of a process, sampled from /proc every 200 ms. */
export function rssSampler(pid: number) {
  let peakKb = 0;
  const read = () => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      /* gone */
    }
  };
  read();
  const timer = setInterval(read, 200);
  return {
    peakMb: () => peakKb / 1024,
    stop: () => clearInterval(timer),
  };
}
