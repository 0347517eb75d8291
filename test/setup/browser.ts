// Chromium through playwright-core (no browser download), with an axe-core check on every page visited.
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { TEST_PASSWORD } from "../factories/users";
import { passSecondStepInPage } from "./two-factor";
import { CHROMIUM_ARGS } from "./chromium";
import { startApp, type TestApp } from "./app";

export const chromiumPath = inject("chromium");
export const hasChromium = !!chromiumPath;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath!,
    args: CHROMIUM_ARGS,
  });
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

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page: page as never })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Fails on any WCAG 2.1 A/AA violation axe-core finds on the current page. */
export async function expectAccessible(page: Page) {
  // after a form post the new page's elements can be found before its stylesheet applies
  await page.waitForLoadState("load");
  if (!noScript.has(page.context())) {
    expect(await axeViolations(page), `accessibility violations on ${page.url()}`).toEqual([]);
    return;
  }
  // axe needs JavaScript: check the exact HTML this no-JS page shows in a scripted twin page,
  // served at the same URL so the stylesheet (and so the colour contrast) is the real one.
  const html = await page.content();
  const url = page.url();
  const twinContext = await page
    .context()
    .browser()!
    .newContext({ viewport: page.viewportSize() ?? undefined });
  try {
    const twin = await twinContext.newPage();
    await twin.route(url, (route) => route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }));
    await twin.route("**/*.js", (route) => route.abort());
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
  } finally {
    await twinContext.close();
  }
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
