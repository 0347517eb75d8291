// In Chromium with a CDP virtual authenticator (a platform passkey with user verification): a member
// adds a passkey on /my/two-factor, signs out, and signs in with the password and the passkey.
// WebAuthn needs a secure context and an rpID matching the host: the page is opened on
// http://localhost:<port>, which is APP_ORIGIN's default (rpID "localhost").
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { expectAccessible, hasChromium, newPage, visit, useAppAndBrowser } from "../setup/browser";

describe.skipIf(!hasChromium)("passkeys in the browser", () => {
  const live = useAppAndBrowser();

  test("add a passkey, sign out, sign in with the password and the passkey", { timeout: 120_000 }, async () => {
    const base = live.app.url.replace("127.0.0.1", "localhost");
    const member = await createUser({ username: "pk_browser" });
    const page = await newPage(live.browser);
    page.setDefaultTimeout(30_000);
    const cspViolations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    const passwordStep = async (to: string) => {
      await visit(page, `${base}/login?redirectTo=${encodeURIComponent(to)}`);
      await page.getByLabel("Email or username").fill(member.username);
      await page.getByLabel("Password").fill(TEST_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
    };

    await passwordStep("/my/two-factor");
    await page.waitForURL(/\/my\/two-factor$/);
    await page.getByText("You have no passkey yet.").waitFor();
    await page.getByLabel("Name of this passkey").fill("My phone");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await page.getByText("Your passkey was added.").waitFor();
    await page.getByText("My phone", { exact: true }).waitFor();
    await expectAccessible(page);
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials).toHaveLength(1);
    const stored = await db.selectFrom("passkeys").selectAll().where("user_id", "=", member.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0].credential_id).toBe(
      credentials[0].credentialId.replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_"),
    );

    // sign out, then the password leads to the second step, where the passkey finishes it
    await page.context().clearCookies();
    await passwordStep("/my/bookmarks");
    await page.waitForURL(/\/login\/two-factor$/);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await page.waitForURL(/\/my\/bookmarks$/);
    const used = await db.selectFrom("passkeys").selectAll().where("user_id", "=", member.id).executeTakeFirstOrThrow();
    expect(used.last_used_at).toBeInstanceOf(Date);
    expect(used.counter).toBeGreaterThanOrEqual(stored[0].counter);

    // removing it needs the password
    await visit(page, `${base}/my/two-factor`);
    const field = page.getByLabel("Your password, to remove “My phone”");
    await field.fill("not my password");
    await page.getByRole("button", { name: "Remove this passkey" }).click();
    await page.getByText("That password or code is not right.").waitFor();
    expect(await db.selectFrom("passkeys").select("id").where("user_id", "=", member.id).execute()).toHaveLength(1);
    await page.getByLabel("Your password, to remove “My phone”").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Remove this passkey" }).click();
    await page.getByText("The passkey was removed.").waitFor();
    await page.getByText("You have no passkey yet.").waitFor();
    expect(await db.selectFrom("passkeys").select("id").where("user_id", "=", member.id).execute()).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  test("without JavaScript the second step keeps its code forms and shows no passkey button", async () => {
    const member = await createUser({ username: "pk_browser_nojs" });
    const key = await db
      .insertInto("passkeys")
      .values({ user_id: member.id, credential_id: "AAAA", public_key: Buffer.from([1]), name: "x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(key.id).toBeGreaterThan(0);
    const page = await newPage(live.browser, { javaScriptEnabled: false });
    await visit(page, `${live.app.url}/login`);
    await page.getByLabel("Email or username").fill(member.username);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/login\/two-factor$/);
    await page.getByLabel("Code from your authenticator app").waitFor();
    expect(await page.getByRole("button", { name: "Use a passkey" }).count()).toBe(0);
  });
});
