// The database a maintenance command (backup, restore) works on: DATABASE_URL when set; otherwise
// the embedded PostgreSQL in DATA_DIR/postgres, reused while an app is running on it (never stopped
// under it), or started for the command and stopped after.
import fs from "node:fs";
import path from "node:path";
import { ensureDatabase } from "../server/ensure-services";
import { dataDir } from "../server/paths";
import { embeddedPostgresPassword, startEmbeddedPostgres, type Stoppable } from "../server/services";

function runningEmbeddedPort(pgDir: string): number | undefined {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return undefined;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  const port = Number(lines[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

export async function cliDatabase(
  log: (m: string) => void,
): Promise<{ url: string; embeddedRunning: boolean; services: Stoppable[] }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embeddedRunning: false, services: [] };
  const pgDir = path.join(dataDir(), "postgres");
  const port = runningEmbeddedPort(pgDir);
  if (port) {
    log(`using the embedded PostgreSQL already running on port ${port}`);
    return {
      url: `postgres://postgres:${embeddedPostgresPassword(pgDir)}@127.0.0.1:${port}/touchpoints`,
      embeddedRunning: true,
      services: [],
    };
  }
  log("DATABASE_URL is unset: starting embedded PostgreSQL");
  const pgh = await startEmbeddedPostgres({ dataDir: pgDir, log });
  await ensureDatabase(pgh.url, "touchpoints");
  return { url: pgh.url.replace(/\/postgres$/, "/touchpoints"), embeddedRunning: false, services: [pgh] };
}

/** The same server, another database name. */
export function withDatabaseName(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
