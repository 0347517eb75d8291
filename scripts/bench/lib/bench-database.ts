// The database of a model benchmark (bench:progress, bench:mentorship): its own embedded
// PostgreSQL under .data/<folder> unless DATABASE_URL is set, a database of its own in it,
// migrated, and the environment the app's modules read (production, no jobs, quiet logs).
import path from "node:path";
import pg from "pg";
import { migrateToLatest } from "../../../db/migrate";
import { ensureDatabase } from "../../server/ensure-services";
import { projectRoot } from "../../server/paths";
import { startEmbeddedPostgres, type Stoppable } from "../../server/services";

export async function openBenchDatabase({
  folder,
  name,
  log,
}: {
  folder: string;
  name: string;
  log: (m: string) => void;
}) {
  const services: Stoppable[] = [];
  if (!process.env.DATABASE_URL) {
    log(`DATABASE_URL is unset: starting an embedded PostgreSQL in .data/${folder}`);
    const pgh = await startEmbeddedPostgres({
      dataDir: path.join(projectRoot, ".data", folder, "postgres"),
      log: () => {},
    });
    services.push(pgh);
    process.env.DATABASE_URL = pgh.url;
  }
  const base = process.env.DATABASE_URL!;
  await ensureDatabase(base, name);
  const url = base.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
  Object.assign(process.env, {
    DATABASE_URL: url,
    LOG_LEVEL: "silent",
    JOBS: "off",
    NODE_ENV: "production",
    COOKIE_SECURE: "false",
  });
  await migrateToLatest(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = (text: string, values: unknown[] = []) => client.query(text, values);
  return { url, services, client, q };
}
