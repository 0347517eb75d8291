// The members' enhancements come as one external file named by its content (app/web/member-script.ts): a
// member's page points at it instead of inlining it, the file is kept a year, and a visitor's page has neither.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MEMBER_SCRIPT, MEMBER_SCRIPT_SRC } from "~/web/member-script";
import { startApp, type TestApp } from "../setup/app";
import { signInCookie } from "../setup/two-factor";
import { createUser } from "../factories/users";

let app: TestApp;
let cookie: string;

beforeAll(async () => {
  app = await startApp();
  cookie = await signInCookie(app, await createUser());
});
afterAll(() => app?.stop());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers });

describe("the members' script", () => {
  test("a member's page links it once and no longer inlines the suggestions, uploads or shortcuts", async () => {
    const html = await (await get("/latest", { Cookie: cookie })).text();
    expect(html.split(`<script src="${MEMBER_SCRIPT_SRC}" defer=""></script>`)).toHaveLength(2);
    // the shortcuts' and the suggestions' code is only in the file
    expect(html).not.toContain('d.getElementById("keyboard-shortcuts")');
    expect(html).not.toContain("/composer/suggest?q=");
    expect(MEMBER_SCRIPT).toContain('d.getElementById("keyboard-shortcuts")');
    expect(MEMBER_SCRIPT).toContain("/composer/suggest?q=");
  });

  test("a visitor's page has no member script", async () => {
    const html = await (await get("/latest")).text();
    expect(html).not.toContain("/assets/member-");
  });

  test("the file is served as script, kept a year by anyone, and its policy allows it as the page's own", async () => {
    for (const headers of [{}, { Cookie: cookie }] as Record<string, string>[]) {
      const res = await get(MEMBER_SCRIPT_SRC, headers);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(await res.text()).toBe(MEMBER_SCRIPT);
    }
    const page = await get("/latest", { Cookie: cookie });
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
  });

  test("another name under /assets is not found", async () => {
    expect((await get("/assets/member-0.js")).status).toBe(404);
    expect((await get("/assets/anything.js", { Cookie: cookie })).status).toBe(404);
  });
});
