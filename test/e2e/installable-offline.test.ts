// The installable app in Chromium: the manifest and its icons, the service worker registered and
// served as a worker must be, Chromium's own installability check (DevTools protocol) with no error;
// a topic opened online read offline with its "offline copy" line (English and French), the offline
// page for anything else; a member's pages never kept, and signing out empties the kept topics.
// Needs the built app (`npx remix build`).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startApp, type TestApp } from "../setup/app";
import { chromiumPath, hasChromium, launchBrowser, newPage, signInInPage } from "../setup/browser";
import { ageUser, createCategory, makeTopic } from "../factories/topics";
import { installableAppAdds, SW_BUDGET } from "../../scripts/bench/lib/page-transfer";
import { createUser } from "../factories/users";

/** Once the service worker controls the page (its first visit installs it, then it claims the page). */
async function controlled(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20_000 });
}

/** The addresses the service worker keeps, per cache, and whether any kept answer contains `text`. */
async function kept(page: Page, text = "\u0000") {
  return page.evaluate(async (needle) => {
    const out: Record<string, string[]> = {};
    let found = false;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = [];
      for (const req of await cache.keys()) {
        out[name].push(new URL(req.url).pathname);
        const res = await cache.match(req, { ignoreVary: true });
        if (res && (await res.text()).includes(needle)) found = true;
      }
    }
    return { caches: out, found };
  }, text);
}

/**
 * The device goes offline. Chromium's offline emulation (setOffline) did not reach the service worker's
 * own requests here, so every request is also failed at the network, as an unplugged cable would.
 */
async function goOffline(page: Page) {
  await page.context().setOffline(true);
  await page.context().route("**/*", (route) => route.abort("internetdisconnected"));
}

async function waitForKept(page: Page, path: string) {
  for (let i = 0; i < 100; i++) {
    if ((await kept(page)).caches["tp-topics"]?.includes(path)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`${path} was not kept: ${JSON.stringify((await kept(page)).caches)}`);
}

describe.skipIf(!hasChromium)("installable app and offline reading", () => {
  let app: TestApp;
  let browser: Browser;
  let publicPath: string;
  let publicTitle: string;
  let membersPath: string;
  let reader: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    const open = await createCategory({ slug: "offline-open", name: "Open talk" });
    const members = await createCategory({
      slug: "offline-members",
      see: "members",
      post: "members",
      reply: "members",
    });
    const author = await createUser({ username: "offline_author", displayName: "Efua Author" });
    await ageUser(author);
    publicTitle = "Handling a queue when the power cuts out";
    publicPath = (await makeTopic(author, open, { title: publicTitle })).url;
    membersPath = (await makeTopic(author, members, { title: "Members only: our escalation contacts" })).url;
    reader = await createUser({ username: "offline_reader", displayName: "Kwabena Reader-Unique" });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("manifest valid, service worker registered, Chromium finds nothing against installing", async () => {
    const sw = await fetch(`${app.url}/sw.js`);
    expect(sw.headers.get("content-type")).toMatch(/javascript/);
    expect(sw.headers.get("service-worker-allowed")).toBe("/");
    expect(sw.headers.get("cache-control")).toBe("no-cache");
    // the budget npm run size reports: what the worker and manifest add to a first visit, compressed
    const { added } = await installableAppAdds(app.url);
    expect(added).toBeLessThanOrEqual(SW_BUDGET);

    // Chromium refuses to install from an incognito profile, which every new context of a launched browser is
    const profile = await mkdtemp(path.join(tmpdir(), "tp-install-"));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath!,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${app.url}/`);
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    expect(href).toBe("/manifest.webmanifest");
    const res = await fetch(`${app.url}${href}`);
    expect(res.headers.get("content-type")).toMatch(/application\/manifest\+json/);
    const manifest = await res.json();
    expect(manifest).toMatchObject({ name: "Touchpoints", start_url: "/", display: "standalone" });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
      const png = await fetch(`${app.url}${icon.src}`);
      expect(png.headers.get("content-type")).toBe("image/png");
      const bytes = Buffer.from(await png.arrayBuffer());
      const [w, h] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]; // the PNG's IHDR
      expect(`${w}x${h}`).toBe(icon.sizes);
    }
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
      expect.arrayContaining(["192x192", "512x512"]),
    );

    await controlled(page);
    const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
    expect(scope).toBe(`${app.url}/`);
    const cdp = await page.context().newCDPSession(page);
    const parsed = await cdp.send("Page.getAppManifest");
    expect(parsed.errors).toEqual([]);
    expect((await cdp.send("Page.getInstallabilityErrors")).installabilityErrors).toEqual([]);
    // the shell is kept at install: the offline page, its stylesheet, an icon, the manifest
    const shell = (await kept(page)).caches["tp-shell-v1"];
    expect(shell).toEqual(expect.arrayContaining(["/offline", "/icons/icon-192.png", "/manifest.webmanifest"]));
    expect(shell.some((p) => p.endsWith(".css"))).toBe(true);
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }, 90_000);

  test("a topic opened online reads offline with its copy's time; other pages give the offline page", async () => {
    const page = await newPage(browser);
    await page.goto(`${app.url}/`);
    await controlled(page);
    await page.goto(`${app.url}${publicPath}`);
    await waitForKept(page, publicPath);

    await goOffline(page);
    await page.goto(`${app.url}${publicPath}`);
    await expect.poll(() => page.locator("h1").textContent()).toContain(publicTitle);
    const note = await page.locator(".offline-note").textContent();
    expect(note).toMatch(/^Offline copy from .*\d{4}/);
    // a reading copy: none of the app's scripts run in it
    expect(await page.locator("script[src]").count()).toBe(0);

    await page.goto(`${app.url}/latest`);
    expect(await page.locator("h1").textContent()).toBe("You are offline");
    await page.context().close();

    // in French, the line is the page's own, in French
    const fr = await newPage(browser, { locale: "fr-FR" });
    await fr.goto(`${app.url}/`);
    await controlled(fr);
    await fr.goto(`${app.url}${publicPath}`);
    await waitForKept(fr, publicPath);
    await goOffline(fr);
    await fr.goto(`${app.url}${publicPath}`);
    expect(await fr.locator(".offline-note").textContent()).toMatch(/^Copie hors ligne du /);
    expect(await fr.locator("h1").textContent()).toContain(publicTitle);
    await fr.context().close();
  }, 120_000);

  test("a member's pages are never kept, and after signing out nothing of theirs is served offline", async () => {
    const page = await newPage(browser);
    await signInInPage(page, app.url, reader.email);
    await controlled(page);
    await page.goto(`${app.url}/my/profile`);
    await page.goto(`${app.url}${membersPath}`);
    expect(await page.locator("h1").textContent()).toContain("Members only");
    await page.goto(`${app.url}${publicPath}`);
    await waitForKept(page, publicPath);
    // what is kept for a member is the copy any visitor gets: nothing personal, no members-only topic
    const before = await kept(page, "Kwabena Reader-Unique");
    expect(before.found).toBe(false);
    expect(before.caches["tp-topics"]).toEqual([publicPath]);

    await page.locator("summary.me").click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${app.url}/`);
    await expect.poll(async () => (await kept(page)).caches["tp-topics"]).toBeUndefined();

    await goOffline(page);
    await page.goto(`${app.url}/my/profile`);
    expect(await page.locator("h1").textContent()).toBe("You are offline");
    expect(await page.content()).not.toContain("Kwabena Reader-Unique");
    await page.goto(`${app.url}${membersPath}`);
    expect(await page.content()).not.toContain("escalation contacts");
    await page.context().close();
  }, 120_000);
});
