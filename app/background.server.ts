// What runs beside the web server in the same process: the outbox worker.
import { env } from "./env.server";
import { startWorker, stopWorker } from "./jobs.server";
import "./jobs/index.server";

export function startBackground() {
  if (env().JOBS === "on") startWorker();
}

export async function stopBackground() {
  await stopWorker();
}
