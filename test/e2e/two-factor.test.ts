// In Chromium with JavaScript off and on: a member turns two-factor sign-in on, then signs in with a
// code, then with a recovery code (the second step is a plain form); axe-core on each page.
import { describe, expect, test } from "vitest";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { expectAccessible, hasChromium, newPage, visit, useAppAndBrowser } from "../setup/browser";
import { currentCode, enrolInPage } from "../setup/two-factor";

describe.skipIf(!hasChromium)("two-factor sign-in in the browser", () => {
  const live = useAppAndBrowser();

  for (const javaScriptEnabled of [false, true]) {
    test(
      `enrol, then sign in with a code and with a recovery code (JavaScript ${javaScriptEnabled ? "on" : "off"})`,
      { timeout: 120_000 },
      async () => {
        const member = await createUser({ username: `tf_browser_${javaScriptEnabled ? "js" : "nojs"}` });
        const page = await newPage(live.browser, { javaScriptEnabled });
        page.setDefaultTimeout(30_000);
        const passwordStep = async (to = "/") => {
          await visit(page, `${live.app.url}/login?redirectTo=${encodeURIComponent(to)}`);
          await page.getByLabel("Email or username").fill(member.username);
          await page.getByLabel("Password").fill(TEST_PASSWORD);
          await page.getByRole("button", { name: "Sign in" }).click();
        };
        const signOut = async () => {
          await page.context().clearCookies();
        };

        await passwordStep("/my/two-factor");
        await page.waitForURL(/\/my\/two-factor$/);
        await expectAccessible(page);
        const codes = await enrolInPage(page);
        expect(codes).toHaveLength(10);
        await expectAccessible(page);
        await page.getByRole("link", { name: "I have saved them, continue" }).click();
        await page.getByText("10 unused recovery codes left.").waitFor();

        // sign in again: the password leads to the second step, the code to the page asked for
        await signOut();
        await passwordStep("/my/bookmarks");
        await page.waitForURL(/\/login\/two-factor$/);
        await expectAccessible(page);
        const field = page.getByLabel("Code from your authenticator app");
        expect(await field.getAttribute("autocomplete")).toBe("one-time-code");
        expect(await field.getAttribute("inputmode")).toBe("numeric");
        await field.fill("000000");
        await page.getByRole("button", { name: "Verify and sign in" }).click();
        await page.getByText("4 tries left").waitFor();
        await expectAccessible(page);
        await page.getByLabel("Code from your authenticator app").fill(await currentCode(member.id));
        await page.getByRole("button", { name: "Verify and sign in" }).click();
        await page.waitForURL(/\/my\/bookmarks$/);

        // and with a recovery code, behind "Lost your phone?" (a <details>: no script needed)
        await signOut();
        await passwordStep();
        await page.waitForURL(/\/login\/two-factor$/);
        await page.getByText("Lost your phone? Use a recovery code").click();
        await page.getByLabel("Recovery code").fill(codes[0]);
        await page.getByRole("button", { name: "Sign in with a recovery code" }).click();
        await page.waitForURL((u) => u.pathname === "/");
        await visit(page, `${live.app.url}/my/two-factor`);
        await page.getByText("9 unused recovery codes left.").waitFor();
      },
    );
  }
});
