// Hostile requests over HTTP, on the built app: redirects that must stay on this site, input a
// client controls that must never make a 500, the same-origin check for real same-site forms,
// what a 404 writes to the log, and X-Forwarded-* believed only from a trusted proxy.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { RATE_RULES } from "~/models/account/rate-limit.server";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { ageUser } from "../factories/topics";
import { createUser } from "../factories/users";

/** Values a browser would follow to another site if they went out as they are. */
const FOREIGN = [
  "/\t/evil.example",
  "/\\evil.example",
  "//evil.example",
  "/\\\t/evil.example",
  "\t//evil.example",
  " //evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\u0000//evil.example",
  "/.//evil.example",
  "/x/..//evil.example",
  "https://evil.example",
  "https:/evil.example",
  "HTTPS://evil.example/x",
  "javascript:alert(1)",
  " JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/%09/evil.example",
  "%2F%2Fevil.example",
  "/%5Cevil.example",
  "\\\\evil.example",
];
/** Values with characters a header cannot carry as they are. */
const UNSENDABLE = ["/a\r\nSet-Cookie: tp_x=1", "/a\nb", "/a\u0000b", "/a\u2028b", "/é漢字🙂", "/x?q=é#frag\u2028"];

/** Where a browser goes with this Location: the WHATWG URL parser is the browser's. */
const landing = (location: string | null, base: string) => new URL(location ?? "", base);

let app: TestApp;
let member: { username: string; password: string };
let memberCookie: string;

beforeAll(async () => {
  const u = await createUser({ username: "hostile_member" });
  await ageUser(u);
  member = u;
  app = await startApp({ JOBS: "off" });
  memberCookie = cookieFrom(await postForm(app, "/login", { email: u.username, password: u.password }));
  expect(memberCookie).toMatch(/^tp_session=/);
});
afterAll(async () => {
  await app?.stop();
});

/** A raw request, so header and path bytes go out exactly as given (fetch would normalise them). */
function raw(
  method: string,
  pathname: string,
  headers: Record<string, string> = {},
  body = "",
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(app.url);
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: pathname,
        agent: false,
        headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const appPage = (r: { headers: http.IncomingHttpHeaders; text: string }) =>
  String(r.headers["content-type"]).includes("text/html") && /<h1[^>]*>[^<]+<\/h1>/.test(r.text);

describe("redirects stay on this site", () => {
  test("sign-in's redirectTo: a signed-in member's visit and the sign-in form both land on this site", async () => {
    const wrong: string[] = [];
    for (const value of [...FOREIGN, ...UNSENDABLE]) {
      const get = await fetch(`${app.url}/login?redirectTo=${encodeURIComponent(value)}`, {
        headers: { Cookie: memberCookie },
        redirect: "manual",
      });
      const to = landing(get.headers.get("location"), app.url);
      // no address of ours has a NUL: such a link is refused whole (400, the app's page)
      if (value.includes("\u0000") && get.status === 400 && (await get.text()).includes("<h1")) continue;
      if (get.status !== 302 || to.origin !== app.url)
        wrong.push(`GET ${JSON.stringify(value)}: ${get.status} to ${get.headers.get("location")}`);
    }
    for (const value of [
      "/\t/evil.example",
      "/\\evil.example",
      "/.//evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "/a\r\nb",
      "/é",
    ]) {
      const post = await postForm(app, "/login", {
        email: member.username,
        password: member.password,
        redirectTo: value,
      });
      const to = landing(post.headers.get("location"), app.url);
      if (post.status !== 302 || to.origin !== app.url)
        wrong.push(`POST ${JSON.stringify(value)}: ${post.status} to ${post.headers.get("location")}`);
    }
    expect(wrong).toEqual([]);
  });

  test("an in-site address survives the trip, query and fragment included", async () => {
    const res = await fetch(`${app.url}/login?redirectTo=${encodeURIComponent("/t/some-topic/12?page=2#post-3")}`, {
      headers: { Cookie: memberCookie },
      redirect: "manual",
    });
    expect(res.headers.get("location")).toBe("/t/some-topic/12?page=2#post-3");
  });

  test("the language switch's return address lands on this site", async () => {
    const wrong: string[] = [];
    for (const value of [...FOREIGN, ...UNSENDABLE]) {
      const res = await postForm(app, "/language", { locale: "en", returnTo: value });
      const to = landing(res.headers.get("location"), app.url);
      if (res.status !== 302 || to.origin !== app.url)
        wrong.push(`${JSON.stringify(value)}: ${res.status} to ${res.headers.get("location")}`);
    }
    expect(wrong).toEqual([]);
    const back = await postForm(app, "/language", { locale: "en", returnTo: "/latest?page=2" });
    expect(back.headers.get("location")).toBe("/latest?page=2");
  });
});

describe("input a client controls never makes a 500", () => {
  test("NUL in a path parameter answers 400 or 404 with the app's page", async () => {
    const wrong: string[] = [];
    for (const pathname of [
      "/u/%00",
      "/u/%00/progress",
      "/assessments/%00",
      "/c/%00",
      "/tag/%00",
      "/t/%00/1",
      "/events/%00",
      "/badges/%00",
      "/p/%00/revisions",
      "/u/a%00b",
      "/%00",
      "/latest%00",
      "/u/%00.data",
      "/latest?page=%00",
      "/search?q=%00",
    ]) {
      for (const cookie of ["", memberCookie]) {
        const res = await raw("GET", pathname, cookie ? { Cookie: cookie } : {});
        const page = pathname.includes(".data")
          ? String(res.headers["content-type"]).includes("text/x-script")
          : appPage(res);
        if (![400, 404].includes(res.status) || !page)
          wrong.push(`GET ${pathname}${cookie ? " as a member" : ""}: ${res.status} ${res.text.slice(0, 80)}`);
      }
    }
    const post = await raw(
      "POST",
      "/u/%00/moderate",
      { Origin: app.origin, Cookie: memberCookie, "Content-Type": "application/x-www-form-urlencoded" },
      "reason=x",
    );
    if (![400, 404].includes(post.status) || !appPage(post)) wrong.push(`POST /u/%00/moderate: ${post.status}`);
    expect(wrong).toEqual([]);
  });

  test("an X-Forwarded-Host that differs from Origin on a POST is refused with the app's page", async () => {
    for (const cookie of ["", memberCookie]) {
      const res = await raw(
        "POST",
        "/language",
        {
          Origin: app.origin,
          "X-Forwarded-Host": "evil.example",
          "Content-Type": "application/x-www-form-urlencoded",
          ...(cookie ? { Cookie: cookie } : {}),
        },
        "locale=en",
      );
      expect([400, 403], `as ${cookie ? "a member" : "a visitor"}: ${res.status} ${res.text.slice(0, 120)}`).toContain(
        res.status,
      );
      expect(appPage(res)).toBe(true);
    }
  });

  test("the same POST behind this machine's proxy, with Origin naming the public host, is accepted", async () => {
    const res = await raw(
      "POST",
      "/language",
      {
        Origin: "https://touchpoints.example",
        "X-Forwarded-Host": "touchpoints.example",
        "X-Forwarded-Proto": "https",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      "locale=fr&returnTo=/latest",
    );
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("/latest");
  });
});

describe("the same-origin check accepts every real same-site form", () => {
  const forgot = (headers: Record<string, string>) =>
    raw(
      "POST",
      "/forgot-password",
      { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      "email=someone%40example.test",
    );

  test("a form sent from a no-referrer page (Origin: null) with Sec-Fetch-Site: same-origin", async () => {
    const res = await forgot({ Origin: "null", "Sec-Fetch-Site": "same-origin" });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expect(res.text).not.toContain("another site");
  });

  test("still refused: Origin null alone, another site, a sibling subdomain, no Origin at all", async () => {
    const refused: Record<string, string>[] = [
      { Origin: "null" },
      { Origin: "null", "Sec-Fetch-Site": "cross-site" },
      { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      { Origin: "null", "Sec-Fetch-Site": "same-site" },
      {},
      { Origin: "https://evil.example" },
    ];
    for (const headers of refused) {
      const res = await forgot(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(appPage(res)).toBe(true);
    }
  });
});

describe("the log", () => {
  test("a 404 (page or data request) and a refused form write no error-level line", async () => {
    const before = app.output().length;
    for (const p of ["/no-such-page", "/no/such/page.data", "/t/no-such-topic/999999", "/u/nobody_here"])
      expect((await fetch(`${app.url}${p}`)).status).toBe(404);
    expect((await fetch(`${app.url}/latest`, { method: "POST", headers: { Origin: app.origin } })).status).toBe(405);
    await new Promise((r) => setTimeout(r, 300));
    const lines = app
      .output()
      .slice(before)
      .split("\n")
      .filter((l) => /"level":(50|60)|unhandled error/.test(l));
    expect(lines).toEqual([]);
  });
});

describe("TRUSTED_PROXIES", () => {
  let untrusted: TestApp;
  beforeAll(async () => {
    // the tests connect from 127.0.0.1, which this list does not name: they are a client, not a proxy
    untrusted = await startApp({ JOBS: "off", TRUSTED_PROXIES: "10.0.0.0/8, fd00::/8" });
  });
  afterAll(async () => {
    await untrusted?.stop();
  });

  test("an untrusted peer's X-Forwarded-For is ignored: its attempts all count against its own address", async () => {
    const { max } = RATE_RULES.resetByIp;
    const statuses: number[] = [];
    for (let i = 0; i <= max; i++) {
      const res = await fetch(`${untrusted.url}/forgot-password`, {
        method: "POST",
        headers: {
          Origin: untrusted.origin,
          "Content-Type": "application/x-www-form-urlencoded",
          "X-Forwarded-For": `203.0.113.${i + 1}`,
        },
        body: new URLSearchParams({ email: `proxy${i}@example.test` }),
      });
      statuses.push(res.status);
    }
    // (other tests here posted from 127.0.0.1 too: the limit may come a little earlier, never later)
    expect(statuses.filter((s) => s === 200).length, statuses.join(" ")).toBeLessThanOrEqual(max);
    expect(statuses[max], statuses.join(" ")).toBe(429);
  });

  test("an untrusted peer's X-Forwarded-Host is ignored: its own same-origin form goes through", async () => {
    const res = await fetch(`${untrusted.url}/language`, {
      method: "POST",
      headers: {
        Origin: untrusted.origin,
        "X-Forwarded-Host": "evil.example",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ locale: "en", returnTo: "/latest" }),
      redirect: "manual",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/latest");
  });

  test("a malformed list stops start-up with a sentence naming the variable", async () => {
    const started = await startApp({ JOBS: "off", TRUSTED_PROXIES: "10.0.0.0/33" }).then(
      (a) => a,
      (e: Error) => e,
    );
    if (!(started instanceof Error)) await started.stop();
    expect(String(started)).toMatch(/Environment variable TRUSTED_PROXIES is invalid/);
  });
});
