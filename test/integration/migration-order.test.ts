// Branches developed side by side add migrations whose names interleave (1130, 1150, 1200...): a
// database already migrated past a newly merged, earlier-named migration must take it, not refuse to
// start with Kysely's "corrupted migrations".
import pg from "pg";
import { afterAll, expect, inject, test } from "vitest";
import { migrateToLatest } from "../../db/migrate";
import { migrations } from "../../db/migrations/index";

const adminUrl = inject("pgAdminUrl");
const name = `tp_order_${Date.now().toString(36)}`;
const url = adminUrl.replace(/\/postgres$/, `/${name}`);

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

afterAll(() => admin(`drop database if exists ${name}`));

test("a migration merged later than one with a later name still runs", async () => {
  await admin(`create database ${name}`);
  const names = Object.keys(migrations).sort();
  const merged = names[names.length - 3]; // an earlier-named migration that arrives with a later merge
  const { [merged]: _held, ...before } = migrations;
  await migrateToLatest(url, () => {}, before);
  const ran: string[] = [];
  await migrateToLatest(url, (m) => ran.push(m), migrations);
  expect(ran).toEqual([`migration ${merged}: Success`]);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query("select name from kysely_migration order by name");
    expect(rows.map((r) => r.name)).toEqual(names);
  } finally {
    await c.end();
  }
});
