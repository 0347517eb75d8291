// Chromium through playwright-core (no browser download), with an axe-core check on every page shape visited.
import axe from "axe-core";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect, inject } from "vitest";
import { TEST_PASSWORD } from "../factories/users";
import { passSecondStepInPage } from "./two-factor";
import { CHROMIUM_ARGS } from "./chromium";
import { startApp, type TestApp } from "./app";

export const chromiumPath = inject("chromium");
export const hasChromium = !!chromiumPath;

const browsers = new Set<Browser>();

// A failed browser test prints where each open page was and what it showed: a timeout alone ("waiting for
// #post-2") does not say whether the page was an error, another page, or the same page not yet updated.
// The first page's line also goes into the test's error, so CI's summary (which shows only the reports) names it.
beforeEach(({ onTestFailed }) => {
  onTestFailed(async ({ task }) => {
    const seen: string[] = [];
    for (const browser of browsers)
      for (const context of browser.contexts())
        for (const page of context.pages()) {
          const text = await page
            .locator("body")
            .innerText({ timeout: 2000 })
            .catch((e: Error) => `(unreadable: ${e.message.split("\n")[0]})`);
          console.log(`[open page at the failure] ${page.url()}\n${text.replace(/\n{2,}/g, "\n").slice(0, 1500)}`);
          seen.push(`${new URL(page.url()).pathname}: ${text.replace(/\s+/g, " ").slice(0, 160)}`);
        }
    const error = task.result?.errors?.[0];
    if (error && seen.length > 0)
      error.stack = `${error.stack ?? error.message}\n[open pages at the failure] ${seen.join(" | ")}`;
  });
});

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath!,
    args: CHROMIUM_ARGS,
  });
  browsers.add(browser);
  browser.on("disconnected", () => browsers.delete(browser));
  return browser;
}

/**
 * The app and Chromium for one describe block: both start before its tests and stop after them.
 * Read `live.app` and `live.browser` inside the tests.
 */
export function useAppAndBrowser() {
  const live = {} as { app: TestApp; browser: Browser };
  beforeAll(async () => {
    [live.app, live.browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await live.browser?.close();
    await live.app?.stop();
  });
  return live;
}

const noScript = new WeakSet<BrowserContext>();

export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  context.setDefaultTimeout(10_000);
  if (options.javaScriptEnabled === false) noScript.add(context);
  return context.newPage();
}

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe-core's WCAG 2.1 A/AA rules on the page, axe injected once per document. (AxeBuilder re-injects axe's
 * 550 KB twice per check and finishes each run in a new blank page: 1.1 s a check where this takes 0.1 s, and
 * axe was most of the browser tests' time. The pages have no frames, which is what its extra steps are for.)
 */
async function axeViolations(page: Page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const w = window as unknown as { axe: typeof axe };
    return (await w.axe.run(document, { runOnly: { type: "tag", values: tags } })).violations;
  }, WCAG_TAGS);
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

// Attributes whose values are content (addresses, names, ids, texts): only their presence shapes the page.
const CONTENT_ATTRIBUTES = new RegExp(
  "^(id|href|src|srcset|action|value|name|for|alt|title|placeholder|content|datetime|data-[\\w-]+)$" +
    "|^aria-(label|describedby|labelledby|controls)$",
);

/**
 * A page's shape: the distinct elements it is made of (tag and attributes, content values reduced to their
 * presence), with the route (numbers blanked). Two pages of one shape are built by the same markup, so axe finds
 * the same on both: a browser flow that returns to a page it has checked (after a like, a reply, an edit) is not
 * checked again, while a page with anything new (an error, a notice, another control) is.
 */
export function pageShape(url: string, html: string, javaScriptEnabled: boolean): string {
  const elements = new Set<string>();
  const bare = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, "");
  for (const [, tag, attrs] of bare.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const parts = [tag.toLowerCase()];
    for (const [, name, ...values] of attrs.matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const value = values.find((v) => v !== undefined) ?? "";
      parts.push(CONTENT_ATTRIBUTES.test(name) ? name : `${name}=${value.replace(/\d+/g, "0")}`);
    }
    elements.add(parts.sort().join(" "));
  }
  const ids = [...bare.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
  const route = new URL(url).pathname.replace(/\d+/g, "0");
  const duplicateIds = new Set(ids).size !== ids.length;
  return [javaScriptEnabled, route, duplicateIds, ...[...elements].sort()].join("\n");
}

const checkedShapes = new Set<string>();

/** Fails on any WCAG 2.1 A/AA violation axe-core finds on the current page (once per page shape in a file). */
export async function expectAccessible(page: Page) {
  // after a form post the new page's elements can be found before its stylesheet applies
  await page.waitForLoadState("load");
  const shape = pageShape(page.url(), await page.content(), !noScript.has(page.context()));
  if (checkedShapes.has(shape)) return;
  await checkAccessible(page);
  checkedShapes.add(shape);
}

/**
 * One scripted page per browser in which the no-JavaScript pages are checked: it stays open from check to check
 * (a new context and a cold axe for every check cost a second each). It shows the HTML it is given at that
 * HTML's own address, so the stylesheet (and so the colour contrast) is the real one; no script file loads.
 */
const twins = new WeakMap<Browser, Promise<{ page: Page; show: { url: string; html: string } }>>();
function twinPage(browser: Browser) {
  let twin = twins.get(browser);
  if (!twin) {
    twin = (async () => {
      const page = await (await browser.newContext()).newPage();
      const show = { url: "", html: "" };
      await page.route("**/*", (route) => {
        const request = route.request();
        if (request.resourceType() === "document" && request.url() === show.url)
          return route.fulfill({ body: show.html, contentType: "text/html; charset=utf-8" });
        if (new URL(request.url()).pathname.endsWith(".js")) return route.abort();
        return route.continue();
      });
      return { page, show };
    })();
    twins.set(browser, twin);
  }
  return twin;
}

async function checkAccessible(page: Page) {
  if (!noScript.has(page.context())) {
    expect(await axeViolations(page), `accessibility violations on ${page.url()}`).toEqual([]);
    return;
  }
  // axe needs JavaScript: check the exact HTML this no-JS page shows in the scripted twin page. Without the
  // address's #fragment: a request never carries one, and going to the twin's own address plus a fragment
  // would only scroll the page it already shows.
  const url = page.url().split("#")[0];
  const { page: twin, show } = await twinPage(page.context().browser()!);
  Object.assign(show, { url, html: await page.content() });
  const viewport = page.viewportSize();
  if (viewport) await twin.setViewportSize(viewport);
  await twin.goto(url);
  // Seen on a loaded machine: the stylesheet occasionally not applied at "load", so axe measured
  // unstyled colours. Make sure it is in force (one reload if not) before judging contrast.
  const styled = () =>
    twin
      .waitForFunction(() => getComputedStyle(document.body).display === "flex", undefined, { timeout: 5000 })
      .then(
        () => true,
        () => false,
      );
  if (!(await styled())) {
    await twin.reload();
    expect(await styled(), `the stylesheet did not apply on ${url} (no JavaScript)`).toBe(true);
  }
  expect(await axeViolations(twin), `accessibility violations on ${url} (no JavaScript)`).toEqual([]);
}

/** Goes to a page and runs axe on it. */
export async function visit(page: Page, url: string) {
  const res = await page.goto(url);
  await expectAccessible(page);
  return res;
}

/** Signs in through the login page, answering the second step when the account has one. */
export async function signInInPage(page: Page, appUrl: string, email: string) {
  page.setDefaultTimeout(30_000);
  await visit(page, `${appUrl}/login`);
  await page.getByLabel("Email or username").fill(email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await passSecondStepInPage(page, email);
}
