// The composer over real HTTP, without JavaScript: an over-long post is refused with a sentence and
// shown whole; the same form submitted twice makes one post; drafts belong to their author alone.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { cookieFrom, postForm, startApp, unescapeHtml, type TestApp } from "../setup/app";
import { ageUser, backdatePosts, createCategory, makeTopic } from "../factories/topics";
import { createUser } from "../factories/users";

let app: TestApp;
let category: { slug: string };
const cookies: Record<string, string> = {};
const users: Record<string, { id: number }> = {};

async function signIn(username: string) {
  const user = await createUser({ username });
  await ageUser(user);
  users[username] = user;
  cookies[username] = cookieFrom(await postForm(app, "/login", { email: user.username, password: user.password }));
}

beforeAll(async () => {
  category = await createCategory();
  app = await startApp();
  await Promise.all(["comp_ada", "comp_ben"].map(signIn));
});
afterAll(async () => {
  await app?.stop();
});

const decode = unescapeHtml;

describe("the composer without JavaScript", () => {
  test("a post over 32,000 characters is refused with a sentence and comes back whole", async () => {
    const body = `${"A long answer about queues. ".repeat(1300)}THE-END`;
    expect(body.length).toBeGreaterThan(32_000);
    const res = await postForm(
      app,
      "/new-topic",
      { title: "A topic with far too long a body", category: category.slug, body },
      { cookie: cookies.comp_ada },
    );
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(html).toContain("This post is too long: keep it under 32,000 characters.");
    expect(html).toContain(`${body}</textarea>`);
  });

  test("the same new-topic form sent twice makes one topic, and the second answer leads to it", async () => {
    const fields = {
      title: "Sent twice on a slow line",
      category: category.slug,
      body: "The bus was slow and so was the network today.",
      submissionKey: randomUUID(),
    };
    const first = await postForm(app, "/new-topic", fields, { cookie: cookies.comp_ada });
    const second = await postForm(app, "/new-topic", fields, { cookie: cookies.comp_ada });
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    const topics = await db.selectFrom("topics").select("id").where("title", "=", fields.title).execute();
    expect(topics).toHaveLength(1);
  });

  test("the same reply form sent twice makes one reply; another member's key is not theirs", async () => {
    const topic = await makeTopic(users.comp_ben, category);
    await backdatePosts(users.comp_ada.id);
    const fields = { body: "Count me in for the study group next week.", submissionKey: randomUUID() };
    const first = await postForm(app, topic.url, fields, { cookie: cookies.comp_ada });
    const second = await postForm(app, topic.url, fields, { cookie: cookies.comp_ada });
    expect(first.status).toBe(302);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    // the same key from someone else is simply their own new reply
    await backdatePosts(users.comp_ben.id);
    const other = await postForm(
      app,
      topic.url,
      { ...fields, body: "Me too, see you there on Tuesday." },
      { cookie: cookies.comp_ben },
    );
    expect(other.status).toBe(302);
    expect(other.headers.get("location")).not.toBe(first.headers.get("location"));
    const replies = await db
      .selectFrom("posts")
      .select("user_id")
      .where("topic_id", "=", topic.topicId)
      .where("post_number", ">", 1)
      .execute();
    expect(replies.map((r) => r.user_id).sort()).toEqual([users.comp_ada.id, users.comp_ben.id].sort());
  });

  test("a draft is its author's alone, and a late autosave after posting does not bring it back", async () => {
    const submissionKey = randomUUID();
    const saved = await postForm(
      app,
      "/new-topic",
      { intent: "draft", title: "My private draft title", body: "Half a thought", submissionKey },
      { cookie: cookies.comp_ada },
    );
    expect(saved.status).toBe(200);
    expect(await (await fetch(`${app.url}/new-topic`, { headers: { Cookie: cookies.comp_ada } })).text()).toContain(
      "Half a thought",
    );
    expect(await (await fetch(`${app.url}/new-topic`, { headers: { Cookie: cookies.comp_ben } })).text()).not.toContain(
      "Half a thought",
    );
    await backdatePosts(users.comp_ada.id);
    const posted = await postForm(
      app,
      "/new-topic",
      {
        title: "My private draft title, finished",
        category: category.slug,
        body: "Half a thought, now a whole one.",
        submissionKey,
      },
      { cookie: cookies.comp_ada },
    );
    expect(posted.status).toBe(302);
    const late = await postForm(
      app,
      "/composer/draft",
      { key: "new-topic", title: "My private draft title", body: "Half a thought", submissionKey },
      { cookie: cookies.comp_ada },
    );
    expect(late.status).toBe(200);
    expect(await db.selectFrom("drafts").select("body").where("user_id", "=", users.comp_ada.id).execute()).toEqual([]);
  });

  test("a reply draft needs a topic the member can see", async () => {
    const res = await postForm(
      app,
      "/composer/draft",
      { key: "topic:999999", body: "Where does this go?" },
      { cookie: cookies.comp_ben },
    );
    expect(res.status).toBe(404);
    const bad = await postForm(
      app,
      "/composer/draft",
      { key: "profile:1", body: "Not a composer" },
      { cookie: cookies.comp_ben },
    );
    expect(bad.status).toBe(400);
  });

  test("refusals under a field and the new-member notice are filled in, dates in the member's time zone", async () => {
    const topic = await makeTopic(users.comp_ben, category);
    const body = "The very same words, sent twice in a row.";
    await backdatePosts(users.comp_ada.id);
    expect((await postForm(app, topic.url, { body }, { cookie: cookies.comp_ada })).status).toBe(302);
    await backdatePosts(users.comp_ada.id, 1);
    const again = await postForm(app, topic.url, { body }, { cookie: cookies.comp_ada });
    expect(again.status).toBe(409);
    const html = decode(await again.text());
    expect(html).toMatch(/<p class="field-error"[^>]*>You posted exactly this in the last \d+ minutes/);
    expect(html).not.toContain("{{");
    // a member who just joined sees until when the first-day limits last, as a date in their zone
    const fresh = await createUser({ username: "comp_new" });
    await db.updateTable("users").set({ time_zone: "Africa/Nairobi" }).where("id", "=", fresh.id).execute();
    const cookie = cookieFrom(await postForm(app, "/login", { email: fresh.username, password: fresh.password }));
    const page = decode(await (await fetch(`${app.url}/new-topic`, { headers: { Cookie: cookie } })).text());
    const notice = /During your first day \(until ([^)]*)\)/.exec(page)?.[1];
    const until = new Date(
      (
        await db.selectFrom("users").select("created_at").where("id", "=", fresh.id).executeTakeFirstOrThrow()
      ).created_at.getTime() +
        24 * 3_600_000,
    );
    const expected = new Intl.DateTimeFormat("en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "Africa/Nairobi",
    }).format(until);
    expect(notice).toBe(expected);
  });
});
