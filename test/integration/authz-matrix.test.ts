// The authorization matrix: every route file in app/routes (read at test time, so a new route
// cannot be forgotten) has a row in test/setup/route-table.ts saying what each kind of viewer gets:
// visitor, member without a level, members at levels 1 to 4, recruiter, tutor, judge and admin.
// One app, many parallel requests; every difference is reported at once, named by route file and
// viewer. Every address is also asked in its data form (Remix single fetch: `/path.data`,
// `/_root.data` for the index), which a browser never shows but anyone can request: it must refuse
// the same viewers (a redirect is answered 202 there, with the target in the body).
// AUTHZ_PRINT=1 prints what each viewer gets.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { EventSchema } from "~/models/events/event.schema";
import { createEvent } from "~/models/events/event.server";
import { startApp, type TestApp } from "../setup/app";
import {
  createFixtures,
  expected,
  PRIVATE,
  pool,
  ROUTES,
  routeFiles,
  signIn,
  WHO,
  type Fixtures,
  type Who,
} from "../setup/route-table";

let app: TestApp;
let fixtures: Fixtures;
const cookies = {} as Record<Who, string>;
/** Every fixture person's email, by viewer: no one but staff (and the person) may receive it. */
const emails = {} as Record<Exclude<Who, "visitor">, string>;
/** An upcoming online event's joining link: members only, never visitors or recruiters. */
const JOIN_URL = "https://meet.example.org/authz-secret-room";

beforeAll(async () => {
  const made = await createFixtures();
  fixtures = made.fixtures;
  for (const w of WHO) {
    if (w === "visitor") continue;
    const { id } = made.people[w];
    emails[w] = (await db.selectFrom("users").select("email").where("id", "=", id).executeTakeFirstOrThrow()).email;
  }
  const soon = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString().slice(0, 16);
  const input = EventSchema.parse({
    ...{ kind: "meetup", title: "Online meet-up", timeZone: "UTC", onlineUrl: JOIN_URL },
    ...{ startsAt: soon(24), endsAt: soon(26) },
  });
  const event = await createEvent({ staffId: made.people.admin.id, input, publish: true });
  if (!event.ok) throw new Error(event.message);
  app = await startApp({ JOBS: "off" });
  cookies.visitor = "";
  await Promise.all(
    WHO.filter((w) => w !== "visitor").map(
      async (w) => (cookies[w] = await signIn(app, made.people[w as Exclude<Who, "visitor">])),
    ),
  );
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

type Check = {
  name: string;
  who: Who;
  method: "GET" | "POST";
  url: string;
  want: number;
  fields?: Record<string, string>;
  /** asked in its data form (/path.data) */
  data?: boolean;
};

/** The single-fetch data address of a page address: `/a/b?x` -> `/a/b.data?x`, `/` -> `/_root.data`. */
export function dataUrl(url: string): string {
  const [pathname, query] = url.split(/(?=\?)/);
  return `${pathname === "/" ? "/_root" : pathname}.data${query ?? ""}`;
}
/** What the data form answers where the document answers `status`: redirects become single fetch's 202. */
const dataStatus = (status: number) => ([301, 302, 303, 307, 308].includes(status) ? 202 : status);
const asData = (c: Check, want = dataStatus(c.want)): Check => ({
  ...c,
  ...{ name: `${c.name} (.data)`, url: dataUrl(c.url), want, data: true },
});

const bodies = new Map<Check, string>();

async function run(checks: Check[]) {
  const got = await pool(checks, 8, async (c) => {
    const headers: Record<string, string> = {};
    if (cookies[c.who]) headers.Cookie = cookies[c.who];
    let res: Response;
    if (c.method === "GET") res = await fetch(`${app.url}${c.url}`, { headers, redirect: "manual" });
    else
      res = await fetch(`${app.url}${c.url}`, {
        method: "POST",
        headers: { ...headers, Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(c.fields ?? {}),
        redirect: "manual",
      });
    const body = await res.text();
    if (c.method === "GET") bodies.set(c, body);
    if (c.data && res.status === 202 && !/redirect/.test(body)) return -202; // a 202 must be single fetch's redirect
    return res.status;
  });
  if (process.env.AUTHZ_PRINT) {
    const byRoute = new Map<string, string[]>();
    checks.forEach((c, i) =>
      byRoute.set(`${c.method} ${c.name}`, [...(byRoute.get(`${c.method} ${c.name}`) ?? []), `${c.who}=${got[i]}`]),
    );
    for (const [k, v] of byRoute) console.log(`${k}: ${v.join(" ")}`);
  }
  return checks.flatMap((c, i) =>
    got[i] === c.want ? [] : [`${c.method} ${c.url} (${c.name}) as ${c.who}: expected ${c.want}, got ${got[i]}`],
  );
}

describe("authorization matrix", () => {
  test("every route file has a row, and every row a route file", () => {
    const files = routeFiles();
    const missing = files.filter((f) => !(f in ROUTES));
    const stale = Object.keys(ROUTES).filter((r) => !files.includes(r));
    expect(
      missing.map(
        (m) => `app/routes/${m} has no row in ROUTES (test/setup/route-table.ts): say who may GET and POST it`,
      ),
    ).toEqual([]);
    expect(stale.map((s) => `ROUTES has a row for ${s}, which is no longer a route file`)).toEqual([]);
  });

  test("each viewer gets the expected answer from every route (GET, and POST where refusal matters)", async () => {
    const files = new Set(routeFiles());
    const rows = Object.entries(ROUTES).filter(([name]) => files.has(name));
    const gets: Check[] = [];
    for (const [name, row] of [...rows, ...Object.entries(PRIVATE)]) {
      for (const who of WHO) {
        const c: Check = { name, who, method: "GET", url: row.path(fixtures), want: expected(row.get, who) };
        gets.push(c, asData(c, row.data ? expected(row.data, who) : undefined));
      }
    }
    const posts: Check[] = [];
    for (const [name, row] of rows)
      if (row.post)
        for (const who of WHO)
          posts.push({
            name,
            who,
            method: "POST",
            url: row.path(fixtures),
            want: expected(row.post, who),
            fields: row.postFields,
          });
    // POSTs write: their data form is sent afterwards, and only where the answer is a refusal
    // (a success would now meet the first POST's row)
    const dataPosts = posts.filter((c) => c.want >= 400 || c.who === "visitor").map((c) => asData(c));
    const wrong = [...(await run(gets)), ...(await run(posts)), ...(await run(dataPosts))];
    expect(wrong).toEqual([]);

    // what came back, page or data: no one's email but one's own (staff excepted), and an online
    // event's joining link only for members
    const leaks: string[] = [];
    for (const [c, body] of bodies) {
      if (c.who === "admin") continue;
      for (const [owner, email] of Object.entries(emails)) {
        if (owner !== c.who && body.includes(email)) leaks.push(`${c.url} as ${c.who} holds ${owner}'s email`);
      }
      const outsider = c.who === "visitor" || c.who === "recruiter";
      if (outsider && body.includes(JOIN_URL)) leaks.push(`${c.url} as ${c.who} holds an online event's joining link`);
    }
    expect(leaks).toEqual([]);
  }, 300_000); // CI runs Node 22 and 24 side by side: 117 and 198 s there before Node 24's heap fix

  test("the events list's data holds the joining link for members only", async () => {
    for (const who of ["visitor", "recruiter", "level1", "member"] as const) {
      for (const url of ["/events", "/events.data"]) {
        const res = await fetch(`${app.url}${url}`, { headers: cookies[who] ? { Cookie: cookies[who] } : {} });
        expect(res.status).toBe(200);
        const body = await res.text();
        expect(body, `${url} as ${who}`).toContain("Online meet-up");
        expect(body.includes(JOIN_URL), `${url} as ${who}`).toBe(who === "level1" || who === "member");
      }
    }
  }, 60_000);

  test("private pages never show a private title to those who may not see them", async () => {
    for (const who of WHO.filter((w) => w !== "admin")) {
      const pages = ["/latest", "/search?q=Confidential", `/c/${fixtures.categorySlug}`];
      for (const url of [...pages, ...pages.map(dataUrl), "/latest.rss", "/sitemap.xml"]) {
        const res = await fetch(`${app.url}${url}`, { headers: cookies[who] ? { Cookie: cookies[who] } : {} });
        expect(await res.text(), `${url} as ${who}`).not.toContain("Confidential staff matter");
      }
    }
  }, 60_000);
});

// Hostile addresses answer the same to every viewer: a NUL in any path parameter is refused before
// any route reads it (400, the app's page), and a return address never leaves the site.
describe("authorization matrix: NUL and redirect cases", () => {
  /** The literal segments of a route id ("u.$username_.progress" -> u, progress). */
  const literals = (route: string) =>
    route
      .split(/\.(?![^[]*\])/)
      .filter((s) => !s.startsWith("$") && !s.startsWith("(") && s !== "_index")
      .map((s) => s.replace(/\[(.)\]/g, "$1").replace(/_$/, ""));

  test("a NUL in each path parameter of every route answers 400 to every viewer", async () => {
    const files = new Set(routeFiles());
    const checks: Check[] = [];
    for (const [name, row] of Object.entries(ROUTES).filter(([n]) => files.has(n))) {
      const [pathname] = row.path(fixtures).split("?");
      const fixed = literals(name);
      const segments = pathname.split("/");
      segments.forEach((seg, i) => {
        if (i === 0 || seg === "" || fixed.some((l) => l === seg || l.endsWith(`.${seg}`))) return;
        const url = segments.map((s, j) => (j === i ? "%00" : s)).join("/");
        for (const who of WHO) checks.push({ name, who, method: "GET", url, want: 400 });
      });
    }
    expect(checks.length).toBeGreaterThan(200);
    expect(await run(checks)).toEqual([]);
  }, 120_000);

  test("sign-in's redirectTo and the language switch's returnTo land on this site for every viewer", async () => {
    const wrong: string[] = [];
    for (const who of WHO) {
      for (const value of [
        "/\t/evil.example",
        "/\\evil.example",
        "//evil.example",
        "/.//evil.example",
        "https://evil.example",
        "javascript:alert(1)",
        "/a\r\nb",
        "/é",
      ]) {
        const headers: Record<string, string> = cookies[who] ? { Cookie: cookies[who] } : {};
        const login = await fetch(`${app.url}/login?redirectTo=${encodeURIComponent(value)}`, {
          headers,
          redirect: "manual",
        });
        // a visitor gets the sign-in page, a signed-in viewer is sent on
        if (
          login.status >= 500 ||
          (login.status === 302 && new URL(login.headers.get("location")!, app.url).origin !== app.url)
        )
          wrong.push(`/login ${JSON.stringify(value)} as ${who}: ${login.status} ${login.headers.get("location")}`);
        const lang = await fetch(`${app.url}/language`, {
          method: "POST",
          headers: { ...headers, Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ locale: "en", returnTo: value }),
          redirect: "manual",
        });
        if (lang.status !== 302 || new URL(lang.headers.get("location")!, app.url).origin !== app.url)
          wrong.push(`/language ${JSON.stringify(value)} as ${who}: ${lang.status} ${lang.headers.get("location")}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});
