// npm run directory:reindex: rebuilds the directory's Meilisearch index ("profiles") from PostgreSQL
// into a fresh index, swapped in atomically (the directory keeps answering from the old copy
// meanwhile). Hidden profiles are left out. Uses DATABASE_URL / MEILI_URL, or the embedded services.
import { parseArgs } from "node:util";
import { migrateToLatest } from "../db/migrate";
import { ensureServices, stopAll } from "./server/ensure-services";

const { values } = parseArgs({ options: { batch: { type: "string" } } });
const batch = values.batch ? Number(values.batch) : 5000;
if (!Number.isInteger(batch) || batch < 1) {
  console.error("Usage: npm run directory:reindex [-- --batch PROFILES_PER_BATCH]");
  process.exit(2);
}

const log = (m: string) => console.log(`[directory:reindex] ${m}`);
const services = await ensureServices(log);
try {
  await migrateToLatest(process.env.DATABASE_URL!);
  const { reindexAllProfiles } = await import("../app/models/directory/directory-index.server");
  const result = await reindexAllProfiles({ batch, log });
  log(`${result.profiles} profiles indexed in ${result.seconds.toFixed(1)} s`);
  const { db } = await import("../app/db.server");
  await db.destroy();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await stopAll(services);
}
