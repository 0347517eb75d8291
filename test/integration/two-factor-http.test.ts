// Two-factor sign-in over HTTP, through the real server (npm start's code path).
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { base32Decode, hotp, stepAt, totp } from "~/models/account/totp";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { currentCode, enrolTwoFactor, signInCookie } from "../setup/two-factor";
import { readFileSync } from "node:fs";
import { DEMO_PASSWORD, seedDemoAccounts } from "../../scripts/seed/demo-accounts";
import { DEMO_TOTP_SECRET } from "../../scripts/seed/demo-secret";
import { seedDemoTwoFactor } from "../../scripts/seed/demo-two-factor";

let app: TestApp;
// the app encrypts the secrets it saves (secrets the tests' factory saves, without the key, stay readable)
const TWO_FACTOR_KEY = "5f1d3a9c0b7e42d6a8c31f09e4b27d6c5a0e9f13b48c72d1e6a3b0c9d2f4e871";
beforeAll(async () => {
  app = await startApp({ TWO_FACTOR_KEY });
});
afterAll(async () => {
  await app?.stop();
});

const get = (path: string, cookie?: string) =>
  fetch(`${app.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
const password = (username: string) => postForm(app, "/login", { email: username, password: TEST_PASSWORD });
const second = (pending: string, code: string) => postForm(app, "/login/two-factor", { code }, { cookie: pending });
const sessions = async (userId: number) =>
  (
    await db
      .selectFrom("sessions")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow()
  ).n;
const audit = (userId: number) =>
  db
    .selectFrom("audit_log")
    .select(["action", "before", "after"])
    .where("target_id", "=", String(userId))
    .where("action", "like", "user.two_factor%")
    .orderBy("id")
    .execute();
const secretOf = (html: string) => /data-testid="totp-secret">([A-Z2-7 ]+)</.exec(html)?.[1].replace(/ /g, "");
const codesOf = (html: string) =>
  [...html.matchAll(/<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/g)].map((m) => m[1]);
const settings = (cookie: string, fields: Record<string, string>) =>
  postForm(app, "/my/two-factor", fields, { cookie });
/** A code of the step after `code`'s (the app's next code), so two sign-ins in one half-minute both have one. */
const nextCode = (secret: string) => hotp(base32Decode(secret)!, stepAt(Date.now()) + 1);

/** Enrols through the settings page, as a member would; answers the secret and the recovery codes. */
async function enrolThroughPage(cookie: string) {
  expect((await settings(cookie, { intent: "start" })).status).toBe(302);
  const page = await (await get("/my/two-factor", cookie)).text();
  const secret = secretOf(page)!;
  const res = await settings(cookie, { intent: "confirm", code: totp(base32Decode(secret)!, Date.now()) });
  expect(res.status).toBe(200);
  return { secret, recoveryCodes: codesOf(await res.text()) };
}

describe("enrolment on /my/two-factor", () => {
  test(
    "the key and QR code are shown until a first code confirms them, then never again; ten recovery codes are " +
      "shown once",
    async () => {
      const member = await createUser({ username: "enrol_ada" });
      const cookie = await signInCookie(app, member);
      const before = await get("/my/two-factor", cookie);
      expect(before.status).toBe(200);
      expect(before.headers.get("cache-control")).toBe("private, no-store");
      expect(await before.text()).toContain("Two-factor sign-in is off.");

      expect((await settings(cookie, { intent: "start" })).status).toBe(302);
      const pendingPage = await (await get("/my/two-factor", cookie)).text();
      const secret = secretOf(pendingPage)!;
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(pendingPage).toContain("<svg");
      expect(pendingPage.toLowerCase()).toContain('autocomplete="one-time-code"');
      expect(pendingPage.toLowerCase()).toContain('inputmode="numeric"');

      // a wrong code turns nothing on
      const key = base32Decode(secret)!;
      const wrong = String((Number(totp(key, Date.now())) + 1) % 1_000_000).padStart(6, "0");
      const refused = await settings(cookie, { intent: "confirm", code: wrong });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain("That code is not right");
      expect(
        (
          await db
            .selectFrom("user_two_factor")
            .select("secret")
            .where("user_id", "=", member.id)
            .executeTakeFirstOrThrow()
        ).secret,
      ).toBeNull();

      const res = await settings(cookie, { intent: "confirm", code: totp(key, Date.now()) });
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      const html = await res.text();
      const codes = codesOf(html);
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      expect(html).not.toContain(secret);

      // the secret is stored encrypted with TWO_FACTOR_KEY
      const row = await db
        .selectFrom("user_two_factor")
        .select("secret")
        .where("user_id", "=", member.id)
        .executeTakeFirstOrThrow();
      expect(row.secret).toMatch(/^v1\./);
      expect(row.secret).not.toContain(secret);
      // stored hashed; the key never shown again; the audit says it was turned on, without the key
      const stored = await db
        .selectFrom("two_factor_recovery_codes")
        .select("code_hash")
        .where("user_id", "=", member.id)
        .execute();
      expect(stored).toHaveLength(10);
      for (const c of codes) expect(stored.map((r) => r.code_hash)).not.toContain(c);
      const after = await (await get("/my/two-factor", cookie)).text();
      expect(after).not.toContain(secret);
      expect(after).not.toContain(secret.slice(0, 4) + " " + secret.slice(4, 8));
      expect(after).toContain("10 unused recovery codes left.");
      const log = await audit(member.id);
      expect(log.map((l) => l.action)).toEqual(["user.two_factor_enabled"]);
      expect(JSON.stringify(log)).not.toContain(secret);
    },
  );

  test("French: the page speaks French", async () => {
    const member = await createUser({ username: "enrol_fr" });
    await db.updateTable("users").set({ locale: "fr" }).where("id", "=", member.id).execute();
    const html = await (await get("/my/two-factor", await signInCookie(app, member))).text();
    expect(html).toContain("La connexion à deux facteurs est désactivée.");
  });
});

describe("signing in with two-factor", () => {
  test("the password alone gives no session; the code does; a wrong code and a replayed code are refused", async () => {
    const member = await createUser({ username: "signin_kofi" });
    const secret = await enrolTwoFactor(member.id);

    const first = await password(member.username);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("/login/two-factor");
    const pending = cookieFrom(first);
    expect(pending).toMatch(/^tp_2fa=[A-Za-z0-9_-]{43}$/);
    expect(first.headers.get("set-cookie")).toMatch(/HttpOnly/);
    expect(first.headers.get("set-cookie")).not.toContain("tp_session");
    expect(await sessions(member.id)).toBe(0);
    // the token is stored hashed
    expect(
      await db
        .selectFrom("two_factor_challenges")
        .select("token_hash")
        .where("token_hash", "=", pending.split("=")[1])
        .executeTakeFirst(),
    ).toBeUndefined();

    const page = await get("/login/two-factor", pending);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    const html = (await page.text()).toLowerCase();
    expect(html).toContain('autocomplete="one-time-code"');
    expect(html).toContain('inputmode="numeric"');

    const code = totp(base32Decode(secret)!, Date.now());
    const wrong = await second(pending, String((Number(code) + 1) % 1_000_000).padStart(6, "0"));
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("4 tries left");
    expect(await sessions(member.id)).toBe(0);

    const right = await second(pending, code);
    expect(right.status).toBe(302);
    const session = cookieFrom(right);
    expect(session).toMatch(/^tp_session=/);
    expect((await get("/my/two-factor", session)).status).toBe(200);

    // the same pending sign-in cannot be used twice
    const again = await second(pending, nextCode(secret));
    expect(again.status).toBe(401);
    expect(await again.text()).toContain("This sign-in has expired");

    // the same code in a new sign-in: replay, refused
    const replay = await second(cookieFrom(await password(member.username)), code);
    expect(replay.status).toBe(401);
    expect(await sessions(member.id)).toBe(1);
  });

  test("a code with a space or one step late is accepted; a pending sign-in expires after five minutes", async () => {
    const member = await createUser({ username: "signin_late" });
    const secret = await enrolTwoFactor(member.id);
    const late = hotp(base32Decode(secret)!, stepAt(Date.now()) - 1);
    const ok = await second(cookieFrom(await password(member.username)), `${late.slice(0, 3)} ${late.slice(3)}`);
    expect(ok.status).toBe(302);

    const pending = cookieFrom(await password(member.username));
    await db
      .updateTable("two_factor_challenges")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("user_id", "=", member.id)
      .execute();
    expect(await (await get("/login/two-factor", pending)).text()).toContain("This sign-in has expired");
    const expired = await second(pending, await currentCode(member.id));
    expect(expired.status).toBe(401);
    expect(await expired.text()).toContain("This sign-in has expired");
  });

  test("five wrong codes end the pending sign-in; ten lock the account's second step for a while", async () => {
    const member = await createUser({ username: "signin_guess" });
    await enrolTwoFactor(member.id);
    for (let round = 0; round < 2; round++) {
      const pending = cookieFrom(await password(member.username));
      for (let i = 0; i < 4; i++) expect((await second(pending, "000000")).status).toBe(401);
      const fifth = await second(pending, "000001");
      expect(await fifth.text()).toContain("Too many wrong codes for this sign-in");
      // even the right code is refused now: the password must be typed again
      const after = await second(pending, await currentCode(member.id));
      expect(after.status).toBe(401);
      expect(await after.text()).toContain("This sign-in has expired");
    }
    // 10 wrong codes in 15 minutes for the account: even a right one waits
    const locked = await second(cookieFrom(await password(member.username)), await currentCode(member.id));
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain("Too many wrong codes for this account");
    expect(await sessions(member.id)).toBe(0);
  });

  test("a recovery code signs in once, is written in the audit log, and the redirect asked for is kept", async () => {
    const member = await createUser({ username: "signin_recovery" });
    const { recoveryCodes } = await enrolThroughPage(await signInCookie(app, member));
    const [code] = recoveryCodes;

    const first = await postForm(app, "/login", {
      email: member.username,
      password: TEST_PASSWORD,
      redirectTo: "/my/bookmarks",
    });
    const used = await second(cookieFrom(first), code.toUpperCase().replace("-", " "));
    expect(used.status).toBe(302);
    expect(used.headers.get("location")).toBe("/my/bookmarks");
    expect(cookieFrom(used)).toMatch(/^tp_session=/);

    const reused = await second(cookieFrom(await password(member.username)), code);
    expect(reused.status).toBe(401);
    expect((await audit(member.id)).map((l) => l.action)).toEqual([
      "user.two_factor_enabled",
      "user.two_factor_recovery_code_used",
    ]);
    const page = await (await get("/my/two-factor", cookieFrom(used))).text();
    expect(page).toContain("9 unused recovery codes left.");
  });
});

describe("changing two-factor settings", () => {
  test("turning it off needs the password (or a code); new recovery codes replace the old ones", async () => {
    const member = await createUser({ username: "settings_off" });
    const cookie = await signInCookie(app, member);
    const { recoveryCodes } = await enrolThroughPage(cookie);

    const fresh = await settings(cookie, { intent: "regenerate", confirm: TEST_PASSWORD });
    expect(fresh.status).toBe(200);
    const newCodes = codesOf(await fresh.text());
    expect(newCodes).toHaveLength(10);
    expect((await second(cookieFrom(await password(member.username)), recoveryCodes[1])).status).toBe(401);
    expect((await second(cookieFrom(await password(member.username)), newCodes[0])).status).toBe(302);

    const wrong = await settings(cookie, { intent: "disable", confirm: "not my password at all" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("That password or code is not right.");
    expect(
      await db.selectFrom("user_two_factor").select("user_id").where("user_id", "=", member.id).executeTakeFirst(),
    ).toBeDefined();

    const off = await settings(cookie, { intent: "disable", confirm: TEST_PASSWORD });
    expect(off.status).toBe(200);
    expect(
      await db.selectFrom("user_two_factor").select("user_id").where("user_id", "=", member.id).executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await db.selectFrom("two_factor_recovery_codes").select("id").where("user_id", "=", member.id).execute(),
    ).toEqual([]);
    expect((await audit(member.id)).map((l) => l.action)).toEqual([
      "user.two_factor_enabled",
      "user.two_factor_recovery_codes_replaced",
      "user.two_factor_recovery_code_used",
      "user.two_factor_disabled",
    ]);
    // the password is enough again
    expect(cookieFrom(await password(member.username))).toMatch(/^tp_session=/);
  });

  test("hostile or empty settings posts get a 400 with the page, never a 500", async () => {
    const cookie = await signInCookie(app, await createUser({ username: "settings_fuzz" }));
    for (const fields of [
      {},
      { intent: "nope" },
      { intent: "confirm" },
      { intent: "confirm", code: "x".repeat(10_000) },
      { intent: "disable", confirm: "\u0000" },
    ]) {
      const res = await settings(cookie, fields as Record<string, string>);
      expect([400, 409]).toContain(res.status);
    }
    for (const code of ["", "x".repeat(10_000), "\u0000\u2028", "１２３４５６"]) {
      const user = await createUser();
      await enrolTwoFactor(user.id);
      const pending = cookieFrom(await password(user.username));
      expect([400, 401]).toContain((await second(pending, code)).status);
    }
    // a malformed second-step cookie is no pending sign-in; a made-up one is an ended one
    // (a cookie that does not decode, such as %E9, is point 2's: the session cookie parser)
    expect((await get("/login/two-factor", "tp_2fa=short")).headers.get("location")).toBe("/login");
    const madeUp = await get("/login/two-factor", `tp_2fa=${"a".repeat(43)}`);
    expect(madeUp.status).toBe(200);
    expect(await madeUp.text()).toContain("This sign-in has expired");
    expect((await second(`tp_2fa=${"a".repeat(43)}`, "123456")).status).toBe(401);
  });
});

describe("staff and recruiters must use two-factor sign-in", () => {
  test(
    "an admin without it is sent to enrolment from every page, refused admin pages and data, and let in once " +
      "enrolled",
    async () => {
      const admin = await createUser({ username: "staff_no2fa", roles: ["member"] });
      await db.insertInto("user_roles").values({ user_id: admin.id, role: "admin" }).execute();
      const first = await password(admin.username);
      expect(first.headers.get("location")).toBe("/");
      const cookie = cookieFrom(first);

      expect((await get("/", cookie)).headers.get("location")).toBe("/my/two-factor?redirectTo=%2F");
      const adminPage = await get("/admin", cookie);
      expect(adminPage.status).toBe(302);
      expect(adminPage.headers.get("location")).toBe("/my/two-factor?redirectTo=%2Fadmin");
      // the data request, the CSV and an admin action are refused too (the role is withheld, not just hidden)
      const data = await get("/admin.data", cookie);
      expect(data.status).not.toBe(200);
      expect(await data.text()).not.toContain("applications");
      expect((await get("/admin/progress.csv", cookie)).status).toBe(403);
      expect((await postForm(app, "/admin/badges", { intent: "revoke" }, { cookie })).status).toBe(403);

      // a client-side navigation's data request reaches the enrolment page too (no redirect loop)
      expect((await get("/my/two-factor.data", cookie)).status).toBe(200);
      const enrol = await get("/my/two-factor?redirectTo=%2Fadmin", cookie);
      expect(enrol.status).toBe(200);
      const html = await enrol.text();
      expect(html).toContain(
        "Your account can see members&#x27; contact details (staff and recruiters), so it must use two-factor sign-in.",
      );
      expect(html).not.toContain('href="/admin"');

      // staff cannot turn it off once on
      await enrolThroughPage(cookie);
      expect((await get("/admin", cookie)).status).toBe(200);
      const off = await settings(cookie, { intent: "disable", confirm: TEST_PASSWORD });
      expect(off.status).toBe(403);
      expect(await off.text()).toContain("Staff and recruiters cannot turn off two-factor sign-in.");
    },
  );

  test("a recruiter without it cannot reach the recruiter pages or members' details", async () => {
    const recruiter = await createUser({ username: "rec_no2fa", roles: [] });
    await db.insertInto("user_roles").values({ user_id: recruiter.id, role: "recruiter" }).execute();
    const cookie = cookieFrom(await password(recruiter.username));
    for (const path of ["/recruiter", "/directory"]) {
      expect((await get(path, cookie)).headers.get("location")).toBe(
        `/my/two-factor?redirectTo=${encodeURIComponent(path)}`,
      );
    }
    // its own loader sends a non-recruiter to the desk, which sends them to enrolment
    expect((await get("/recruiter/shortlist", cookie)).status).toBe(302);
    expect((await postForm(app, "/recruiter/shortlist", { username: "anyone" }, { cookie })).status).not.toBe(200);
  });
});

describe("demo data", () => {
  test("the demo admin signs in with the password and a code from the README's demo secret", async () => {
    expect(readFileSync("README.md", "utf8")).toContain(DEMO_TOTP_SECRET);
    await seedDemoAccounts(() => {});
    await seedDemoTwoFactor(() => {});
    await seedDemoTwoFactor(() => {}); // again: nothing changes
    const first = await postForm(app, "/login", { email: "admin@touchpoints.test", password: DEMO_PASSWORD });
    expect(first.headers.get("location")).toBe("/login/two-factor");
    const res = await second(cookieFrom(first), totp(base32Decode(DEMO_TOTP_SECRET)!, Date.now()));
    expect(res.status).toBe(302);
    expect((await get("/admin", cookieFrom(res))).status).toBe(200);
  });
});
