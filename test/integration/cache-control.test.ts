// Personal answers are kept by no cache: every route in the route table (test/setup/route-table.ts),
// asked by every kind of signed-in viewer, as a document and as a data request (`.data`), answers
// `Cache-Control: private, no-store`, unless the route serves the same thing to everyone and says
// so (`public`: badges, feeds, calendars, the sitemap, keys, uploads, the app's icons and members' script). A new
// route is covered without anyone remembering it; so is a sign-in, whose answer sets the session cookie.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { postForm, startApp, type TestApp } from "../setup/app";
import {
  createFixtures,
  pool,
  PRIVATE,
  ROUTES,
  routeFiles,
  signIn,
  WHO,
  type Fixtures,
  type Person,
  type Who,
} from "../setup/route-table";

/** Routes that serve one answer to everyone (they contain nothing of the viewer) and may be shared. */
const SHARED_ROUTES =
  /^(?:badges\.|feeds\.|events(?:\.\$id)?\[\.\](?:ics|rss)$|sitemap\[\.\]xml$|\[\.\]well-known\.|uploads\.\$$)/;
const SHARED = {
  test: (route: string) => SHARED_ROUTES.test(route) || route === "icons.$name" || route === "assets.$file",
};

const routesDir = path.resolve(__dirname, "../../app/routes");
/** A route with a page (not a resource route) also answers data requests at `<path>.data`. */
const hasPage = (route: string) => {
  for (const ext of [".tsx", ".ts"]) {
    try {
      return /export\s+default\b/.test(readFileSync(path.join(routesDir, route + ext), "utf8"));
    } catch {
      /* try the next */
    }
  }
  return false;
};
const dataPath = (p: string) => {
  const [pathname, search] = p.split("?");
  return `${pathname === "/" ? "/_root" : pathname.replace(/\/$/, "")}.data${search ? `?${search}` : ""}`;
};

let app: TestApp;
let fixtures: Fixtures;
let people: Record<Exclude<Who, "visitor">, Person>;
const cookies = {} as Record<Who, string>;

beforeAll(async () => {
  const made = await createFixtures();
  fixtures = made.fixtures;
  people = made.people;
  app = await startApp({ JOBS: "off" });
  await Promise.all(
    WHO.filter((w) => w !== "visitor").map(
      async (w) => (cookies[w] = await signIn(app, people[w as Exclude<Who, "visitor">])),
    ),
  );
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

describe("Cache-Control on personal answers", () => {
  test("every route, every signed-in viewer, page and data request: private, no-store unless shared", async () => {
    const files = new Set(routeFiles());
    const checks: { route: string; who: Who; url: string }[] = [];
    for (const [route, row] of [...Object.entries(ROUTES).filter(([r]) => files.has(r)), ...Object.entries(PRIVATE)]) {
      const url = row.path(fixtures);
      for (const who of WHO.filter((w) => w !== "visitor")) {
        checks.push({ route, who, url });
        if (hasPage(route)) checks.push({ route, who, url: dataPath(url) });
      }
    }
    const wrong = (
      await pool(checks, 8, async ({ route, who, url }) => {
        const res = await fetch(`${app.url}${url}`, { headers: { Cookie: cookies[who] }, redirect: "manual" });
        await res.arrayBuffer();
        const cc = res.headers.get("cache-control");
        if (cc === "private, no-store") return [];
        if (SHARED.test(route) && /\bpublic\b/.test(cc ?? "")) return [];
        return [`GET ${url} (${route}) as ${who}: ${res.status}, Cache-Control ${cc}`];
      })
    ).flat();
    expect(checks.length).toBeGreaterThan(1000);
    expect(wrong).toEqual([]);
  }, 180_000);

  test("the exports (CSV, zip) and a signed-in answer that redirects are private too", async () => {
    for (const [url, who] of [
      ["/admin/progress.csv", "admin"],
      ["/my/data.zip", "member"],
      ["/login", "member"],
    ] as const) {
      const res = await fetch(`${app.url}${url}`, { headers: { Cookie: cookies[who] }, redirect: "manual" });
      expect(res.headers.get("cache-control"), url).toBe("private, no-store");
    }
    const csv = await fetch(`${app.url}/admin/progress.csv`, { headers: { Cookie: cookies.admin } });
    expect(csv.headers.get("content-type")).toContain("text/csv");
  });

  test("signing in (it sets the session cookie) is private; a visitor's page is left to its route", async () => {
    const res = await postForm(app, "/login", { email: people.member.username, password: people.member.password });
    expect(res.headers.get("set-cookie")).toMatch(/^tp_session=/);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const visitor = await fetch(`${app.url}/latest`);
    expect(visitor.headers.get("cache-control") ?? "").not.toContain("no-store");
  });
});
