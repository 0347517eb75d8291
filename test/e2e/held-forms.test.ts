// A member writes a reply, their session ends meanwhile (signed out elsewhere), they press "Post reply":
// the sign-in page comes, and after signing in the page says their text was kept; "Review and send" shows
// it and sends it, and the reply is on the topic. With JavaScript and without.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { ageUser, createCategory, makeTopic } from "../factories/topics";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { expectAccessible, hasChromium, launchBrowser } from "../setup/browser";
import { signedInPage } from "../setup/session";

describe.skipIf(!hasChromium)("a reply sent after the session ended", () => {
  let app: TestApp;
  let browser: Browser;
  let topic: { url: string };
  beforeAll(async () => {
    const category = await createCategory();
    const author = await createUser();
    await ageUser(author);
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    topic = await makeTopic(author, category);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  for (const javaScriptEnabled of [true, false]) {
    const jsLabel = `(JavaScript ${javaScriptEnabled ? "on" : "off"})`;
    test(`is kept through sign-in and sent from "Review and send" ${jsLabel}`, async () => {
      const user = await createUser();
      await ageUser(user);
      const page = await signedInPage(
        browser,
        app,
        { username: user.username, password: TEST_PASSWORD },
        { javaScriptEnabled },
      );
      page.context().setDefaultTimeout(30_000);
      const words = `I wrote this on the bus and it must not vanish (${jsLabel}) ${Date.now()}.`;
      await page.goto(`${app.url}${topic.url}`);
      await page.getByLabel("Your post").fill(words);
      // signed out on another device meanwhile
      await db.deleteFrom("sessions").where("user_id", "=", user.id).execute();
      await page.getByRole("button", { name: "Post reply" }).click();
      await page.waitForURL(/\/login\?redirectTo=/);
      await page.getByLabel("Email or username").fill(user.username);
      await page.getByLabel("Password").fill(TEST_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname === topic.url);
      const notice = page
        .getByRole("status")
        .filter({ hasText: "What you wrote before you were signed out was kept." });
      await notice.waitFor();
      await expectAccessible(page);
      await notice.getByRole("link", { name: "Review and send" }).click();
      await page.waitForURL(/\/held$/);
      expect(await page.getByLabel("Your text").inputValue()).toBe(words);
      await expectAccessible(page);
      await page.getByRole("button", { name: "Send it now" }).click();
      await page.waitForURL((url) => url.pathname.startsWith(topic.url) && url.pathname !== topic.url);
      await page.locator(".post-body", { hasText: words }).waitFor();
      const posts = await db
        .selectFrom("posts")
        .select("body_markdown")
        .where("user_id", "=", user.id)
        .where("deleted_at", "is", null)
        .execute();
      expect(posts.map((p) => p.body_markdown)).toEqual([words]);
      expect(await db.selectFrom("held_forms").select("id").where("user_id", "=", user.id).execute()).toEqual([]);
      await page.context().close();
    });
  }
});
