// The directory renders through Remix's document path for visitors and members alike (root loader,
// ErrorBoundary, headers): the page's string (components/directory-page.ts) inside the root layout,
// in the reader's language, with what a visitor may not see kept out of it.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { createProfile } from "../factories/profiles";
import { createUser } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { signIn } from "../setup/route-table";

let app: TestApp;
beforeAll(async () => {
  await createProfile({
    username: "vp_ada",
    displayName: "Ada <b>Okafor</b> & Sons",
    level: 3,
    jobTitle: "Customer Service Manager",
    organisation: 'Zenith "Telecom"',
    country: "NG",
    competencies: { "sla-management": "advanced" },
    open: true,
  });
  await createProfile({
    username: "vp_wanjiru",
    displayName: "Wanjiru Kamau",
    level: 2,
    jobTitle: "CX Analyst",
    country: "KE",
    city: "Nairobi",
    languages: ["en", "sw"],
    competencies: { "sla-management": "emerging" },
    mentor: true,
  });
  await createProfile({
    username: "vp_quiet",
    displayName: "Quiet Member",
    level: 3,
    jobTitle: "Customer Service Manager",
    country: "NG",
    visibility: "members",
    competencies: { "sla-management": "advanced" },
  });
  await createProfile({
    username: "vp_hidden",
    displayName: "Hidden Member",
    level: 3,
    jobTitle: "Customer Service Manager",
    country: "NG",
    visibility: "hidden",
  });
  await drainJobs();
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("the directory through Remix's document path, for every viewer", () => {
  test("a visitor's page, in English and in French, has the root layout and the directory's markup", async () => {
    const variants: [Record<string, string>, string][] = [
      [{ "Accept-Language": "en" }, "en"],
      [{ "Accept-Language": "fr-FR,fr;q=0.9" }, "fr"],
      [{ Cookie: "tp_lang=fr" }, "fr"],
    ];
    for (const [headers, lang] of variants) {
      const address = "/directory/managers?competency=sla-management&proficiency=advanced";
      const res = await fetch(`${app.url}${address}`, { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-language")).toBe(lang);
      expect(res.headers.get("vary")).toContain("Accept-Language");
      const html = await res.text();
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain('<div class="page directory-page">');
      expect(html).toContain("/u/vp_ada");
    }
    // hostile queries stay text
    const query = "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%26%22%27&page=3&country=ZZ&sort=nonsense";
    const hostile = await fetch(`${app.url}/directory?${query}`);
    expect(hostile.status).toBe(200);
    expect(await hostile.text()).not.toContain("<script>alert(1)");
  });

  test("the page carries this response's request id and no nonce, and a visitor's profiles only", async () => {
    const res = await fetch(`${app.url}/directory?q=customer+service+manager`);
    const html = await res.text();
    // its one inline script is allowed by hash (app/web/inline-scripts.server.ts)
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

  test("members see what members may, privately; unknown views are 404; HEAD works", async () => {
    const member = await createUser({ username: "vp_member" });
    const cookie = await signIn(app, member);
    const res = await fetch(`${app.url}/directory?q=customer+service+manager`, { headers: { Cookie: cookie } });
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const html = await res.text();
    expect(html).toContain("/u/vp_quiet");
    expect(html).not.toContain("vp_hidden");
    const unknown = await fetch(`${app.url}/directory/wizards`);
    expect(unknown.status).toBe(404);
    const head = await fetch(`${app.url}/directory`, { method: "HEAD" });
    expect(head.status).toBe(200);
  });
});
