import { Kysely, PostgresDialect, type CompiledQuery, type Compilable } from "kysely";
import pg from "pg";
import type { Database } from "../db/schema";
import { env } from "./env.server";

// counts and bigint ids fit in a JS number here
pg.types.setTypeParser(20, (v) => Number(v));
// a `date` is a calendar day with no time zone: keep 'YYYY-MM-DD' rather than a local-midnight Date
pg.types.setTypeParser(1082, (v) => v);
// numeric columns here are scores and years (numeric(5,2), numeric(4,1)): exact as JS numbers
pg.types.setTypeParser(1700, (v) => Number(v));

// Named (prepared) statements: PostgreSQL then parses and plans a query once per connection instead of at
// every call. Planning was most of the database's work on the reading pages (2 M posts: the topic lookup
// planned in 0.4-0.8 ms and ran in 0.07 ms), as it is for most short queries. Kysely sends every query as
// (text, values); a query with values gets a name the first time its text is seen on this connection.
// Queries without values stay unnamed (a migration's many statements cannot be prepared). At most
// MAX_PREPARED texts per connection are named, so texts that vary (an IN list of n values) cannot grow the
// server's memory without bound. A statement whose result type a migration changed is refused by
// PostgreSQL ("cached plan must not change result type"): it is forgotten, and run again unnamed when no
// transaction is open (in one, the transaction has failed and the error stands). docs/decisions/007.
const MAX_PREPARED = 300;
const PLAN_CHANGED = "0A000";

class PreparingClient extends pg.Client {
  private names = new Map<string, string>();
  private count = 0;
  private inTransaction = false;

  private nameFor(text: string): string | undefined {
    const known = this.names.get(text);
    if (known || this.names.size >= MAX_PREPARED) return known;
    const name = `tp${++this.count}`;
    this.names.set(text, name);
    return name;
  }

  // pg's query() has many overloads; only Kysely's form, query(text, values), is named
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- forwards pg's overloaded signature as is
  query(config: any, values?: any, callback?: any): any {
    if (typeof config !== "string") return super.query(config, values, callback);
    if (/^\s*(begin|start)\b/i.test(config)) this.inTransaction = true;
    else if (/^\s*(commit|end|rollback(?!\s+to))\b/i.test(config)) this.inTransaction = false;
    const name = Array.isArray(values) && values.length && !callback ? this.nameFor(config) : undefined;
    if (!name) return super.query(config, values, callback);
    return super.query({ name, text: config, values }).catch((e: { code?: string }) => {
      if (e?.code !== PLAN_CHANGED) throw e;
      this.names.delete(config);
      if (this.inTransaction) throw e;
      return super.query(config, values);
    });
  }
}

function createPool() {
  const pool = new pg.Pool({
    Client: PreparingClient,
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

// The stand-in for the n-th value of a query compiled once (compiledOnce).
class Slot {
  constructor(readonly n: number) {}
}

/**
 * A query whose shape never changes, built and compiled once: later calls only put their values in. On the
 * reading pages Kysely's builder (select lists, subqueries, compilation) cost as much CPU as running the short
 * query it built. `build` gets a stand-in for each of `arity` values and must only pass them to Kysely as values
 * (never test them, `??` them or branch on them), so the one text serves every call. docs/decisions/007.
 */
export function compiledOnce<V extends unknown[], R>(arity: V["length"], build: (...values: V) => Compilable<R>) {
  let compiled: CompiledQuery<R> | undefined;
  return async (executor: Db, ...values: V): Promise<R[]> => {
    compiled ??= build(...(Array.from({ length: arity }, (_, n) => new Slot(n)) as V)).compile();
    const parameters = compiled.parameters.map((p) => (p instanceof Slot ? values[p.n] : p));
    return (await executor.executeQuery<R>({ ...compiled, parameters })).rows;
  };
}

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
