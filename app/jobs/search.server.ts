// Keeps the Meilisearch copy in step with Postgres. Every change to a topic's posts (create,
// reply, edit, delete, restore, like, move, moderation) enqueues "search.topic", and the job
// re-indexes that whole topic from Postgres, so a job run late or twice is still right.
import { sql } from "kysely";
import type { Db } from "../db.server";
import { enqueue, enqueueSelect, type JobHandler, type JobTable } from "../jobs.server";
import { logger } from "../logger.server";
import { indexTopic } from "../models/forum/forum-search-index.server";
import { isUnavailable } from "../search.server";

/** Longest wait between two tries while Meilisearch is away (seconds). */
const MAX_DELAY_S = 300;
/** While topics wait out an outage, one of them tries again at least this often (seconds). */
const PROBE_S = 10;

async function pendingFor(trx: Db, topicId: number, jobId: number, { dueOnly }: { dueOnly: boolean }) {
  const row = await sql<{ id: number }>`
    select id from outbox
    where done_at is null and kind = 'search.topic' and id <> ${jobId}
      and (payload->>'topicId')::int = ${topicId}
      ${dueOnly ? sql`and id > ${jobId} and run_at <= now()` : sql``}
    limit 1`.execute(trx);
  return row.rows.length > 0;
}

const searchTopic: JobHandler<"search.topic"> = async ({ topicId, retry }, { trx, jobId }) => {
  // one job per topic at a time (the worker runs several loops): a job that read the topic before a
  // new post committed must not have its delete-by-filter land after a newer job added that post
  await sql`select pg_advisory_xact_lock(hashtext('search.topic'), ${topicId})`.execute(trx);
  // a burst of likes or replies queues many jobs for one topic: the newest due one does the work
  if (await pendingFor(trx, topicId, jobId, { dueOnly: true })) return;
  try {
    await indexTopic(trx, topicId);
    // Meilisearch answers again: topics waiting out an outage go now, not at their next backoff
    // (up to 5 minutes away), so the index catches up within seconds of a restart.
    await sql`update outbox set run_at = now() where kind = 'search.topic' and done_at is null
        and payload ? 'retry' and run_at > now() + interval '1 second'`.execute(trx);
  } catch (e) {
    if (!isUnavailable(e)) throw e;
    // Meilisearch is away. Rather than spend the outbox's limited attempts, this job completes
    // and a fresh one waits, backing off up to 5 minutes, for as long as the outage lasts; so
    // the index always catches up once Meilisearch is back. One waiting job per topic is enough.
    if (!(await pendingFor(trx, topicId, jobId, { dueOnly: false }))) {
      let delay = Math.min(5 * 2 ** Math.min(retry, 8), MAX_DELAY_S);
      // one waiting topic always tries again within PROBE_S: its success releases all the others
      const probe = await sql`select 1 from outbox where kind = 'search.topic' and done_at is null and payload ? 'retry'
            and run_at <= now() + make_interval(secs => ${PROBE_S}) limit 1`.execute(trx);
      if (!probe.rows.length) delay = Math.min(delay, PROBE_S);
      await enqueue(trx, "search.topic", { topicId, retry: retry + 1 }, new Date(Date.now() + delay * 1000));
    }
    logger.warn({ topicId, retry, err: (e as Error).message }, "search: Meilisearch unavailable; topic re-queued");
  }
};

/** A category's rule or name changed: every topic in it gets re-indexed (audiences follow the rule). */
const searchCategory: JobHandler<"search.category"> = async ({ categoryId }, { trx }) => {
  await enqueueSelect(
    trx,
    "search.topic",
    sql`select jsonb_build_object('topicId', id) as payload from topics where category_id = ${categoryId}`,
  );
};

/** A member's username or name changed: the topics they posted in get re-indexed. */
const searchUser: JobHandler<"search.user"> = async ({ userId }, { trx }) => {
  await enqueueSelect(
    trx,
    "search.topic",
    sql`select jsonb_build_object('topicId', topic_id) as payload from (select distinct topic_id from posts
        where user_id = ${userId}) x`,
  );
};

export const searchJobs = {
  "search.topic": searchTopic,
  "search.category": searchCategory,
  "search.user": searchUser,
} satisfies Partial<JobTable>;
