// RSS feeds through the built app over real HTTP, read by a real feed parser (rss-parser):
// public categories only; anything private, unlisted or deleted is absent from lists and 404 alone.
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { deletePost } from "~/models/forum/post.server";
import { createAdmin, createUser } from "../factories/users";
import { ageUser, createCategory, makeReply, makeTopic, scopeFor } from "../factories/topics";
import { startApp, type TestApp } from "../setup/app";

const ORIGIN = "https://forum.example";
type Item = {
  title?: string;
  link?: string;
  guid?: string;
  pubDate?: string;
  isoDate?: string;
  creator?: string;
  content?: string;
  contentSnippet?: string;
  categories?: string[];
};
const parser = new Parser<Record<string, unknown>, Item>();

let app: TestApp;
const get = (path: string, init?: RequestInit) => fetch(`${app.url}${path}`, { redirect: "manual", ...init });
async function feed(path: string) {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
  const xml = await res.text();
  return { xml, parsed: await parser.parseString(xml) };
}

const TRICKY_TITLE = `Refunds & "escalations" <b>not bold</b> ]]> it's fine`;
const secret: { label: string; slug: string; topic: { topicId: number; url: string }; title: string }[] = [];
let pub: { slug: string; name: string };
let other: { slug: string };
let admin: Awaited<ReturnType<typeof createAdmin>>;
let member: Awaited<ReturnType<typeof createUser>>;
let open: { topicId: number; url: string };
let unlisted: { topicId: number; url: string };
let deleted: { topicId: number; url: string };

beforeAll(async () => {
  admin = await createAdmin({ username: "feed_admin" });
  member = await createUser({ username: "feed_member" });
  await ageUser(admin);
  await ageUser(member);
  pub = await createCategory({
    slug: "open-talk",
    name: "Open talk",
    see: "everyone",
    post: "members",
    reply: "members",
  });
  other = await createCategory({ slug: "other-talk", see: "everyone" });

  for (const see of ["members", "level:2", "group:7", "staff", "participants"]) {
    const label = see.replace(/\W/g, "");
    const category = await createCategory({
      slug: `hidden-${label}`,
      see,
      post: see === "participants" ? "participants" : "members",
    });
    const title = `Confidential ${label} matter that must stay private`;
    const topic = await makeTopic(admin, category, {
      title,
      body: `Secret body for ${label}, never in a feed.`,
      participantIds: see === "participants" ? [member.id] : undefined,
    });
    secret.push({ label, slug: category.slug, topic, title });
  }

  await makeTopic(member, other, { title: "A topic in another public category" });
  open = await makeTopic(admin, pub, {
    title: TRICKY_TITLE,
    body:
      "Opening post with `code ]]> inside` and a [guide](https://example.org/guide?a=1&b=2).\n\n```\nend of CDATA: " +
      "]]> and <script>alert(1)</script>\n```",
  });
  await makeReply(member, open, "A visible reply from the floor, mentioning @feed_admin kindly.");
  const withdrawn = await makeReply(member, open, "A reply the author withdraws afterwards, gone from feeds.");
  const r = await deletePost({ scope: await scopeFor(member), postId: withdrawn.postId });
  expect(r.ok).toBe(true);
  const hidden = await makeReply(member, open, "A reply hidden by flags pending review, gone from feeds.");
  await db
    .updateTable("posts")
    .set({ hidden_at: new Date(), hidden_reason: "flags" })
    .where("id", "=", hidden.postId)
    .execute();
  await makeReply(admin, open, "The newest reply, from staff, closes the loop.");

  unlisted = await makeTopic(admin, pub, { title: "An unlisted announcement draft for staff" });
  await db.updateTable("topics").set({ unlisted: true }).where("id", "=", unlisted.topicId).execute();
  deleted = await makeTopic(member, pub, { title: "A topic the author deleted straight away" });
  const first = await db
    .selectFrom("posts")
    .select("id")
    .where("topic_id", "=", deleted.topicId)
    .where("post_number", "=", 1)
    .executeTakeFirstOrThrow();
  expect((await deletePost({ scope: await scopeFor(member), postId: first.id })).ok).toBe(true);

  app = await startApp({ APP_ORIGIN: ORIGIN, JOBS: "off" });
});

afterAll(async () => {
  await app?.stop();
});

describe("RSS feeds", () => {
  test("/latest.rss lists public topics only, with absolute links, authors and dates", async () => {
    const { xml, parsed } = await feed("/latest.rss");
    expect(parsed.title).toBe("Touchpoints: latest topics");
    expect(parsed.link).toBe(`${ORIGIN}/latest`);
    const titles = parsed.items.map((i) => i.title);
    expect(titles).toContain(TRICKY_TITLE);
    expect(titles).toContain("A topic in another public category");
    for (const s of secret) {
      expect(titles).not.toContain(s.title);
      expect(xml).not.toContain(`${s.topic.url}<`);
    }
    expect(xml).not.toMatch(/Confidential|Secret body|unlisted announcement|deleted straight away/);

    const item = parsed.items.find((i) => i.title === TRICKY_TITLE)!;
    expect(item.link).toBe(`${ORIGIN}${open.url}`);
    expect(item.guid).toBe(item.link);
    expect(xml).toContain(`<guid isPermaLink="true">${ORIGIN}${open.url}</guid>`);
    expect(item.creator).toBe("feed_admin");
    expect(item.categories).toEqual(["Open talk"]);
    expect(Math.abs(Date.parse(item.isoDate!) - Date.now())).toBeLessThan(10 * 60_000);
    expect(item.pubDate).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    // a plain excerpt of the opening post: readers decode <description> as HTML, so the quoted
    // "<script>" must still be escaped text after that decoding, and "]]>" must not end the CDATA
    expect(item.contentSnippet).toContain("Opening post with code ]]> inside and a guide.");
    expect(item.content).toContain("end of CDATA: ]]&gt; and &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(item.content).not.toContain("<script");
    expect(xml).not.toContain("<script");
  });

  test("/c/:slug.rss serves a public category and answers 404 for every other see rule", async () => {
    const { parsed } = await feed(`/c/${pub.slug}.rss`);
    expect(parsed.title).toBe("Touchpoints: Open talk");
    expect(parsed.link).toBe(`${ORIGIN}/c/${pub.slug}`);
    expect(parsed.items.map((i) => i.title)).toEqual([TRICKY_TITLE]);

    for (const s of secret) {
      const res = await get(`/c/${s.slug}.rss`);
      expect(res.status, s.label).toBe(404);
      expect(await res.text()).not.toContain("Confidential");
    }
    expect((await get("/c/no-such-category.rss")).status).toBe(404);
  });

  test("/t/:slug/:id.rss gives a public topic's readable posts, newest first, as HTML", async () => {
    const { xml, parsed } = await feed(`${open.url}.rss`);
    expect(parsed.title).toBe(TRICKY_TITLE);
    expect(parsed.link).toBe(`${ORIGIN}${open.url}`);
    expect(parsed.items.map((i) => i.link)).toEqual([
      `${ORIGIN}${open.url}/5`,
      `${ORIGIN}${open.url}/2`,
      `${ORIGIN}${open.url}/1`,
    ]);
    expect(parsed.items.map((i) => i.title)).toEqual([
      `Reply #5 in “${TRICKY_TITLE}”`,
      `Reply #2 in “${TRICKY_TITLE}”`,
      TRICKY_TITLE,
    ]);
    expect(parsed.items.map((i) => i.creator)).toEqual(["feed_admin", "feed_member", "feed_admin"]);
    expect(xml).not.toMatch(/withdraws afterwards|hidden by flags/);

    const opener = parsed.items[2].content!;
    // "]]>" inside the post survives the CDATA section intact; the code block stays escaped text
    expect(opener).toContain("end of CDATA: ]]&gt; and &lt;script&gt;");
    expect(opener).toContain('href="https://example.org/guide?a=1&amp;b=2"');
    // site-relative links (the mention) become absolute for feed readers
    const mention = parsed.items[1].content!;
    expect(mention).toContain(`href="${ORIGIN}/u/feed_admin"`);
    expect(xml).not.toMatch(/(href|src)="\//);
  });

  test("private, unlisted, deleted and unknown topics answer 404; an old slug redirects", async () => {
    for (const s of secret) {
      const res = await get(`${s.topic.url}.rss`);
      expect(res.status, s.label).toBe(404);
      expect(await res.text()).not.toContain("Confidential");
    }
    expect((await get(`${unlisted.url}.rss`)).status).toBe(404);
    expect((await get(`${deleted.url}.rss`)).status).toBe(404);
    expect((await get(`/t/anything/999999.rss`)).status).toBe(404);
    const moved = await get(`/t/old-slug/${open.topicId}.rss`);
    expect(moved.status).toBe(301);
    expect(new URL(moved.headers.get("location")!, app.url).pathname).toBe(`${open.url}.rss`);
    // a secret topic's slug cannot be learned through the redirect either
    expect((await get(`/t/old-slug/${secret[0].topic.topicId}.rss`)).status).toBe(404);
  });

  test("a feed with nothing in it is still valid, and the HTML pages advertise the feeds", async () => {
    const empty = await createCategory({ slug: "quiet-corner", name: "Quiet corner", see: "everyone" });
    await new Promise((r) => setTimeout(r, 5200)); // the app caches categories for 5 s
    const { parsed } = await feed(`/c/${empty.slug}.rss`);
    expect(parsed.items).toEqual([]);
    const latest = await get("/latest");
    const page = await latest.text();
    expect(latest.status, app.output()).toBe(200);
    expect(page).toContain('href="/latest.rss"');
    const topicPage = await (await get(open.url)).text();
    expect(topicPage).toContain(`href="${open.url}.rss"`);
  });
});
