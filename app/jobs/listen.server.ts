// Wakes the worker when any process enqueues a job: a trigger on the outbox NOTIFYs "outbox" once
// per inserting transaction, at commit. One dedicated connection listens (a pooled one would be
// handed to queries); when it drops, it reconnects with backoff while the worker's poll carries on.
import pg from "pg";
import { env } from "../env.server";
import { logger } from "../logger.server";

const RETRY_MAX_MS = 30_000;

export function listenForJobs(onJob: () => void): () => Promise<void> {
  let client: pg.Client | undefined;
  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;

  const retry = () => {
    client = undefined;
    if (stopped) return;
    failures++;
    timer = setTimeout(connect, Math.min(1000 * 2 ** (failures - 1), RETRY_MAX_MS));
  };

  async function connect() {
    const c = new pg.Client({ connectionString: env().DATABASE_URL });
    client = c;
    c.on("notification", onJob);
    c.on("error", () => {}); // "end" follows and schedules the reconnect
    c.on("end", () => client === c && retry());
    try {
      await c.connect();
      await c.query("listen outbox");
      if (stopped) return void c.end().catch(() => {});
      if (failures) logger.info("job worker: listening for new jobs again");
      failures = 0;
      onJob(); // jobs enqueued while we were not listening
    } catch {
      if (client === c) {
        client = undefined;
        await c.end().catch(() => {});
        retry();
      }
    }
  }

  void connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    const c = client;
    client = undefined;
    await c?.end().catch(() => {});
  };
}
