// What runs beside the web server in the same process: the outbox worker, and the inbound SMTP listener
// for replies by email (INBOUND_SMTP_PORT; in development 2525 unless set).
import { env } from "./env.server";
import { logger } from "./logger.server";
import { ensureRecurringJobs, startWorker, stopWorker } from "./jobs.server";
import "./jobs/index.server";
import { ensureProfilesIndex } from "./models/directory/directory-index.server";
import { meili } from "./search.server";
import { startInboundMail, stopInboundMail } from "./inbound-mail.server";
import { vapidKeys } from "./models/account/push.server";

export function startBackground() {
  if (env().JOBS !== "on") return;
  // beside the job worker: one listener per deployment (npm run worker), not one per web process
  startInboundMail().catch((err) => logger.warn({ err }, "inbound mail: the listener could not start"));
  startWorker();
  ensureRecurringJobs().catch((err) =>
    logger.warn({ err }, "could not schedule recurring jobs; will try at the next start"),
  );
  // the directory's index settings (searchable attributes, ranking, synonyms) are the app's: sent
  // at start rather than at the first profile edit; when Meilisearch is away, the first index write does it
  const client = meili();
  const later = "directory: index settings not sent at start; the next index write will";
  if (client) ensureProfilesIndex(client).catch((err) => logger.warn({ err }, later));
  // Web Push's key pair, made at the first start when the environment gives none
  vapidKeys().catch((err) => logger.warn({ err }, "push: VAPID keys not ready; the first push will make them"));
}

export async function stopBackground() {
  await stopInboundMail();
  await stopWorker();
}
