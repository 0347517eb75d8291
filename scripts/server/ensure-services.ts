// Fills DATABASE_URL / MEILI_URL from embedded services when they are unset. The data folder's
// lock (./data-lock) makes one process their owner: a command run beside a live launcher uses that
// launcher's services instead of starting (or "cleaning up") its own.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { DataFolderLocked, lockDataFolder, type LockOwner } from "./data-lock";
import { dataDir } from "./paths";
import {
  embeddedMeiliAppKey,
  embeddedPostgresUrl,
  startEmbeddedMeili,
  startEmbeddedPostgres,
  type Stoppable,
} from "./services";

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

const meiliKeyFile = (root: string) => path.join(root, "meili-master-key");

async function adoptOwnersServices(owner: LockOwner, error: DataFolderLocked, root: string, log: (m: string) => void) {
  const needPostgres = !process.env.DATABASE_URL;
  const needMeili = !process.env.MEILI_URL;
  // still starting, or it runs none of what we need: nothing to share
  if ((needPostgres && !owner.postgresPort) || (needMeili && !owner.meiliUrl)) throw error;
  log(`using the services of the Touchpoints running on this data folder (pid ${owner.pid})`);
  if (needPostgres)
    process.env.DATABASE_URL = embeddedPostgresUrl(path.join(root, "postgres"), owner.postgresPort!).replace(
      /\/postgres$/,
      "/touchpoints",
    );
  if (needMeili) {
    process.env.MEILI_URL = owner.meiliUrl;
    process.env.MEILI_API_KEY = await embeddedMeiliAppKey(owner.meiliUrl!, meiliKeyFile(root));
  }
}

/**
 * A single-machine install keeps its two-factor encryption key beside its data (mode 600), made on
 * first start, so members' TOTP secrets are never stored readable; outside the database and backups.
 */
export function ensureTwoFactorKey(root: string) {
  if (process.env.TWO_FACTOR_KEY) return;
  const file = path.join(root, "two-factor-key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(root, { recursive: true, mode: 0o755 });
    fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  process.env.TWO_FACTOR_KEY = fs.readFileSync(file, "utf8").trim();
}

export async function ensureServices(log: (m: string) => void): Promise<Stoppable[]> {
  if (process.env.DATABASE_URL && process.env.MEILI_URL) return [];
  const root = dataDir();
  ensureTwoFactorKey(root);
  let lock;
  try {
    lock = lockDataFolder(root, { what: `npm run ${process.env.npm_lifecycle_event ?? "(a script)"}` });
  } catch (e) {
    if (!(e instanceof DataFolderLocked)) throw e;
    await adoptOwnersServices(e.owner, e, root, log);
    return [];
  }
  const held = lock;
  // stopped last: the folder is free once its services are down
  const started: Stoppable[] = [{ stop: async () => held.release() }];
  try {
    if (!process.env.DATABASE_URL) {
      log("DATABASE_URL is unset: starting embedded PostgreSQL");
      const pgh = await startEmbeddedPostgres({ dataDir: path.join(root, "postgres"), log });
      started.push(pgh);
      await ensureDatabase(pgh.url, "touchpoints");
      process.env.DATABASE_URL = pgh.url.replace(/\/postgres$/, "/touchpoints");
      process.env.PG_BIN_DIR = pgh.binDir;
      lock.update({ postgresPort: pgh.port });
    }
    if (!process.env.MEILI_URL) {
      log("MEILI_URL is unset: starting embedded Meilisearch");
      const m = await startEmbeddedMeili({ dataDir: path.join(root, "meili"), keyFile: meiliKeyFile(root), log });
      started.push(m);
      process.env.MEILI_URL = m.url;
      // the app gets the scoped key only; the master key stays in its file
      process.env.MEILI_API_KEY = m.appKey;
      lock.update({ meiliUrl: m.url });
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
