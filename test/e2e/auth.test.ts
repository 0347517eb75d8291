// In Chromium, through the real pages: sign up, sign out, sign in; axe-core on every page visited.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startApp, type TestApp } from "../setup/app";
import { expectAccessible, hasChromium, launchBrowser, newPage, visit } from "../setup/browser";

describe.skipIf(!hasChromium)("accounts in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`sign up, sign out and sign in (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const page = await newPage(browser, { javaScriptEnabled });
      const name = javaScriptEnabled ? "zainab_js" : "zainab_nojs";
      await visit(page, `${app.url}/`);
      await page.getByRole("link", { name: "Join", exact: true }).click();
      await page.waitForURL(/\/signup$/);
      await expectAccessible(page);

      await page.getByLabel("Email").fill(`${name}@example.com`);
      await page.getByLabel("Username").fill(name);
      await page.getByLabel("Full name").fill("Zainab Bello");
      await page.getByLabel("Password").fill("short");
      await page.getByRole("button", { name: "Create my account" }).click();
      await expect.poll(() => page.getByText("Use at least 10 characters.").count()).toBe(1);
      await expectAccessible(page);
      expect(await page.getByLabel("Username").inputValue()).toBe(name);

      await page.getByLabel("Password").fill("a long and unusual passphrase");
      await page.getByRole("button", { name: "Create my account" }).click();
      await page.getByText("Welcome to Touchpoints, Zainab Bello.").waitFor();
      await expectAccessible(page);

      // the account menu opens (a <details> disclosure, with or without JavaScript) and is accessible open
      await page.locator("summary.me").click();
      await page.getByRole("link", { name: "Edit your profile" }).waitFor();
      await expectAccessible(page);
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("link", { name: "Sign in" }).waitFor();
      await page.getByRole("link", { name: "Sign in" }).click();
      await page.waitForURL(/\/login/);
      await expectAccessible(page);
      await page.getByLabel("Email or username").fill(name);
      await page.getByLabel("Password").fill("wrong password here");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByText("The email or password is not right").waitFor();
      await expectAccessible(page);
      await page.getByLabel("Password").fill("a long and unusual passphrase");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByText("Welcome to Touchpoints, Zainab Bello.").waitFor();
      await page.context().close();
    });
  }
});
