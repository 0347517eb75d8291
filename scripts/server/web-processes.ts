// Several web processes on one port (node:cluster), so that a page's work is spread over the machine's cores as
// it would be behind a load balancer. The launcher's process keeps the services and forks WEB_PROCESSES copies
// of scripts/server/web-process.ts; the first runs the job worker (JOBS as set), the others run with JOBS=off.
// A process that dies is replaced; stopping asks each to finish its requests first.
import cluster, { type Worker } from "node:cluster";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * WEB_PROCESSES, else one. Not one per core by default: on the 2-core machine, where PostgreSQL and the
 * clients share the cores, two processes served the member topic page slower than one (141 and 196 req/s
 * against 163 and 208, p95 124 and 93 ms against 101 and 86); it pays where the cores outnumber the work
 * beside the app.
 */
export function webProcessCount(env: NodeJS.ProcessEnv = process.env): number {
  return env.WEB_PROCESSES ? Number(env.WEB_PROCESSES) : 1;
}

type Options = {
  count: number;
  log: (m: string) => void;
  /** called once every process has loaded the app, just before they listen (the "starting up" page leaves) */
  beforeListen?: () => Promise<void>;
};

export async function startWebProcesses({ count, log, beforeListen }: Options) {
  // its sibling: scripts/server/web-process.ts from the sources (npm run dev), build/server/web-process.js from
  // the bundle (npm start)
  const here = fileURLToPath(import.meta.url);
  cluster.setupPrimary({ exec: path.join(path.dirname(here), `web-process${path.extname(here)}`) });
  let stopping = false;
  let listenNow = false;
  const fork = (index: number): { worker: Worker; loaded: Promise<void>; listening: Promise<void> } => {
    const worker = cluster.fork({
      WEB_PROCESS_INDEX: String(index + 1),
      ...(index > 0 ? { JOBS: "off" } : {}),
    });
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      log(`web process ${index + 1} stopped (${signal ?? `code ${code}`}); starting another`);
      setTimeout(() => {
        if (!stopping) workers[index] = fork(index).worker;
      }, 1000).unref();
    });
    const exited = new Promise<never>((_, reject) =>
      worker.once("exit", (code) => reject(new Error(`web process ${index + 1} exited with code ${code}`))),
    );
    const loaded = Promise.race([new Promise<void>((resolve) => worker.once("message", () => resolve())), exited]);
    // a replacement listens as soon as it has loaded
    void loaded.then(
      () => listenNow && worker.send("listen"),
      () => {},
    );
    const listening = Promise.race([new Promise<void>((resolve) => worker.once("listening", () => resolve())), exited]);
    return { worker, loaded, listening };
  };
  const started = Array.from({ length: count }, (_, i) => fork(i));
  const workers = started.map((s) => s.worker);
  await Promise.all(started.map((s) => s.loaded));
  await beforeListen?.();
  listenNow = true;
  for (const w of workers) w.send("listen");
  await Promise.all(started.map((s) => s.listening));
  log(`${count} web processes share the port`);
  return {
    close: async () => {
      stopping = true;
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              w.once("exit", () => resolve());
              w.process.kill("SIGTERM");
            }),
        ),
      );
    },
  };
}
