// npm run faults [-- --only meili|postgres|sigkill|sigterm --build]
// Fault tests on loopback, against the production app with its own PostgreSQL and Meilisearch in a
// fresh .data/faults. Each scenario runs signed-in members reading, replying and liking, breaks
// something in the middle, and prints what it did and what it checked:
//   meili     Meilisearch SIGKILLed mid-load: writes keep succeeding, search answers from Postgres
//             saying so, and after a restart the index matches Postgres within 30 s.
//   postgres  PostgreSQL restarted mid-load: a clear 503 page during the outage (no hang, no stack
//             trace), recovery without restarting the app, no acknowledged write lost.
//   sigkill   the app SIGKILLed during writes and started again: outbox jobs neither lost nor done
//             twice, notifications and their emails not sent twice.
//   sigterm   graceful shutdown: in-flight requests finish, the worker stops after its current job,
//             database connections close, exit within 10 s.
// Exits non-zero when any check fails.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import {
  checkCounters,
  checkReplies,
  compareIndex,
  ensureBuild,
  gist,
  isError,
  request,
  runLoad,
  seedForum,
  signIn,
  sleep,
  startApp,
  startStack,
  stopApp,
  waitForOutbox,
  type App,
  type Forum,
  type LoadResult,
  type Stack,
} from "./lib/load-harness";
import { projectRoot } from "../server/paths";

const { values } = parseArgs({ options: { only: { type: "string" }, build: { type: "boolean" } } });
const SCENARIOS = ["meili", "postgres", "sigkill", "sigterm"] as const;
const only = values.only?.split(",");
if (only?.some((o) => !(SCENARIOS as readonly string[]).includes(o))) {
  console.error(`Usage: npm run faults [-- --only ${SCENARIOS.join("|")}]`);
  process.exit(2);
}

let failures = 0;
const did = (m: string) => console.log(`  did:     ${m}`);
const check = (ok: boolean, line: string) => {
  console.log(`  ${ok ? "PASS" : "FAIL"}     ${line}`);
  if (!ok) failures++;
};
const since = (t: number) => ((Date.now() - t) / 1000).toFixed(1);
const summary = (r: LoadResult) => {
  const errors = r.samples.filter(isError);
  return (
    `${r.samples.length} requests in ${r.seconds.toFixed(0)} s, ${r.acknowledged.length} replies acknowledged, ` +
    `${r.likes} likes, ${errors.length} errors`
  );
};
const STACK_TRACE = /\bat [\w.<>$]+ \(?[^)\s]*:\d+:\d+\)?|Error: .*\n\s+at /;

let stack!: Stack; // assigned first thing; unset in `finally` only when start-up failed
let app: App | undefined;
let forum: Forum;
const allAcknowledged: string[] = [];

async function writesLost(tokens: string[]) {
  const r = await checkReplies(stack.pool, tokens);
  check(
    r.lost.length === 0 && r.duplicated.length === 0,
    `acknowledged replies in the database: ${tokens.length - r.lost.length}/${tokens.length}, lost ` +
      `${r.lost.length}, duplicated ${r.duplicated.length}`,
  );
  return r;
}

// ---- Meilisearch killed --------------------------------------------------------------------------

async function meiliScenario() {
  console.log("\n[meili] Meilisearch killed in the middle of the load");
  const t0 = Date.now();
  const load = runLoad({ url: app!.url, forum, vus: 20, writers: 10, seconds: 30, maxRequests: 100_000 });
  await sleep(6000);
  stack.killMeili();
  const killedAt = Date.now();
  did(`SIGKILL to Meilisearch at t=${since(t0)} s, load running (20 members, 10 writing)`);
  await sleep(1500);
  let probes = 0;
  let degraded = 0;
  let odd = "";
  while (Date.now() - killedAt < 10_000) {
    const r = await request(app!.url, "GET", "/search?q=customer", { cookie: forum.members[30].cookie });
    probes++;
    if (r.status === 200 && r.body.includes("search-degraded") && r.body.includes("search-hit")) degraded++;
    else
      odd ||=
        `${r.status}, degraded notice ${r.body.includes("search-degraded")}, hits ${r.body.includes("search-hit")}` +
        `: ${gist(r.body)}`;
    await sleep(1500);
  }
  await stack.startMeili();
  const restartedAt = Date.now();
  did(`Meilisearch started again at t=${since(t0)} s (down ${((restartedAt - killedAt) / 1000).toFixed(1)} s)`);
  const result = await load;
  allAcknowledged.push(...result.acknowledged);
  did(`load: ${summary(result)}`);
  const writeErrors = result.samples.filter((s) => s.route.startsWith("POST") && isError(s));
  check(
    writeErrors.length === 0,
    `writes during the outage: ${writeErrors.length} failures (` +
      `${result.samples.filter((s) => s.route.startsWith("POST") && s.at >= killedAt && s.at <= restartedAt).length}` +
      ` writes made while Meilisearch was down)`,
  );
  const readErrors = result.samples.filter((s) => !s.route.startsWith("POST") && isError(s));
  const readKinds = [
    ...new Set(readErrors.map((s) => `${s.route} ${s.status || s.error}${s.body ? ` "${gist(s.body)}"` : ""}`)),
  ];
  check(
    readErrors.length === 0,
    `reads: ${readErrors.length} failures${readErrors.length ? ` (${readKinds.slice(0, 3).join(", ")})` : ""}`,
  );
  check(
    probes > 0 && degraded === probes,
    `search page during the outage: ${degraded}/${probes} answered 200 with results from Postgres, saying they ` +
      `are degraded${odd ? ` (other: ${odd})` : ""}`,
  );
  const replies = await writesLost(result.acknowledged);
  // the index catches up by itself: poll until it matches Postgres (counts + sampled documents)
  let matched: number | undefined;
  let last: Awaited<ReturnType<typeof compareIndex>> | undefined;
  while (Date.now() - restartedAt < 60_000) {
    last = await compareIndex(stack, replies.postIds, 50).catch((e) => ({
      problems: [String(e.message)],
      documents: 0,
      expected: 0,
      sampled: 0,
    }));
    if (!last.problems.length) {
      matched = (Date.now() - restartedAt) / 1000;
      break;
    }
    await sleep(1000);
  }
  if (matched === undefined) {
    const o = await stack.pool
      .query(`select count(*) filter (where run_at <= now())::int as due, count(*) filter (where run_at > now())::int
          as waiting, extract(epoch from min(run_at) filter (where run_at > now()) - now())::int as next_in
          from outbox where done_at is null and attempts < 10`);
    did(`outbox at the deadline: ${JSON.stringify(o.rows[0])}`);
  }
  check(
    matched !== undefined && matched <= 30,
    `index matches Postgres ` +
      `${matched !== undefined ? `${matched.toFixed(1)} s after the restart` : "not within 60 s"} (` +
      `${last?.documents} documents for ${last?.expected} readable posts, ${replies.postIds.length} new posts ` +
      `checked, ${last?.sampled} sampled documents equal)` +
      `${last?.problems.length ? `: ${last.problems.slice(0, 3).join("; ")}` : ""}`,
  );
  return matched;
}

// ---- PostgreSQL restarted ------------------------------------------------------------------------

async function postgresScenario() {
  console.log("\n[postgres] PostgreSQL restarted in the middle of the load");
  const t0 = Date.now();
  const load = runLoad({ url: app!.url, forum, vus: 20, writers: 10, seconds: 30, maxRequests: 100_000 });
  await sleep(6000);
  const { downAt, upAt } = await stack.restartPostgres(6000);
  did(
    `PostgreSQL stopped (fast shutdown) at t=${((downAt - t0) / 1000).toFixed(1)} s, started again at t=` +
      `${((upAt - t0) / 1000).toFixed(1)} s on the same port`,
  );
  const result = await load;
  allAcknowledged.push(...result.acknowledged);
  did(`load: ${summary(result)}`);
  const during = result.samples.filter((s) => s.at >= downAt && s.at < upAt);
  const failedDuring = during.filter(isError);
  const not503 = failedDuring.filter((s) => s.status !== 503);
  const others = [...new Set(not503.map((s) => `${s.route} ${s.status || s.error}`))];
  check(
    during.length > 0 && not503.length === 0,
    `requests made during the outage: ${during.length}, of which ${failedDuring.length} failed, all with 503` +
      `${not503.length ? `; others: ${others.slice(0, 5).join(", ")}` : ""}`,
  );
  const pages = failedDuring.filter((s) => s.status === 503);
  const clear = pages.filter(
    (s) => s.body && gist(s.body).includes("Temporarily unavailable") && !STACK_TRACE.test(s.body),
  );
  check(
    pages.length === 0 || clear.length === pages.length,
    `503 answers are the "Temporarily unavailable" page with no stack trace: ${clear.length}/${pages.length}`,
  );
  const slowest = Math.max(0, ...during.map((s) => s.ms));
  check(
    slowest < 10_000,
    `no hang: the slowest answer during the outage took ${(slowest / 1000).toFixed(1)} s (< 10 s)`,
  );
  const firstOk = result.samples.filter((s) => s.at >= upAt && !isError(s)).sort((a, b) => a.at - b.at)[0];
  const lateErrors = result.samples.filter((s) => s.at >= upAt + 10_000 && isError(s));
  check(
    !!firstOk && lateErrors.length === 0,
    `recovered without restarting the app: first success ` +
      `${firstOk ? ((firstOk.at + firstOk.ms - upAt) / 1000).toFixed(1) : "?"} s after PostgreSQL was back, ` +
      `${lateErrors.length} errors from 10 s after`,
  );
  const alive = app!.child.exitCode === null && !app!.child.signalCode;
  check(
    alive,
    `the app process kept running (pid ${app!.child.pid})` +
      `${alive ? "" : `; it stopped with:\n${app!.output().slice(-1500)}`}`,
  );
  await writesLost(result.acknowledged);
}

// ---- SIGKILL during writes ----------------------------------------------------------------------

async function sigkillScenario() {
  console.log("\n[sigkill] the app killed with SIGKILL during writes, then started again");
  const t0 = Date.now();
  let killed = false;
  const load = runLoad({
    url: app!.url,
    forum,
    vus: 20,
    writers: 20,
    seconds: 30,
    maxRequests: 100_000,
    stop: () => killed,
  });
  await sleep(6000);
  const port = app!.port;
  const pending = await stack.pool.query<{ n: string }>(`select count(*) as n from outbox where done_at is null`);
  app!.child.kill("SIGKILL");
  killed = true;
  await app!.exited;
  did(
    `SIGKILL to the app (pid ${app!.child.pid}) at t=${since(t0)} s while 20 members were replying and liking; ` +
      `${pending.rows[0].n} outbox jobs pending at that moment`,
  );
  const result = await load;
  allAcknowledged.push(...result.acknowledged);
  did(`load: ${summary(result)} (errors include requests cut by the kill)`);
  app = await startApp(stack, port);
  did(`app started again (pid ${app.child.pid}); waiting for the outbox to drain`);
  const drained = await waitForOutbox(stack.pool, 120_000);
  did(`outbox drained in ${drained.toFixed(1)} s`);
  const replies = await writesLost(result.acknowledged);
  const jobs = await stack.pool.query<{ post_id: number; n: number; done: number }>(
    `select (payload->>'postId')::int as post_id, count(*)::int as n, count(done_at)::int as done from outbox
        where kind = 'post.created' and (payload->>'postId')::int = any($1) group by 1`,
    [replies.postIds],
  );
  const jobProblems = replies.postIds.length - jobs.rows.filter((j) => j.n === 1 && j.done === 1).length;
  check(
    jobProblems === 0,
    `each acknowledged reply has exactly one post.created job, done: ` +
      `${jobs.rows.filter((j) => j.n === 1 && j.done === 1).length}/${replies.postIds.length}`,
  );
  const expected = await stack.pool.query<{ id: number; author: number }>(
    `select p.id, t.user_id as author from posts p join topics t on t.id = p.topic_id where p.id = any($1)
        and p.reply_to_post_number is null and t.user_id <> p.user_id`,
    [replies.postIds],
  );
  const got = await stack.pool.query<{ post_id: number; user_id: number; n: number }>(
    `select post_id, user_id, count(*)::int as n from notifications where kind = 'reply' and post_id = any($1)
        group by 1, 2`,
    [replies.postIds],
  );
  const gotBy = new Map(got.rows.map((r) => [`${r.post_id}:${r.user_id}`, r.n] as const));
  const missing = expected.rows.filter((e) => !gotBy.has(`${e.id}:${e.author}`)).length;
  const twice = await stack.pool.query(
    `select user_id, kind, post_id, count(*) from notifications group by 1, 2, 3 having count(*) > 1`,
  );
  check(
    missing === 0 && twice.rowCount === 0,
    `reply notifications: ${expected.rows.length - missing}/${expected.rows.length} present, ${twice.rowCount} ` +
      `sent twice`,
  );
  const emailed = await stack.pool.query<{ id: number }>(`select id from notifications where emailed_at is not null`);
  const mailDir = path.join(stack.dir, "mail");
  const files = fs.existsSync(mailDir) ? fs.readdirSync(mailDir) : [];
  const perNotification = new Map<number, number>();
  for (const f of files) {
    const m = /^notification-(\d+)-.*\.eml$/.exec(f);
    if (m) perNotification.set(Number(m[1]), (perNotification.get(Number(m[1])) ?? 0) + 1);
  }
  const unsent = emailed.rows.filter((r) => !perNotification.has(r.id)).length;
  const dupMail = [...perNotification.values()].filter((n) => n > 1).length;
  check(
    unsent === 0 && dupMail === 0 && perNotification.size === emailed.rows.length,
    `notification emails: ${emailed.rows.length} notifications marked emailed, ${perNotification.size} mails ` +
      `written, ${unsent} missing, ${dupMail} sent twice`,
  );
  const stuck = await stack.pool.query<{ n: string }>(
    `select count(*) as n from outbox where done_at is null and run_at <= now()`,
  );
  check(Number(stuck.rows[0].n) === 0, `no job left behind: ${stuck.rows[0].n} due jobs not done`);
}

// ---- SIGTERM --------------------------------------------------------------------------------------

async function sigtermScenario() {
  console.log("\n[sigterm] graceful shutdown on SIGTERM");
  const t0 = Date.now();
  let termAt = 0;
  const load = runLoad({
    url: app!.url,
    forum,
    vus: 20,
    writers: 10,
    seconds: 30,
    maxRequests: 100_000,
    stop: () => termAt > 0,
  });
  await sleep(5000);
  // our own connections are closed first, so what remains afterwards would be the app's
  await stack.pool.end();
  termAt = Date.now();
  app!.child.kill("SIGTERM");
  const code = await app!.exited;
  const exitSeconds = (Date.now() - termAt) / 1000;
  did(
    `SIGTERM to the app (pid ${app!.child.pid}) at t=${((termAt - t0) / 1000).toFixed(1)} s under load; no new ` +
      `request started after it`,
  );
  const result = await load;
  allAcknowledged.push(...result.acknowledged);
  const inFlight = result.samples.filter((s) => s.at < termAt && s.at + s.ms > termAt);
  const cut = result.samples.filter((s) => s.at < termAt && isError(s));
  did(`load: ${summary(result)}; ${inFlight.length} requests were in flight at the signal`);
  const cutKinds = [...new Set(cut.map((s) => `${s.route} ${s.status || s.error}`))];
  check(
    cut.length === 0,
    `in-flight requests finished: ${inFlight.length - cut.filter((s) => inFlight.includes(s)).length}/` +
      `${inFlight.length} answered normally, ${cut.length} cut or failed` +
      `${cut.length ? ` (${cutKinds.slice(0, 3).join(", ")})` : ""}`,
  );
  check(code === 0 && exitSeconds < 10, `exited with code ${code} after ${exitSeconds.toFixed(1)} s (< 10 s)`);
  const fresh = new pg.Pool({ connectionString: stack.dbUrl, max: 4 });
  fresh.on("error", () => {});
  stack.pool = fresh;
  const conns = await fresh.query<{ n: string }>(
    `select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
  );
  check(Number(conns.rows[0].n) === 0, `database connections left open by the app: ${conns.rows[0].n}`);
  const interrupted = await fresh.query<{
    n: string;
  }>(`select count(*) as n from outbox where last_error is not null and (last_error ilike '%terminat%'
        or last_error ilike '%connection%' or last_error ilike '%pool%')`);
  check(
    Number(interrupted.rows[0].n) === 0,
    `the worker was not cut mid-job: ${interrupted.rows[0].n} jobs failed with a connection error`,
  );
  const log = app!.output();
  check(
    !/unhandled|uncaught/i.test(log.slice(log.lastIndexOf("stopping"))),
    `no unhandled error logged while stopping`,
  );
  app = await startApp(stack, app!.port);
  const drained = await waitForOutbox(stack.pool, 120_000);
  did(`app started again; the outbox drained in ${drained.toFixed(1)} s`);
  await writesLost(result.acknowledged);
}

// ---- main -----------------------------------------------------------------------------------------

const log = (m: string) => console.log(`[faults] ${m}`);
let meiliSeconds: number | undefined;
try {
  await ensureBuild(log);
  stack = await startStack(path.join(projectRoot, ".data", "faults"), log);
  const seeded = await seedForum(stack.pool, { members: 40, topics: 30, postsPerTopic: 10 });
  app = await startApp(stack);
  await waitForOutbox(stack.pool, 180_000);
  forum = { members: await signIn(app.url, seeded.users), topics: seeded.topics, categoryPath: seeded.categoryPath };
  console.log(
    `Fault tests, ${new Date().toISOString()}, ${os.cpus().length} cores, load average ` +
      `${os.loadavg()[0].toFixed(1)} (machine shared: figures are as measured)`,
  );
  log(`app on ${app.url}, ${forum.members.length} members signed in, ${forum.topics.length} topics`);
  for (const s of SCENARIOS) {
    if (only && !only.includes(s)) continue;
    try {
      if (app.child.exitCode !== null || app.child.signalCode) {
        console.log(`\n(the app had stopped: restarting it)\n${app.output().slice(-1500)}`);
        app = await startApp(stack, app.port);
      }
      if (s === "meili") meiliSeconds = await meiliScenario();
      if (s === "postgres") await postgresScenario();
      if (s === "sigkill") await sigkillScenario();
      if (s === "sigterm") await sigtermScenario();
    } catch (e) {
      check(false, `${s}: ${(e as Error).stack ?? e}`);
      if (app) console.error(app.output().slice(-2000));
      if (!app || app.child.exitCode !== null || app.child.signalCode) app = await startApp(stack);
    }
  }
  console.log("\n[end] after every scenario");
  if (app.child.exitCode !== null || app.child.signalCode) app = await startApp(stack, app.port);
  await waitForOutbox(stack.pool, 120_000);
  const counters = await checkCounters(stack.pool);
  check(
    counters.length === 0,
    `counters equal a recount${counters.length ? `: ${counters.slice(0, 5).join("; ")}` : ""}`,
  );
  const replies = await checkReplies(stack.pool, allAcknowledged);
  check(
    replies.lost.length === 0 && replies.duplicated.length === 0,
    `all ${allAcknowledged.length} acknowledged replies of every scenario: lost ${replies.lost.length}, ` +
      `duplicated ${replies.duplicated.length}`,
  );
  const index = await compareIndex(stack, replies.postIds);
  check(
    index.problems.length === 0,
    `search index matches Postgres: ${index.documents} documents for ${index.expected} readable posts` +
      `${index.problems.length ? `: ${index.problems.slice(0, 3).join("; ")}` : ""}`,
  );
} catch (e) {
  console.error(e instanceof Error ? e.stack : e);
  if (app) console.error(app.output().slice(-3000));
  failures++;
} finally {
  await stopApp(app);
  await stack?.stop();
}
if (meiliSeconds !== undefined)
  console.log(`\nindex consistent ${meiliSeconds.toFixed(1)} s after Meilisearch restarted`);
console.log(failures ? `\nFault tests: FAIL (${failures} failed checks)` : "\nFault tests: PASS");
process.exit(failures ? 1 : 0);
