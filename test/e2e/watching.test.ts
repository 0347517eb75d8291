// The watching control on a topic page, in Chromium with JavaScript on and off: a member picks a level,
// the page comes back with it chosen and explained, and the level is what the server now holds.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { ageUser, createCategory, makeTopic } from "../factories/topics";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { expectAccessible, hasChromium, launchBrowser, newPage } from "../setup/browser";

describe.skipIf(!hasChromium)("the watching control", () => {
  let app: TestApp;
  let browser: Browser;
  let category: { slug: string; name: string };
  beforeAll(async () => {
    category = await createCategory({ name: "Watching in the browser" });
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`a member watches, then mutes, a topic (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const author = await createUser();
      const reader = await createUser();
      for (const u of [author, reader]) await ageUser(u);
      const topic = await makeTopic(author, category);
      const page = await newPage(browser, { javaScriptEnabled });
      page.context().setDefaultTimeout(30_000); // the machine is shared: give slow moments room
      await page.goto(`${app.url}/login?redirectTo=${encodeURIComponent(topic.url)}`);
      await page.getByLabel("Email or username").fill(reader.username);
      await page.getByLabel("Password").fill(TEST_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((u) => u.pathname === topic.url);
      const control = page.getByLabel("Notifications:");
      expect(await control.inputValue()).toBe("normal");
      const level = async () =>
        (
          await db
            .selectFrom("topic_watches")
            .select("level")
            .where("user_id", "=", reader.id)
            .where("topic_id", "=", topic.topicId)
            .executeTakeFirst()
        )?.level;
      for (const [value, hint] of [
        ["watching", "You are told of every new post."],
        ["muted", "You are never told of anything here"],
      ] as const) {
        await control.selectOption(value);
        await page.getByRole("button", { name: "Set" }).click();
        await page.getByText(hint).waitFor();
        expect(await page.getByLabel("Notifications:").inputValue()).toBe(value);
        expect(await level()).toBe(value);
      }
      expect(new URL(page.url()).pathname).toBe(topic.url);
      await expectAccessible(page);
      await page.context().close();
    }, 120_000);
  }
});
