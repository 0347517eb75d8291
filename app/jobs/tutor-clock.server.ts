// The tutor response clock's reminders: every 10 minutes, tutors of questions waiting 20 hours
// and staff for questions past 48 hours are told (once each; see sendClockAlerts).
import type { JobHandler, JobTable, RecurringTable } from "../jobs.server";
import { CLOCK_INTERVAL_MS, sendClockAlerts } from "../models/assessments/tutor-clock.server";

const tutorClock: JobHandler<"tutor.clock"> = async (_payload, { trx }) => {
  await sendClockAlerts(trx);
};

export const tutorClockJobs = {
  "tutor.clock": tutorClock,
} satisfies Partial<JobTable>;
export const tutorClockSchedule: RecurringTable = {
  "tutor.clock": (now) => new Date(now.getTime() + CLOCK_INTERVAL_MS),
};
