// npm run search:reindex: rebuilds the Meilisearch copy of forum posts from PostgreSQL.
// Settings first, then every readable post in batches into a fresh index, swapped in atomically
// (search keeps answering from the old copy meanwhile). Uses DATABASE_URL / MEILI_URL, or the
// embedded services when they are unset.
import { reindexCommand } from "./lib/reindex-command";

await reindexCommand({
  name: "search:reindex",
  defaultBatch: 500,
  unit: "TOPICS_PER_BATCH",
  run: async (batchTopics, log) => {
    const { reindexAllPosts } = await import("../app/models/forum/forum-search-index.server");
    const result = await reindexAllPosts({ batchTopics, log });
    return (
      `${result.posts} posts of ${result.topics} topics indexed in ${result.seconds.toFixed(1)} s (` +
      `${Math.round(result.posts / Math.max(result.seconds, 0.001))} posts/s)`
    );
  },
});
