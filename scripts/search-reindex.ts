// npm run search:reindex: rebuilds the Meilisearch copy of forum posts from PostgreSQL.
// Settings first, then every readable post in batches into a fresh index, swapped in atomically
// (search keeps answering from the old copy meanwhile). Uses DATABASE_URL / MEILI_URL, or the
// embedded services when they are unset.
import { parseArgs } from "node:util";
import { migrateToLatest } from "../db/migrate";
import { ensureServices, stopAll } from "./server/ensure-services";

const { values } = parseArgs({ options: { batch: { type: "string" } } });
const batchTopics = values.batch ? Number(values.batch) : 500;
if (!Number.isInteger(batchTopics) || batchTopics < 1) {
  console.error("Usage: npm run search:reindex [-- --batch TOPICS_PER_BATCH]");
  process.exit(2);
}

const log = (m: string) => console.log(`[search:reindex] ${m}`);
const services = await ensureServices(log);
try {
  await migrateToLatest(process.env.DATABASE_URL!);
  const { reindexAllPosts } = await import("../app/models/forum/forum-search-index.server");
  const result = await reindexAllPosts({ batchTopics, log });
  log(
    `${result.posts} posts of ${result.topics} topics indexed in ${result.seconds.toFixed(1)} s (` +
      `${Math.round(result.posts / Math.max(result.seconds, 0.001))} posts/s)`,
  );
  const { db } = await import("../app/db.server");
  await db.destroy();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await stopAll(services);
}
