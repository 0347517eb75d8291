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
  return pool;
}

declare global {
  // eslint-disable-next-line no-var
  var __tp_db: { db: Kysely<Database>; pool: pg.Pool } | undefined;
}

function init() {
  if (!globalThis.__tp_db) {
    const pool = createPool();
    globalThis.__tp_db = { pool, db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }) };
  }
  return globalThis.__tp_db;
}

export const db: Kysely<Database> = init().db;
export const pool: pg.Pool = init().pool;
export type Db = Kysely<Database>;
export type { Transaction } from "kysely";
