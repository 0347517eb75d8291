// In Chromium without JavaScript: /my/security changes the password (an error first, then success)
// and ends another session, each page passing axe-core. Needs the built app (`npx remix build`).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { hasChromium, launchBrowser, newPage, visit, expectAccessible } from "../setup/browser";

describe.skipIf(!hasChromium)("password and sessions in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ JOBS: "off" }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("change the password and end another session, without JavaScript", async () => {
    const member = await createUser({ username: "e2e_security", displayName: "Kofi Secure" });
    const other = cookieFrom(await postForm(app, "/login", { email: member.username, password: TEST_PASSWORD }));
    const [name, value] = cookieFrom(
      await postForm(app, "/login", { email: member.username, password: TEST_PASSWORD }),
    ).split("=");
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.context().addCookies([{ name, value, url: app.url }]);
    await visit(page, `${app.url}/`);
    await page.locator("summary.me").click();
    await page.getByRole("link", { name: "Password and sessions" }).click();
    await page.waitForLoadState("load");
    expect(new URL(page.url()).pathname).toBe("/my/security");
    await expectAccessible(page);

    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password").fill("a fresh and long passphrase");
    await page.getByRole("button", { name: "Change my password" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByText("Your current password is not right.").count()).toBe(1);
    await expectAccessible(page);

    await page.getByLabel("Current password").fill(TEST_PASSWORD);
    await page.getByLabel("New password").fill("a fresh and long passphrase");
    await page.getByRole("button", { name: "Change my password" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByRole("status").textContent()).toContain("Your password is changed");
    await expectAccessible(page);
    // the other browser was signed out; this one stays signed in with a new cookie
    expect(await fetch(`${app.url}/`, { headers: { Cookie: other } }).then((r) => r.text())).not.toContain(
      "Kofi Secure",
    );
    expect((await page.context().cookies()).find((c) => c.name === name)?.value).not.toBe(value);

    // sign in elsewhere again, then end that session from the list
    const again = cookieFrom(
      await postForm(app, "/login", { email: member.username, password: "a fresh and long passphrase" }),
    );
    await page.reload();
    await page.getByRole("button", { name: "Sign out this session" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByRole("status").textContent()).toContain("That session has ended.");
    expect(await fetch(`${app.url}/`, { headers: { Cookie: again } }).then((r) => r.text())).not.toContain(
      "Kofi Secure",
    );
  }, 120_000);
});
