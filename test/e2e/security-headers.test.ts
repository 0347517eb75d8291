// The Content-Security-Policy in Chromium: pages keep working with JavaScript (live preview, quote
// selection, directory search as you type, a hydrated form page) and the browser reports no
// violation anywhere, pages replayed by the shared cache included (they carry no nonce: their
// constant scripts are allowed by hash); an injected inline script without the nonce is refused.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { hasChromium, launchBrowser, newPage } from "../setup/browser";
import { createProfile } from "../factories/profiles";
import { ageUser, createCategory, makeTopic } from "../factories/topics";
import { createUser } from "../factories/users";

/** Every CSP violation a page reports, from the console and from the DOM event. */
function watchViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => seen.push(`${page.url()}: page error ${e.message}`));
  return seen;
}

async function domViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

async function signedInContext(
  browser: Browser,
  app: TestApp,
  user: { username: string; password: string },
): Promise<BrowserContext> {
  const res = await postForm(app, "/login", { email: user.username, password: user.password });
  const [name, value] = cookieFrom(res).split("=");
  const page = await newPage(browser);
  await page.context().addCookies([{ name, value, url: app.url }]);
  await page.close();
  return page.context();
}

describe.skipIf(!hasChromium)("content security policy in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  let topicPath: string;
  let member: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    const category = await createCategory({ slug: "csp-talk", name: "CSP talk" });
    const author = await createUser({ username: "csp_author", displayName: "Csp Author" });
    await ageUser(author);
    topicPath = (
      await makeTopic(author, category, {
        title: "Closing a ticket the customer agrees with",
        body: "Ask **before** closing.",
      })
    ).url;
    member = await createUser({ username: "csp_member" });
    await ageUser(member);
    await createProfile({ username: "zanele_csp", displayName: "Zanele Dlamini", jobTitle: "Quality analyst" });
    await createProfile({ username: "kofi_csp", displayName: "Kofi Mensah", jobTitle: "Team lead" });
    await drainJobs();
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("pages work with JavaScript under the policy and report no violation", async () => {
    const context = await signedInContext(browser, app, member);
    await context.addInitScript(() => {
      const list: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = list;
      document.addEventListener("securitypolicyviolation", (e) =>
        list.push(
          `${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`,
        ),
      );
    });
    const page = await context.newPage();
    const seen = watchViolations(page);

    // a reading page with the inlined enhancement: live preview and quote selection
    const res = await page.goto(`${app.url}${topicPath}`);
    const csp = res!.headers()["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    await page.getByLabel("Your post").fill("Live **preview** under a policy");
    await page.locator(".preview strong", { hasText: "preview" }).waitFor();
    await page.locator("#post-1 .post-body strong").first().selectText();
    await page.getByRole("button", { name: "Quote selection" }).click();
    expect(await page.getByLabel("Your post").inputValue()).toContain('[quote="csp_author, post:1');
    expect(await domViolations(page)).toEqual([]);

    // the directory swaps in results while typing (its own inline script)
    await page.goto(`${app.url}/directory`);
    await page.locator("#directory-q").fill("Zanele");
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain("q=Zanele");
    await expect.poll(() => page.locator("#directory-results").textContent()).not.toContain("Kofi Mensah");
    expect(await page.locator("#directory-results").textContent()).toContain("Zanele Dlamini");
    expect(await domViolations(page)).toEqual([]);

    // hydrated pages: React's scripts and the single-fetch stream carry the nonce; client navigation works
    await page.goto(`${app.url}/my/profile`);
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    await page.waitForLoadState("networkidle");
    expect(await domViolations(page)).toEqual([]);
    await page.goto(`${app.url}/progress`);
    await page.waitForLoadState("networkidle");
    expect(await domViolations(page)).toEqual([]);
    await page.goto(`${app.url}/latest`);
    expect(await domViolations(page)).toEqual([]);

    expect(seen).toEqual([]);
    await context.close();
  }, 120_000);

  test("pages from the shared cache carry no nonce, in the page or its policy, and no violation", async () => {
    const cached = await startApp({ SHARED_CACHE: "on" });
    try {
      const page = await newPage(browser);
      await page.context().addInitScript(() => {
        const list: string[] = [];
        (window as unknown as { __csp: string[] }).__csp = list;
        document.addEventListener("securitypolicyviolation", (e) =>
          list.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
        );
      });
      const seen = watchViolations(page);
      const policies: string[] = [];
      for (const url of [topicPath, topicPath, "/latest", "/latest"]) {
        const res = await page.goto(`${cached.url}${url}`);
        policies.push(res!.headers()["content-security-policy"]);
        expect(await page.locator("script[nonce]").count()).toBe(0);
        expect(await domViolations(page)).toEqual([]);
      }
      // the second visit of each page was a replay; no answer names a nonce
      const replay = await page.goto(`${cached.url}${topicPath}`);
      expect(replay!.headers()["x-cache"]).toBe("HIT");
      policies.push(replay!.headers()["content-security-policy"]);
      for (const p of policies) expect(p).not.toContain("'nonce-");
      // the directory's search as you type: its script is allowed by hash
      await page.goto(`${cached.url}/directory`);
      await page.locator("#directory-q").fill("Kofi");
      await expect.poll(() => page.url(), { timeout: 10_000 }).toContain("q=Kofi");
      await expect.poll(() => page.locator("#directory-results").textContent()).not.toContain("Zanele Dlamini");
      expect(await domViolations(page)).toEqual([]);
      expect(seen).toEqual([]);
      await page.context().close();
    } finally {
      await cached.stop();
    }
  }, 120_000);

  test("an inline script without the nonce is refused, and that refusal is what the check above catches", async () => {
    const page = await newPage(browser);
    const seen = watchViolations(page);
    await page.goto(`${app.url}/latest`);
    const ran = await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__injected = true";
      document.body.appendChild(s);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    await page.context().close();
  }, 60_000);
});
