// Runs the built app (npm start's code path) as a child process against this test file's
// database and Meilisearch prefix. Tests talk to it over real HTTP.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "../../scripts/server/services";
import { startArgs } from "../../scripts/server/start-command";

const root = path.resolve(__dirname, "..", "..");

export type TestApp = { url: string; origin: string; stop(): Promise<void>; output(): string };

// Load shedding is off unless a test turns it on (load-shedding-http.test.ts): on a busy shared
// machine a burst of sign-ins could wait past the queue limit and be shed, failing unrelated tests.
export async function startApp(extraEnv: Record<string, string> = {}): Promise<TestApp> {
  const port = await freePort();
  let out = "";
  // npm start's own command: one node process (the tsx CLI would start a second one in between)
  const child: ChildProcess = spawn(process.execPath, startArgs(), {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      LOG_LEVEL: "warn",
      JOBS: "on",
      COOKIE_SECURE: "true",
      SHARED_CACHE: "off",
      SHED_CONCURRENCY: "0",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (c) => (out += c));
  child.stderr?.on("data", (c) => (out += c));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited early:\n${out}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`the app did not start in 60 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    origin: url,
    output: () => out,
    // Remix keeps a ~5 s timer alive: SIGTERM, then SIGKILL after a short wait.
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(t);
    },
  };
}

/** A form POST as a browser would send it (same-origin Origin header), not following redirects. */
export async function postForm(
  app: TestApp,
  pathname: string,
  fields: Record<string, string>,
  init: { cookie?: string; origin?: string | null } = {},
) {
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (init.origin !== null) headers.Origin = init.origin ?? app.origin;
  if (init.cookie) headers.Cookie = init.cookie;
  return fetch(`${app.url}${pathname}`, {
    method: "POST",
    headers,
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
}

/** name=value of the Set-Cookie header, ready to send back. */
export function cookieFrom(res: Response): string {
  return (res.headers.get("set-cookie") ?? "").split(";")[0];
}

/** A page's text with React's escapes undone (&amp; &lt; &gt; &quot; &#x27;), to compare with what was typed. */
export const unescapeHtml = (html: string) =>
  html
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'");
