// The tutor response clock's reminders: every 10 minutes, tutors of questions waiting 20 hours
// and staff for questions past 48 hours are told (once each; see sendClockAlerts).
import { defineRecurringJob } from "../jobs.server";
import { CLOCK_JOB, scheduleNextClockRun, sendClockAlerts } from "../models/tutor-clock.server";

defineRecurringJob(CLOCK_JOB, () => new Date(), async (_payload, { trx, jobId }) => {
  await sendClockAlerts(trx);
  await scheduleNextClockRun(trx, jobId);
});
