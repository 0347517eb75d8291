// Issue 21: the outbox worker runs alone (`npm run worker`) beside a web process started with JOBS=off;
// a new job wakes it through PostgreSQL's NOTIFY; a job that cannot succeed becomes a dead letter
// staff see on /admin/jobs and can run again or discard.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "~/db.server";
import { searchPosts } from "~/models/forum/forum-search.server";
import { parseSearchQuery } from "~/models/forum/search-query";
import { ageUser, backdatePosts, createCategory, makeTopic, scopeFor } from "../factories/topics";
import { createAdmin, createUser, TEST_PASSWORD } from "../factories/users";
import { postForm, startApp, type TestApp } from "../setup/app";
import { enrolTwoFactor, signInCookie } from "../setup/two-factor";

const root = path.resolve(__dirname, "..", "..");
let app: TestApp;
let worker: ChildProcess;
let workerOut = "";

beforeAll(async () => {
  app = await startApp({ JOBS: "off" });
  worker = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/worker.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  worker.stdout?.on("data", (c) => (workerOut += c));
  worker.stderr?.on("data", (c) => (workerOut += c));
  await until(() => workerOut.includes("running jobs") || worker.exitCode !== null, "the worker to start", 60_000);
  expect(workerOut).toContain("running jobs");
});

afterAll(async () => {
  if (worker && worker.exitCode === null) {
    const exited = new Promise((r) => worker.once("exit", r));
    worker.kill("SIGTERM");
    await exited;
  }
  await app?.stop();
});

async function until<T>(check: () => T | Promise<T>, what: string, ms = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline)
      throw new Error(`waited ${ms} ms for ${what}\nworker:\n${workerOut}\napp:\n${app.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test("a reply posted on a web process without jobs is indexed and notified by the worker alone", async () => {
  const cat = await createCategory();
  const [author, replier] = [await createUser(), await createUser()];
  await ageUser(author);
  await ageUser(replier);
  const topic = await makeTopic(author, cat, { title: "Handling callbacks after a network outage" });
  await backdatePosts(author.id, 10);
  const cookie = await signInCookie(app, { username: replier.username, password: TEST_PASSWORD });
  const word = `zebrafinch${Date.now().toString(36)}`;
  const res = await postForm(
    app,
    topic.url,
    { intent: "reply", body: `We queue them by ${word} priority after the outage.` },
    { cookie },
  );
  expect(res.status).toBe(302);
  // the web process runs no job: only the worker can write the author's notification
  const note = await until(
    () =>
      db
        .selectFrom("notifications")
        .select(["kind", "topic_id"])
        .where("user_id", "=", author.id)
        .where("topic_id", "=", topic.topicId)
        .executeTakeFirst(),
    "the author's notification",
  );
  expect(note.kind).toBe("reply");
  const found = await until(
    async () => {
      const r = await searchPosts({ scope: await scopeFor(author), query: parseSearchQuery(word) });
      return "hits" in r && r.hits.length ? r.hits : undefined;
    },
    "the reply in the search index",
    60_000,
  );
  expect(found[0].topicId).toBe(topic.topicId);
  expect(app.output()).not.toContain("job worker");
});

test("a job that cannot run is a dead letter on /admin/jobs; staff run it again or discard it", async () => {
  const admin = await createAdmin();
  await enrolTwoFactor(admin.id);
  const cookie = await signInCookie(app, { username: admin.username, password: TEST_PASSWORD });
  // a payload that does not match its kind (a row written by hand, or by an older version)
  const job = await db
    .insertInto("outbox")
    .values({ kind: "post.created", payload: JSON.stringify({ postId: "not a number" }) })
    .returning("id")
    .executeTakeFirstOrThrow();
  const dead = await until(
    () =>
      db
        .selectFrom("outbox")
        .select(["dead_at", "attempts", "last_error"])
        .where("id", "=", job.id)
        .where("dead_at", "is not", null)
        .executeTakeFirst(),
    "the job to die",
  );
  expect(dead.last_error).toContain("payload does not match post.created");

  const dashboard = await (await fetch(`${app.url}/admin`, { headers: { cookie } })).text();
  expect(dashboard).toMatch(/background jobs? failed for good/);
  const page = await (await fetch(`${app.url}/admin/jobs`, { headers: { cookie } })).text();
  expect(page).toContain(`#${job.id}`);
  expect(page).toContain("payload does not match post.created");

  const retry = await postForm(app, "/admin/jobs", { id: String(job.id), intent: "retry" }, { cookie });
  expect(retry.status).toBe(302);
  // run again from the start by the worker (woken by NOTIFY): it fails the same way, one attempt
  await until(async () => {
    const r = await db
      .selectFrom("outbox")
      .select(["dead_at", "attempts"])
      .where("id", "=", job.id)
      .executeTakeFirstOrThrow();
    return r.dead_at && r.dead_at > dead.dead_at! && r.attempts === 1;
  }, "the retried job to run");
  const audit = await db
    .selectFrom("audit_log")
    .select("action")
    .where("target_type", "=", "outbox")
    .where("target_id", "=", String(job.id))
    .execute();
  expect(audit.map((a) => a.action)).toEqual(["job.retry"]);

  const discard = await postForm(app, "/admin/jobs", { id: String(job.id), intent: "discard" }, { cookie });
  expect(discard.status).toBe(302);
  expect(await db.selectFrom("outbox").select("id").where("id", "=", job.id).executeTakeFirst()).toBeUndefined();
  const again = await postForm(app, "/admin/jobs", { id: String(job.id), intent: "discard" }, { cookie });
  expect(again.status).toBe(404);
});
