// The composer on a slow phone (Chromium, 390x844): long posts survive a refusal whole, a double tap
// makes one topic, drafts come back after leaving the page; the skip link is visible when focused.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { ageUser, createCategory } from "../factories/topics";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { hasChromium, launchBrowser } from "../setup/browser";
import { signedInPage } from "../setup/session";

describe.skipIf(!hasChromium)("the composer in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  let category: { slug: string; name: string };
  beforeAll(async () => {
    category = await createCategory({ name: "Composer tests" });
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function member(name: string, javaScriptEnabled = true): Promise<{ page: Page; id: number; username: string }> {
    const user = await createUser({ username: name });
    await ageUser(user);
    const page = await signedInPage(
      browser,
      app,
      { username: user.username, password: TEST_PASSWORD },
      {
        javaScriptEnabled,
      },
    );
    page.context().setDefaultTimeout(30_000);
    return { page, id: user.id, username: user.username };
  }

  for (const javaScriptEnabled of [true, false]) {
    const jsLabel = `(JavaScript ${javaScriptEnabled ? "on" : "off"})`;
    test(`a 24,000-character post comes back whole after a refusal and is published whole ${jsLabel}`, async () => {
      const { page, id } = await member(`longpost_${javaScriptEnabled ? "js" : "nojs"}`, javaScriptEnabled);
      // 24,000 characters of varied text, ending with a marker a cut would lose
      const body = Array.from(
        { length: 400 },
        (_, i) => `Line ${String(i).padStart(3, "0")}: ${"customer care ".repeat(3)}`.padEnd(59, ".") + "\n",
      )
        .join("")
        .slice(0, 23_990)
        .concat("END-MARKER");
      expect(body.length).toBe(24_000);
      await page.goto(`${app.url}/new-topic`);
      await page.getByLabel("Title").fill("Too short");
      await page.getByLabel("Category").selectOption(category.slug);
      await page.getByLabel("Your post").fill(body);
      await page.getByRole("button", { name: "Create topic" }).click();
      await page.getByText("Give the topic a title of at least 15 characters.").waitFor();
      expect(await page.getByLabel("Your post").inputValue()).toBe(body);
      await page.getByLabel("Title").fill("A long post about customer care that must survive");
      await page.getByRole("button", { name: "Create topic" }).click();
      await page.waitForURL(/\/t\/[^/]+\/\d+$/);
      const stored = await db
        .selectFrom("posts")
        .select("body_markdown")
        .where("user_id", "=", id)
        .executeTakeFirstOrThrow();
      expect(stored.body_markdown.replace(/\r\n/g, "\n")).toBe(body);
    });
  }

  /** A slow 3G phone: every request waits, uploads crawl (CDP, as DevTools throttles). */
  async function throttle(page: Page) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 1200,
      downloadThroughput: 40_000,
      uploadThroughput: 20_000,
    });
  }

  for (const javaScriptEnabled of [true, false]) {
    const jsLabel = `(JavaScript ${javaScriptEnabled ? "on" : "off"})`;
    test(`a double tap on "Create topic" on a slow connection makes one topic and no error ${jsLabel}`, async () => {
      const { page, id } = await member(`doubletap_${javaScriptEnabled ? "js" : "nojs"}`, javaScriptEnabled);
      await page.goto(`${app.url}/new-topic`);
      const title = `Double tap on a slow line ${javaScriptEnabled ? "js" : "nojs"}`;
      await page.getByLabel("Title").fill(title);
      await page.getByLabel("Category").selectOption(category.slug);
      await page.getByLabel("Your post").fill("What do you say when the customer calls twice about the same order?");
      await throttle(page);
      const button = page.locator('button[name="intent"][value="create"]');
      // below the fold on a phone since the composer has its image field: taps need it on screen
      await button.scrollIntoViewIfNeeded();
      const box = (await button.boundingBox())!;
      // two real taps 150 ms apart, whatever the button does in between
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await new Promise((r) => setTimeout(r, 150));
      if (javaScriptEnabled) {
        expect(await button.isDisabled(), "the button is disabled while the form is sending").toBe(true);
        expect(await button.innerText()).toBe("Sending…");
      }
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      // without JavaScript the second tap starts a navigation that replaces (aborts) the first one:
      // poll the address instead of waiting on one navigation, which would report that abort
      await expect.poll(() => page.url(), { timeout: 60_000, interval: 250 }).toMatch(/\/t\/[^/]+\/\d+$/);
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      expect(await page.locator(".form-error").count()).toBe(0);
      const topics = await db.selectFrom("topics").select("id").where("user_id", "=", id).execute();
      expect(topics).toHaveLength(1);
    }, 120_000);
  }

  test("a draft survives leaving the page, shows on another device, and goes once posted (JavaScript on)", async () => {
    const { page, id, username } = await member("drafter_js");
    await page.goto(`${app.url}/new-topic`);
    await page.getByLabel("Title").fill("A draft about escalation paths");
    await page.getByLabel("Your post").fill("First thoughts on when to hand a call to a supervisor, still unfinished");
    // leave at once: the page's last beacon saves what the debounce had not yet sent
    await page.goto(`${app.url}/latest`);
    await expect
      .poll(
        async () => (await db.selectFrom("drafts").select("body").where("user_id", "=", id).executeTakeFirst())?.body,
        // the beacon is sent as the page is left; on a loaded machine it can take more than poll's default 1 s
        { timeout: 15_000 },
      )
      .toContain("still unfinished");
    await page.goto(`${app.url}/new-topic`);
    await page.getByText("Your saved draft is back").waitFor();
    expect(await page.getByLabel("Title").inputValue()).toBe("A draft about escalation paths");
    expect(await page.getByLabel("Your post").inputValue()).toContain("still unfinished");
    // another device: a new browser context signed in as the same member
    const other = await signedInPage(browser, app, { username, password: TEST_PASSWORD });
    await other.goto(`${app.url}/new-topic`);
    expect(await other.getByLabel("Your post").inputValue()).toContain("still unfinished");
    // posted: the draft is gone
    await page.getByLabel("Title").fill("A finished post about escalation paths");
    await page.getByLabel("Category").selectOption(category.slug);
    await page.getByRole("button", { name: "Create topic" }).click();
    await page.waitForURL(/\/t\/[^/]+\/\d+$/);
    await page.goto(`${app.url}/new-topic`);
    expect(await page.getByLabel("Your post").inputValue()).toBe("");
    expect(await db.selectFrom("drafts").select("body").where("user_id", "=", id).execute()).toEqual([]);
  });

  test("a reply draft saved with the Save draft button comes back (JavaScript off)", async () => {
    const { page } = await member("drafter_nojs", false);
    const { page: author } = await member("draft_topic_author");
    await author.goto(`${app.url}/new-topic`);
    await author.getByLabel("Title").fill("A topic to reply to with a draft");
    await author.getByLabel("Category").selectOption(category.slug);
    await author.getByLabel("Your post").fill("Tell us how you close a call when the customer is still upset.");
    await author.getByRole("button", { name: "Create topic" }).click();
    await author.waitForURL(/\/t\/[^/]+\/\d+$/);
    const topicUrl = author.url();
    await page.goto(topicUrl);
    await page.getByLabel("Your post").fill("I summarise what we agreed and give my name");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText("Draft saved.").waitFor();
    await page.goto(`${app.url}/latest`);
    await page.goto(topicUrl);
    await page.getByText("Your saved draft is back").waitFor();
    expect(await page.getByLabel("Your post").inputValue()).toBe("I summarise what we agreed and give my name");
  });

  test("the skip link is visible when focused, with a contrast of at least 4.5:1", async () => {
    const { page } = await member("skipper");
    await page.goto(`${app.url}/latest`);
    await page.keyboard.press("Tab");
    const link = page.getByRole("link", { name: "Skip to content" });
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = (await link.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    const [fg, bg] = await link.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
    const rgb = (c: string) =>
      c
        .match(/[\d.]+/g)!
        .slice(0, 3)
        .map(Number);
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    expect(bg, "the link has its own opaque background").not.toMatch(/rgba\(.*, 0\)|transparent/);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    expect((hi + 0.05) / (lo + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  for (const javaScriptEnabled of [true, false]) {
    const jsLabel = `(JavaScript ${javaScriptEnabled ? "on" : "off"})`;
    test(`"Quote selection" shows only for a selection in a post ${jsLabel}`, async () => {
      const { page } = await member(`quoter_${javaScriptEnabled ? "js" : "nojs"}`, javaScriptEnabled);
      await page.goto(`${app.url}/new-topic`);
      // a topic by someone else to read and quote (made through the page, JavaScript or not)
      await page.getByLabel("Title").fill(`A topic to quote from ${javaScriptEnabled}`);
      await page.getByLabel("Category").selectOption(category.slug);
      await page.getByLabel("Your post").fill("Listening is the first half of every answer we give.");
      await page.locator('button[name="intent"][value="create"]').click();
      await page.waitForURL(/\/t\/[^/]+\/\d+$/);
      await page.goto(page.url()); // the topic page as a document (its inline script), as a link would open it
      const button = page.locator("#quote-selection");
      expect(await button.isVisible()).toBe(false);
      if (!javaScriptEnabled) return;
      await page.locator("#post-1 .post-body p").first().selectText();
      await button.waitFor({ state: "visible" });
      await button.click();
      expect(await page.getByLabel("Your post").inputValue()).toContain("Listening is the first half");
      expect(await button.isVisible()).toBe(false);
    });
  }
});
