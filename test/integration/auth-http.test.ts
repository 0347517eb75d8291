// Sign-up, sign-in and the Origin check through the real server (npm start's code path).
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { fresh } from "../setup/attempt";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const users = async () =>
  (
    await db
      .selectFrom("users")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow()
  ).n;
const good = {
  email: "new.member@example.com",
  username: "new_member",
  displayName: "New Member",
  password: "service with a smile, always",
};

describe("sign-up over HTTP", () => {
  test.each([
    ["a malformed email", { email: "not-an-email" }, "Enter an email address like name@example.com."],
    ["a short password", { password: "short" }, "Use at least 10 characters."],
    ["a common password", { password: "1234567890" }, "This password is among the most common ones"],
    [
      "10,000-character fields",
      { email: "a".repeat(10_000), displayName: "b".repeat(10_000) },
      "An email address has at most 254 characters.",
    ],
  ])(
    "%s: the form comes back with a sentence, values kept (never the password), nothing written",
    async (_name, change, sentence) => {
      const before = await users();
      const fields = { ...good, ...change };
      const res = await postForm(app, "/signup", fields);
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain(sentence);
      expect(html).toContain(`value="${fields.username}"`);
      expect(html).not.toContain(fields.password);
      expect(html).toContain('aria-invalid="true"');
      expect(await users()).toBe(before);
    },
  );

  test("a taken username or email gets a sentence per field", async () => {
    const taken = await createUser({ username: "taken_name", email: "taken@example.com" });
    const before = await users();
    const res = await postForm(app, "/signup", {
      ...good,
      username: taken.username.toUpperCase(),
      email: taken.email.toUpperCase(),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("An account already uses this email");
    expect(html).toContain("This username is taken");
    expect(await users()).toBe(before);
  });

  test("a good sign-up signs the member in with an HttpOnly, SameSite=Lax, Secure cookie", async () => {
    const res = await postForm(app, "/signup", { ...good, username: fresh(good.username), email: fresh(good.email) });
    expect(res.status).toBe(302);
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^tp_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Secure/i); // NODE_ENV=production
    const home = await fetch(`${app.url}/`, { headers: { Cookie: cookieFrom(res) } });
    expect(await home.text()).toContain("Welcome to Touchpoints, New Member."); // a first visit: not "welcome back"
  });
});

describe("the Origin check", () => {
  test("a POST from another site or without Origin gets 403 and changes nothing", async () => {
    const before = await users();
    const foreign = await postForm(
      app,
      "/signup",
      { ...good, username: "evil_one", email: "evil@example.com" },
      { origin: "https://evil.example" },
    );
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain("This request came from another site");
    const missing = await postForm(
      app,
      "/signup",
      { ...good, username: "evil_two", email: "evil2@example.com" },
      { origin: null },
    );
    expect(missing.status).toBe(403);
    expect(await users()).toBe(before);
  });
});

// the home page's greeting of a signed-in member (a first visit is "Welcome to", a later one "Welcome back")
const GREETING = /Welcome (back|to Touchpoints), /;

describe("sign-in over HTTP", () => {
  test("the 11th failed sign-in in 15 minutes gets 429 with a sentence and Retry-After", async () => {
    const u = await createUser();
    for (let i = 0; i < 10; i++) {
      const res = await postForm(app, "/login", { email: u.email, password: "not the password" });
      expect(res.status).toBe(401);
      expect(await res.text()).toContain("The email or password is not right");
    }
    const res = await postForm(app, "/login", { email: u.email, password: TEST_PASSWORD });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(await res.text()).toContain("Too many failed sign-ins. Try again after");
  });

  test("signing in rotates the session and sign-out works by POST only", async () => {
    const u = await createUser();
    const first = cookieFrom(await postForm(app, "/login", { email: u.username, password: TEST_PASSWORD }));
    const second = await postForm(app, "/login", { email: u.email, password: TEST_PASSWORD }, { cookie: first });
    // already signed in: the loader redirects GETs, but a POST signs in again with a new session
    const secondCookie = cookieFrom(second);
    expect(secondCookie).not.toBe(first);
    expect(await fetch(`${app.url}/`, { headers: { Cookie: first } }).then((r) => r.text())).not.toMatch(GREETING);
    const getLogout = await fetch(`${app.url}/logout`, { headers: { Cookie: secondCookie } });
    expect(getLogout.status).toBe(200);
    expect(await fetch(`${app.url}/`, { headers: { Cookie: secondCookie } }).then((r) => r.text())).toMatch(GREETING);
    const out = await postForm(app, "/logout", {}, { cookie: secondCookie });
    expect(out.status).toBe(302);
    expect(await fetch(`${app.url}/`, { headers: { Cookie: secondCookie } }).then((r) => r.text())).not.toMatch(
      GREETING,
    );
  });
});

describe("operations", () => {
  test("/healthz reports both services; pages are compressed; assets are cached for a year", async () => {
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ postgres: "up", meilisearch: "up" });
    const home = await fetch(`${app.url}/`, { headers: { "Accept-Encoding": "gzip" } });
    expect(home.headers.get("content-encoding")).toBe("gzip");
    const html = await home.text();
    const css = /href="(\/build\/_assets\/[^"]+\.css)"/.exec(html)![1];
    const asset = await fetch(`${app.url}${css}`);
    expect(asset.headers.get("cache-control")).toMatch(/max-age=31536000.*immutable/);
  });

  test("an unknown page is a friendly 404 with a request id, no stack trace", async () => {
    const res = await fetch(`${app.url}/no/such/page`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("Page not found");
    expect(html).toContain(`Reference: ${res.headers.get("x-request-id")}`);
    expect(html).not.toMatch(/at [\w.]+ \(.*:\d+:\d+\)/);
  });
});
