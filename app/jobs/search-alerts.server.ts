// Recruiters' saved-search alerts: every morning (with the notification digest) one job per
// search with alerts on; each mails that search's new matches (app/models/directory/search-alert.server.ts).
import type { JobHandler, JobTable, RecurringTable } from "../jobs.server";
import { queueSearchAlerts, sendSearchAlert } from "../models/directory/search-alert.server";
import { nextDigestAt } from "./notification-email.server";

const searchAlerts: JobHandler<"recruiter.search-alerts"> = async (_payload, { trx }) => {
  await queueSearchAlerts(trx);
};

const searchAlert: JobHandler<"recruiter.search-alert"> = async ({ searchId }, { trx }) => {
  await sendSearchAlert(trx, searchId);
};

export const searchAlertJobs = {
  "recruiter.search-alerts": searchAlerts,
  "recruiter.search-alert": searchAlert,
} satisfies Partial<JobTable>;
export const searchAlertSchedule: RecurringTable = {
  "recruiter.search-alerts": (now) => nextDigestAt(new Date(now.getTime() + 60_000)),
};
