// Caching the standard way, on the real app: routes declare it in `headers` (app/web/page-caching.ts)
// and the shared cache in front of Remix (scripts/server/shared-cache.ts) obeys those headers as nginx
// or a CDN would. Visitors' lists and topics are public for 5 s, then stale for 30 s while one
// request refreshes them; anything asked with a session is private, no-store and never kept.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signIn } from "../setup/route-table";
import { startApp, type TestApp } from "../setup/app";
import { ageUser, createCategory, makeReply, makeTopic } from "../factories/topics";
import { createUser } from "../factories/users";

const SHARED = "public, s-maxage=5, stale-while-revalidate=30";
let app: TestApp;
beforeAll(async () => {
  app = await startApp({ SHARED_CACHE: "on" });
});
afterAll(async () => {
  await app?.stop();
});

async function newTopic() {
  const author = await createUser();
  await ageUser(author);
  return { author, topic: await makeTopic(author, await createCategory()) };
}
const nonceOf = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];

describe("caching declared by routes and obeyed by the shared cache", () => {
  test("a visitor's topic and lists are public, and a second request is served from the cache", async () => {
    const { topic } = await newTopic();
    for (const path of [topic.url, "/latest", "/top", "/categories"]) {
      const first = await fetch(`${app.url}${path}`);
      expect(first.status, path).toBe(200);
      expect(first.headers.get("cache-control"), path).toBe(SHARED);
      expect(first.headers.get("vary"), path).toContain("Accept-Language");
      expect(first.headers.get("x-cache"), path).toBe("MISS");
      await new Promise((r) => setTimeout(r, 1100));
      const second = await fetch(`${app.url}${path}`);
      expect(second.headers.get("x-cache"), path).toBe("HIT");
      expect(Number(second.headers.get("age")), path).toBeGreaterThanOrEqual(1);
      expect(await second.text(), path).toBe(await first.text());
    }
  });

  test("a page anyone may be given carries no nonce, in its body or in its policy", async () => {
    const { topic } = await newTopic();
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${app.url}${topic.url}`);
      expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'sha256-/);
      expect(nonceOf(res)).toBeUndefined();
      expect(await res.text()).not.toContain("nonce=");
    }
  });

  test("a member's page is private, no-store and never kept, nor given to a visitor", async () => {
    const { author, topic } = await newTopic();
    const cookie = await signIn(app, author);
    for (const path of [topic.url, "/latest", "/directory", "/my/profile"]) {
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${app.url}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
        expect(res.headers.get("cache-control"), path).toBe("private, no-store");
        expect(res.headers.get("x-cache"), path).toBeNull();
        expect(res.headers.get("age"), path).toBeNull();
        await res.arrayBuffer();
      }
    }
    // the member's topic page (with their reply form) is not what the next visitor gets
    const visitor = await fetch(`${app.url}${topic.url}`);
    expect(visitor.headers.get("x-cache")).toBe("MISS");
    expect(await visitor.text()).not.toContain('id="composer"');
    // a session cookie that is no longer valid is personal too
    const stale = await fetch(`${app.url}/latest`, { headers: { Cookie: "tp_session=gone" } });
    expect(stale.headers.get("cache-control")).toBe("private, no-store");
    expect(stale.headers.get("x-cache")).toBeNull();
  });

  test("an answer that sets a cookie, a 404 and a page nobody declared public are never kept", async () => {
    const member = await createUser();
    const secret = await makeTopic(member, await createCategory({ see: "members" }));
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${app.url}${secret.url}`);
      expect(res.status).toBe(404);
      expect(res.headers.get("x-cache")).toBeNull();
      const directory = await fetch(`${app.url}/directory`);
      expect(directory.headers.get("cache-control") ?? "").not.toContain("public");
      expect(directory.headers.get("x-cache")).toBeNull();
      // the language switch answers with Set-Cookie
      const lang = await fetch(`${app.url}/language`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.origin },
        body: new URLSearchParams({ locale: "fr", returnTo: "/latest" }),
        redirect: "manual",
      });
      expect(lang.headers.get("set-cookie")).toMatch(/tp_lang=fr/);
      expect(lang.headers.get("cache-control")).toBe("private, no-store");
      expect(lang.headers.get("x-cache")).toBeNull();
    }
  });

  test("stale-while-revalidate: after 5 s the kept page is served at once, then the new reply", async () => {
    const { author, topic } = await newTopic();
    await fetch(`${app.url}${topic.url}`).then((r) => r.arrayBuffer());
    await makeReply(author, topic, "A reply visitors see once the kept page is refreshed.");
    const kept = await fetch(`${app.url}${topic.url}`);
    expect(kept.headers.get("x-cache")).toBe("HIT");
    expect(await kept.text()).not.toContain("A reply visitors see");
    await new Promise((r) => setTimeout(r, 5200));
    const stale = await fetch(`${app.url}${topic.url}`);
    expect(stale.headers.get("x-cache")).toBe("STALE");
    expect(Number(stale.headers.get("age"))).toBeGreaterThanOrEqual(5);
    expect(await stale.text()).not.toContain("A reply visitors see");
    await expect
      .poll(async () => {
        const res = await fetch(`${app.url}${topic.url}`);
        return `${res.headers.get("x-cache")} ${(await res.text()).includes("A reply visitors see")}`;
      })
      .toBe("HIT true");
  }, 30_000);
});
