// Low-bandwidth acceptance: the first load (empty cache) of the home, latest, topic and directory
// pages transfers at most 100 KB compressed, everything counted (HTML, CSS, JS, fonts, images), as
// Chromium counts it (CDP Network.loadingFinished encodedDataLength); the build's assets are
// fingerprinted and cached for a year, HTML is compressed.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { ageUser, createCategory, makeReply, makeTopic } from "../factories/topics";
import { createProfile } from "../factories/profiles";
import { createUser } from "../factories/users";
import { kb, measureFirstLoad, type FirstLoad } from "../../scripts/bench/lib/page-transfer";
import { startApp, type TestApp } from "../setup/app";
import { hasChromium, launchBrowser, newPage } from "../setup/browser";

const BUDGET = 100 * 1024;

const REPLIES = [
  "We had the same problem with **scripted apologies** in our contact centre. What helped was letting agents say " +
    "what actually went wrong, in one plain sentence, before offering the fix.",
  "I agree with the point about ownership. A customer can hear when the person on the line is allowed to solve " +
    "the problem, and when they are only reading the next line of a script.",
  "Here is the checklist our team lead gave us:\n\n1. Listen until the customer has finished.\n2. Summarise what " +
    "you heard.\n3. Say what you will do today, and when they will hear from you.",
  "For the level 2 portfolio I wrote about a refund case where we broke our own rule and it was the right call. " +
    "Happy to share the write-up with anyone in the cohort.",
];

type Transfer = FirstLoad & { files: string[] };

async function firstLoad(page: Page, url: string): Promise<Transfer> {
  const t = await measureFirstLoad(page, url);
  return { ...t, files: t.responses.slice(0, 8).map((r) => `${kb(r.bytes).padStart(9)}  ${r.url}`) };
}

const summary = (t: Transfer) =>
  `${kb(t.total)} in ${t.count} responses (${Object.entries(t.byType)
    .map(([k, v]) => `${k} ${kb(v)}`)
    .join(", ")})`;

/**
 * What a slow connection needs from a first load: compressed HTML; fingerprinted, year-long cached assets; sized,
 * lazy images.
 */
async function expectLightweight(page: Page, t: Transfer) {
  expect(t.failed, "every request of the page succeeded (a failed one would not be counted)").toEqual([]);
  const doc = t.responses.find((r) => r.type === "Document")!;
  expect(doc.headers["content-encoding"] ?? "none", "the HTML is compressed").toMatch(/^(gzip|br)$/);
  for (const r of t.responses.filter((r) => r.url.startsWith("/build/"))) {
    expect(r.url, "build assets carry a content hash in their name").toMatch(/-[A-Z0-9]{8}\.(js|css)$/);
    expect(r.headers["cache-control"] ?? "none", `${r.url} is cached for a year`).toMatch(/max-age=31536000/);
    expect(r.headers["cache-control"] ?? "none", `${r.url} never needs revalidating`).toMatch(/immutable/);
    // compression() leaves responses under 1 KB as they are: compressing them would save nothing
    if (Number(r.headers["content-length"] ?? r.bytes) > 1500)
      expect(r.headers["content-encoding"] ?? "none", `${r.url} is compressed`).toMatch(/^(gzip|br)$/);
  }
  const images = await page.locator("img").evaluateAll((imgs) =>
    imgs.map((i) => ({
      src: i.getAttribute("src"),
      sized: i.hasAttribute("width") && i.hasAttribute("height"),
      loading: i.getAttribute("loading"),
    })),
  );
  for (const img of images)
    expect(img, "images are sized and lazy-loaded").toMatchObject({ sized: true, loading: "lazy" });
}

describe.skipIf(!hasChromium)("transfer size of the reading pages", () => {
  let app: TestApp;
  let browser: Browser;
  let topicUrl: string;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    const category = await createCategory({ slug: "service-recovery", name: "Service recovery" });
    const members = await Promise.all(
      ["ngozi_okafor", "kwame_mensah", "thabo_dlamini", "fatou_diallo"].map((username) =>
        createUser({ username, displayName: username.replace("_", " ") }),
      ),
    );
    for (const m of members) await ageUser(m);
    const topic = await makeTopic(members[0], category, {
      title: "How do you apologise to a customer without sounding scripted?",
      body:
        "I keep hearing apologies on our calls that sound like they were read from a card. Customers notice, and " +
        "it makes things worse. What works for your teams?",
    });
    for (let i = 0; i < 19; i++)
      await makeReply(members[(i + 1) % members.length], topic, `${REPLIES[i % REPLIES.length]} (${i + 2})`);
    topicUrl = `${app.url}${topic.url}`;
    // a few more topics for the lists, and a directory with a page of profiles
    for (let i = 0; i < 12; i++)
      await makeTopic(members[i % members.length], category, {
        title: `Service recovery question number ${i + 1} from the cohort`,
        body: REPLIES[i % REPLIES.length],
      });
    for (let i = 0; i < 12; i++)
      await createProfile({
        username: `dir_member_${i}`,
        displayName: `Directory Member ${i}`,
        level: (i % 4) + 1,
        bio: REPLIES[i % REPLIES.length].slice(0, 300),
      });
    await drainJobs(); // the directory's search index
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test.each([
    ["home", "/", "main h1"],
    ["latest", "/latest", "main table, main ol, main ul"],
    ["directory", "/directory", "main h1"],
  ])(
    "first load of %s, anonymous: at most 100 KB compressed, assets cached for a year",
    async (name, path, selector) => {
      const page = await newPage(browser);
      const t = await firstLoad(page, `${app.url}${path}`);
      expect(await page.locator(selector).count()).toBeGreaterThan(0);
      console.log(`${name} page, first load, anonymous: ${summary(t)}\nlargest:\n${t.files.join("\n")}`);
      expect(t.byType.Document ?? 0).toBeGreaterThan(0);
      expect(t.byType.Stylesheet ?? 0).toBeGreaterThan(0);
      await expectLightweight(page, t);
      expect(t.total).toBeLessThanOrEqual(BUDGET);
      await page.context().close();
    },
  );

  test("first load, anonymous: at most 100 KB compressed", async () => {
    const page = await newPage(browser);
    const t = await firstLoad(page, topicUrl);
    expect(await page.locator("article.post").count()).toBe(20);
    console.log(`topic page (20 posts), first load, anonymous: ${summary(t)}\nlargest:\n${t.files.join("\n")}`);
    await expectLightweight(page, t);
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
    console.log(`topic page (20 posts), first load, signed in: ${summary(t)}`);
    expect(t.total).toBeLessThanOrEqual(BUDGET);
    await page.context().close();
  });
});
