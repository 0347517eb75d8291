// Each test file gets its own database, cloned from the migrated template, and its own
// Meilisearch index prefix, so files run in parallel without seeing each other's rows.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";

const name = `tp_${randomBytes(5).toString("hex")}`;
const adminUrl = inject("pgAdminUrl");

async function createDb() {
  for (let attempt = 0; ; attempt++) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template tp_template`);
      return;
    } catch (e) {
      // two files cloning the template at the same instant can collide; try again shortly
      if (attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    } finally {
      await admin.end();
    }
  }
}
await createDb();

process.env.NODE_ENV = "test";
process.env.DATABASE_URL = adminUrl.replace(/\/postgres$/, `/${name}`);
process.env.MEILI_URL = inject("meiliUrl");
process.env.MEILI_MASTER_KEY = inject("meiliKey");
// the app runs with the scoped key the launcher gives it; tests' own clients may use the master key
process.env.MEILI_API_KEY = inject("meiliAppKey");
process.env.MEILI_INDEX_PREFIX = `${name}_`;
process.env.DATA_DIR = path.join(inject("tmpRoot"), name);
process.env.LOG_LEVEL = "silent";
process.env.JOBS = "off";
process.env.COOKIE_SECURE = "false";

afterAll(async () => {
  const g = globalThis as { __tp_db?: { db: { destroy(): Promise<void> } } };
  await g.__tp_db?.db.destroy();
  g.__tp_db = undefined;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});
