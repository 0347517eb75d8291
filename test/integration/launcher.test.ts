// The launcher as operators run it (`npm start`'s command): one launcher per data folder, a
// "starting up" page from the first second, and no production server on a wrong build.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { freePort } from "../../scripts/server/services";
import { startArgs } from "../../scripts/server/start-command";

const root = path.resolve(__dirname, "..", "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tp-launcher-"));
fs.chmodSync(tmp, 0o755); // the postgres OS user must reach the data folder when we run as root
const children: ChildProcess[] = [];

type Launcher = {
  child: ChildProcess;
  port: number;
  startedAt: number;
  output(): string;
  exited: Promise<number | null>;
};

/** `npm start` with its own embedded services in dataDir (none of the test run's). */
function launch(dataDir: string, port: number, opts: { cwd?: string; env?: Record<string, string> } = {}): Launcher {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    ...opts.env,
  };
  for (const name of ["DATABASE_URL", "MEILI_URL", "MEILI_API_KEY", "MEILI_MASTER_KEY", "MEILI_INDEX_PREFIX"])
    if (!opts.env?.[name]) delete env[name];
  const child = spawn(process.execPath, startArgs(), { cwd: opts.cwd ?? root, env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (c) => (out += c));
  child.stderr!.on("data", (c) => (out += c));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return { child, port, startedAt: Date.now(), output: () => out, exited };
}

async function stop(l: Launcher) {
  if (l.child.exitCode !== null || l.child.signalCode !== null) return;
  l.child.kill("SIGTERM");
  const t = setTimeout(() => l.child.kill("SIGKILL"), 15_000);
  await l.exited;
  clearTimeout(t);
}

async function get(port: number, pathname: string) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${pathname}`, {
      redirect: "manual",
      signal: AbortSignal.timeout(5000),
    });
    return { status: res.status, headers: res.headers, body: await res.text() };
  } catch {
    return undefined;
  }
}

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("one launcher per data folder", () => {
  test(
    "a first start shows a starting-up page and its progress; a second launcher on the same folder exits with one " +
      "sentence and touches nothing",
    async () => {
      const dataDir = path.join(tmp, "data");
      const first = launch(dataDir, await freePort());

      // from the first seconds, the port answers: 503, Retry-After, a page that refreshes itself
      let early: Awaited<ReturnType<typeof get>>;
      for (;;) {
        early = await get(first.port, "/");
        if (early || first.child.exitCode !== null || Date.now() - first.startedAt > 15_000) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(early, first.output()).toBeDefined();
      const firstAnswerAfter = Date.now() - first.startedAt;
      expect(early!.status).toBe(503);
      expect(early!.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(early!.headers.get("content-type")).toMatch(/text\/html/);
      expect(early!.body).toMatch(/<meta http-equiv="refresh" content="\d+">/);
      expect(early!.body.length).toBeLessThan(2000);
      expect((await get(first.port, "/healthz"))?.status).toBe(503);

      const deadline = Date.now() + 240_000;
      for (;;) {
        const h = await get(first.port, "/healthz");
        if (h?.status === 200) {
          expect(JSON.parse(h.body)).toEqual({ postgres: "up", meilisearch: "up" });
          break;
        }
        if (first.child.exitCode !== null || Date.now() > deadline)
          throw new Error(`the first launcher did not become ready:\n${first.output()}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      // progress: each step with its time, and the first answer came well before the app was ready
      expect(first.output()).toMatch(/PostgreSQL.*\d+(\.\d+)? s/);
      expect(first.output()).toMatch(/migrat.*\d+(\.\d+)? s/i);
      expect(firstAnswerAfter).toBeLessThan(Date.now() - first.startedAt);
      const postgresPid = Number(
        fs.readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0],
      );

      const second = launch(dataDir, await freePort());
      const code = await Promise.race([
        second.exited,
        new Promise((r) => setTimeout(() => r("still running"), 60_000)),
      ]);
      const said = second.output().trim();
      await stop(second);
      expect(code, said).toBe(1);
      expect(said.split("\n"), said).toHaveLength(1);
      expect(said).toContain(String(first.child.pid));
      expect(said).toContain(`http://localhost:${first.port}`);
      expect(said).not.toMatch(/stale|stopping/i);

      // the first one is untouched: same PostgreSQL process, both services up
      expect(Number(fs.readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0])).toBe(
        postgresPid,
      );
      const h = await get(first.port, "/healthz");
      expect(h?.status, first.output()).toBe(200);
      expect(JSON.parse(h!.body)).toEqual({ postgres: "up", meilisearch: "up" });
      expect(first.output()).not.toMatch(/stale/i);

      await stop(first);
      // and after it stopped, the folder is free again: a launcher may take it (not started here)
      expect(fs.existsSync(path.join(dataDir, "launcher.lock"))).toBe(false);
    },
    300_000,
  );
});

describe("npm start and the build", () => {
  // A copy of the project whose build/ the test controls: sources and packages are the real ones.
  function projectWith(name: string) {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir);
    // app/ is copied: the compiler tells server-only modules by their path under app/
    fs.cpSync(path.join(root, "app"), path.join(dir, "app"), { recursive: true });
    for (const entry of ["db", "node_modules"]) fs.symlinkSync(path.join(root, entry), path.join(dir, entry));
    // public/build is the browser half of a build: the copy gets its own
    fs.mkdirSync(path.join(dir, "public"));
    for (const entry of fs.readdirSync(path.join(root, "public"))) {
      if (entry !== "build") fs.symlinkSync(path.join(root, "public", entry), path.join(dir, "public", entry));
    }
    for (const file of ["package.json", "remix.config.js", "tsconfig.json"])
      fs.copyFileSync(path.join(root, file), path.join(dir, file));
    fs.cpSync(path.join(root, "scripts"), path.join(dir, "scripts"), { recursive: true });
    return dir;
  }
  const env = () => ({
    DATABASE_URL: process.env.DATABASE_URL!,
    MEILI_URL: process.env.MEILI_URL!,
    MEILI_API_KEY: process.env.MEILI_API_KEY!,
  });

  test("a dev build (left by `npm run dev`) is refused, with a sentence saying to run npm run build", async () => {
    const dir = projectWith("dev-build");
    const built = spawnSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: "development" },
      encoding: "utf8",
    });
    expect(built.status, built.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, "build", "index.js"), "utf8")).toContain('mode = "development"');
    // `npm run dev` rebuilds the app only: the server bundle of an earlier `npm run build` stays beside it
    fs.cpSync(path.join(root, "build", "server"), path.join(dir, "build", "server"), { recursive: true });

    const l = launch(path.join(tmp, "dev-build-data"), await freePort(), { cwd: dir, env: env() });
    const code = await Promise.race([l.exited, new Promise((r) => setTimeout(() => r("still running"), 60_000))]);
    await stop(l);
    expect(code, l.output()).toBe(1);
    expect(l.output().trim()).toMatch(/development build.*npm run build/);
    expect(l.output().trim().split("\n")).toHaveLength(1);
  }, 180_000);

  test("without a build, npm start says so in one sentence", async () => {
    const dir = projectWith("no-build");
    const l = launch(path.join(tmp, "no-build-data"), await freePort(), { cwd: dir, env: env() });
    const code = await Promise.race([l.exited, new Promise((r) => setTimeout(() => r("still running"), 60_000))]);
    await stop(l);
    expect(code, l.output()).toBe(1);
    expect(l.output().trim()).toBe("No production build found in build/: run `npm run build` first.");
  }, 120_000);

  test("a server bundle older than the launcher's sources is refused", async () => {
    const dir = projectWith("stale-server");
    fs.cpSync(path.join(root, "build"), path.join(dir, "build"), { recursive: true });
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(dir, "scripts", "server", "http-kit.ts"), later, later);

    const l = launch(path.join(tmp, "stale-server-data"), await freePort(), { cwd: dir, env: env() });
    const code = await Promise.race([l.exited, new Promise((r) => setTimeout(() => r("still running"), 60_000))]);
    await stop(l);
    expect(code, l.output()).toBe(1);
    expect(l.output().trim()).toMatch(
      /older than the sources \(scripts\/server\/http-kit\.ts changed after it\).*npm run build/,
    );
  }, 120_000);

  test("a production build older than the sources is refused the same way", async () => {
    const dir = projectWith("stale-build");
    fs.cpSync(path.join(root, "build"), path.join(dir, "build"), { recursive: true });
    const old = new Date("2001-01-01T00:00:00Z");
    for (const f of fs.readdirSync(path.join(dir, "build"))) fs.utimesSync(path.join(dir, "build", f), old, old);

    const l = launch(path.join(tmp, "stale-build-data"), await freePort(), { cwd: dir, env: env() });
    const code = await Promise.race([l.exited, new Promise((r) => setTimeout(() => r("still running"), 60_000))]);
    await stop(l);
    expect(code, l.output()).toBe(1);
    expect(l.output().trim()).toMatch(/older than the sources.*npm run build/);
  }, 120_000);
});
