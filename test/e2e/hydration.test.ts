// Pages in Chromium. Every page that loads React (its route does not set handle.hydrate = false) hydrates without a
// mismatch: visited in Chromium, signed in as someone the route table lets see it, and any React
// hydration error or warning in the console (or an uncaught error) fails the test. A constant
// imported from a `.server` module is undefined in the browser, so the client render differs.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startApp, type TestApp } from "../setup/app";
import { expectAccessible, hasChromium, launchBrowser, newPage } from "../setup/browser";
import {
  createFixtures,
  expected,
  ROUTES,
  routeFiles,
  WHO,
  type Fixtures,
  type Person,
  type Who,
} from "../setup/route-table";
import { signedInPage } from "../setup/session";

const hydratedRoutes = () =>
  routeFiles().filter((name) => {
    const file = path.resolve(__dirname, "../../app/routes", `${name}.tsx`);
    let source: string;
    try {
      source = readFileSync(file, "utf8");
    } catch {
      return false; // a .ts file: a resource route, no page
    }
    return /export default function/.test(source) && !/hydrate:\s*false/.test(source);
  });

// the role a page is made for sees its fullest version (a member sees /recruiter as an invitation to apply)
const PREFERRED: [RegExp, Who][] = [
  [/^recruiter/, "recruiter"],
  [/^(admin|review|u\.|p\.\$id_\.moderate|t\.\$id)/, "admin"],
  [/^tutor/, "tutor"],
  [/^judging/, "judge"],
];

/** Whoever sees the page itself (200), else an error page rendered by the app (which hydrates too). */
function viewerFor(name: string): Who {
  const get = ROUTES[name].get;
  const preferred = PREFERRED.find(([re]) => re.test(name))?.[1];
  if (preferred && expected(get, preferred) === 200) return preferred;
  return WHO.find((w) => expected(get, w) === 200) ?? WHO.find((w) => expected(get, w) !== 302) ?? "admin";
}

/** What a form control promises the browser: the attributes a server-only constant usually feeds. */
const controlsOf = () =>
  [...document.querySelectorAll("main input, main textarea, main select")].map((el) =>
    ["name", "type", "maxlength", "minlength", "min", "max", "required", "pattern"]
      .map((a) => `${a}=${el.getAttribute(a)}`)
      .join(" "),
  );

describe.skipIf(!hasChromium)("hydrated pages", () => {
  let app: TestApp;
  let browser: Browser;
  let fixtures: Fixtures;
  let people: Record<Exclude<Who, "visitor">, Person>;
  beforeAll(async () => {
    const made = await createFixtures();
    fixtures = made.fixtures;
    people = made.people;
    [app, browser] = await Promise.all([startApp({ JOBS: "off" }), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("every hydrated page hydrates without a mismatch, for a viewer who may see it", async () => {
    const routes = hydratedRoutes();
    expect(routes).toContain("recruiter._index");
    const problems: string[] = [];
    const pages = new Map<Who, Awaited<ReturnType<typeof newPage>>>();
    const pageFor = async (who: Who) => {
      if (!pages.has(who))
        pages.set(who, who === "visitor" ? await newPage(browser) : await signedInPage(browser, app, people[who]));
      return pages.get(who)!;
    };
    const visits = routes.map((name) => ({ name, url: ROUTES[name].path(fixtures) }));
    // states of a page that show more form (the revoke form of an award)
    visits.push({ name: "admin.badges", url: `/admin/badges?revoke=${fixtures.badgeId}` });
    for (const { name, url } of visits) {
      const who = viewerFor(name);
      const page = await pageFor(who);
      const seen: string[] = [];
      const onConsole = (m: { type(): string; text(): string }) => {
        if (m.type() === "error" || m.type() === "warning") seen.push(`console.${m.type()}: ${m.text()}`);
      };
      const onError = (e: Error) => seen.push(`uncaught: ${e.message}`);
      page.on("console", onConsole);
      page.on("pageerror", onError);
      const res = await page.goto(`${app.url}${url}`);
      // a page this viewer is sent away from (the second sign-in step without a pending sign-in) is
      // checked where it is reached, not here
      if (new URL(page.url()).pathname !== new URL(url, app.url).pathname) {
        page.off("console", onConsole);
        page.off("pageerror", onError);
        continue;
      }
      // hydration has finished when React has attached its fiber to the root element
      const hydrated = await page
        .waitForFunction(
          () => [document, document.documentElement].some((n) => Object.keys(n).some((k) => k.startsWith("__react"))),
          undefined,
          { timeout: 10_000 },
        )
        .then(
          () => true,
          () => false,
        );
      await page.waitForLoadState("networkidle");
      page.off("console", onConsole);
      page.off("pageerror", onError);
      // a failed resource load (a 403/404 document itself) is not a hydration problem
      const real = seen.filter((s) => !/Failed to load resource/.test(s));
      // React 18's production build keeps a server attribute it disagrees with and says nothing:
      // render the same page from scratch in the browser (a client navigation) and compare the controls
      if (hydrated && res?.status() === 200) {
        const fromServer = await page.evaluate(controlsOf);
        // away to another hydrated page for everyone, then back
        const away = url.startsWith("/badges") ? "/forgot-password" : "/badges";
        await page.evaluate(
          async ([there, back]) => {
            const router = (window as unknown as { __remixRouter: { navigate(to: string): Promise<void> } })
              .__remixRouter;
            await router.navigate(there);
            await router.navigate(back);
          },
          [away, url],
        );
        // the new route commits in a transition after navigate() resolves
        await page.waitForFunction(
          (to) => {
            const router = (window as unknown as { __remixRouter: { state: { navigation: { state: string } } } })
              .__remixRouter;
            return location.pathname + location.search === to && router.state.navigation.state === "idle";
          },
          url,
          { timeout: 15_000 },
        );
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        await page
          .waitForFunction(
            (n) => document.querySelectorAll("main input, main textarea, main select").length >= n,
            fromServer.length,
            { timeout: 15_000 },
          )
          .catch(() => undefined);
        const fromClient = await page.evaluate(controlsOf);
        if (JSON.stringify(fromClient) !== JSON.stringify(fromServer)) {
          const at = page.url();
          const heading = await page
            .locator("h1")
            .first()
            .textContent()
            .catch(() => "");
          const lost = JSON.stringify(fromServer.filter((c) => !fromClient.includes(c)));
          const gained = JSON.stringify(fromClient.filter((c) => !fromServer.includes(c)));
          problems.push(
            `${url} (${name}, as ${who}): form controls differ when rendered in the browser ` +
              `(at ${at}, "${heading}"): ${lost} became ${gained}`,
          );
        }
      }
      if (!hydrated) problems.push(`${url} (${name}, as ${who}, ${res?.status()}): React did not hydrate`);
      for (const s of real) problems.push(`${url} (${name}, as ${who}, ${res?.status()}): ${s}`);
    }
    expect(problems, problems.join(" | ")).toEqual([]);
  }, 300_000);

  // inputs without a `type` (the Field component's default) look and size like every other input (44 px
  // tap targets); the bell is a drawing, not an emoji that shows as a box without an emoji font
  test("an input without a type is styled like a text input; the bell is an SVG with its name", async () => {
    const page = await signedInPage(browser, app, people.member);
    await page.goto(`${app.url}/recruiter/apply`);
    const untyped = page.getByLabel("Organisation name");
    expect(await untyped.getAttribute("type")).toBeNull();
    const box = await untyped.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    const style = await untyped.evaluate((el) => {
      const s = getComputedStyle(el);
      return {
        padding: s.paddingLeft,
        width: el.getBoundingClientRect().width,
        parent: el.parentElement!.getBoundingClientRect().width,
      };
    });
    expect(parseFloat(style.padding)).toBeGreaterThanOrEqual(8);
    expect(style.width).toBeCloseTo(style.parent, 0);

    const bell = page.getByRole("link", { name: /notification/i });
    expect(await bell.locator("svg").count()).toBe(1);
    expect(await bell.textContent()).not.toContain("🔔");
    await expectAccessible(page);
  }, 60_000);
});
