import { sql } from "kysely";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import {
  authenticate,
  changePassword,
  createUser,
  ensureAdmin,
  isResetTokenUsable,
  requestPasswordReset,
  resetPassword,
  THROTTLE,
} from "~/models/account/user.server";
import { mailDir } from "~/mail.server";
import { startSession } from "~/auth.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { createUser as makeUser, TEST_PASSWORD } from "../factories/users";
import { fresh } from "../setup/attempt";

const count = async () =>
  (
    await db
      .selectFrom("users")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow()
  ).n;

describe("accounts on the real database", () => {
  test("sign-up refuses a taken email or username whatever its case, and writes nothing", async () => {
    const ada = await makeUser({ username: "ada_obi", email: "ada@example.com" });
    const before = await count();
    const r = await createUser({
      email: ada.email.toUpperCase(),
      username: ada.username.toUpperCase(),
      displayName: "Ada",
      password: "a fine long passphrase",
    });
    expect(r).toMatchObject({
      ok: false,
      fields: { email: "signup.errors.emailTaken", username: "signup.errors.usernameTaken" },
    });
    expect(await count()).toBe(before);
  });

  test("sign-up creates the user with the member role and an argon2id hash", async () => {
    const name = fresh("chidi");
    const r = await createUser({
      email: `${name}@example.com`,
      username: name,
      displayName: "Chidi Eze",
      password: "a fine long passphrase",
    });
    expect(r.ok).toBe(true);
    const row = await db
      .selectFrom("users")
      .select(["password_hash", "id"])
      .where("username", "=", name)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const roles = await db.selectFrom("user_roles").select("role").where("user_id", "=", row.id).execute();
    expect(roles.map((x) => x.role)).toEqual(["member"]);
  });

  test("the 11th failed sign-in in 15 minutes is refused with 429, even with the right password", async () => {
    const u = await makeUser();
    for (let i = 0; i < THROTTLE.max; i++) {
      expect(await authenticate({ identifier: u.email, password: "wrong password!", ip: `10.0.0.${i}` })).toMatchObject(
        { ok: false, status: 401 },
      );
    }
    const r = await authenticate({ identifier: u.email, password: TEST_PASSWORD, ip: "10.0.1.1" });
    expect(r).toMatchObject({ ok: false, status: 429 });
    expect(r.retryAt!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
  });

  test("failures from one IP throttle that IP across accounts", async () => {
    for (let i = 0; i < THROTTLE.ipMax; i++)
      await authenticate({ identifier: `nobody${i}@example.com`, password: "x", ip: "10.9.9.9" });
    const u = await makeUser();
    expect(await authenticate({ identifier: u.username, password: TEST_PASSWORD, ip: "10.9.9.9" })).toMatchObject({
      status: 429,
    });
    expect(await authenticate({ identifier: u.username, password: TEST_PASSWORD, ip: "10.9.9.8" })).toMatchObject({
      ok: true,
    });
  });

  test("an unknown email and a wrong password get the same answer", async () => {
    const u = await makeUser();
    const unknown = await authenticate({ identifier: "ghost@example.com", password: "whatever123", ip: "1.1.1.1" });
    const wrong = await authenticate({ identifier: u.email, password: "whatever123", ip: "1.1.1.2" });
    expect(unknown).toEqual(wrong);
  });

  test("a reset link works once, within the hour, and revokes every session", async () => {
    const u = await makeUser({ email: "reset.me@example.com" });
    const req = new Request("http://localhost/");
    await startSession(db, u.id, req);
    await startSession(db, u.id, req);
    expect((await db.selectFrom("sessions").select("id").where("user_id", "=", u.id).execute()).length).toBe(2);

    await requestPasswordReset({ email: u.email.toUpperCase(), locale: "en" });
    await drainJobs();
    const files = fs.readdirSync(mailDir()).filter((f) => f.includes(u.email));
    expect(files.length).toBe(1);
    const mail = fs.readFileSync(path.join(mailDir(), files[0]), "utf8").replace(/=\r?\n/g, "");
    const token = /reset-password\/([A-Za-z0-9_-]{20,})/.exec(mail)![1];
    const stored = await db
      .selectFrom("password_reset_tokens")
      .select("token_hash")
      .where("user_id", "=", u.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token); // hashed at rest

    expect(await isResetTokenUsable(token)).toBe(true);
    expect(await resetPassword({ token, password: "1234567890" })).toMatchObject({
      ok: false,
      fields: { password: "signup.errors.passwordCommon" },
    });
    expect(await resetPassword({ token, password: "a brand new passphrase" })).toMatchObject({ ok: true });
    expect(await resetPassword({ token, password: "another new passphrase" })).toMatchObject({
      ok: false,
      message: "reset.invalid",
    });
    expect(await db.selectFrom("sessions").select("id").where("user_id", "=", u.id).execute()).toEqual([]);
    expect(
      await authenticate({ identifier: u.email, password: "a brand new passphrase", ip: "2.2.2.2" }),
    ).toMatchObject({ ok: true });
  });

  test("a reset or a password change invalidates every outstanding reset link of the member", async () => {
    const u = await makeUser({ email: "many.links@example.com" });
    const links = async () => {
      await requestPasswordReset({ email: u.email, locale: "en" });
      await drainJobs();
      const files = fs.readdirSync(mailDir()).filter((f) => f.includes(u.email));
      const newest = files
        .map((f) => path.join(mailDir(), f))
        .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
      return /reset-password\/([A-Za-z0-9_-]{20,})/.exec(fs.readFileSync(newest, "utf8").replace(/=\r?\n/g, ""))![1];
    };
    const first = await links();
    const second = await links();
    expect(first).not.toBe(second);
    expect(await resetPassword({ token: second, password: "a brand new passphrase" })).toMatchObject({ ok: true });
    expect(await isResetTokenUsable(first)).toBe(false);
    expect(await resetPassword({ token: first, password: "an attacker's passphrase" })).toMatchObject({
      ok: false,
      message: "reset.invalid",
    });

    const third = await links();
    expect(
      await changePassword({
        userId: u.id,
        currentPassword: "a brand new passphrase",
        password: "yet another passphrase",
        ip: "10.4.0.1",
      }),
    ).toMatchObject({ ok: true });
    expect(await isResetTokenUsable(third)).toBe(false);
  });

  test("the throttle counts failures per account, whichever of email or username was typed", async () => {
    const u = await makeUser();
    for (let i = 0; i < THROTTLE.max; i++) {
      const identifier = i % 2 ? u.email.toUpperCase() : ` ${u.username} `;
      expect(await authenticate({ identifier, password: "wrong password!", ip: `10.3.0.${i}` })).toMatchObject({
        ok: false,
        status: 401,
      });
    }
    expect(await authenticate({ identifier: u.username, password: TEST_PASSWORD, ip: "10.3.1.1" })).toMatchObject({
      ok: false,
      status: 429,
    });
    expect(await authenticate({ identifier: u.email, password: TEST_PASSWORD, ip: "10.3.1.2" })).toMatchObject({
      ok: false,
      status: 429,
    });
    // another account is not affected
    const other = await makeUser();
    expect(await authenticate({ identifier: other.username, password: TEST_PASSWORD, ip: "10.3.1.3" })).toMatchObject({
      ok: true,
    });
  });

  test("an expired reset token is refused", async () => {
    const u = await makeUser({ email: "late@example.com" });
    await requestPasswordReset({ email: u.email, locale: "en" });
    await drainJobs();
    await db
      .updateTable("password_reset_tokens")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("user_id", "=", u.id)
      .execute();
    const file = fs.readdirSync(mailDir()).find((f) => f.includes(u.email))!;
    const token = /reset-password\/([A-Za-z0-9_-]{20,})/.exec(
      fs.readFileSync(path.join(mailDir(), file), "utf8").replace(/=\r?\n/g, ""),
    )![1];
    expect(await resetPassword({ token, password: "a brand new passphrase" })).toMatchObject({
      ok: false,
      message: "reset.invalid",
    });
  });

  test("a reset request for an unknown email sends nothing and reveals nothing", async () => {
    await expect(requestPasswordReset({ email: "nobody-here@example.com", locale: "en" })).resolves.toBeUndefined();
    await drainJobs();
    const files = fs.existsSync(mailDir()) ? fs.readdirSync(mailDir()).filter((f) => f.includes("nobody-here")) : [];
    expect(files).toEqual([]);
  });

  test("changing the password needs the current one, revokes all sessions and is audited", async () => {
    const u = await makeUser();
    await startSession(db, u.id, new Request("http://localhost/"));
    expect(
      await changePassword({
        userId: u.id,
        currentPassword: "not the password",
        password: "a new and long passphrase",
        ip: "10.5.0.1",
      }),
    ).toMatchObject({ ok: false, fields: { currentPassword: "accountSecurity.errors.current" } });
    expect(
      (
        await changePassword({
          userId: u.id,
          currentPassword: TEST_PASSWORD,
          password: "a new and long passphrase",
          ip: "10.5.0.1",
        })
      ).ok,
    ).toBe(true);
    expect(await db.selectFrom("sessions").select("id").where("user_id", "=", u.id).execute()).toEqual([]);
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("target_id", "=", String(u.id))
      .execute();
    expect(audit).toContainEqual({ action: "user.password_changed", actor_id: u.id });
  });

  test("admin:create promotes an existing account and audits it", async () => {
    const u = await makeUser({ email: "boss@example.com" });
    expect(await ensureAdmin({ email: u.email, username: "ignored" })).toMatchObject({
      ok: true,
      userId: u.id,
    });
    const roles = await db
      .selectFrom("user_roles")
      .select("role")
      .where("user_id", "=", u.id)
      .orderBy("role")
      .execute();
    expect(roles.map((r) => r.role)).toEqual(["admin", "member"]);
    expect(
      await db
        .selectFrom("audit_log")
        .select("action")
        .where("action", "=", "user.admin_granted")
        .where("target_id", "=", String(u.id))
        .execute(),
    ).toHaveLength(1);
  });
});
