// The authorization matrix: every route file in app/routes (read at test time, so a new route
// cannot be forgotten) has a row in test/setup/route-table.ts saying what each kind of viewer gets:
// visitor, member without a level, members at levels 1 to 4, recruiter, tutor, judge and admin.
// One app, many parallel requests; every difference is reported at once, named by route file and
// viewer. AUTHZ_PRINT=1 prints what each viewer gets.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startApp, type TestApp } from "../setup/app";
import { createFixtures, expected, PRIVATE, pool, ROUTES, routeFiles, signIn, WHO, type Fixtures, type Who } from "../setup/route-table";

let app: TestApp;
let fixtures: Fixtures;
const cookies = {} as Record<Who, string>;

beforeAll(async () => {
  const made = await createFixtures();
  fixtures = made.fixtures;
  app = await startApp({ JOBS: "off" });
  cookies.visitor = "";
  await Promise.all(WHO.filter((w) => w !== "visitor").map(async (w) => (cookies[w] = await signIn(app, made.people[w as Exclude<Who, "visitor">]))));
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

type Check = { name: string; who: Who; method: "GET" | "POST"; url: string; want: number; fields?: Record<string, string> };

async function run(checks: Check[]) {
  const got = await pool(checks, 8, async (c) => {
    const headers: Record<string, string> = {};
    if (cookies[c.who]) headers.Cookie = cookies[c.who];
    let res: Response;
    if (c.method === "GET") res = await fetch(`${app.url}${c.url}`, { headers, redirect: "manual" });
    else res = await fetch(`${app.url}${c.url}`, { method: "POST", headers: { ...headers, Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(c.fields ?? {}), redirect: "manual" });
    await res.arrayBuffer();
    return res.status;
  });
  if (process.env.AUTHZ_PRINT) {
    const byRoute = new Map<string, string[]>();
    checks.forEach((c, i) => byRoute.set(`${c.method} ${c.name}`, [...(byRoute.get(`${c.method} ${c.name}`) ?? []), `${c.who}=${got[i]}`]));
    for (const [k, v] of byRoute) console.log(`${k}: ${v.join(" ")}`);
  }
  return checks.flatMap((c, i) => (got[i] === c.want ? [] : [`${c.method} ${c.url} (${c.name}) as ${c.who}: expected ${c.want}, got ${got[i]}`]));
}

describe("authorization matrix", () => {
  test("every route file has a row, and every row a route file", () => {
    const files = routeFiles();
    const missing = files.filter((f) => !(f in ROUTES));
    const stale = Object.keys(ROUTES).filter((r) => !files.includes(r));
    expect(missing.map((m) => `app/routes/${m} has no row in ROUTES (test/setup/route-table.ts): say who may GET and POST it`)).toEqual([]);
    expect(stale.map((s) => `ROUTES has a row for ${s}, which is no longer a route file`)).toEqual([]);
  });

  test("each viewer gets the expected answer from every route (GET, and POST where refusal matters)", async () => {
    const files = new Set(routeFiles());
    const rows = Object.entries(ROUTES).filter(([name]) => files.has(name));
    const gets: Check[] = [];
    for (const [name, row] of [...rows, ...Object.entries(PRIVATE)]) for (const who of WHO) gets.push({ name, who, method: "GET", url: row.path(fixtures), want: expected(row.get, who) });
    const posts: Check[] = [];
    for (const [name, row] of rows) if (row.post) for (const who of WHO) posts.push({ name, who, method: "POST", url: row.path(fixtures), want: expected(row.post, who), fields: row.postFields });
    const wrong = [...(await run(gets)), ...(await run(posts))];
    expect(wrong).toEqual([]);
  }, 120_000);

  test("private pages never show a private title to those who may not see them", async () => {
    for (const who of WHO.filter((w) => w !== "admin")) {
      for (const url of ["/latest", "/search?q=Confidential", "/latest.rss", "/sitemap.xml", `/c/${fixtures.categorySlug}`]) {
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
