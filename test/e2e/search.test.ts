// Forum search in Chromium: the search box in the forum navigation leads to /search, results are
// highlighted and accessible, private posts stay out, user text stays text; with JavaScript on
// and off, and with Meilisearch unreachable (the page says results are degraded).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { startApp, type TestApp } from "../setup/app";
import { expectAccessible, hasChromium, launchBrowser, newPage, visit } from "../setup/browser";
import { ageUser, createCategory, makeTopic } from "../factories/topics";
import { createAdmin, createUser } from "../factories/users";

describe.skipIf(!hasChromium)("forum search in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    const author = await createUser({ username: "amara_search", displayName: "Amara Nwosu" });
    await ageUser(author);
    const admin = await createAdmin();
    const open = await createCategory({ slug: "complaint-handling", name: "Complaint handling" });
    const staff = await createCategory({
      slug: "staff-only",
      name: "Staff only",
      see: "staff",
      post: "staff",
      reply: "staff",
    });
    await makeTopic(author, open, {
      title: "De-escalation phrases that calm an upset caller",
      body:
        "When a caller is upset, name the feeling first: “I can hear this has been frustrating.” Then promise one " +
        "concrete next step.",
    });
    await makeTopic(author, open, {
      title: "Markup stays text <b>not bold</b> in results",
      body: "Pasted from a ticket: <i>italic?</i> `<img src=x onerror=alert(1)>` hibiscus.",
    });
    await makeTopic(admin, staff, {
      title: "Staff-only notes on the hibiscus escalation",
      body: "Hibiscus escalation notes for the staff team only.",
    });
    await drainJobs();
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  for (const javaScriptEnabled of [true, false]) {
    const jsLabel = `(JavaScript ${javaScriptEnabled ? "on" : "off"})`;
    test(`search from the forum navigation, read results, open one ${jsLabel}`, async () => {
      const page = await newPage(browser, { javaScriptEnabled });
      await visit(page, `${app.url}/latest`);
      await page.getByRole("searchbox", { name: "Search the forum" }).fill("upsett calller");
      await page.getByRole("searchbox", { name: "Search the forum" }).press("Enter");
      await page.waitForURL(/\/search\?q=upsett/);
      const results = page.getByRole("list", { name: "Search results" });
      await results.waitFor();
      await expectAccessible(page);
      expect(await results.getByRole("listitem").count()).toBe(1);
      await expect
        .poll(() => results.locator("mark").allTextContents())
        .toEqual(expect.arrayContaining([expect.stringMatching(/^upset/i)]));
      expect(await results.getByText("by Amara Nwosu").count()).toBe(1);
      expect(await results.getByRole("link", { name: "Complaint handling" }).count()).toBe(1);
      expect(await page.getByText("Search is running in a reduced mode").count()).toBe(0);

      // the search page's own form, with an operator, keeps the query in the box
      const box = page.getByRole("searchbox", { name: "Search the forum" });
      expect(await box.inputValue()).toBe("upsett calller");
      await box.fill("hibiscus #complaint-handling");
      await page.getByRole("button", { name: "Search", exact: true }).click();
      await page.waitForURL(/complaint-handling/);
      await page.getByRole("list", { name: "Search results" }).waitFor();
      await expectAccessible(page);
      const hits = page.getByRole("list", { name: "Search results" }).getByRole("listitem");
      expect(await hits.count()).toBe(1);
      // user text is text: no element was made from the title or the body
      expect(await hits.getByText("Markup stays text <b>not bold</b> in results").count()).toBe(1);
      expect(await hits.locator("b, i, img, script").count()).toBe(0);

      // a visitor never sees the staff-only post, whatever they type
      await visit(page, `${app.url}/search?q=${encodeURIComponent("hibiscus escalation #staff-only")}`);
      expect(await page.getByText("There is no category called #staff-only that you can see.").count()).toBe(1);
      await visit(page, `${app.url}/search?q=${encodeURIComponent("staff-only notes")}`);
      expect(await page.getByText("Staff-only notes").count()).toBe(0);

      // a bad operator is explained, the rest still searches
      await visit(page, `${app.url}/search?q=${encodeURIComponent("de-escalation before:2026-02-31")}`);
      expect(await page.getByText("“before:2026-02-31” was left out").count()).toBe(1);
      expect(await page.getByRole("list", { name: "Search results" }).getByRole("listitem").count()).toBe(1);

      // the tips open without JavaScript (a <details> element)
      await page.getByText("Search tips").click();
      await page.getByText("posts by a member").waitFor();

      await visit(page, `${app.url}/search?q=${encodeURIComponent("calm upset caller")}`);
      await page.getByRole("list", { name: "Search results" }).getByRole("link").first().click();
      await page.waitForURL(/\/t\/de-escalation-phrases-that-calm-an-upset-caller\/\d+\/1/);
      await page.getByRole("heading", { name: "De-escalation phrases that calm an upset caller" }).waitFor();
      await page.context().close();
    }, 120_000);
  }

  test("with Meilisearch unreachable, the page answers from Postgres and says so", async () => {
    const degraded = await startApp({ MEILI_URL: "http://127.0.0.1:9" });
    try {
      for (const javaScriptEnabled of [true, false]) {
        const page = await newPage(browser, { javaScriptEnabled });
        await visit(page, `${degraded.url}/search?q=${encodeURIComponent("upset caller")}`);
        expect(await page.getByText("Search is running in a reduced mode").count()).toBe(1);
        expect(await page.getByRole("list", { name: "Search results" }).getByRole("listitem").count()).toBe(1);
        expect(await page.locator(".search-results mark").count()).toBeGreaterThan(0);
        await visit(page, `${degraded.url}/search?q=hibiscus`);
        expect(await page.getByText("Staff-only notes").count()).toBe(0);
        expect(await page.getByRole("list", { name: "Search results" }).getByRole("listitem").count()).toBe(1);
        await page.context().close();
      }
    } finally {
      await degraded.stop();
    }
  }, 120_000);
});
