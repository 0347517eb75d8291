// Recruiters' saved-search alerts: every morning (with the notification digest) one job per
// search with alerts on; each mails that search's new matches (app/models/search-alert.server.ts).
import { defineJob, defineRecurringJob, enqueue } from "../jobs.server";
import { ALERT_JOB, ALERT_ONE_JOB, queueSearchAlerts, sendSearchAlert } from "../models/search-alert.server";
import { nextDigestAt } from "./notification-email.server";

defineRecurringJob(ALERT_JOB, nextDigestAt, async (_payload, { trx }) => {
  await queueSearchAlerts(trx);
  await enqueue(trx, ALERT_JOB, {}, nextDigestAt(new Date(Date.now() + 60_000)));
});

defineJob(ALERT_ONE_JOB, async ({ searchId }: { searchId: number }, { trx }) => {
  if (Number.isInteger(searchId)) await sendSearchAlert(trx, searchId);
});
