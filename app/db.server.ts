import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "../db/schema";
import { env } from "./env.server";

// counts and bigint ids fit in a JS number here
pg.types.setTypeParser(20, (v) => Number(v));
// a `date` is a calendar day with no time zone: keep 'YYYY-MM-DD' rather than a local-midnight Date
pg.types.setTypeParser(1082, (v) => v);
// numeric columns here are scores and years (numeric(5,2), numeric(4,1)): exact as JS numbers
pg.types.setTypeParser(1700, (v) => Number(v));

function createPool() {
  const pool = new pg.Pool({
    connectionString: env().DATABASE_URL,
    max: 10,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: true,
  });
  // an idle client losing its connection (Postgres restart) must not crash the process
  pool.on("error", () => {});
  // nor a checked-out one between two queries (a transaction waiting on Meilisearch, say): its next
  // query fails instead, and the pool drops it on release
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}

declare global {
  // survives module reloads in development (a global declaration has to be a `var`)
  var __tp_db: { db: Kysely<Database>; pool: pg.Pool } | undefined;
}

function init() {
  if (!globalThis.__tp_db) {
    const pool = createPool();
    globalThis.__tp_db = { pool, db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }) };
  }
  return globalThis.__tp_db;
}

// Errors that mean "PostgreSQL cannot be reached right now" (restart, failover, network), as opposed
// to a bug or bad data: error pages answer them with 503 and the app recovers by itself.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "53300",
]);
const UNAVAILABLE_MESSAGES = new RegExp(
  [
    "Connection terminated",
    "timeout exceeded when trying to connect",
    "Client has encountered a connection error",
    "connection is not open",
    "the database system is (starting up|shutting down)",
    "terminating connection",
  ].join("|"),
  "i",
);

export function isDatabaseUnavailable(e: unknown): boolean {
  for (
    let x: unknown = e, depth = 0;
    x && typeof x === "object" && depth < 5;
    x = (x as { cause?: unknown }).cause, depth++
  ) {
    const { code, message, errors, syscall } = x as {
      code?: string;
      message?: string;
      errors?: unknown[];
      syscall?: string;
    };
    if ((code && UNAVAILABLE_CODES.has(code)) || (message && UNAVAILABLE_MESSAGES.test(message))) return true;
    // through a Unix socket, a stopped server's socket file is gone: connect() fails with ENOENT
    if (code === "ENOENT" && syscall === "connect") return true;
    if (Array.isArray(errors) && errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}

export const db: Kysely<Database> = init().db;
export const pool: pg.Pool = init().pool;
export type Db = Kysely<Database>;
export type { Transaction } from "kysely";

// A deadlock victim (40P01) or a serialization failure (40001) has been rolled back whole: running it
// again is what PostgreSQL's documentation prescribes, and better than a 500 for the member.
const RETRYABLE_CODES = new Set(["40P01", "40001"]);

/**
 * One transaction, run again once if PostgreSQL cancelled it to break a deadlock. `fn` must do
 * nothing outside the database that it cannot repeat (render before, send mail through the outbox).
 */
export async function transaction<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(fn);
  } catch (e) {
    if (!RETRYABLE_CODES.has((e as { code?: string }).code ?? "")) throw e;
    return db.transaction().execute(fn);
  }
}
