// Rate limits on forms that send email or create content: the limiter itself (exact counts, a
// refused attempt not kept, the window sliding), and over HTTP the sign-up and password-reset
// forms (a sentence with status 429, nothing written, no more mail sent).
import { readdirSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { mailDir } from "~/mail.server";
import { RATE_RULES, rateLimit } from "~/models/account/rate-limit.server";
import { postForm, startApp, type TestApp } from "../setup/app";
import { createUser } from "../factories/users";

const users = async () =>
  (
    await db
      .selectFrom("users")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow()
  ).n;
const mails = () => {
  try {
    return readdirSync(mailDir()).filter((f) => f.endsWith(".eml")).length;
  } catch {
    return 0;
  }
};

describe("the limiter", () => {
  test("allows exactly the rule's number of attempts, then refuses with the minutes to wait", async () => {
    const { max, windowMinutes } = RATE_RULES.recruiterApply;
    const now = new Date();
    for (let i = 0; i < max; i++) expect(await rateLimit("recruiterApply", "user:1", now)).toBeUndefined();
    const refused = await rateLimit("recruiterApply", "user:1", now);
    expect(refused).toMatchObject({
      ok: false,
      status: 429,
      message: "rateLimit.tooMany",
      values: { minutes: windowMinutes },
    });
    // someone else is not affected, and the refused attempt was not kept
    expect(await rateLimit("recruiterApply", "user:2", now)).toBeUndefined();
    const kept = await db
      .selectFrom("rate_events")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("key", "=", "recruiterApply:user:1")
      .executeTakeFirstOrThrow();
    expect(kept.n).toBe(max);
    // once the first attempt leaves the window, one more is allowed
    const later = new Date(now.getTime() + windowMinutes * 60_000 + 1000);
    expect(await rateLimit("recruiterApply", "user:1", later)).toBeUndefined();
  });

  test("parallel attempts never get past the limit", async () => {
    const { max } = RATE_RULES.flag;
    const results = await Promise.all(Array.from({ length: max + 15 }, () => rateLimit("flag", "user:race")));
    expect(results.filter((r) => r === undefined).length).toBeLessThanOrEqual(max);
    expect(results.filter((r) => r !== undefined).length).toBeGreaterThanOrEqual(15);
  });
});

describe("over HTTP", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ JOBS: "off" });
  });
  afterAll(async () => {
    await app?.stop();
  });

  test("sign-up: after the limit from one address, a sentence (429) and no account", async () => {
    const { max } = RATE_RULES.signup;
    for (let i = 0; i < max; i++) {
      const res = await postForm(app, "/signup", {
        email: `limit${i}@example.test`,
        username: `limit_${i}`,
        displayName: `Limit ${i}`,
        password: "a long enough passphrase 2026",
      });
      expect(res.status, `sign-up ${i + 1}`).toBe(302);
    }
    const before = await users();
    const res = await postForm(app, "/signup", {
      email: "one.more@example.test",
      username: "one_more",
      displayName: "One More",
      password: "a long enough passphrase 2026",
    });
    expect(res.status).toBe(429);
    const html = await res.text();
    expect(html).toMatch(/Too many attempts in a short time\. Try again in \d+ min\./);
    expect(html).toContain('value="one_more"'); // the form comes back with what was typed
    expect(await users()).toBe(before);
  }, 60_000);

  test("password reset: three emails an hour to one address, then the same answer and no mail", async () => {
    const user = await createUser({ username: "reset_limit", email: "reset.limit@example.test" });
    const start = mails();
    for (let i = 0; i < RATE_RULES.resetByEmail.max + 2; i++) {
      const res = await postForm(app, "/forgot-password", { email: user.email });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("If an account uses this email");
    }
    // reset mail leaves through the outbox after the answer (this app runs without its worker)
    await drainJobs();
    expect(mails() - start).toBe(RATE_RULES.resetByEmail.max);
  }, 60_000);

  test("password reset: too many asks from one address get a sentence (429)", async () => {
    let last: Response | undefined;
    for (let i = 0; i < RATE_RULES.resetByIp.max + 1; i++)
      last = await postForm(app, "/forgot-password", { email: `nobody${i}@example.test` });
    expect(last!.status).toBe(429);
    expect(await last!.text()).toMatch(/Too many attempts in a short time/);
  }, 60_000);
});
