// In Chromium: the privacy page (English and French), the data download page and the account
// deletion form, with its error state after a wrong password, pass axe-core with no violation.
// Needs the built app (`npx remix build`).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { expectAccessible, hasChromium, launchBrowser, newPage, visit } from "../setup/browser";

describe.skipIf(!hasChromium)("privacy pages in the browser", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("privacy page in both languages, data page, and the deletion form with its error", async () => {
    const en = await newPage(browser);
    expect((await visit(en, `${app.url}/privacy`))?.status()).toBe(200);
    expect(await en.locator("h1").textContent()).toBe("Privacy");
    await en.context().close();

    const fr = await newPage(browser, { locale: "fr-FR" });
    await visit(fr, `${app.url}/privacy`);
    expect(await fr.locator("h1").textContent()).toBe("Confidentialité");
    await fr.context().close();

    const member = await createUser({ username: "e2e_privacy_member", displayName: "Esi Privacy" });
    const login = await postForm(app, "/login", { email: member.username, password: TEST_PASSWORD, redirectTo: "/" });
    const [name, value] = cookieFrom(login).split("=");
    const page = await newPage(browser);
    await page.context().addCookies([{ name, value, url: app.url }]);
    await visit(page, `${app.url}/my/data`);
    await visit(page, `${app.url}/my/delete-account`);
    await page.getByLabel("Your password").fill("not the password");
    await page.getByRole("button", { name: "Delete my account" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByRole("alert").textContent()).toContain("Please fix the field marked below.");
    expect(await page.getByLabel("Your password").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);
  }, 120_000);
});
