// Daily nudges: one recurring job fans out a nudge job per enrolled member (so many workers can
// share the work); the worker schedules tomorrow's run.
import { sql } from "kysely";
import { enqueueSelect, type JobHandler, type JobTable, type RecurringTable } from "../jobs.server";
import { nextDailyRun, sendNudges } from "../models/journey/nudge.server";

const progressDaily: JobHandler<"progress.daily"> = async (_payload, { trx }) => {
  await enqueueSelect(
    trx,
    "progress.nudge",
    sql`select jsonb_build_object('userId', id) as payload from users where level is not null and deleted_at is null`,
  );
};

const progressNudge: JobHandler<"progress.nudge"> = async ({ userId }, { trx }) => {
  await sendNudges(trx, { userId });
};

export const progressJobs = {
  "progress.daily": progressDaily,
  "progress.nudge": progressNudge,
} satisfies Partial<JobTable>;
export const progressSchedule: RecurringTable = { "progress.daily": nextDailyRun };
