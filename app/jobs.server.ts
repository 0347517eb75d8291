// The outbox: side effects (search indexing, notifications, mail) are written as rows in the
// same transaction as the change, and carried out after commit by this worker, with retries.
// Kinds and payloads are typed (app/jobs/kinds.server.ts); a job that fails every attempt, or whose
// payload does not match its kind, is kept as a dead letter for staff to retry or discard
// (/admin/jobs); finished rows are deleted after a week by the recurring "outbox.cleanup" job.
import net from "node:net";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../db/schema";
import { db, isDatabaseUnavailable } from "./db.server";
import { env } from "./env.server";
import { JOB_PAYLOADS, isJobKind, type JobInput, type JobKind, type JobPayload } from "./jobs/kinds.server";
import { listenForJobs } from "./jobs/listen.server";
import { logger } from "./logger.server";

export type JobContext = { trx: Kysely<Database>; jobId: number };
export type JobHandler<K extends JobKind> = (payload: JobPayload<K>, ctx: JobContext) => Promise<void>;
/** A handler for every kind: app/jobs/index.server.ts builds one, and the compiler checks it is whole. */
export type JobTable = { [K in JobKind]: JobHandler<K> };
/** Recurring kinds and when their next run is due after one finishes (or on a first start). */
export type RecurringTable = Partial<Record<JobKind, (now: Date) => Date>>;

type AnyHandler = (payload: unknown, ctx: JobContext) => Promise<void>;
const handlers = new Map<string, AnyHandler>();
const recurring = new Map<JobKind, (now: Date) => Date>();

export function registerJobs(table: JobTable, schedule: RecurringTable) {
  for (const [kind, handler] of Object.entries(table)) handlers.set(kind, handler as AnyHandler);
  for (const [kind, next] of Object.entries(schedule)) recurring.set(kind as JobKind, next);
}

/** Tests only: a throwaway kind outside the typed table (its payload is not checked). */
export function defineTestJob(kind: string, handler: AnyHandler) {
  handlers.set(kind, handler);
}

export async function enqueue<K extends JobKind>(trx: Kysely<Database>, kind: K, payload: JobInput<K>, runAt?: Date) {
  await enqueueMany(trx, kind, [payload], runAt);
}

/** Many jobs of one kind in one statement. */
export async function enqueueMany<K extends JobKind>(
  trx: Kysely<Database>,
  kind: K,
  payloads: JobInput<K>[],
  runAt?: Date,
) {
  if (!payloads.length) return;
  const at = runAt ? { run_at: runAt } : {};
  await trx
    .insertInto("outbox")
    .values(payloads.map((payload) => ({ kind, payload: JSON.stringify(payload), ...at })))
    .execute();
  wake();
}

/**
 * One job per row of a query (fan-outs over thousands of members or topics, without bringing the ids
 * into the process): `payloads` must select one jsonb column named `payload`, checked when each runs.
 */
export async function enqueueSelect(trx: Kysely<Database>, kind: JobKind, payloads: RawBuilder<unknown>) {
  await sql`insert into outbox (kind, payload) select ${kind}, q.payload from (${payloads}) q`.execute(trx);
  wake();
}

/**
 * Queues again, once per id, the jobs of `kind` made since `since` whose payload names `idKey` (a rebuild
 * started then may have missed what they did); returns how many.
 */
export async function requeueSince<K extends JobKind>(
  conn: Kysely<Database>,
  kind: K,
  idKey: keyof JobInput<K> & string,
  since: Date,
) {
  const { rows } = await sql<{ id: number }>`
    select distinct (payload->>${idKey})::int as id from outbox
    where kind = ${kind} and created_at >= ${since} and payload ? ${idKey}`.execute(conn);
  await enqueueMany(
    conn,
    kind,
    rows.map((r) => ({ [idKey]: r.id }) as JobInput<K>),
  );
  return rows.length;
}

const sleepers = new Set<() => void>();
function wake() {
  for (const w of sleepers) w();
}

const MAX_ATTEMPTS = 10;

/** A recurring kind's next run, unless one is already waiting (safe with many processes). */
async function scheduleRecurring(trx: Kysely<Database>, kind: JobKind, at: Date, exceptId = 0) {
  await sql`select pg_advisory_xact_lock(hashtext(${kind}))`.execute(trx);
  const pending = await trx
    .selectFrom("outbox")
    .select("id")
    .where("kind", "=", kind)
    .where("done_at", "is", null)
    .where("dead_at", "is", null)
    .where("id", "<>", exceptId)
    .executeTakeFirst();
  if (!pending) await trx.insertInto("outbox").values({ kind, payload: "{}", run_at: at }).execute();
}

/** Claims and runs one due job; returns false when there was nothing to do. */
export async function runOneJob(): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const job = await trx
      .selectFrom("outbox")
      .select(["id", "kind", "payload", "attempts"])
      .where("done_at", "is", null)
      .where("dead_at", "is", null)
      .where("run_at", "<=", sql<Date>`now()`)
      .orderBy("run_at")
      .orderBy("id")
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!job) return false;
    const handler = handlers.get(job.kind);
    const parsed = isJobKind(job.kind) ? JOB_PAYLOADS[job.kind].safeParse(job.payload) : undefined;
    if (!handler || (parsed && !parsed.success)) {
      // retrying cannot help: straight to the dead letters, where staff see why
      const issues = parsed?.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      const why = !handler ? `no handler for job kind ${job.kind}` : `payload does not match ${job.kind}: ${issues}`;
      logger.error({ job: job.id, kind: job.kind }, `job dead: ${why}`);
      await trx
        .updateTable("outbox")
        .set({ dead_at: new Date(), attempts: job.attempts + 1, last_error: why.slice(0, 2000) })
        .where("id", "=", job.id)
        .execute();
      return true;
    }
    // a savepoint: a failing handler's writes roll back, the retry bookkeeping below stays
    await sql`savepoint job`.execute(trx);
    try {
      await handler(parsed ? parsed.data : job.payload, { trx, jobId: job.id });
      const next = recurring.get(job.kind as JobKind);
      if (next) await scheduleRecurring(trx, job.kind as JobKind, next(new Date()), job.id);
      await sql`release savepoint job`.execute(trx);
      await trx
        .updateTable("outbox")
        .set({ done_at: new Date(), attempts: job.attempts + 1, last_error: null })
        .where("id", "=", job.id)
        .execute();
    } catch (e) {
      await sql`rollback to savepoint job`.execute(trx);
      const attempts = job.attempts + 1;
      const error = String((e as Error)?.message ?? e).slice(0, 2000);
      if (attempts >= MAX_ATTEMPTS) {
        logger.error({ err: e, job: job.id, kind: job.kind }, `job dead after ${attempts} attempts`);
        await trx
          .updateTable("outbox")
          .set({ attempts, last_error: error, dead_at: new Date() })
          .where("id", "=", job.id)
          .execute();
        return true;
      }
      const delay = Math.min(2 ** job.attempts, 300);
      logger.warn({ err: e, job: job.id, kind: job.kind }, "job failed; will retry");
      await trx
        .updateTable("outbox")
        .set({ attempts, last_error: error, run_at: sql<Date>`now() + make_interval(secs => ${delay})` })
        .where("id", "=", job.id)
        .execute();
    }
    return true;
  });
}

let running = false;
let current: Promise<void> | undefined;
/**
 * Loops side by side in one process: most of a job's time is spent waiting on Postgres or
 * Meilisearch, and SKIP LOCKED hands each loop a different job. One loop fell behind a busy forum
 * (each reply and like queues two or three jobs); each loop holds a pooled connection while its job
 * runs, so more would starve page requests (3 gave 503s under `npm run load` on a loaded machine).
 */
const LOOPS = 2;

// While PostgreSQL cannot be reached, the loops wait together: 1 s, doubling up to 30 s between
// attempts, with one log line when it goes and one when it is back. A probe of its port each second
// (a refused connect costs nothing) ends the wait as soon as it listens again, so due jobs run at
// once; right after that, attempts are quick for a while (it may still be starting up).
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;
const PROBE_MS = 1000;
const REOPENED_QUICK_MS = 15_000;
const REOPENED_RETRY_MS = 250;

const outage = { since: 0, failures: 0, portOpen: false, reopenedAt: 0, error: "" };
let pause: { promise: Promise<void>; end(): void } | undefined;

/** Where a TCP (or Unix socket) connect tells whether PostgreSQL listens; undefined if the URL says too little. */
function postgresAddress(): net.NetConnectOpts | undefined {
  try {
    const url = new URL(env().DATABASE_URL);
    const host = url.searchParams.get("host") ?? decodeURIComponent(url.hostname);
    const port = Number(url.port || 5432);
    return host.startsWith("/") ? { path: `${host}/.s.PGSQL.${port}` } : { host: host || "localhost", port };
  } catch {
    return undefined;
  }
}

function listening(address: net.NetConnectOpts): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(address);
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(PROBE_MS, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** One shared wait for every loop: the backoff delay, cut short when the database's port opens. */
function waitForDatabase(): Promise<void> {
  if (pause) return pause.promise;
  const quick = Date.now() - outage.reopenedAt < REOPENED_QUICK_MS;
  const delay = quick ? REOPENED_RETRY_MS : Math.min(RETRY_FIRST_MS * 2 ** (outage.failures - 1), RETRY_MAX_MS);
  const address = quick ? undefined : postgresAddress();
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  const current = {
    promise,
    end() {
      clearTimeout(timer);
      clearInterval(probe);
      if (pause === current) pause = undefined;
      resolve();
    },
  };
  pause = current;
  const timer = setTimeout(current.end, delay);
  const probe = setInterval(() => {
    if (!address) return;
    void listening(address).then((open) => {
      const opened = open && !outage.portOpen;
      outage.portOpen = open;
      if (opened && pause === current) {
        outage.reopenedAt = Date.now();
        current.end();
      }
    });
  }, PROBE_MS);
  return promise;
}

function failed(e: unknown) {
  // the loops share one wait: a second loop failing meanwhile is the same attempt
  if (!pause) outage.failures++;
  if (!isDatabaseUnavailable(e)) {
    logger.warn({ err: e }, "job worker: claiming a job failed; retrying with backoff");
    return;
  }
  if (outage.since) return;
  outage.since = Date.now();
  outage.portOpen = false;
  outage.error = String((e as Error)?.message ?? e);
  const backoff = `retrying with backoff up to ${RETRY_MAX_MS / 1000} s`;
  logger.warn(`job worker: the database cannot be reached (${outage.error}); ${backoff}`);
}

function succeeded() {
  if (outage.since) {
    logger.info(
      `job worker: the database is back after ${Math.round((Date.now() - outage.since) / 1000)} s; jobs resume`,
    );
  }
  outage.since = 0;
  outage.failures = 0;
  outage.reopenedAt = 0;
}

async function workLoop() {
  while (running) {
    let didWork = false;
    try {
      didWork = await runOneJob();
      if (outage.failures) succeeded();
    } catch (e) {
      failed(e);
      await waitForDatabase();
      continue;
    }
    if (!didWork && running) {
      await new Promise<void>((r) => {
        const done = () => {
          clearTimeout(timer);
          sleepers.delete(done);
          r();
        };
        const timer = setTimeout(done, 500);
        sleepers.add(done);
      });
    }
  }
}

let stopListening: (() => Promise<void>) | undefined;

/**
 * Runs jobs until stopped: woken at once by a job enqueued in this process or, through PostgreSQL's
 * NOTIFY, in any other (web processes, `npm run worker`); a short poll stays as the fallback.
 */
export function startWorker() {
  if (running) return;
  running = true;
  stopListening = listenForJobs(wake);
  current = Promise.all(Array.from({ length: LOOPS }, workLoop)).then(() => undefined);
}

/** Queues the first run of each recurring job that has none pending (safe with many processes). */
export async function ensureRecurringJobs() {
  for (const [kind, next] of recurring)
    await db.transaction().execute((trx) => scheduleRecurring(trx, kind, next(new Date())));
}

/** Stops after the current job. */
export async function stopWorker() {
  running = false;
  await stopListening?.();
  stopListening = undefined;
  wake();
  pause?.end();
  await current;
}

/** Test helper and CLI: run every due job now. */
export async function drainJobs(max = 10_000) {
  let n = 0;
  while (n < max && (await runOneJob())) n++;
  return n;
}
