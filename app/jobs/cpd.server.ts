// CPD reviews: every hour, one job per credential holder whose local clock has just passed midnight
// (a lapse takes effect on their local day; reminders are counted in their days), so each holder is
// reviewed once a day, in their own time zone; a new log entry also asks for a review at once.
import { sql } from "kysely";
import { enqueueSelect, type JobHandler, type JobTable, type RecurringTable } from "../jobs.server";
import { cpdHoldersQuery, reviewCpd } from "../models/journey/cpd/cpd.server";

const cpdHourly: JobHandler<"cpd.hourly"> = async (_payload, { trx }) => {
  await enqueueSelect(
    trx,
    "cpd.review",
    sql`select jsonb_build_object('userId', h.id) as payload from (${cpdHoldersQuery()}) h
      join users u on u.id = h.id where extract(hour from now() at time zone u.time_zone) = 0`,
  );
};

const cpdReview: JobHandler<"cpd.review"> = async ({ userId }, { trx }) => {
  await reviewCpd(trx, { userId });
};

/** The top of the next hour (a few seconds after, so every local midnight has passed). */
export function nextHourlyRun(now = new Date()) {
  const d = new Date(now);
  d.setUTCMinutes(0, 5, 0);
  if (d <= now) d.setUTCHours(d.getUTCHours() + 1);
  return d;
}

export const cpdJobs = { "cpd.hourly": cpdHourly, "cpd.review": cpdReview } satisfies Partial<JobTable>;
export const cpdSchedule: RecurringTable = { "cpd.hourly": nextHourlyRun };
