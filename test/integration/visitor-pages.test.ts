// Visitors' directory pages skip Remix's document path (app/visitor-pages.server.tsx). They must be
// the page Remix renders for a visitor, byte for byte (nonce and request id aside), in every
// language, and keep what a visitor may not see out of it. A cookie that is not a session makes
// Remix answer the same visitor, which gives the reference page.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { createProfile } from "../factories/profiles";
import { createUser } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { signIn } from "../setup/route-table";

let app: TestApp;
beforeAll(async () => {
  await createProfile({ username: "vp_ada", displayName: "Ada <b>Okafor</b> & Sons", level: 3, jobTitle: "Customer Service Manager", organisation: "Zenith \"Telecom\"", country: "NG", competencies: { "sla-management": "advanced" }, open: true });
  await createProfile({ username: "vp_wanjiru", displayName: "Wanjiru Kamau", level: 2, jobTitle: "CX Analyst", country: "KE", city: "Nairobi", languages: ["en", "sw"], competencies: { "sla-management": "emerging" }, mentor: true });
  await createProfile({ username: "vp_quiet", displayName: "Quiet Member", level: 3, jobTitle: "Customer Service Manager", country: "NG", visibility: "members", competencies: { "sla-management": "advanced" } });
  await createProfile({ username: "vp_hidden", displayName: "Hidden Member", level: 3, jobTitle: "Customer Service Manager", country: "NG", visibility: "hidden" });
  await drainJobs();
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const normalise = (html: string) => html.replace(/nonce="[^"]*"/g, 'nonce=""').replace(/data-request-id="[^"]*"/g, 'data-request-id=""');
const HEADERS = ["content-type", "content-language", "vary"];

describe("visitors' directory pages", () => {
  const addresses = [
    "/directory",
    "/directory?q=custmer+sevice+manger&country=NG",
    "/directory/managers?competency=sla-management&proficiency=advanced&sort=experience",
    "/directory/professionals?open=1&mentor=1&language=sw",
    "/directory?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%26%22%27&page=3&country=ZZ&sort=nonsense",
  ];
  for (const address of addresses) {
    test(`${address}: the same page as Remix renders, in English and in French`, async () => {
      const variants: Record<string, string>[] = [{ "Accept-Language": "en" }, { "Accept-Language": "fr-FR,fr;q=0.9" }, { Cookie: "tp_lang=fr" }];
      for (const headers of variants) {
        const direct = await fetch(`${app.url}${address}`, { headers });
        // not a session: Remix reads it, finds no one, and renders for a visitor
        const cookie = [headers.Cookie, "tp_session=not-a-session"].filter(Boolean).join("; ");
        const viaRemix = await fetch(`${app.url}${address}`, { headers: { ...headers, Cookie: cookie } });
        expect(direct.headers.get("x-visitor-page")).toBe("direct");
        expect(viaRemix.headers.get("x-visitor-page")).toBeNull();
        expect(direct.status).toBe(200);
        expect(viaRemix.status).toBe(200);
        for (const h of HEADERS) expect(direct.headers.get(h), h).toBe(viaRemix.headers.get(h));
        const [a, b] = [normalise(await direct.text()), normalise(await viaRemix.text())];
        expect(a).toBe(b);
        expect(a).toContain('<div class="page directory-page">');
      }
    });
  }

  test("the page carries this response's request id and no nonce, and a visitor's profiles only", async () => {
    const res = await fetch(`${app.url}/directory?q=customer+service+manager`);
    const html = await res.text();
    // its one inline script is allowed by hash (app/inline-scripts.server.ts)
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+' 'sha256-/);
    expect(html).toContain("<script>(function(){");
    expect(html).not.toContain("nonce=");
    expect(html).toContain(`data-request-id="${res.headers.get("x-request-id")}"`);
    expect(html).toContain("/u/vp_ada");
    expect(html).toContain("Ada &lt;b&gt;Okafor&lt;/b&gt; &amp; Sons");
    expect(html).not.toContain("vp_quiet");
    expect(html).not.toContain("vp_hidden");
    // the language switch returns to this very address
    expect(html).toContain('name="returnTo" value="/directory?q=customer+service+manager"');
  });

  test("members, unknown views and other methods are Remix's", async () => {
    const member = await createUser({ username: "vp_member" });
    const cookie = await signIn(app, member);
    const res = await fetch(`${app.url}/directory?q=customer+service+manager`, { headers: { Cookie: cookie } });
    expect(res.headers.get("x-visitor-page")).toBeNull();
    const html = await res.text();
    expect(html).toContain("/u/vp_quiet");
    expect(html).not.toContain("vp_hidden");
    const unknown = await fetch(`${app.url}/directory/wizards`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("x-visitor-page")).toBeNull();
    const head = await fetch(`${app.url}/directory`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("x-visitor-page")).toBeNull();
  });
});
