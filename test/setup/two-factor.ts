// Tests sign staff and recruiters in the way they really sign in: password, then a code from
// their authenticator (computed here from the secret the factory enrolled them with).
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Page } from "playwright-core";
import { db } from "~/db.server";
import { base32Decode, base32Encode, hotp, stepAt } from "~/models/account/totp";
import { enrolWithSecret } from "~/models/account/two-factor.server";
import { openSecret, recoveryCodeHash } from "~/models/account/two-factor-codes.server";
import { SECOND_STEP_PATH } from "~/models/account/two-factor-sign-in.server";
import { cookieFrom, postForm, type TestApp } from "./app";

/** Enrols the account as if it had scanned a QR code; answers the secret. */
export async function enrolTwoFactor(userId: number): Promise<string> {
  const secret = base32Encode(randomBytes(20));
  await enrolWithSecret(db, { userId, secret });
  return secret;
}

async function userIdOf(login: string | number): Promise<number> {
  if (typeof login === "number") return login;
  const needle = login.toLowerCase();
  const row = await db
    .selectFrom("users")
    .select("id")
    .where((eb) => eb.or([eb(sql`lower(email)`, "=", needle), eb(sql`lower(username)`, "=", needle)]))
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The code the member's app shows now. A code is good once, so when this step (and the next, which
 * drift allows) was already used by an earlier sign-in in the same half-minute, a new recovery code.
 */
export async function currentCode(login: string | number): Promise<string> {
  const userId = await userIdOf(login);
  const row = await db
    .selectFrom("user_two_factor")
    .select(["secret", "last_step"])
    .where("user_id", "=", userId)
    .executeTakeFirstOrThrow();
  const key = base32Decode(openSecret(row.secret!))!;
  const now = stepAt(Date.now());
  for (const step of [now, now + 1]) if (row.last_step === null || step > row.last_step) return hotp(key, step);
  const code = randomBytes(5).toString("hex");
  await db
    .insertInto("two_factor_recovery_codes")
    .values({ user_id: userId, code_hash: recoveryCodeHash(code) })
    .execute();
  return code;
}

/** After the password was posted: when the app asks for the second step, answer it. */
export async function passSecondStep(app: TestApp, res: Response, login: string | number): Promise<Response> {
  if (res.status !== 302 || res.headers.get("location") !== SECOND_STEP_PATH) return res;
  return postForm(app, SECOND_STEP_PATH, { code: await currentCode(login) }, { cookie: cookieFrom(res) });
}

/** Signs in over HTTP (password, then the code when the account has 2FA); answers the session cookie. */
export async function signInCookie(app: TestApp, user: { username: string; password: string }): Promise<string> {
  const res = await passSecondStep(
    app,
    await postForm(app, "/login", { email: user.username, password: user.password }),
    user.username,
  );
  const cookie = cookieFrom(res);
  if (!cookie.startsWith("tp_session=")) throw new Error(`could not sign in ${user.username}: ${res.status}`);
  return cookie;
}

/** In the browser, after "Sign in" was clicked: types the code when asked, then waits to leave /login. */
export async function passSecondStepInPage(page: Page, login: string): Promise<void> {
  await page.waitForURL((u) => !u.pathname.startsWith("/login") || u.pathname === SECOND_STEP_PATH);
  if (new URL(page.url()).pathname === SECOND_STEP_PATH) {
    await page.getByLabel("Code from your authenticator app").fill(await currentCode(login));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
  }
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

/** Turns two-factor sign-in on from /my/two-factor as a member would: scan (read the key), type a code. */
export async function enrolInPage(page: Page): Promise<string[]> {
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await page
    .getByLabel("2. Enter the six-digit code the app now shows.")
    .fill(hotp(base32Decode(secret)!, stepAt(Date.now())));
  await page.getByRole("button", { name: "Turn on" }).click();
  await page.getByRole("heading", { name: "Save your recovery codes now" }).waitFor();
  return page.locator(".recovery-codes code").allTextContents();
}
