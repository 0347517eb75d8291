// Several web processes on one port (WEB_PROCESSES): each serves pages
// and sessions alike, only the first runs the job worker, a process that dies is replaced, and stopping the
// launcher stops them all.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { createUser } from "../factories/users";

/** The web processes serving `port`: pid and JOBS setting, read from /proc. */
function webProcesses(port: string): { pid: number; jobs: string }[] {
  const found: { pid: number; jobs: string }[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // npm start's bundle: build/server/web-process.js
      if (!fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("build/server/web-process.js")) continue;
      const env = fs.readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (!env.includes(`PORT=${port}`)) continue;
      found.push({ pid: Number(entry), jobs: env.find((e) => e.startsWith("JOBS="))?.slice(5) ?? "" });
    } catch {
      /* gone meanwhile */
    }
  }
  return found;
}

async function until<T>(what: string, check: () => T | undefined | false, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`not in ${ms / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("several web processes", () => {
  let app: TestApp;
  let port: string;
  beforeAll(async () => {
    app = await startApp({ WEB_PROCESSES: "2", JOBS: "on" });
    port = new URL(app.url).port;
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
  });

  test("two processes serve the port, the first with the job worker", async () => {
    expect(app.output()).toContain("2 web processes share the port");
    const processes = webProcesses(port);
    expect(processes).toHaveLength(2);
    expect(processes.map((p) => p.jobs).sort()).toEqual(["off", "on"]);
  });

  test("a session made through one process is known to every process", async () => {
    const user = await createUser({ email: "two@example.org", username: "two_procs" });
    const res = await postForm(app, "/login", { email: user.username, password: user.password });
    expect(res.status).toBe(302);
    const cookie = cookieFrom(res);
    // keep-alive off: each request may reach either process
    for (let i = 0; i < 12; i++) {
      const page = await fetch(`${app.url}/latest`, { headers: { Cookie: cookie, Connection: "close" } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(user.username);
    }
  });

  test("a process that dies is replaced, and the pages keep answering", async () => {
    const [first] = webProcesses(port);
    process.kill(first.pid, "SIGKILL");
    await until("a replacement", () => {
      const now = webProcesses(port);
      return now.length === 2 && !now.some((p) => p.pid === first.pid) && now;
    });
    const replaced = webProcesses(port);
    expect(replaced.map((p) => p.jobs).sort()).toEqual(["off", "on"]);
    await until("the port answers", () => true);
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${app.url}/healthz`, { headers: { Connection: "close" } });
      expect(res.status).toBe(200);
    }
    expect(app.output()).toMatch(/web process \d stopped \(SIGKILL\); starting another/);
  });

  test("stopping the launcher stops every web process", async () => {
    await app.stop();
    await until("no web process left", () => webProcesses(port).length === 0, 15_000);
  });
});
