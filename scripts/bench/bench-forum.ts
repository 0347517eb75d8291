// npm run bench:forum [-- --duration 15 --connections 10 --no-build]: the forum's speed acceptance.
// On the generated data (npm run bench:generate), side by side:
//   - the production build of the app (NODE_ENV=production, JOBS=off), started as `npm start` does;
//   - a bare node:http server (scripts/bench/lib/bare-forum-server.ts) calling the very model
//     functions the routes call (getTopic, listTopicPosts, listSuggestedTopics, listTopics,
//     listVisibleCategories, countNewAndUnread) and printing the same rows as minimal HTML.
// autocannon loads each, one after the other, on a topic page (20 posts, rotating over 100 such
// topics) and /latest, first as a visitor, then as a signed-in member (scripts/bench/lib/bench-member.ts:
// read state on 5,000 topics, ~50 posts, likes and bookmarks; signed in through the real /login
// form, its session cookie sent by both servers' clients). For the member the bare server does the
// same member-scope work as the app: the session and the member (getViewer), the header's
// notification count, read state, draft and watch level (getReaderState, markRead), the member's
// likes and bookmarks on the page (listTopicPosts), the suggested topics with their unread marks, and on /latest
// the list's new/unread marks and the New/Unread counts.
// Prints requests/s, p50, p95, p99 and the ratio for visitor and member rows side by side, the
// New/Unread count's own p50/p95 for the member, and the load average beside every figure.
// Target: Remix >= 50% of bare throughput, and p95 < 50 ms at 10 connections.
import type { ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { benchDatabase } from "./generate-forum-data";
import { stopAll } from "../server/ensure-services";
import { buildApp } from "../server/build";
import { cpuSeconds, spawnServer, stopChild } from "./lib/bench-process";
import { BENCH_MEMBER, ensureBenchMember } from "./lib/bench-member";
import { gist, request } from "./lib/load-harness";
import { migrateToLatest } from "../../db/migrate";
import { startArgs } from "../server/start-command";
import { freePort } from "../server/services";

const BARE_SERVER = fileURLToPath(new URL("./lib/bare-forum-server.ts", import.meta.url));
const log = (m: string) => console.log(`[bench:forum] ${m}`);

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

// ---- the orchestrator --------------------------------------------------------------------------

type Autocannon = ((opts: Record<string, unknown>) => Instance) & { track?: unknown };
type Instance = {
  on(ev: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  on(
    ev: "done",
    fn: (r: {
      requests: { total: number };
      errors: number;
      timeouts: number;
      non2xx: number;
      duration: number;
    }) => void,
  ): void;
};
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

type Result = { rps: number; p50: number; p95: number; p99: number; errors: number; cpu: number; bytes: number };

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** user + system CPU seconds of a process, from /proc */
function load(
  url: string,
  paths: string[],
  seconds: number,
  connections: number,
  pid: number,
  cookie?: string,
): Promise<Result> {
  let i = 0;
  const latencies: number[] = [];
  let bytes = 0;
  const cpu0 = cpuSeconds(pid);
  return new Promise((resolve) => {
    const inst = autocannon({
      url,
      connections,
      duration: seconds,
      headers: cookie ? { cookie } : {},
      requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length] }) }],
    });
    inst.on("response", (_c, status, b, ms) => {
      if (status === 200) latencies.push(ms);
      bytes += b;
    });
    inst.on("done", (r) => {
      resolve({
        rps: latencies.length / r.duration,
        p50: pct(latencies, 50),
        p95: pct(latencies, 95),
        p99: pct(latencies, 99),
        errors: r.errors + r.timeouts + r.non2xx,
        cpu: (cpuSeconds(pid) - cpu0) / r.duration,
        bytes: latencies.length ? bytes / latencies.length : 0,
      });
    });
  });
}

/** One node process each (a CLI in between would hide its CPU time), with `npm start`'s node flags (memory limits)
 * plus BENCH_NODE_FLAGS: the app as `npm start` runs it (the built bundle), the bare server from its TypeScript. */
function startServer(args: "app" | string[], env: Record<string, string | undefined>, ready: (out: string) => boolean) {
  const start = startArgs(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean));
  return spawnServer(args === "app" ? start : [...start.slice(0, -1), "--import", "tsx", ...args], env, ready);
}

/** What a page shows, reduced to comparable rows: post anchors + author links, or topic links. */
function rowsOf(html: string, kind: "topic" | "latest") {
  if (kind === "topic")
    return [...html.matchAll(/id="post-(\d+)"[\s\S]*?href="\/u\/([^"]+)"/g)].map((m) => `${m[1]}:${m[2]}`);
  return [...new Set([...html.matchAll(/href="(\/t\/[^"/]+\/\d+)(?:\/\d+)?"/g)].map((m) => m[1]))];
}

const loadAvg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
type Mode = "visitor" | "member";
type Kind = "topic" | "latest";

async function main() {
  const seconds = Number(argValue("--duration") ?? 15);
  const connections = Number(argValue("--connections") ?? 10);
  const children: ChildProcess[] = [];
  const { url: dbUrl, services } = await benchDatabase(log);
  try {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    const meta = await c
      .query(`select value from bench_meta where key = 'generated'`)
      .catch(() => ({ rows: [] as { value: unknown }[] }));
    if (!meta.rows.length)
      throw new Error(
        "No generated data in tp_bench: run `npm run bench:generate` first (add -- --scale 0.01 for a quick run).",
      );
    const counts = (
      await c.query(`select (select count(*) from categories)::int as categories, (select count(*) from users)::int
          as members,
            (select count(*) from topics)::int as topics, (select count(*) from posts)::int as posts`)
    ).rows[0];
    log(`data: ${JSON.stringify(counts)} ${JSON.stringify(meta.rows[0].value)}`);
    // public, listed topics with at least 20 posts, newest first (the ones people read)
    const topicRows = (
      await c.query<{ id: number; path: string }>(
        `select t.id, '/t/' || t.slug || '/' || t.id as path from topics t join categories cat on cat.id = t.category_id
          where cat.see_rule = 'everyone' and t.deleted_at is null and not t.unlisted and t.highest_post_number >= 20
          order by t.id desc limit 100`,
      )
    ).rows;
    const topics = topicRows.map((r) => r.path);
    if (!topics.length) throw new Error("no topic with 20 posts in the generated data");
    // the migrations first (the member's read rows want the current schema), as the app's start would
    await migrateToLatest(dbUrl);
    await ensureBenchMember(
      c,
      topicRows.map((r) => r.id),
      log,
    );
    await c.end();

    if (!process.argv.includes("--no-build")) {
      await buildApp(log);
    }

    const [remixPort, barePort] = [await freePort(), await freePort()];
    const env = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: dbUrl,
      JOBS: "off",
      LOG_LEVEL: "warn",
      COOKIE_SECURE: "false",
      SHARED_CACHE: process.env.SHARED_CACHE ?? "off",
    };
    const remix = await startServer("app", { ...env, PORT: String(remixPort) }, (o) => o.includes("ready in"));
    children.push(remix.child);
    const bare = await startServer([BARE_SERVER], { ...env, PORT: String(barePort) }, (o) =>
      o.includes("bare server ready"),
    );
    children.push(bare.child);
    const targets = {
      remix: { url: `http://127.0.0.1:${remixPort}`, pid: remix.child.pid! },
      bare: { url: `http://127.0.0.1:${barePort}`, pid: bare.child.pid! },
    };

    // the member signs in through the app's own form: a real session, its cookie used on both sides
    const signIn = await request(targets.remix.url, "POST", "/login", {
      form: { email: BENCH_MEMBER.username, password: BENCH_MEMBER.password, redirectTo: "/" },
    });
    const cookie = signIn.setCookie?.split(";")[0];
    if (signIn.status !== 302 || !cookie)
      throw new Error(`the bench member could not sign in: ${signIn.status} ${gist(signIn.body)}`);
    const cookies: Record<Mode, string | undefined> = { visitor: undefined, member: cookie };
    // --hold: both servers stay up (for profiling by hand: curl, EXPLAIN, CPU per request) until interrupted
    if (process.argv.includes("--hold")) {
      log(
        `holding: app ${targets.remix.url} (pid ${targets.remix.pid}), bare ${targets.bare.url} (pid ` +
          `${targets.bare.pid}), database ${dbUrl}, member cookie ${cookie}`,
      );
      await new Promise(() => {});
    }

    // Same rows on both sides, or the comparison means nothing.
    for (const mode of ["visitor", "member"] as const) {
      for (const [kind, p] of [
        ["topic", topics[0]],
        ["latest", "/latest"],
      ] as const) {
        const opts = { cookie: cookies[mode] };
        const [a, b] = await Promise.all([
          request(targets.remix.url, "GET", p, opts),
          request(targets.bare.url, "GET", p, opts),
        ]);
        if (a.status !== 200 || b.status !== 200)
          throw new Error(`${p}: remix ${a.status}, bare ${b.status}\n${remix.output().slice(-2000)}`);
        if (mode === "member" && !a.body.includes(`/u/${BENCH_MEMBER.username}`))
          throw new Error(`${p}: the app's page is not the signed-in member's`);
        const [ra, rb] = [rowsOf(a.body, kind), rowsOf(b.body, kind)];
        const same = JSON.stringify(ra) === JSON.stringify(rb);
        log(
          `${mode} ${kind} page ${p}: remix ${ra.length} rows / ${(a.body.length / 1024).toFixed(1)} KB, bare ` +
            `${rb.length} rows / ${(b.body.length / 1024).toFixed(1)} KB, same rows: ${same}`,
        );
        if (!same || (kind === "topic" && ra.length !== 20))
          throw new Error(
            `the two servers do not print the same rows for ${p} (${mode}):\nremix ${ra.join(" ")}\nbare  ` +
              `${rb.join(" ")}`,
          );
      }
    }

    const results: Record<Mode, Record<Kind, Partial<Record<"remix" | "bare", Result & { load: string }>>>> = {
      visitor: { topic: {}, latest: {} },
      member: { topic: {}, latest: {} },
    };
    // --only topic|latest, --side remix|bare and --mode visitor|member narrow a run down (for profiling with
    // BENCH_NODE_FLAGS="--cpu-prof")
    const only = argValue("--only");
    const sides = (argValue("--side") ? [argValue("--side")] : ["bare", "remix"]) as ("bare" | "remix")[];
    const modes = (argValue("--mode") ? [argValue("--mode")] : ["visitor", "member"]) as Mode[];
    for (const mode of modes) {
      for (const [kind, paths] of [
        ["topic", topics],
        ["latest", ["/latest"]],
      ] as [Kind, string[]][]) {
        if (only && only !== kind) continue;
        for (const side of sides) {
          const t = targets[side];
          await load(t.url, paths, 3, connections, t.pid, cookies[mode]); // warm-up: JIT, pg pool, caches
          const r = await load(t.url, paths, seconds, connections, t.pid, cookies[mode]);
          results[mode][kind][side] = { ...r, load: loadAvg() };
          log(
            `${mode.padEnd(7)} ${kind.padEnd(6)} ${side.padEnd(5)} ${r.rps.toFixed(0).padStart(5)} req/s  p50 ` +
              `${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}  ` +
              `server CPU ${(r.cpu * 100).toFixed(0)}%  load avg ${loadAvg()}  ${(r.bytes / 1024).toFixed(1)} ` +
              `KB/response`,
          );
        }
      }
    }

    // the member's New/Unread counts on their own (the model the app and the bare server call)
    const countTimes = await timeCounts(dbUrl);
    log(
      `member New/Unread counts (${countTimes.counts.new} new, ${countTimes.counts.unread} unread): p50 ` +
        `${countTimes.p50.toFixed(2)} ms  p95 ${countTimes.p95.toFixed(2)} ms over ${countTimes.n} calls  load avg ` +
        `${loadAvg()}`,
    );

    console.log("");
    console.log(
      `Forum speed, ${connections} connections, ${seconds} s per run, on ${counts.topics.toLocaleString("en")} ` +
        `topics / ${counts.posts.toLocaleString("en")} posts / ${counts.members.toLocaleString("en")} members / ` +
        `${counts.categories} categories; ${new Date().toISOString()}, ${os.cpus().length} cores, shared cache ` +
        `${process.env.SHARED_CACHE ?? "off"} (SHARED_CACHE=on: visitors served from it)`,
    );
    console.log(
      "| page | viewer | bare req/s | bare p95 ms | app req/s | app p50 ms | app p95 ms | app p99 ms | ratio " +
        "app/bare | load avg (1 5 15) | verdict |",
    );
    console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
    let allOk = true;
    let compared = 0;
    for (const kind of ["topic", "latest"] as const) {
      for (const mode of ["visitor", "member"] as const) {
        const { remix: r, bare: b } = results[mode][kind];
        if (!r || !b) continue;
        compared++;
        const ratio = r.rps / b.rps;
        const ok = ratio >= 0.5 && r.p95 < 50 && r.errors === 0;
        allOk &&= ok;
        const label = kind === "topic" ? "topic (20 posts)" : "/latest";
        console.log(
          `| ${label} | ${mode} | ${b.rps.toFixed(0)} | ${b.p95.toFixed(1)} | ${r.rps.toFixed(0)} | ` +
            `${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${ratio.toFixed(2)} | ${r.load} | ` +
            `${ok ? "PASS" : "FAIL"} (>= 0.50, p95 < 50 ms) |`,
        );
      }
    }
    const countsOk = countTimes.p95 < 5;
    console.log(
      `| New/Unread counts (member) | member | | | | ${countTimes.p50.toFixed(2)} | ${countTimes.p95.toFixed(2)} ` +
        `| | | ${loadAvg()} | ${countsOk ? "PASS" : "FAIL"} (p95 < 5 ms) |`,
    );
    if (compared < 4) {
      console.log("\nPartial run (--only / --side / --mode): no verdict.");
      return;
    }
    allOk &&= countsOk;
    console.log(allOk ? "\nAcceptance: PASS" : "\nAcceptance: FAIL");
    process.exitCode = allOk ? 0 : 1;
  } finally {
    for (const ch of children) await stopChild(ch);
    await stopAll(services);
  }
}

/** p50/p95 of the member's New/Unread counts, called as the app calls them (after the HTTP runs). */
async function timeCounts(dbUrl: string) {
  Object.assign(process.env, {
    DATABASE_URL: dbUrl,
    NODE_ENV: "production",
    JOBS: "off",
    LOG_LEVEL: "silent",
    COOKIE_SECURE: "false",
  });
  const { db } = await import("../../app/db.server");
  const { scopeOfUser } = await import("../../app/viewer.server");
  const { countNewAndUnread } = await import("../../app/models/forum/topic-list.server");
  const member = await db
    .selectFrom("users")
    .select(["id", "last_visit_at"])
    .where("username", "=", BENCH_MEMBER.username)
    .executeTakeFirstOrThrow();
  const scope = await scopeOfUser(db, member.id);
  const ms: number[] = [];
  let counts = { new: 0, unread: 0 };
  for (let i = 0; i < 320; i++) {
    const t0 = performance.now();
    counts = await countNewAndUnread({ scope, lastVisitAt: member.last_visit_at });
    if (i >= 20) ms.push(performance.now() - t0); // the first calls warm the connections and caches
  }
  await db.destroy();
  return { counts, n: ms.length, p50: pct(ms, 50), p95: pct(ms, 95) };
}

await main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
