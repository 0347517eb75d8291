// npm run bench:forum [-- --duration 15 --connections 10 --no-build]: the forum's speed acceptance.
// On the generated data (npm run bench:generate), side by side:
//   - the production build of the app (NODE_ENV=production, JOBS=off), started as `npm start` does;
//   - a bare node:http server (this same file, run with --bare-server) calling the very model
//     functions the routes call (getTopic, listTopicPosts, listTopics, listVisibleCategories,
//     countNewAndUnread) and printing the same rows as minimal HTML.
// autocannon loads each with anonymous requests, one after the other, on a topic page (20 posts,
// rotating over 100 such topics) and /latest, and prints requests/s, p50, p95, p99 and the ratio.
// Target: Remix >= 50% of bare throughput, and p95 < 50 ms at 10 connections.
import type { ChildProcess } from "node:child_process";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { benchDatabase } from "./generate-forum-data";
import { stopAll } from "./lib/ensure-services";
import { buildApp } from "./lib/build";
import { cpuSeconds, get, spawnServer, stopChild } from "./lib/bench-process";
import { startArgs } from "./lib/start-command";
import { freePort } from "./lib/services";

const self = fileURLToPath(import.meta.url);
const log = (m: string) => console.log(`[bench:forum] ${m}`);

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

// ---- the bare server ---------------------------------------------------------------------------

async function runBareServer() {
  const { VISITOR } = await import("../app/permissions.server");
  const { getTopic, listTopicPosts, listTopics, countNewAndUnread, topicUrl } = await import("../app/models/topic.server");
  const { listVisibleCategories } = await import("../app/models/category.server");
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main>${body}</main></body></html>`;

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://bare");
      const m = /^\/t\/([^/]+)\/(\d{1,9})$/.exec(url.pathname);
      let html: string | null = null;
      if (m) {
        const topic = await getTopic({ scope: VISITOR, topicId: Number(m[2]) });
        if (topic) {
          const posts = await listTopicPosts({ scope: VISITOR, topic, from: 1 });
          const path = topicUrl(topic);
          html = page(
            topic.title,
            `<h1>${esc(topic.title)}</h1><p><a href="/c/${esc(topic.category.slug)}">${esc(topic.category.name)}</a></p>` +
              posts
                .map(
                  (p) =>
                    `<article id="post-${p.post_number}"><header><a href="/u/${esc(p.username ?? "")}">${esc(p.display_name ?? "")}</a>` +
                    (p.level ? ` <span>Level ${p.level}</span>` : "") +
                    ` <a href="${path}/${p.post_number}"><time datetime="${p.created_at.toISOString()}">${p.created_at.toISOString()}</time></a>` +
                    (p.reply_to_post_number ? ` <a href="${path}/${p.reply_to_post_number}">reply to #${p.reply_to_post_number}</a>` : "") +
                    ` #${p.post_number}</header><div>${p.body_html}</div><footer>${p.like_count} likes</footer></article>`,
                )
                .join(""),
          );
        }
      } else if (url.pathname === "/latest") {
        const [list, categories, counts] = await Promise.all([
          listTopics({ scope: VISITOR, filter: { kind: "latest" }, cursor: url.searchParams.get("after"), lastVisitAt: null }),
          listVisibleCategories(VISITOR),
          countNewAndUnread({ scope: VISITOR, lastVisitAt: null }),
        ]);
        html = page(
          "Latest topics",
          `<h1>Latest topics</h1><nav>${categories.map((c) => `<a href="/c/${esc(c.slug)}">${esc(c.name)}</a>`).join(" ")} ${counts.new} ${counts.unread}</nav><table>` +
            list.topics
              .map(
                (t) =>
                  `<tr><td><a href="${topicUrl(t)}">${esc(t.title)}</a> <a href="/c/${esc(t.category.slug)}">${esc(t.category.name)}</a> ${t.tags.map((g) => `<a href="/tag/${esc(g)}">${esc(g)}</a>`).join(" ")}</td>` +
                  `<td>${t.posters.map((p) => `<a href="/u/${esc(p.username)}" title="${esc(p.display_name)}">${esc(p.display_name.slice(0, 1))}</a>`).join("")}</td>` +
                  `<td>${t.reply_count}</td><td>${t.like_count}</td><td><time datetime="${t.bumped_at.toISOString()}">${t.bumped_at.toISOString()}</time></td></tr>`,
              )
              .join("") +
            `</table>${list.next ? `<a href="/latest?after=${list.next}">More</a>` : ""}`,
        );
      }
      res.writeHead(html ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
      res.end(html ?? "Not found");
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("bare server ready"));
  process.on("SIGTERM", () => process.exit(0)); // exit normally, so --cpu-prof (BENCH_NODE_FLAGS) can write its profile
}

// ---- the orchestrator --------------------------------------------------------------------------

type Autocannon = ((opts: Record<string, unknown>) => Instance) & { track?: unknown };
type Instance = { on(ev: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void; on(ev: "done", fn: (r: { requests: { total: number }; errors: number; timeouts: number; non2xx: number; duration: number }) => void): void };
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

type Result = { rps: number; p50: number; p95: number; p99: number; errors: number; cpu: number; bytes: number };

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** user + system CPU seconds of a process, from /proc */
function load(url: string, paths: string[], seconds: number, connections: number, pid: number): Promise<Result> {
  let i = 0;
  const latencies: number[] = [];
  let bytes = 0;
  const cpu0 = cpuSeconds(pid);
  return new Promise((resolve) => {
    const inst = autocannon({
      url,
      connections,
      duration: seconds,
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

/** `node --import tsx`: one process (the tsx CLI would put a second one in between), so its CPU time can be read;
 * both servers run with `npm start`'s node flags (memory limits), plus BENCH_NODE_FLAGS. */
function startServer(args: string[], env: Record<string, string | undefined>, ready: (out: string) => boolean) {
  const nodeFlags = startArgs(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean)).slice(0, -1);
  return spawnServer([...nodeFlags, ...args], env, ready);
}

/** What a page shows, reduced to comparable rows: post anchors + author links, or topic links. */
function rowsOf(html: string, kind: "topic" | "latest") {
  if (kind === "topic") return [...html.matchAll(/id="post-(\d+)"[\s\S]*?href="\/u\/([^"]+)"/g)].map((m) => `${m[1]}:${m[2]}`);
  return [...new Set([...html.matchAll(/href="(\/t\/[^"/]+\/\d+)"/g)].map((m) => m[1]))];
}

async function main() {
  const seconds = Number(argValue("--duration") ?? 15);
  const connections = Number(argValue("--connections") ?? 10);
  const children: ChildProcess[] = [];
  const { url: dbUrl, services } = await benchDatabase(log);
  try {
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    const meta = await c.query(`select value from bench_meta where key = 'generated'`).catch(() => ({ rows: [] as { value: unknown }[] }));
    if (!meta.rows.length) throw new Error("No generated data in tp_bench: run `npm run bench:generate` first (add -- --scale 0.01 for a quick run).");
    const counts = (await c.query(`select (select count(*) from categories)::int as categories, (select count(*) from users)::int as members, (select count(*) from topics)::int as topics, (select count(*) from posts)::int as posts`)).rows[0];
    log(`data: ${JSON.stringify(counts)} ${JSON.stringify(meta.rows[0].value)}`);
    // public, listed topics with at least 20 posts, newest first (the ones people read)
    const topics = (
      await c.query<{ path: string }>(
        `select '/t/' || t.slug || '/' || t.id as path from topics t join categories cat on cat.id = t.category_id
          where cat.see_rule = 'everyone' and t.deleted_at is null and not t.unlisted and t.highest_post_number >= 20
          order by t.id desc limit 100`,
      )
    ).rows.map((r) => r.path);
    await c.end();
    if (!topics.length) throw new Error("no topic with 20 posts in the generated data");

    if (!process.argv.includes("--no-build")) {
      buildApp(log);
    }

    const [remixPort, barePort] = [await freePort(), await freePort()];
    const env = { ...process.env, NODE_ENV: "production", DATABASE_URL: dbUrl, JOBS: "off", LOG_LEVEL: "warn", COOKIE_SECURE: "false" };
    const remix = await startServer(["scripts/launch.ts"], { ...env, PORT: String(remixPort) }, (o) => o.includes("listening on"));
    children.push(remix.child);
    const bare = await startServer([self, "--bare-server"], { ...env, PORT: String(barePort) }, (o) => o.includes("bare server ready"));
    children.push(bare.child);
    const targets = {
      remix: { url: `http://127.0.0.1:${remixPort}`, pid: remix.child.pid! },
      bare: { url: `http://127.0.0.1:${barePort}`, pid: bare.child.pid! },
    };

    // Same rows on both sides, or the comparison means nothing.
    for (const [kind, p] of [["topic", topics[0]], ["latest", "/latest"]] as const) {
      const [a, b] = await Promise.all([get(targets.remix.url + p), get(targets.bare.url + p)]);
      if (a.status !== 200 || b.status !== 200) throw new Error(`${p}: remix ${a.status}, bare ${b.status}\n${remix.output().slice(-2000)}`);
      const [ra, rb] = [rowsOf(a.body, kind), rowsOf(b.body, kind)];
      const same = JSON.stringify(ra) === JSON.stringify(rb);
      log(`${kind} page ${p}: remix ${ra.length} rows / ${(a.body.length / 1024).toFixed(1)} KB, bare ${rb.length} rows / ${(b.body.length / 1024).toFixed(1)} KB, same rows: ${same}`);
      if (!same || (kind === "topic" && ra.length !== 20)) throw new Error(`the two servers do not print the same rows for ${p}:\nremix ${ra.join(" ")}\nbare  ${rb.join(" ")}`);
    }

    const results: Record<string, Record<string, Result>> = { topic: {}, latest: {} };
    // --only topic|latest and --side remix|bare narrow a run down (for profiling with BENCH_NODE_FLAGS="--cpu-prof")
    const only = argValue("--only");
    const sides = (argValue("--side") ? [argValue("--side")] : ["bare", "remix"]) as ("bare" | "remix")[];
    for (const [kind, paths] of [["topic", topics], ["latest", ["/latest"]]] as [string, string[]][]) {
      if (only && only !== kind) continue;
      for (const side of sides) {
        const t = targets[side];
        await load(t.url, paths, 3, connections, t.pid); // warm-up: JIT, pg pool, caches
        const r = await load(t.url, paths, seconds, connections, t.pid);
        results[kind][side] = r;
        log(`${kind.padEnd(6)} ${side.padEnd(5)} ${r.rps.toFixed(0).padStart(5)} req/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}  server CPU ${(r.cpu * 100).toFixed(0)}%  load avg ${os.loadavg()[0].toFixed(1)}  ${(r.bytes / 1024).toFixed(1)} KB/response`);
      }
    }

    console.log("");
    console.log(`Forum speed, ${connections} connections, ${seconds} s per run, anonymous, on ${counts.topics.toLocaleString("en")} topics / ${counts.posts.toLocaleString("en")} posts / ${counts.members.toLocaleString("en")} members / ${counts.categories} categories`);
    console.log("| page | server | req/s | p50 ms | p95 ms | p99 ms | ratio remix/bare | verdict |");
    console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
    let allOk = true;
    let compared = 0;
    for (const kind of ["topic", "latest"] as const) {
      const { remix: r, bare: b } = results[kind];
      if (!r || !b) continue;
      compared++;
      const ratio = r.rps / b.rps;
      const ok = ratio >= 0.5 && r.p95 < 50 && r.errors === 0;
      allOk &&= ok;
      const label = kind === "topic" ? "topic (20 posts)" : "/latest";
      console.log(`| ${label} | bare | ${b.rps.toFixed(0)} | ${b.p50.toFixed(1)} | ${b.p95.toFixed(1)} | ${b.p99.toFixed(1)} | | |`);
      console.log(`| ${label} | remix | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${ratio.toFixed(2)} | ${ok ? "PASS" : "FAIL"} (>= 0.50, p95 < 50 ms) |`);
    }
    if (compared < 2) {
      console.log("\nPartial run (--only / --side): no verdict.");
      return;
    }
    console.log(allOk ? "\nAcceptance: PASS" : "\nAcceptance: FAIL");
    process.exitCode = allOk ? 0 : 1;
  } finally {
    for (const ch of children) await stopChild(ch);
    await stopAll(services);
  }
}

if (process.argv.includes("--bare-server")) {
  await runBareServer();
} else {
  await main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
