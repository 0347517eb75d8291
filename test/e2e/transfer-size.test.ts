// Speed acceptance: the first load of a topic page (empty cache) transfers at most 100 KB
// compressed, HTML + CSS + JS, as Chromium counts it (CDP Network.loadingFinished encodedDataLength).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ageUser, createCategory, makeReply, makeTopic } from "../factories/topics";
import { createUser } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { hasChromium, launchBrowser, newPage } from "../setup/browser";

const BUDGET = 100 * 1024;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const REPLIES = [
  "We had the same problem with **scripted apologies** in our contact centre. What helped was letting agents say what actually went wrong, in one plain sentence, before offering the fix.",
  "I agree with the point about ownership. A customer can hear when the person on the line is allowed to solve the problem, and when they are only reading the next line of a script.",
  "Here is the checklist our team lead gave us:\n\n1. Listen until the customer has finished.\n2. Summarise what you heard.\n3. Say what you will do today, and when they will hear from you.",
  "For the level 2 portfolio I wrote about a refund case where we broke our own rule and it was the right call. Happy to share the write-up with anyone in the cohort.",
];

type Transfer = { total: number; byType: Record<string, number>; count: number; files: string[] };

/** Loads a page in a fresh context (empty cache) and sums the encoded bytes of documents, styles and scripts. */
async function firstLoad(page: Page, url: string): Promise<Transfer> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const types = new Map<string, string>();
  const urls = new Map<string, string>();
  const sizes = new Map<string, number>();
  cdp.on("Network.responseReceived", (e) => {
    types.set(e.requestId, e.type);
    urls.set(e.requestId, new URL(e.response.url).pathname);
  });
  cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
  await page.goto(url, { waitUntil: "networkidle" });
  const byType: Record<string, number> = {};
  let total = 0;
  let count = 0;
  const files: string[] = [];
  for (const [id, bytes] of [...sizes].sort((a, b) => b[1] - a[1])) {
    const type = types.get(id) ?? "Other";
    if (!["Document", "Stylesheet", "Script"].includes(type)) continue;
    byType[type] = (byType[type] ?? 0) + bytes;
    total += bytes;
    count++;
    if (files.length < 8) files.push(`${kb(bytes).padStart(9)}  ${urls.get(id)}`);
  }
  await cdp.detach();
  return { total, byType, count, files };
}

describe.skipIf(!hasChromium)("transfer size of a topic page", () => {
  let app: TestApp;
  let browser: Browser;
  let topicUrl: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    const category = await createCategory({ slug: "service-recovery", name: "Service recovery" });
    const members = await Promise.all(["ngozi_okafor", "kwame_mensah", "thabo_dlamini", "fatou_diallo"].map((username) => createUser({ username, displayName: username.replace("_", " ") })));
    for (const m of members) await ageUser(m);
    const topic = await makeTopic(members[0], category, {
      title: "How do you apologise to a customer without sounding scripted?",
      body: "I keep hearing apologies on our calls that sound like they were read from a card. Customers notice, and it makes things worse. What works for your teams?",
    });
    for (let i = 0; i < 19; i++) await makeReply(members[(i + 1) % members.length], topic, `${REPLIES[i % REPLIES.length]} (${i + 2})`);
    topicUrl = `${app.url}${topic.url}`;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("first load, anonymous: HTML + CSS + JS at most 100 KB compressed", async () => {
    const page = await newPage(browser);
    const t = await firstLoad(page, topicUrl);
    expect(await page.locator("article.post").count()).toBe(20);
    console.log(`topic page (20 posts), first load, anonymous: ${kb(t.total)} in ${t.count} responses (${Object.entries(t.byType).map(([k, v]) => `${k} ${kb(v)}`).join(", ")})\nlargest:\n${t.files.join("\n")}`);
    expect(t.byType.Document ?? 0).toBeGreaterThan(0);
    expect(t.byType.Stylesheet ?? 0).toBeGreaterThan(0);
    // the topic page ships no React bundle (handle.hydrate = false): its few lines of script are inline
    expect(t.total).toBeLessThanOrEqual(BUDGET);
    await page.context().close();
  });

  test("first load, signed in (with the reply composer): at most 100 KB compressed", async () => {
    const member = await createUser({ username: "reader_ama" });
    await ageUser(member);
    const page = await newPage(browser);
    await page.goto(`${app.url}/login`);
    await page.getByLabel("Email or username").fill(member.username);
    await page.getByLabel("Password").fill(member.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    // a new page in the same context keeps the session cookie; the CDP session disables the cache
    const fresh = await page.context().newPage();
    const t = await firstLoad(fresh, topicUrl);
    expect(await fresh.locator("#composer").count()).toBe(1);
    expect(await fresh.locator("#quote-selection").count()).toBe(1); // the inline enhancement's button
    console.log(`topic page (20 posts), first load, signed in: ${kb(t.total)} in ${t.count} responses (${Object.entries(t.byType).map(([k, v]) => `${k} ${kb(v)}`).join(", ")})`);
    expect(t.total).toBeLessThanOrEqual(BUDGET);
    await page.context().close();
  });
});
