// Sessions and account security through the real server: hashed session ids, malformed cookies,
// reset mail through the outbox, the account-keyed sign-in throttle, and /my/security.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { mailDir } from "~/mail.server";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { fresh } from "../setup/attempt";

let app: TestApp;
beforeAll(async () => {
  // no worker in the app: the test runs the outbox itself, to see what the request alone did
  app = await startApp({ JOBS: "off" });
});
afterAll(async () => {
  await app?.stop();
});

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const valueOf = (cookie: string) => cookie.slice(cookie.indexOf("=") + 1);
const get = (path: string, cookie?: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}) }, redirect: "manual" });
const signIn = async (login: string, password = TEST_PASSWORD, headers: Record<string, string> = {}) => {
  const res = await fetch(`${app.url}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.origin, ...headers },
    body: new URLSearchParams({ email: login, password }),
    redirect: "manual",
  });
  expect(res.status).toBe(302);
  return cookieFrom(res);
};
const mailsTo = (email: string) =>
  fs.existsSync(mailDir()) ? fs.readdirSync(mailDir()).filter((f) => f.includes(email)) : [];
// the home page greets a signed-in member ("Welcome to Touchpoints" on a first visit, "Welcome back" later)
const isSignedIn = async (cookie: string) =>
  /Welcome (back|to Touchpoints), /.test(await get("/", cookie).then((r) => r.text()));

describe("session ids at rest", () => {
  test("the table holds the SHA-256 of the cookie's secret, never the secret", async () => {
    const u = await createUser();
    const cookie = await signIn(u.username);
    const secret = valueOf(cookie);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const ids = (await db.selectFrom("sessions").select("id").where("user_id", "=", u.id).execute()).map((r) => r.id);
    expect(ids).not.toContain(secret);
    expect(ids).toEqual([sha256(secret)]);
    expect(await isSignedIn(cookie)).toBe(true);
  });

  test("a cookie issued before the migration (raw id in the table) still signs the member in", async () => {
    const migration = await import("../../db/migrations/2026-12-06T0900_hashed_sessions");
    const u = await createUser();
    // the table as lucia left it: the down migration, then a session stored raw, then the up migration
    await migration.down(db);
    const raw = "abcdefghijklmnopqrstuvwxyz234567abcdefgh";
    await db
      .insertInto("sessions")
      .values({ id: raw, user_id: u.id, expires_at: new Date(Date.now() + 86_400_000) } as never)
      .execute();
    await migration.up(db);
    expect(await db.selectFrom("sessions").select("id").where("user_id", "=", u.id).execute()).toEqual([
      { id: sha256(raw) },
    ]);
    expect(await isSignedIn(`tp_session=${raw}`)).toBe(true);
  });
});

describe("malformed cookies", () => {
  const pages = ["/", "/latest", "/login", "/directory", "/events", "/privacy"];
  const bad = [
    "prefs=100%",
    "tp_session=%E9",
    "tp_session=%",
    "tp_session=",
    "=; ;;=x; tp_lang=%zz",
    "tp_session=a\tb c",
    "\u00e9t\u00e9=%E9%80",
  ];

  test("signed out: every page answers 200, never 500", async () => {
    const wrong: string[] = [];
    for (const cookie of bad)
      for (const page of pages) {
        const res = await fetch(`${app.url}${page}`, { headers: { Cookie: cookie } });
        if (res.status !== 200) wrong.push(`${page} with ${JSON.stringify(cookie)}: ${res.status}`);
        await res.arrayBuffer();
      }
    expect(wrong).toEqual([]);
  });

  test("signed in: a malformed neighbour cookie leaves the session working", async () => {
    const u = await createUser();
    const session = await signIn(u.username);
    const wrong: string[] = [];
    for (const extra of ["prefs=100%", "tp_lang=%E9", "x=%", "tp_session=%E9"])
      for (const page of [...pages.filter((p) => p !== "/login"), "/my/profile", "/my/security"]) {
        const res = await get(page, `${extra}; ${session}`);
        const html = await res.text();
        if (res.status !== 200 || !html.includes(u.display_name)) wrong.push(`${page} with ${extra}: ${res.status}`);
      }
    expect(wrong).toEqual([]);
  });
});

describe("reset mail through the outbox", () => {
  test("known and unknown emails get the same answer; the worker sends the mail, not the request", async () => {
    const u = await createUser({ email: "known.reset@example.com" });
    // the page differs only by its request id and CSP nonce
    const page = async (res: Response) =>
      (await res.text()).replaceAll(res.headers.get("x-request-id")!, "").replace(/nonce="[^"]*"/g, "");
    const known = await postForm(app, "/forgot-password", { email: u.email });
    const nobody = fresh("unknown.reset@example.com");
    const unknown = await postForm(app, "/forgot-password", { email: nobody });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(await page(unknown)).toBe(await page(known));
    expect(mailsTo(u.email)).toEqual([]);
    const queued = await db
      .selectFrom("outbox")
      .select(["kind", "payload"])
      .where("kind", "=", "account.password_reset")
      .execute();
    expect(queued.map((q) => (q.payload as { email: string }).email).sort()).toEqual([u.email, nobody]);
    await drainJobs();
    expect(mailsTo(u.email)).toHaveLength(1);
    expect(mailsTo(nobody)).toEqual([]);
  });
});

describe("the sign-in throttle counts per account", () => {
  test("failures by email and by username add up; the locked account cannot be entered by its username", async () => {
    const u = await createUser();
    for (let i = 0; i < 10; i++) {
      const res = await postForm(app, "/login", {
        email: i % 2 ? u.email : u.username.toUpperCase(),
        password: "not the password",
      });
      expect(res.status).toBe(401);
      await res.arrayBuffer();
    }
    const byName = await postForm(app, "/login", { email: u.username, password: TEST_PASSWORD });
    expect(byName.status).toBe(429);
    expect(byName.headers.get("set-cookie")).toBeNull();
    expect((await postForm(app, "/login", { email: u.email, password: TEST_PASSWORD })).status).toBe(429);
  });
});

describe("/my/security", () => {
  const form = (cookie: string, fields: Record<string, string>) => postForm(app, "/my/security", fields, { cookie });

  test("lists the member's sessions with their device, private and uncached; visitors sent to sign in", async () => {
    const u = await createUser();
    const phone = await signIn(u.username, TEST_PASSWORD, {
      "User-Agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36",
    });
    const laptop = await signIn(u.email, TEST_PASSWORD, {
      "User-Agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
    });
    const res = await get("/my/security", laptop);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const html = await res.text();
    expect(html).toContain("Firefox on Windows");
    expect(html).toContain("Chrome on Android");
    expect(html).toContain("This device");
    expect(await isSignedIn(phone)).toBe(true);
    expect((await get("/my/security")).status).toBe(302);
    const fr = await get("/my/security", `${laptop}; tp_lang=fr`, { "Accept-Language": "fr" });
    expect(await fr.text()).toMatch(/Sécurité|Changer le mot de passe/);
  });

  test(
    "changing the password needs the current one, follows the sign-up policy, ends other sessions, keeps this one " +
      "(rotated) and mails a notice",
    async () => {
      const u = await createUser({ email: "changer@example.com" });
      const other = await signIn(u.username);
      const here = await signIn(u.username);

      const wrong = await form(here, {
        intent: "password",
        currentPassword: "not it at all",
        password: "a brand new passphrase",
      });
      expect(wrong.status).toBe(400);
      expect(await wrong.text()).toContain("Your current password is not right");
      const weak = await form(here, { intent: "password", currentPassword: TEST_PASSWORD, password: "1234567890" });
      expect(weak.status).toBe(400);
      expect(await weak.text()).toContain("This password is among the most common ones");
      expect(await isSignedIn(other)).toBe(true);

      const done = await form(here, {
        intent: "password",
        currentPassword: TEST_PASSWORD,
        password: "a brand new passphrase",
      });
      expect(done.status).toBe(302);
      const rotated = cookieFrom(done);
      expect(rotated).toMatch(/^tp_session=/);
      expect(rotated).not.toBe(here);
      expect(await isSignedIn(rotated)).toBe(true);
      expect(await isSignedIn(here)).toBe(false);
      expect(await isSignedIn(other)).toBe(false);
      expect(mailsTo(u.email)).toEqual([]);
      await drainJobs();
      const mail = mailsTo(u.email);
      expect(mail).toHaveLength(1);
      expect(fs.readFileSync(`${mailDir()}/${mail[0]}`, "utf8")).toMatch(/password was changed/i);
      expect((await postForm(app, "/login", { email: u.username, password: "a brand new passphrase" })).status).toBe(
        302,
      );
    },
  );

  test("a session can be ended from the list, and 'sign out everywhere' ends them all", async () => {
    const u = await createUser();
    const a = await signIn(u.username);
    const b = await signIn(u.username);
    const c = await signIn(u.username);
    const html = await get("/my/security", a).then((r) => r.text());
    const handles = [...html.matchAll(/name="session" value="([^"]+)"/g)].map((m) => m[1]);
    expect(handles).toHaveLength(2); // the other two; this device has no "end" button of its own
    const bRow = await db
      .selectFrom("sessions")
      .select("handle")
      .where("id", "=", sha256(valueOf(b)))
      .executeTakeFirstOrThrow();
    expect(handles).toContain(bRow.handle);
    const ended = await form(a, { intent: "end", session: bRow.handle });
    expect(ended.status).toBe(302);
    expect(await isSignedIn(b)).toBe(false);
    expect(await isSignedIn(a)).toBe(true);
    expect(await isSignedIn(c)).toBe(true);

    // another member's session handle does nothing
    const stranger = await createUser();
    const s = await signIn(stranger.username);
    const sRow = await db
      .selectFrom("sessions")
      .select("handle")
      .where("id", "=", sha256(valueOf(s)))
      .executeTakeFirstOrThrow();
    await form(a, { intent: "end", session: sRow.handle });
    expect(await isSignedIn(s)).toBe(true);
    // a malformed handle is "no such session", never a 500
    for (const session of ["-".repeat(36), "x", "", "00000000-0000-0000-0000-000000000000"])
      expect((await form(a, { intent: "end", session })).status).toBe(302);

    const everywhere = await form(a, { intent: "everywhere" });
    expect(everywhere.status).toBe(302);
    expect(await isSignedIn(a)).toBe(false);
    expect(await isSignedIn(c)).toBe(false);
    expect(await isSignedIn(s)).toBe(true);
  });

  test("last seen is written at most every few minutes, not on every request", async () => {
    const u = await createUser();
    const cookie = await signIn(u.username);
    const id = sha256(valueOf(cookie));
    const before = await db
      .selectFrom("sessions")
      .select("last_seen_at")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 3; i++) await get("/", cookie).then((r) => r.arrayBuffer());
    const same = await db.selectFrom("sessions").select("last_seen_at").where("id", "=", id).executeTakeFirstOrThrow();
    expect(same.last_seen_at).toEqual(before.last_seen_at);
    await db
      .updateTable("sessions")
      .set({ last_seen_at: new Date(Date.now() - 10 * 60_000) })
      .where("id", "=", id)
      .execute();
    await get("/", cookie).then((r) => r.arrayBuffer());
    const later = await db.selectFrom("sessions").select("last_seen_at").where("id", "=", id).executeTakeFirstOrThrow();
    expect(Date.now() - later.last_seen_at.getTime()).toBeLessThan(60_000);
  });
});
