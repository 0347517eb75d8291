// Load shedding (scripts/server/load-shed.ts) over real HTTP: with room for 3 requests and 400 ms of
// waiting, a flood of slow requests (the topics table held locked, so every page and reply waits
// on the database) gets 503 + Retry-After for the excess, promptly, and 200 / 303 for the rest once
// the database lets go; every reply acknowledged is saved once, every refused one not at all.
// Health checks and static files are never shed.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { ageUser, createCategory, makeTopic } from "../factories/topics";
import { createUser } from "../factories/users";

const CONCURRENCY = 3;
const QUEUE_MS = 400;
let app: TestApp;
let topic: { topicId: number; url: string };
// each writer replies in a topic of their own (same-topic contention is issue 25's subject, not this one's)
const writerTopics: { topicId: number; url: string }[] = [];
const cookies: string[] = [];

beforeAll(async () => {
  app = await startApp({ SHED_CONCURRENCY: String(CONCURRENCY), SHED_QUEUE_MS: String(QUEUE_MS) });
  const category = await createCategory();
  const author = await createUser();
  await ageUser(author);
  topic = await makeTopic(author, category);
  for (let i = 0; i < 4; i++) writerTopics.push(await makeTopic(author, category));
  // four writers, one reply each (the posting interval allows one per member)
  for (let i = 0; i < 4; i++) {
    const u = await createUser();
    await ageUser(u);
    cookies.push(cookieFrom(await postForm(app, "/login", { email: u.username, password: u.password })));
  }
  expect(cookies.every((c) => c.startsWith("tp_session="))).toBe(true);
});
afterAll(async () => {
  await app?.stop();
});

describe("load shedding", () => {
  test("a flood of slow requests: the excess gets 503 + Retry-After at once, the rest 200, no write lost", async () => {
    const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    await locker.query("begin");
    await locker.query("lock table topics in access exclusive mode");
    type Sent = {
      kind: "read" | "write";
      token?: string;
      status: number;
      retryAfter: string | null;
      shedHeader: string | null;
      ms: number;
    };
    const t0 = Date.now();
    const send = async (kind: "read" | "write", i: number): Promise<Sent> => {
      const token = kind === "write" ? `shed${randomBytes(6).toString("hex")}` : undefined;
      const res =
        kind === "write"
          ? await postForm(
              app,
              writerTopics[i].url,
              { intent: "reply", body: `A reply sent in the flood, ${token}.` },
              { cookie: cookies[i] },
            )
          : await fetch(`${app.url}${topic.url}`, { headers: { Cookie: cookies[i % cookies.length] } });
      await res.text();
      return {
        kind,
        token,
        status: res.status,
        retryAfter: res.headers.get("retry-after"),
        shedHeader: res.headers.get("x-load-shed"),
        ms: Date.now() - t0,
      };
    };
    let sent: Promise<Sent>[] = [];
    let releasedAt = 0;
    try {
      sent = [...[0, 1, 2, 3].map((i) => send("write", i)), ...Array.from({ length: 8 }, (_, i) => send("read", i))];
      // while the app is full: health and static files still answer at once
      await new Promise((r) => setTimeout(r, 100));
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${app.url}/favicon.svg`)).status).toBe(200);
      // the excess is refused after the queue limit, without waiting for the database
      await new Promise((r) => setTimeout(r, QUEUE_MS + 600));
    } finally {
      releasedAt = Date.now() - t0;
      await locker.query("commit");
      await locker.end();
    }
    const results = await Promise.all(sent);
    const shed = results.filter((r) => r.status === 503);
    const served = results.filter((r) => r.status !== 503);
    expect(shed).toHaveLength(results.length - CONCURRENCY);
    expect(shed.every((r) => r.retryAfter === "2" && r.shedHeader === "1")).toBe(true);
    // refused while the database was still held, i.e. without waiting for it (a margin for a loaded machine)
    expect(
      shed.map((r) => r.ms).filter((ms) => ms > releasedAt + 300),
      `released at ${releasedAt} ms`,
    ).toEqual([]);
    if (served.some((r) => r.status >= 500)) console.error(app.output().slice(-3000));
    expect(served.map((r) => (r.kind === "write" ? r.status === 303 || r.status === 302 : r.status === 200))).toEqual(
      served.map(() => true),
    );

    // writes: acknowledged ones saved exactly once, refused ones not at all
    const bodies = (
      await db
        .selectFrom("posts")
        .select("body_markdown")
        .where("body_markdown", "like", "A reply sent in the flood%")
        .execute()
    ).map((p) => p.body_markdown);
    for (const w of results.filter((r) => r.kind === "write")) {
      expect(bodies.filter((b) => b.includes(w.token!))).toHaveLength(w.status === 503 ? 0 : 1);
    }
    // and the app is itself again: a page answers 200
    expect((await fetch(`${app.url}${topic.url}`, { headers: { Cookie: cookies[0] } })).status).toBe(200);
  });
});
