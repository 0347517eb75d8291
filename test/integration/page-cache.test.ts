// Visitors' reading pages are kept a few seconds; members and anything private never are.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { ageUser, createCategory, makeReply, makeTopic } from "../factories/topics";
import { createUser } from "../factories/users";

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ PAGE_CACHE_SECONDS: "2" });
});
afterAll(async () => {
  await app?.stop();
});

describe("the visitors' page cache", () => {
  test("a visitor's second read is served from memory, and a new reply shows once it expires", async () => {
    const author = await createUser();
    await ageUser(author);
    const topic = await makeTopic(author, await createCategory());
    const first = await fetch(`${app.url}${topic.url}`);
    expect(first.headers.get("x-page-cache")).toBeNull();
    const second = await fetch(`${app.url}${topic.url}`);
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(await second.text()).toBe(await first.text());
    await makeReply(author, topic, "A reply that visitors see once the cache expires.");
    await new Promise((r) => setTimeout(r, 2100));
    const third = await fetch(`${app.url}${topic.url}`);
    expect(third.headers.get("x-page-cache")).toBeNull();
    expect(await third.text()).toContain("A reply that visitors see once the cache expires.");
  });

  test("a kept page carries no nonce, and every answer, replays too, has its own policy and nonce", async () => {
    const author = await createUser();
    await ageUser(author);
    const topic = await makeTopic(author, await createCategory());
    const nonceOf = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await fetch(`${app.url}${topic.url}`));
    expect(answers.slice(1).map((r) => r.headers.get("x-page-cache"))).toEqual(["hit", "hit", "hit"]);
    const nonces = answers.map(nonceOf);
    expect(nonces.every(Boolean)).toBe(true);
    expect(new Set(nonces).size).toBe(nonces.length);
    for (const res of answers) {
      const html = await res.text();
      expect(html).not.toContain("nonce=");
      for (const n of nonces) expect(html).not.toContain(n!);
    }
  });

  test("members always get a fresh page; 404s and private pages are never kept", async () => {
    const member = await createUser();
    await ageUser(member);
    const login = await postForm(app, "/login", { email: member.username, password: member.password });
    const cookie = cookieFrom(login);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${app.url}/latest`, { headers: { Cookie: cookie } });
      expect(res.headers.get("x-page-cache")).toBeNull();
    }
    const secret = await makeTopic(member, await createCategory({ see: "members" }));
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${app.url}${secret.url}`);
      expect(res.status).toBe(404);
      expect(res.headers.get("x-page-cache")).toBeNull();
    }
  });
});
