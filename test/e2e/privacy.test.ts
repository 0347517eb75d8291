// In Chromium: the privacy page (English and French), the data download page and the account
// deletion form, with its error state after a wrong password, pass axe-core with no violation.
// Needs the built app (`npx remix build`).
import { describe, expect, test } from "vitest";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { cookieFrom, postForm } from "../setup/app";
import { expectAccessible, hasChromium, newPage, visit, useAppAndBrowser } from "../setup/browser";

describe.skipIf(!hasChromium)("privacy pages in the browser", () => {
  const live = useAppAndBrowser();

  test("privacy page in both languages, data page, and the deletion form with its error", async () => {
    const en = await newPage(live.browser);
    expect((await visit(en, `${live.app.url}/privacy`))?.status()).toBe(200);
    expect(await en.locator("h1").textContent()).toBe("Privacy");
    await en.context().close();

    const fr = await newPage(live.browser, { locale: "fr-FR" });
    await visit(fr, `${live.app.url}/privacy`);
    expect(await fr.locator("h1").textContent()).toBe("Confidentialité");
    await fr.context().close();

    const member = await createUser({ username: "e2e_privacy_member", displayName: "Esi Privacy" });
    const login = await postForm(live.app, "/login", {
      email: member.username,
      password: TEST_PASSWORD,
      redirectTo: "/",
    });
    const [name, value] = cookieFrom(login).split("=");
    const page = await newPage(live.browser);
    await page.context().addCookies([{ name, value, url: live.app.url }]);
    await visit(page, `${live.app.url}/my/data`);
    await visit(page, `${live.app.url}/my/delete-account`);
    await page.getByLabel("Your password").fill("not the password");
    await page.getByRole("button", { name: "Delete my account" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByRole("alert").textContent()).toContain("Please fix the field marked below.");
    expect(await page.getByLabel("Your password").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);
  }, 120_000);
});
