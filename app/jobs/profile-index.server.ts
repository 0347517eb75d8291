// Keeps the directory's Meilisearch copy in step with Postgres. Profile edits, level changes,
// badge awards and revocations, designations and visibility changes enqueue "profile.reindex";
// the job rebuilds that member's document from Postgres (or removes it when the profile is
// hidden), so a job run late or twice is still right.
import { sql } from "kysely";
import type { Db } from "../db.server";
import { enqueue, type JobHandler, type JobTable } from "../jobs.server";
import { logger } from "../logger.server";
import { indexProfiles, pushSynonyms } from "../models/directory/directory-index.server";
import { isUnavailable } from "../search.server";

const MAX_DELAY_S = 300;

async function pendingFor(trx: Db, userId: number, jobId: number, { dueOnly }: { dueOnly: boolean }) {
  const row = await sql<{ id: number }>`
    select id from outbox
    where done_at is null and kind = 'profile.reindex' and id <> ${jobId}
      and (payload->>'userId')::int = ${userId}
      ${dueOnly ? sql`and id > ${jobId} and run_at <= now()` : sql``}
    limit 1`.execute(trx);
  return row.rows.length > 0;
}

const profileReindex: JobHandler<"profile.reindex"> = async ({ userId, userIds, retry }, { trx, jobId }) => {
  // many members at once (seeds, bulk changes): one Meilisearch call; a failure retries the job
  if (userIds) {
    await indexProfiles(trx, userIds);
    return;
  }
  if (typeof userId !== "number") return;
  // one job per member at a time (the worker runs several loops): an older read must not land last
  await sql`select pg_advisory_xact_lock(hashtext('profile.reindex'), ${userId})`.execute(trx);
  // several edits in a row: the newest due job does the work
  if (await pendingFor(trx, userId, jobId, { dueOnly: true })) return;
  try {
    await indexProfiles(trx, [userId]);
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    // Meilisearch is away: complete this job and queue one that waits (backing off up to 5 minutes),
    // so the index catches up once it is back without spending the outbox's attempts.
    if (!(await pendingFor(trx, userId, jobId, { dueOnly: false }))) {
      const delay = Math.min(5 * 2 ** Math.min(retry, 8), MAX_DELAY_S);
      await enqueue(trx, "profile.reindex", { userId, retry: retry + 1 }, new Date(Date.now() + delay * 1000));
    }
    logger.warn({ userId, retry, err: (e as Error).message }, "directory: Meilisearch unavailable; profile re-queued");
  }
};

// Staff saved the directory's synonyms: send the list in force to the index (the same list however
// late or often this runs). A Meilisearch that is away fails the job, which the outbox retries.
const directorySynonyms: JobHandler<"directory.synonyms"> = async (_payload, { trx }) => {
  await pushSynonyms(trx);
};

export const profileIndexJobs = {
  "profile.reindex": profileReindex,
  "directory.synonyms": directorySynonyms,
} satisfies Partial<JobTable>;
