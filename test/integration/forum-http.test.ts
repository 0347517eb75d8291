// The forum over real HTTP: bad input gets a sentence and writes nothing; odd URLs get 404, never 500.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { ageUser, createCategory, makeTopic } from "../factories/topics";
import { createUser } from "../factories/users";

let app: TestApp;
let cookie: string;
let category: { slug: string };
let topic: { topicId: number; url: string };
const posts = async () =>
  (
    await db
      .selectFrom("posts")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  app = await startApp();
  const user = await createUser({ username: "http_hana" });
  await ageUser(user);
  category = await createCategory();
  topic = await makeTopic(user, category);
  const res = await postForm(app, "/login", { email: user.username, password: user.password });
  cookie = cookieFrom(res);
  expect(cookie).toMatch(/^tp_session=/);
});
afterAll(async () => {
  await app?.stop();
});

describe("composer input over HTTP", () => {
  test.each([
    ["an empty title and body", { title: "", body: "" }, "Give the topic a title of at least 15 characters."],
    ["a 1 MB body", { body: "x".repeat(1_000_000) }, "This post is too long: keep it under 32,000 characters."],
    ["an oversized title", { title: "t".repeat(300) }, "Keep the title under 255 characters."],
    ["an unknown category", { category: "no-such-category" }, "Choose a category you can post in."],
  ])("new topic with %s: a sentence, the text kept, nothing saved", async (_name, change, sentence) => {
    const before = await posts();
    const fields = {
      title: "A reasonable title for a topic",
      body: "A reasonable body for a new topic.",
      category: category.slug,
      ...change,
    };
    const res = await postForm(app, "/new-topic", fields, { cookie });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const html = await res.text();
    expect(html).toContain(sentence);
    if (fields.title && fields.title.length < 100) expect(html).toContain(`value="${fields.title}"`);
    expect(await posts()).toBe(before);
  });

  test("an unknown tag is refused with a sentence", async () => {
    const before = await posts();
    const body = new URLSearchParams({
      title: "A reasonable title for a topic",
      body: "A reasonable body for a new topic.",
      category: category.slug,
    });
    body.append("tags", "made-up-tag");
    const res = await fetch(`${app.url}/new-topic`, {
      method: "POST",
      headers: { Origin: app.origin, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body,
      redirect: "manual",
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Use tags from the competency framework only.");
    expect(await posts()).toBe(before);
  });

  test("a reply to a closed topic gets a sentence and is not saved", async () => {
    await db.updateTable("topics").set({ closed_at: new Date() }).where("id", "=", topic.topicId).execute();
    const before = await posts();
    const res = await postForm(
      app,
      topic.url,
      { body: "Replying to a closed topic should fail.", intent: "reply" },
      { cookie },
    );
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("This topic is closed: replies are no longer accepted.");
    expect(await posts()).toBe(before);
    await db.updateTable("topics").set({ closed_at: null }).where("id", "=", topic.topicId).execute();
  });

  test("liking one's own post twice-over gets a sentence, not an error page", async () => {
    const own = await db
      .selectFrom("posts")
      .select("id")
      .where("topic_id", "=", topic.topicId)
      .where("post_number", "=", 1)
      .executeTakeFirstOrThrow();
    const res = await postForm(app, topic.url, { intent: "like", postId: String(own.id) }, { cookie });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("You cannot like your own post.");
  });
});

describe("odd URLs", () => {
  test.each([
    "/t/x/abc",
    "/t/x/99999999",
    "/t/x/1/abc",
    "/c/nope",
    "/tag/nope",
    "/latest?after=%%%garbage",
    "/top?period=forever",
  ])("%s answers without a server error", async (path) => {
    const res = await fetch(`${app.url}${path}`, { redirect: "manual" });
    expect(res.status).toBeLessThan(500);
  });
});
