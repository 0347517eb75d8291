// What runs beside the web server in the same process: the outbox worker.
import { env } from "./env.server";
import { logger } from "./logger.server";
import { ensureRecurringJobs, startWorker, stopWorker } from "./jobs.server";
import "./jobs/index.server";

export function startBackground() {
  if (env().JOBS !== "on") return;
  startWorker();
  ensureRecurringJobs().catch((err) => logger.warn({ err }, "could not schedule recurring jobs; will try at the next start"));
}

export async function stopBackground() {
  await stopWorker();
}
