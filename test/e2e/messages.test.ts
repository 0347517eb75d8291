// Personal messages in Chromium, with JavaScript on and off: a member opens /messages/new?to=… from a
// profile link, writes, sends, lands on the conversation; the other participant finds it first in
// their inbox, unread, opens it and replies. Pages pass axe-core.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { ageUser } from "../factories/topics";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { fresh } from "../setup/attempt";
import { expectAccessible, hasChromium, launchBrowser, newPage } from "../setup/browser";

describe.skipIf(!hasChromium)("personal messages in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function signIn(page: Page, username: string, to: string) {
    await page.goto(`${app.url}/login?redirectTo=${encodeURIComponent(to)}`);
    await page.getByLabel("Email or username").fill(username);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === new URL(to, app.url).pathname);
  }

  for (const javaScriptEnabled of [true, false]) {
    const js = javaScriptEnabled ? "on" : "off";
    test(`a member starts a conversation and the other replies (JavaScript ${js})`, async () => {
      const [ama, yaw] = [await createUser(), await createUser()];
      for (const u of [ama, yaw]) await ageUser(u);
      const title = fresh(`Shift swap on Saturday ${javaScriptEnabled ? "with" : "without"} scripts`, " ");

      const page = await newPage(browser, { javaScriptEnabled });
      page.context().setDefaultTimeout(30_000); // the machine is shared: give slow moments room
      await signIn(page, ama.username, `/u/${yaw.username}`);
      await page.getByRole("link", { name: "Send a message" }).click();
      await page.waitForURL((u) => u.pathname === "/messages/new");
      expect(await page.getByLabel("To").inputValue()).toBe(yaw.username);
      await expectAccessible(page);
      await page.getByLabel("Title").fill(title);
      await page.locator("textarea[name=body]").fill("Could you take my Saturday morning shift? I will take Sunday.");
      await page.getByRole("button", { name: "Send message" }).click();
      await page.locator("h1", { hasText: title }).waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/t\//);
      await page.getByText(`Between you and ${yaw.display_name}`).waitFor();
      await page.context().close();

      const other = await newPage(browser, { javaScriptEnabled });
      other.context().setDefaultTimeout(30_000);
      await signIn(other, yaw.username, "/messages");
      const first = other.locator(".conversation-list li").first();
      expect(await first.textContent()).toContain(title);
      expect(await first.textContent()).toContain("1 unread");
      await expectAccessible(other);
      await first.getByRole("link", { name: title }).click();
      await other.locator("h1", { hasText: title }).waitFor();
      await other.waitForLoadState("networkidle"); // the composer's script is in place before typing
      await other.locator("textarea[name=body]").fill("Yes, happy to swap: Saturday morning is mine.");
      await other.getByRole("button", { name: "Post reply" }).click();
      // in the thread itself (with JavaScript the composer's live preview shows the words first)
      await other.locator("#post-2 .post-body", { hasText: "Saturday morning is mine." }).waitFor();
      await other.context().close();

      const topic = await db
        .selectFrom("topics")
        .select(["id", "archetype", "unlisted", "reply_count"])
        .where("title", "=", title)
        .executeTakeFirstOrThrow();
      expect(topic).toMatchObject({ archetype: "private_message", unlisted: true, reply_count: 1 });
    }, 180_000);
  }
});
