// What both reindex commands share: a --batch option, the services (embedded when DATABASE_URL /
// MEILI_URL are unset), migrations, one run, and a clean stop with a non-zero exit on failure.
import { parseArgs } from "node:util";
import { migrateToLatest } from "../../db/migrate";
import { ensureServices, stopAll } from "../server/ensure-services";

export async function reindexCommand({
  name,
  defaultBatch,
  unit,
  run,
}: {
  /** the npm script's name, e.g. "search:reindex" */
  name: string;
  defaultBatch: number;
  /** what one batch counts, for the usage line */
  unit: string;
  /** rebuilds the index; returns the line to print */
  run: (batch: number, log: (m: string) => void) => Promise<string>;
}) {
  const { values } = parseArgs({ options: { batch: { type: "string" } } });
  const batch = values.batch ? Number(values.batch) : defaultBatch;
  if (!Number.isInteger(batch) || batch < 1) {
    console.error(`Usage: npm run ${name} [-- --batch ${unit}]`);
    process.exit(2);
  }
  const log = (m: string) => console.log(`[${name}] ${m}`);
  const services = await ensureServices(log);
  try {
    await migrateToLatest(process.env.DATABASE_URL!);
    log(await run(batch, log));
    const { db } = await import("../../app/db.server");
    await db.destroy();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  } finally {
    await stopAll(services);
  }
}
