// The outbox: side effects (search indexing, notifications, mail) are written as rows in the
// same transaction as the change, and carried out after commit by this worker, with retries.
import { sql, type Kysely } from "kysely";
import type { Database } from "../db/schema";
import { db } from "./db.server";
import { logger } from "./logger.server";

export type JobHandler = (payload: any, ctx: { trx: Kysely<Database>; jobId: number }) => Promise<void>;

const handlers = new Map<string, JobHandler>();

/** Registers what to do for a kind of job. A handler's database writes commit with the job's completion. */
export function defineJob(kind: string, handler: JobHandler) {
  handlers.set(kind, handler);
}

export async function enqueue(trx: Kysely<Database>, kind: string, payload: object = {}, runAt?: Date) {
  await trx
    .insertInto("outbox")
    .values({ kind, payload: JSON.stringify(payload), ...(runAt ? { run_at: runAt } : {}) })
    .execute();
  wake();
}

const sleepers = new Set<() => void>();
function wake() {
  for (const w of sleepers) w();
}

const LOCK_SECONDS = 60;
const MAX_ATTEMPTS = 10;

/** Claims and runs one due job; returns false when there was nothing to do. */
export async function runOneJob(): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const job = await trx
      .selectFrom("outbox")
      .select(["id", "kind", "payload", "attempts"])
      .where("done_at", "is", null)
      .where("run_at", "<=", sql<Date>`now()`)
      .where("attempts", "<", MAX_ATTEMPTS)
      .orderBy("run_at")
      .orderBy("id")
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!job) return false;
    const handler = handlers.get(job.kind);
    // a savepoint: a failing handler's writes roll back, the retry bookkeeping below stays
    await sql`savepoint job`.execute(trx);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job.payload, { trx, jobId: job.id });
      await sql`release savepoint job`.execute(trx);
      await trx.updateTable("outbox").set({ done_at: new Date(), attempts: job.attempts + 1, last_error: null }).where("id", "=", job.id).execute();
    } catch (e) {
      await sql`rollback to savepoint job`.execute(trx);
      const delay = Math.min(2 ** job.attempts, 300);
      logger.warn({ err: e, job: job.id, kind: job.kind }, "job failed; will retry");
      await trx
        .updateTable("outbox")
        .set({ attempts: job.attempts + 1, last_error: String((e as Error)?.message ?? e).slice(0, 2000), run_at: sql<Date>`now() + make_interval(secs => ${delay})` })
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

async function workLoop() {
  while (running) {
    let didWork = false;
    try {
      didWork = await runOneJob();
    } catch (e) {
      logger.warn({ err: e }, "job worker could not reach the database");
      await new Promise((r) => setTimeout(r, 1000));
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

/** Runs jobs until stopped; idles on a short poll, woken at once by jobs enqueued in this process. */
export function startWorker() {
  if (running) return;
  running = true;
  current = Promise.all(Array.from({ length: LOOPS }, workLoop)).then(() => undefined);
}

const recurring: { kind: string; firstRun: () => Date }[] = [];

/** A job that re-enqueues itself (digests, nudges): the worker makes sure one is always pending. */
export function defineRecurringJob(kind: string, firstRun: () => Date, handler: JobHandler) {
  defineJob(kind, handler);
  recurring.push({ kind, firstRun });
}

/** Queues the first run of each recurring job that has none pending (safe with many processes). */
export async function ensureRecurringJobs() {
  for (const r of recurring) {
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${r.kind}))`.execute(trx);
      const pending = await trx.selectFrom("outbox").select("id").where("kind", "=", r.kind).where("done_at", "is", null).where("attempts", "<", MAX_ATTEMPTS).executeTakeFirst();
      if (!pending) await trx.insertInto("outbox").values({ kind: r.kind, payload: JSON.stringify({}), run_at: r.firstRun() }).execute();
    });
  }
}

/** Stops after the current job. */
export async function stopWorker() {
  running = false;
  wake();
  await current;
}

/** Test helper and CLI: run every due job now. */
export async function drainJobs(max = 10_000) {
  let n = 0;
  while (n < max && (await runOneJob())) n++;
  return n;
}
