// npm run directory:reindex: rebuilds the directory's Meilisearch index ("profiles") from PostgreSQL
// into a fresh index, swapped in atomically (the directory keeps answering from the old copy
// meanwhile). Hidden profiles are left out. Uses DATABASE_URL / MEILI_URL, or the embedded services.
import { reindexCommand } from "./lib/reindex-command";

await reindexCommand({
  name: "directory:reindex",
  defaultBatch: 5000,
  unit: "PROFILES_PER_BATCH",
  run: async (batch, log) => {
    const { reindexAllProfiles } = await import("../app/models/directory/directory-index.server");
    const result = await reindexAllProfiles({ batch, log });
    return `${result.profiles} profiles indexed in ${result.seconds.toFixed(1)} s`;
  },
});
