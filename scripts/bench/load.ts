// npm run load [-- --duration 60 --members 50 --writers 20 --max-requests 300000 --build] [-- --hostile]
// On loopback only: its own PostgreSQL and Meilisearch in a fresh .data/load, a seeded forum, the
// production app (as `npm start` runs it). 50 signed-in members read topic pages and lists for 60 s
// while 20 of them reply (through the real form, a unique token in each body) and like. Then, in the
// database: every reply acknowledged by a redirect exists exactly once, every counter equals a
// recount, every new post is in the search index (after the outbox drains). Prints requests/s,
// p50/p95/p99 per route, errors, requests shed (503 + Retry-After, scripts/server/load-shed.ts; a
// shed reply is not acknowledged, so never "lost"), lost/duplicated, the web process's peak RSS
// (< 300 MB) and the load average.
// Exits non-zero when any check fails.
// --hostile (issue 25): 20 members read topics alone, then while one pathological post a second is
// submitted; their p95 must stay under twice the first figure (scripts/bench/lib/load-hostile.ts).
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  checkCounters,
  gist,
  checkReplies,
  compareIndex,
  ensureBuild,
  isError,
  pct,
  request,
  routeTable,
  rssSampler,
  runLoad,
  seedForum,
  signIn,
  startApp,
  startStack,
  stopApp,
  waitForOutbox,
  type App,
  type Stack,
} from "./lib/load-harness";
import { projectRoot } from "../server/paths";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    members: { type: "string", default: "50" },
    writers: { type: "string", default: "20" },
    "max-requests": { type: "string", default: "300000" },
    build: { type: "boolean" },
    hostile: { type: "boolean" },
  },
});
const seconds = Number(values.duration);
const vus = Number(values.members);
const writers = Number(values.writers);
const maxRequests = Number(values["max-requests"]);
if (
  ![seconds, vus, writers, maxRequests].every((n) => Number.isInteger(n) && n > 0) ||
  seconds > 600 ||
  writers > vus
) {
  console.error(
    "Usage: npm run load [-- --duration SECONDS (<= 600) --members N --writers N (<= members) --max-requests N]",
  );
  process.exit(2);
}
const RSS_LIMIT_MB = 300;
const log = (m: string) => console.log(`[load] ${m}`);

if (values.hostile) {
  const { runHostileLoad } = await import("./lib/load-hostile");
  process.exit((await runHostileLoad({ seconds, readers: 20, log })) ? 0 : 1);
}

let stack: Stack | undefined;
let app: App | undefined;
let failed = false;
const check = (ok: boolean, line: string) => {
  console.log(`${ok ? "PASS" : "FAIL"}  ${line}`);
  if (!ok) failed = true;
};

try {
  await ensureBuild(log);
  stack = await startStack(path.join(projectRoot, ".data", "load"), log);
  const seeded = await seedForum(stack.pool, { members: vus, topics: 40, postsPerTopic: 12 });
  app = await startApp(stack);
  log(`app on ${app.url} (pid ${app.child.pid}); ${vus} members, ${seeded.topics.length} topics of 12 posts`);
  await waitForOutbox(stack.pool, 180_000);
  const members = await signIn(app.url, seeded.users);
  log(`${members.length} members signed in`);
  const forum = { members, topics: seeded.topics, categoryPath: seeded.categoryPath };
  // warm-up (JIT, pools), not measured
  await runLoad({
    url: app.url,
    forum: { ...forum, members: members.slice(writers) },
    vus: 10,
    writers: 0,
    seconds: 3,
    maxRequests: 2000,
  });

  const rss = rssSampler(app.child.pid!);
  log(`running: ${seconds} s, ${vus} members, ${writers} of them replying and liking`);
  const result = await runLoad({ url: app.url, forum, vus, writers, seconds, maxRequests });
  rss.stop();
  const drained = await waitForOutbox(stack.pool, 120_000);
  const replies = await checkReplies(stack.pool, result.acknowledged);
  const counters = await checkCounters(stack.pool);
  const index = await compareIndex(stack, replies.postIds);
  // and through the app's own search page, a few new posts by their token
  const probes = result.acknowledged.slice(0, 5);
  let found = 0;
  for (const token of probes) {
    const r = await request(app.url, "GET", `/search?q=${token}`, { cookie: members[0].cookie });
    if (r.status === 200 && r.body.includes(token)) found++;
  }

  const errors = result.samples.filter(isError);
  const shed = result.samples.filter((s) => s.shed).length;
  console.log("");
  console.log(
    `Load test, ${new Date().toISOString()}, ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")} (1, 5, 15 min; machine shared: figures are as measured)`,
  );
  console.log(
    `${vus} signed-in members for ${result.seconds.toFixed(1)} s, ${writers} replying and liking; ` +
      `${result.samples.length} requests, ${(result.samples.length / result.seconds).toFixed(1)} req/s`,
  );
  console.log(
    `shed (503 + Retry-After, SHED_CONCURRENCY ${process.env.SHED_CONCURRENCY ?? 8}, SHED_QUEUE_MS ` +
      `${process.env.SHED_QUEUE_MS ?? 500}): ${shed} of ${result.samples.length} requests (` +
      `${((100 * shed) / Math.max(1, result.samples.length)).toFixed(2)}%); latencies below are of the requests ` +
      `served`,
  );
  console.log("");
  console.log(routeTable(result));
  console.log("");
  if (errors.length) {
    const by = new Map<string, number>();
    for (const e of errors) {
      const key = `${e.route} ${e.status || e.error}${e.body ? ` "${gist(e.body)}"` : ""}`;
      by.set(key, (by.get(key) ?? 0) + 1);
    }
    console.log(`errors: ${[...by].map(([k, n]) => `${k} x${n}`).join(", ")}`);
  }
  console.log(
    `replies acknowledged ${result.acknowledged.length}, not acknowledged ${result.unacknowledged.length}; likes ` +
      `${result.likes}; outbox drained ${drained.toFixed(1)} s after the load`,
  );
  check(errors.length === 0, `errors: ${errors.length}`);
  const p99 = pct(
    result.samples.filter((s) => s.status !== 0 && !s.shed).map((s) => s.ms),
    99,
  );
  check(p99 < 2000, `p99 of the requests served ${p99.toFixed(0)} ms (< 2,000 ms: past that the app sheds instead)`);
  check(result.acknowledged.length > 0, `replies acknowledged by a redirect: ${result.acknowledged.length}`);
  check(
    replies.lost.length === 0,
    `lost: ${replies.lost.length}${replies.lost.length ? ` (e.g. ${replies.lost.slice(0, 3).join(", ")})` : ""}`,
  );
  check(replies.duplicated.length === 0, `duplicated: ${replies.duplicated.length}`);
  check(
    counters.length === 0,
    `counters equal a recount (topics, posts, categories)` +
      `${counters.length ? `: ${counters.slice(0, 5).join("; ")}` : ""}`,
  );
  check(
    index.problems.length === 0,
    `search index: ${index.documents} documents for ${index.expected} readable posts, ${replies.postIds.length} ` +
      `new posts present, ${index.sampled} sampled documents equal Postgres` +
      `${index.problems.length ? `: ${index.problems.slice(0, 5).join("; ")}` : ""}`,
  );
  check(found === probes.length, `search page finds new posts by their token: ${found}/${probes.length}`);
  check(rss.peakMb() < RSS_LIMIT_MB, `web process peak RSS ${rss.peakMb().toFixed(0)} MB (< ${RSS_LIMIT_MB} MB)`);
} catch (e) {
  console.error(e instanceof Error ? e.stack : e);
  if (app) console.error(app.output().slice(-3000));
  failed = true;
} finally {
  await stopApp(app);
  await stack?.stop();
}
console.log(failed ? "\nLoad test: FAIL" : "\nLoad test: PASS");
process.exit(failed ? 1 : 0);
