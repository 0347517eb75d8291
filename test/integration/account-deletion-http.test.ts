// Data download and account deletion through the built app over real HTTP: the ZIP comes back
// for the signed-in member; a wrong confirmation is refused with a sentence and changes nothing;
// after deletion the member's name appears on no page, list, feed, search, directory or badge.
import { strFromU8, unzipSync } from "fflate";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { awardLevelBadge } from "~/models/badges/badge.server";
import { createProfile } from "../factories/profiles";
import { likePost } from "~/models/forum/like.server";
import { ageUser, createCategory, makeReply, makeTopic, scopeFor } from "../factories/topics";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";

const NAME = "Folasade Quixwater";
const USERNAME = "fola_quix";

let app: TestApp;
let cookie: string;
let kemiCookie: string;
let badgeId: string;
const pages: string[] = [];
// search pages repeat what was typed: the queries are in another case than the name, so an echo is no false alarm
const QUERY_PAGES = [
  "/directory?q=folasade+quixwater",
  "/search?q=callback+window",
  `/search?q=%40${USERNAME.toUpperCase()}`,
  "/search?q=folasade+quixwater",
];
const get = (path: string, init: RequestInit = {}) => fetch(`${app.url}${path}`, { redirect: "manual", ...init });

/** The app's worker runs the outbox on this database: wait until nothing due is left. */
async function settle() {
  await drainJobs();
  const pending = async () =>
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from outbox where done_at is null and run_at <= now() and attempts < 10`.execute(db)
    ).rows[0].n;
  for (const deadline = Date.now() + 20_000; (await pending()) > 0;) {
    if (Date.now() > deadline) throw new Error("the outbox did not drain in 20 s");
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  app = await startApp();
  const fola = await createProfile({
    username: USERNAME,
    displayName: NAME,
    level: 2,
    visibility: "public",
    bio: "Night shift lead in Ibadan.",
  });
  const kemi = await createUser({ username: "kemi_other", displayName: "Kemi Other" });
  await ageUser(fola);
  await ageUser(kemi);
  const cat = await createCategory({ slug: "open-floor", name: "Open floor", see: "everyone" });
  const own = await makeTopic(fola, cat, {
    title: "Callback windows that customers keep",
    body: "We promise a callback window and always keep it.",
  });
  await makeReply(kemi, own, "Kemi agrees: kept promises build loyalty.");
  const other = await makeTopic(kemi, cat, {
    title: "Peak season staffing",
    body: "How do you staff the December peak?",
  });
  await makeReply(fola, other, "We cross-train the back office for the December peak.");
  // a like: its notification to Kemi carries the liker's name
  expect((await likePost({ scope: await scopeFor(fola), postId: other.postId })).ok).toBe(true);
  badgeId = (
    await db
      .transaction()
      .execute((trx) =>
        awardLevelBadge(trx, { userId: fola.id, level: 2, awardedBy: null, applicationId: null, at: new Date() }),
      )
  ).public_id;
  await settle();
  pages.push(
    "/",
    "/latest",
    "/top",
    "/categories",
    "/c/open-floor",
    own.url,
    other.url,
    `${own.url}.rss`,
    `${other.url}.rss`,
    "/latest.rss",
    "/c/open-floor.rss",
    "/directory",
    ...QUERY_PAGES,
    `/badges/${badgeId}`,
    `/badges/${badgeId}.json`,
    "/badges",
    "/sitemap.xml",
  );

  const login = await postForm(app, "/login", { email: USERNAME, password: TEST_PASSWORD, redirectTo: "/" });
  expect(login.status).toBe(302);
  cookie = cookieFrom(login);
  kemiCookie = cookieFrom(
    await postForm(app, "/login", { email: "kemi_other", password: TEST_PASSWORD, redirectTo: "/" }),
  );
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe("before deletion", () => {
  test("the name is on the pages the test will check afterwards (so their absence means something)", async () => {
    for (const p of [pages[5], ...QUERY_PAGES.slice(0, 3), `/badges/${badgeId}`]) {
      const body = await (await get(p)).text();
      expect(body.includes(NAME) || body.includes(USERNAME), p).toBe(true);
    }
    expect((await get(`/u/${USERNAME}`)).status).toBe(200);
    expect(await (await get("/notifications", { headers: { Cookie: kemiCookie } })).text()).toContain(NAME);
  });

  test("the data page offers the download; the download is a ZIP of the member's own data", async () => {
    const page = await get("/my/data", { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Download my data (ZIP)");
    const res = await postForm(app, "/my/data.zip", {}, { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="touchpoints-data-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(JSON.parse(strFromU8(files["account.json"]))).toMatchObject({ username: USERNAME, display_name: NAME });
    expect(Object.keys(files).filter((n) => n.startsWith("posts/"))).toHaveLength(2);
    // visitors are sent to sign in; a second download within the minute is refused with a sentence
    expect((await get("/my/data")).status).toBe(302);
    const again = await postForm(app, "/my/data.zip", {}, { cookie });
    expect(again.headers.get("location")).toBe("/my/data?problem=tooSoon");
    expect(await (await get("/my/data?problem=tooSoon", { headers: { Cookie: cookie } })).text()).toContain(
      "less than 60 seconds ago",
    );
  });

  test("a wrong password is refused with a sentence tied to the field, and nothing changes", async () => {
    const before = await db
      .selectFrom("users")
      .select(["username", "display_name", "email", "deleted_at"])
      .where("username", "=", USERNAME)
      .executeTakeFirstOrThrow();
    const res = await postForm(
      app,
      "/my/delete-account",
      { confirm: "definitely-not-it", removePosts: "on" },
      { cookie },
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("This password is not right. Nothing was deleted.");
    expect(html).toMatch(/aria-describedby="[^"]*-error/);
    expect(html).not.toContain("definitely-not-it");
    expect(html).toMatch(/name="removePosts"[^>]*checked/);
    const after = await db
      .selectFrom("users")
      .select(["username", "display_name", "email", "deleted_at"])
      .where("username", "=", USERNAME)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    expect((await get("/my/data", { headers: { Cookie: cookie } })).status).toBe(200); // still signed in
  });
});

describe("after deletion", () => {
  beforeAll(async () => {
    const res = await postForm(app, "/my/delete-account", { confirm: TEST_PASSWORD }, { cookie });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/privacy?deleted=1");
    await settle();
  }, 60_000);

  test("the name appears on no page, list, feed, search result, directory listing or badge", async () => {
    for (const p of pages) {
      const res = await get(p);
      expect([200, 404], p).toContain(res.status);
      const body = await res.text();
      expect(body, p).not.toContain(NAME);
      expect(body, p).not.toContain("Quixwater");
      expect(body, p).not.toContain(USERNAME);
    }
    expect((await get(`/u/${USERNAME}`)).status).toBe(404);
    // nor for the member who was replied to and liked: their notifications and pages
    for (const p of ["/notifications", "/latest", pages[6]]) {
      const res = await get(p, { headers: { Cookie: kemiCookie } });
      expect(res.status, p).toBe(200);
      expect(await res.text(), p).not.toMatch(/Folasade|Quixwater|fola_quix/);
    }
  });

  test("the posts stay under the tombstone, and the badge tells a verifier it is revoked", async () => {
    const topic = await (await get(pages[5])).text();
    expect(topic).toContain("We promise a callback window");
    expect(topic).toContain("Deleted member");
    expect(topic).not.toMatch(/<a [^>]*href="\/u\/deleted-\d+"/); // no link to a profile that is gone
    expect(await (await get(pages[5], { headers: { "Accept-Language": "fr" } })).text()).toContain("Membre supprimé");
    const search = await (await get("/search?q=callback+window")).text();
    expect(search).toContain("callback");
    const badge = await get(`/badges/${badgeId}`);
    expect(badge.status).toBe(200);
    expect(await badge.text()).toMatch(/revoked/i);
  });

  test("the old session is over and the privacy page says what was kept", async () => {
    expect((await get("/my/data", { headers: { Cookie: cookie } })).status).toBe(302);
    const privacy = await (await get("/privacy?deleted=1")).text();
    expect(privacy).toContain("Your account has been deleted.");
    expect(privacy).toContain("What stays after deletion, and why");
  });
});

describe("privacy page", () => {
  test("is linked from the footer and reads in French for a French browser", async () => {
    expect(await (await get("/latest")).text()).toMatch(/<footer[\s\S]*href="\/privacy"/);
    const fr = await (await get("/privacy", { headers: { "Accept-Language": "fr-FR,fr;q=0.9" } })).text();
    expect(fr).toContain("Ce qui reste après la suppression, et pourquoi");
    expect(fr).toContain("<h1>Confidentialité</h1>");
  });
});
