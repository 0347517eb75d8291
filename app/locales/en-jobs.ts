// English strings of the outbox's dead letters (app/routes/admin.jobs.tsx).
const jobs = {
  deadLetters: {
    title: "Failed background jobs",
    intro:
      "Background work (search indexing, notifications, mail) that failed every attempt. Fix the cause first (the last error says what went wrong), then run the job again, or discard it.",
    count_one: "{{count}} job failed every attempt.",
    count_other: "{{count}} jobs failed every attempt.",
    job: "Job",
    error: "Last error",
    when: "Gave up",
    actions: "Actions",
    attempts_one: "{{count}} attempt.",
    attempts_other: "{{count}} attempts.",
    retry: "Run again",
    discard: "Discard",
    retried: "Job #{{id}} will run again in a moment.",
    discarded: "Job #{{id}} was discarded.",
    gone: "That job is no longer waiting here: someone else may have run it again or discarded it.",
    none: "No job has failed for good. Nothing to do.",
    older: "Older failed jobs",
    dashboard_one: "{{count}} background job failed for good: see Failed background jobs.",
    dashboard_other: "{{count}} background jobs failed for good: see Failed background jobs.",
  },
};
export default jobs;
