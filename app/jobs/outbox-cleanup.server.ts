// Finished outbox rows are history nobody reads after a few days: deleted after a week, in batches
// so one run never holds a long lock. Dead letters stay until staff retry or discard them.
import { sql } from "kysely";
import type { JobHandler, JobTable, RecurringTable } from "../jobs.server";

export const KEEP_FINISHED_DAYS = 7;
const BATCH = 10_000;

const outboxCleanup: JobHandler<"outbox.cleanup"> = async (_payload, { trx }) => {
  for (;;) {
    const { numAffectedRows } = await sql`
      delete from outbox where id in (
        select id from outbox where done_at < now() - make_interval(days => ${KEEP_FINISHED_DAYS})
          limit ${BATCH})`.execute(trx);
    if (Number(numAffectedRows ?? 0) < BATCH) break;
  }
};

/** 03:00 UTC: the quietest hour across the continent. */
export function nextCleanupAt(now: Date) {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 3));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

export const outboxCleanupJobs = { "outbox.cleanup": outboxCleanup } satisfies Partial<JobTable>;
export const outboxCleanupSchedule: RecurringTable = { "outbox.cleanup": nextCleanupAt };
