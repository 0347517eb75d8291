// Fills DATABASE_URL / MEILI_URL from embedded services when they are unset.
import path from "node:path";
import pg from "pg";
import { dataDir } from "./paths";
import { startEmbeddedMeili, startEmbeddedPostgres, type Stoppable } from "./services";

export async function ensureDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

export async function ensureServices(log: (m: string) => void): Promise<Stoppable[]> {
  const started: Stoppable[] = [];
  const root = dataDir();
  try {
    if (!process.env.DATABASE_URL) {
      log("DATABASE_URL is unset: starting embedded PostgreSQL");
      const pgh = await startEmbeddedPostgres({ dataDir: path.join(root, "postgres"), log });
      started.push(pgh);
      await ensureDatabase(pgh.url, "touchpoints");
      process.env.DATABASE_URL = pgh.url.replace(/\/postgres$/, "/touchpoints");
      process.env.PG_BIN_DIR = pgh.binDir;
    }
    if (!process.env.MEILI_URL) {
      log("MEILI_URL is unset: starting embedded Meilisearch");
      const m = await startEmbeddedMeili({ dataDir: path.join(root, "meili"), keyFile: path.join(root, "meili-master-key"), log });
      started.push(m);
      process.env.MEILI_URL = m.url;
      // the app gets the scoped key only; the master key stays in its file
      process.env.MEILI_API_KEY = m.appKey;
    }
  } catch (e) {
    await stopAll(started);
    throw e;
  }
  return started;
}

export async function stopAll(services: Stoppable[]) {
  for (const s of [...services].reverse()) {
    try {
      await s.stop();
    } catch {
      /* already gone */
    }
  }
}
