// Hourly: composer uploads that no post shows 48 hours after they were made are removed (rows, then
// files; see removeUnusedUploads).
import type { JobHandler, JobTable, RecurringTable } from "../jobs.server";
import { removeUnusedUploads } from "../models/forum/uploads.server";

const uploadsCleanup: JobHandler<"uploads.cleanup"> = async (_payload, { trx }) => {
  await removeUnusedUploads(trx);
};

export const uploadsCleanupJobs = { "uploads.cleanup": uploadsCleanup } satisfies Partial<JobTable>;
export const uploadsCleanupSchedule: RecurringTable = {
  "uploads.cleanup": (now) => new Date(now.getTime() + 3_600_000),
};
