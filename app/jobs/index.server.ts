// Every job kind's handler and every recurring kind's schedule, registered once (imported by
// background.server.ts, `npm run worker` and tests). `JobTable` makes a missing handler a compile error.
import { registerJobs, type JobTable } from "../jobs.server";
import { accountMailJobs } from "./account-mail.server";
import { cpdJobs, cpdSchedule } from "./cpd.server";
import { forumNotificationJobs } from "./forum-notifications.server";
import { notificationEmailJobs, notificationEmailSchedule } from "./notification-email.server";
import { outboxCleanupJobs, outboxCleanupSchedule } from "./outbox-cleanup.server";
import { portfolioJobs } from "./portfolio.server";
import { profileIndexJobs } from "./profile-index.server";
import { pushJobs } from "./push.server";
import { progressJobs, progressSchedule } from "./progress.server";
import { searchAlertJobs, searchAlertSchedule } from "./search-alerts.server";
import { searchJobs } from "./search.server";
import { tutorClockJobs, tutorClockSchedule } from "./tutor-clock.server";
import { tutorQuestionJobs } from "./tutor-question.server";
import { uploadsCleanupJobs, uploadsCleanupSchedule } from "./uploads-cleanup.server";

const jobs: JobTable = {
  ...accountMailJobs,
  ...cpdJobs,
  ...forumNotificationJobs,
  ...notificationEmailJobs,
  ...outboxCleanupJobs,
  ...portfolioJobs,
  ...profileIndexJobs,
  ...pushJobs,
  ...progressJobs,
  ...searchAlertJobs,
  ...searchJobs,
  ...tutorClockJobs,
  ...tutorQuestionJobs,
  ...uploadsCleanupJobs,
};

registerJobs(jobs, {
  ...cpdSchedule,
  ...notificationEmailSchedule,
  ...outboxCleanupSchedule,
  ...progressSchedule,
  ...searchAlertSchedule,
  ...tutorClockSchedule,
  ...uploadsCleanupSchedule,
});
