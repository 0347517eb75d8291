// npm run bench:directory [-- --duration 15 --connections 10 --no-build --reindex]: the directory's
// speed acceptance, on the 100,000 generated profiles (npm run bench:generate-profiles):
//   - the directory page of the production app (NODE_ENV=production, JOBS=off, anonymous) with a
//     typo query and two filters: /directory?q=custmer+sevice+manger&country=NG&competency=sla-management
//   - the very same search sent straight to Meilisearch (the parameters the page sends, from
//     directorySearchParams), through the same kind of HTTP load generator.
//   - the floor: a bare node:http server that sends the same query to Meilisearch and answers with
//     the same bytes (scripts/bench/lib/directory-floor-server.ts), what no page can go below here.
// autocannon at 10 connections on each, the three taking turns in 2-second slices (the machine's
// load changes from one second to the next: it falls on all three alike); prints p50/p95/p99 of each,
// the CPU each process used per request (load generator, app, this data folder's Meilisearch and
// PostgreSQL), and the difference of the p95s. Targets: page p95 < 30 ms, and within 10 ms of Meilisearch's p95.
// --reindex also times a full reindex (target < 60 s).
import type { ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { BENCH_INDEX_PREFIX, profilesBenchEnv, timedReindex } from "./generate-profiles";
import { stopAll } from "../server/ensure-services";
import { cpuSeconds, get, ownCpuSeconds, spawnServer, stopChild } from "./lib/bench-process";
import { buildApp } from "../server/build";
import { startArgs } from "../server/start-command";
import { freePort } from "../server/services";
import { dataDir } from "../server/paths";

const log = (m: string) => console.log(`[bench:directory] ${m}`);
const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
};

type Instance = {
  on(ev: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  on(ev: "done", fn: (r: { errors: number; timeouts: number; non2xx: number; duration: number }) => void): void;
};
const autocannon = createRequire(import.meta.url)("autocannon") as (opts: Record<string, unknown>) => Instance;

type Result = { rps: number; p50: number; p95: number; p99: number; errors: number; seconds: number };
const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

type Target = { url: string; method?: string; body?: string; headers?: Record<string, string> };
type Slice = { latencies: number[]; errors: number; seconds: number };

function loadSlice(opts: Target, seconds: number, connections: number): Promise<Slice> {
  const latencies: number[] = [];
  return new Promise((resolve) => {
    const inst = autocannon({ ...opts, connections, duration: seconds });
    inst.on("response", (_c, status, _b, ms) => {
      if (status === 200) latencies.push(ms);
    });
    inst.on("done", (r) => resolve({ latencies, errors: r.errors + r.timeouts + r.non2xx, seconds: r.duration }));
  });
}

const summary = (slices: Slice[]): Result => {
  const latencies = slices.flatMap((x) => x.latencies);
  const seconds = slices.reduce((a, x) => a + x.seconds, 0);
  const errors = slices.reduce((a, x) => a + x.errors, 0);
  return {
    rps: latencies.length / seconds,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    errors,
    seconds,
  };
};

// CPU seconds used by each side during a run (utime + stime from /proc), to show where a request's
// CPU goes on this machine: the load generator (this process), the app, Meilisearch, PostgreSQL.
const cmdline = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return [];
  }
};
const parentOf = (pid: number) => {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[1]);
  } catch {
    return 0;
  }
};
// Only this data folder's Meilisearch and PostgreSQL (its postmaster and the backends it forked):
// other checkouts on the machine run their own, and their CPU is not this benchmark's.
function servicePids(): { meili: number[]; postgres: number[] } {
  const root = dataDir();
  const all = fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
  const meili = all.filter((pid) => cmdline(pid).some((a) => a.startsWith(path.join(root, "meili"))));
  const postmasters = all.filter((pid) => {
    const args = cmdline(pid);
    return args.includes("-D") && args[args.indexOf("-D") + 1]?.startsWith(path.join(root, "postgres"));
  });
  return { meili, postgres: [...postmasters, ...all.filter((pid) => postmasters.includes(parentOf(pid)))] };
}
type Sides = Record<"load generator" | "app" | "meilisearch" | "postgres", number>;
function cpuNow(appPid: number | undefined): Sides {
  const pids = servicePids();
  // each process alone: this one's tree holds the app, the floor server and the embedded services it started, and
  // the postmaster's its backends, which are listed on their own
  const sum = (xs: number[]) => xs.reduce((a, p) => a + ownCpuSeconds(p), 0);
  return {
    "load generator": ownCpuSeconds(process.pid),
    app: appPid ? cpuSeconds(appPid) : 0,
    meilisearch: sum(pids.meili),
    postgres: sum(pids.postgres),
  };
}
/** CPU ms per request of each side, from the CPU seconds used during the slices and their request count. */
function perRequest(used: Sides, requests: number): Sides {
  // a PostgreSQL backend that ended meanwhile takes its CPU time with it: never below zero
  return Object.fromEntries(Object.entries(used).map(([k, v]) => [k, Math.max(0, (v * 1000) / requests)])) as Sides;
}
const cpuLine = (c: Sides) =>
  Object.entries(c)
    .map(([k, v]) => `${k} ${v.toFixed(2)}`)
    .join(", ");

async function main() {
  const seconds = Number(argValue("--duration") ?? 15);
  const connections = Number(argValue("--connections") ?? 10);
  const { url: dbUrl, services } = await profilesBenchEnv(log);
  let child: ChildProcess | undefined;
  let floor: ChildProcess | undefined;
  const bodyFile = path.join(os.tmpdir(), `bench-directory-page-${process.pid}.html`);
  try {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    const meta = await c
      .query(`select value from bench_meta where key = 'profiles'`)
      .catch(() => ({ rows: [] as { value: unknown }[] }));
    const findable = (
      await c
        .query(`select count(*)::int as n from profiles where visibility <> 'hidden'`)
        .catch(() => ({ rows: [{ n: 0 }] }))
    ).rows[0].n as number;
    await c.end();
    if (!meta.rows.length) throw new Error("No generated profiles: run `npm run bench:generate-profiles` first.");
    log(`data: ${JSON.stringify(meta.rows[0].value)}, ${findable.toLocaleString("en")} findable profiles`);

    const { meili, indexName } = await import("../../app/search.server");
    const client = meili()!;
    const uid = indexName("profiles");
    const stats = await client
      .index(uid)
      .getStats()
      .catch(() => null);
    let reindexSeconds: number | null = null;
    if (process.argv.includes("--reindex") || !stats || stats.numberOfDocuments !== findable) {
      log(`full reindex into ${uid} (index has ${stats?.numberOfDocuments ?? 0} documents)`);
      reindexSeconds = (await timedReindex(() => {})).seconds;
      log(`full reindex: ${reindexSeconds.toFixed(1)} s`);
    }

    if (!process.argv.includes("--no-build")) {
      await buildApp(log);
    }
    const port = await freePort();
    const env = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: dbUrl,
      MEILI_INDEX_PREFIX: BENCH_INDEX_PREFIX,
      JOBS: "off",
      LOG_LEVEL: "warn",
      COOKIE_SECURE: "false",
      PORT: String(port),
    };
    // BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the app
    const app = await spawnServer(startArgs(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean)), env, (o) =>
      o.includes("ready in"),
    );
    child = app.child;
    const out = app.output;

    const pagePath = "/directory?q=custmer+sevice+manger&country=NG&competency=sla-management";
    const pageUrl = `http://127.0.0.1:${port}${pagePath}`;
    const first = await get(pageUrl);
    const cards = (first.body.match(/class="directory-card"/g) ?? []).length;
    const total = /(?<!\d)(\d[\d,]*) profiles?</.exec(first.body)?.[1];
    if (first.status !== 200 || !cards || first.body.includes("search-degraded"))
      throw new Error(
        `the page did not answer from Meilisearch: status ${first.status}, ${cards} cards\n${out().slice(-2000)}`,
      );
    log(`page ${pagePath}: ${cards} cards of ${total} profiles, ${(first.body.length / 1024).toFixed(1)} KB`);

    // the same query, straight to Meilisearch: the parameters the page sends
    const { parseDirectoryQuery } = await import("../../app/models/directory/directory.schema");
    const { directorySearchParams } = await import("../../app/models/directory/directory.server");
    const { VISITOR } = await import("../../app/models/permissions.server");
    const query = parseDirectoryQuery(new URL(pageUrl).searchParams);
    const body = JSON.stringify(directorySearchParams(VISITOR, query));
    const meiliUrl = `${process.env.MEILI_URL!.replace(/\/$/, "")}/indexes/${uid}/search`;
    // the app's own scoped key (with embedded services the master key stays in its file)
    const key = process.env.MEILI_API_KEY ?? process.env.MEILI_MASTER_KEY;
    const headers = { "Content-Type": "application/json", Authorization: `Bearer ${key}` };
    const direct = await fetch(meiliUrl, { method: "POST", headers, body }).then(
      (r) => r.json() as Promise<{ totalHits: number; hits: unknown[] }>,
    );
    if (!direct.hits) throw new Error(`Meilisearch refused the query: ${JSON.stringify(direct)}`);
    log(`Meilisearch directly: ${direct.hits.length} hits of ${direct.totalHits}`);

    // the floor: a bare node:http server sending the same query to Meilisearch and the same bytes back
    fs.writeFileSync(bodyFile, first.body);
    const floorPort = await freePort();
    floor = (
      await spawnServer(
        ["--import", "tsx", "scripts/bench/lib/directory-floor-server.ts"],
        { ...env, PORT: String(floorPort), FLOOR_BODY_FILE: bodyFile },
        (o) => o.includes("listening on"),
      )
    ).child;
    const floorUrl = `http://127.0.0.1:${floorPort}${pagePath}`;

    // The three targets take turns in short slices, so a change in the machine's load (other
    // processes share these cores) falls on all three alike; their latencies are pooled per target.
    const targets: { name: string; target: Target; pid: number | undefined }[] = [
      { name: "page", target: { url: pageUrl }, pid: child.pid },
      { name: "floor", target: { url: floorUrl }, pid: floor.pid },
      { name: "meilisearch", target: { url: meiliUrl, method: "POST", body, headers }, pid: undefined },
    ];
    for (const t of targets) await loadSlice(t.target, 2, connections); // warm-up
    const sliceSeconds = 2;
    const rounds = Math.max(1, Math.round(seconds / sliceSeconds));
    const slices = targets.map(() => [] as Slice[]);
    const used = targets.map((): Sides => ({ "load generator": 0, app: 0, meilisearch: 0, postgres: 0 }));
    for (let r = 0; r < rounds; r++) {
      for (const [i, t] of targets.entries()) {
        const before = cpuNow(t.pid);
        slices[i].push(await loadSlice(t.target, sliceSeconds, connections));
        const after = cpuNow(t.pid);
        for (const k of Object.keys(after) as (keyof Sides)[]) used[i][k] += after[k] - before[k];
      }
    }
    const [page, bare, raw] = targets.map((_, i) => {
      const r = summary(slices[i]);
      return { ...r, cpuMs: perRequest(used[i], r.rps * r.seconds) };
    });
    for (const [i, r] of [page, bare, raw].entries()) {
      log(
        `${targets[i].name.padEnd(11)} ${r.rps.toFixed(0)} req/s  p50 ${r.p50.toFixed(1)} ms  p95 ` +
          `${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}`,
      );
    }
    log(`${rounds} rounds of ${sliceSeconds} s per target, load average now ${os.loadavg()[0].toFixed(1)}`);

    const diff = page.p95 - raw.p95;
    const okP95 = page.p95 < 30;
    const okDiff = diff <= 10;
    const okReindex = reindexSeconds === null || reindexSeconds < 60;
    console.log("");
    console.log(
      `Directory speed, ${connections} connections, ${seconds} s per run, anonymous, ` +
        `${findable.toLocaleString("en")} findable profiles, query: typo + 2 filters`,
    );
    console.log("| target | req/s | p50 ms | p95 ms | p99 ms |");
    console.log("| --- | ---: | ---: | ---: | ---: |");
    console.log(
      `| directory page | ${page.rps.toFixed(0)} | ${page.p50.toFixed(1)} | ${page.p95.toFixed(1)} | ` +
        `${page.p99.toFixed(1)} |`,
    );
    console.log(
      `| floor: node:http, the same query, the same bytes | ${bare.rps.toFixed(0)} | ${bare.p50.toFixed(1)} | ` +
        `${bare.p95.toFixed(1)} | ${bare.p99.toFixed(1)} |`,
    );
    console.log(
      `| Meilisearch direct | ${raw.rps.toFixed(0)} | ${raw.p50.toFixed(1)} | ${raw.p95.toFixed(1)} | ` +
        `${raw.p99.toFixed(1)} |`,
    );
    console.log(`CPU per request (ms), page run: ${cpuLine(page.cpuMs)}`);
    console.log(`CPU per request (ms), floor run: ${cpuLine(bare.cpuMs).replace("app", "floor server")}`);
    console.log(`CPU per request (ms), Meilisearch run: ${cpuLine(raw.cpuMs)}`);
    console.log(
      `p95 difference: ${diff.toFixed(1)} ms (target <= 10 ms: ${okDiff ? "PASS" : "FAIL"}); page p95 < 30 ms: ` +
        `${okP95 ? "PASS" : "FAIL"}`,
    );
    if (reindexSeconds !== null)
      console.log(`full reindex: ${reindexSeconds.toFixed(1)} s (target < 60 s: ${okReindex ? "PASS" : "FAIL"})`);
    console.log(
      `machine load average during the run: ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" / ")} on ${os.cpus().length} cores`,
    );
    process.exitCode = okP95 && okDiff && okReindex && page.errors === 0 ? 0 : 1;
    const { db } = await import("../../app/db.server");
    await db.destroy();
  } finally {
    await stopChild(child);
    await stopChild(floor);
    fs.rmSync(bodyFile, { force: true });
    await stopAll(services);
  }
}

await main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
