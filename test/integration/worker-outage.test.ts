// The job worker while PostgreSQL is gone for a minute: it backs off and says so once, says once
// when the database is back, and runs the jobs that fell due in between at once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, test } from "vitest";
import { migrateToLatest } from "../../db/migrate";
import { ensureDatabase } from "../../scripts/server/ensure-services";
import { startEmbeddedPostgres, type PostgresHandle } from "../../scripts/server/services";
import { startApp, type TestApp } from "../setup/app";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tp-outage-"));
fs.chmodSync(tmp, 0o755); // the postgres OS user must reach the data folder when we run as root
let pgh: PostgresHandle | undefined;
let app: TestApp | undefined;

afterAll(async () => {
  await app?.stop();
  await pgh?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const OUTAGE_MS = 60_000;

test("PostgreSQL stopped for 60 s: at most 10 worker log lines; due jobs run within 2 s of its return", async () => {
  // this app's own PostgreSQL, so that stopping it leaves the other test files alone
  pgh = await startEmbeddedPostgres({ dataDir: path.join(tmp, "postgres") });
  await ensureDatabase(pgh.url, "touchpoints");
  const url = pgh.url.replace(/\/postgres$/, "/touchpoints");
  await migrateToLatest(url);
  app = await startApp({ DATABASE_URL: url, DATA_DIR: tmp, LOG_LEVEL: "info" });

  const q = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query<T>(text, values)).rows;
    } finally {
      await c.end();
    }
  };
  // jobs that fall due while the database is away (post.created for a missing post: a no-op)
  const ids = (
    await q<{ id: number }>(
      `insert into outbox (kind, payload, run_at) select 'post.created', '{"postId": -1}',
          now() + interval '5 seconds' from generate_series(1, 3) returning id`,
    )
  ).map((r) => r.id);

  const before = app.output().length;
  await pgh.stop();
  await new Promise((r) => setTimeout(r, OUTAGE_MS));
  pgh = await startEmbeddedPostgres({ dataDir: path.join(tmp, "postgres"), port: pgh.port });
  const back = Date.now();

  let doneAt: number | undefined;
  while (Date.now() - back < 30_000) {
    const rows = await q<{ n: number }>(
      "select count(*)::int as n from outbox where id = any($1) and done_at is not null",
      [ids],
    );
    if (rows[0].n === ids.length) {
      doneAt = Date.now();
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const during = app.output().slice(before);
  const workerLines = during.split("\n").filter((l) => /job|worker|outbox/i.test(l));
  expect(workerLines.length, workerLines.slice(0, 20).join("\n")).toBeLessThanOrEqual(10);
  expect(
    workerLines.some((l) => /database/i.test(l) && /unreachable|cannot be reached|could not reach/i.test(l)),
    during,
  ).toBe(true);
  expect(
    workerLines.some((l) => /database is back/i.test(l)),
    during,
  ).toBe(true);
  expect(doneAt, "the due jobs did not run within 30 s of PostgreSQL's return").toBeDefined();
  expect(doneAt! - back).toBeLessThan(2000);
}, 180_000);
