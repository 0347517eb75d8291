// On a slow phone the composer is on screen, and used, seconds before the page's scripts run. What the
// member typed meanwhile must still be there once React has taken the page over (app/web/keep-typed.ts):
// the title, the category, a tag, the body (a controlled field), text added to a restored draft, and the
// caret. Here the browser holds the app's scripts back until the member has typed.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { draftKey, saveDraft } from "~/models/forum/draft.server";
import { ageUser, createCategory } from "../factories/topics";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { hasChromium, launchBrowser } from "../setup/browser";
import { signedInPage } from "../setup/session";

describe.skipIf(!hasChromium)("text typed before the page's scripts run", () => {
  let app: TestApp;
  let browser: Browser;
  let category: { slug: string; name: string };
  beforeAll(async () => {
    category = await createCategory({ name: "Slow phone lounge" });
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** A signed-in page whose app scripts (Remix's /build/ files) load only when `release` is called. */
  async function slowPhone(): Promise<{ page: Page; id: number; release: () => void; errors: string[] }> {
    const user = await createUser();
    await ageUser(user);
    const page = await signedInPage(browser, app, { username: user.username, password: TEST_PASSWORD });
    page.context().setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/build\/.*\.js$/, async (route) => {
      await gate;
      await route.continue();
    });
    return { page, id: user.id, release, errors };
  }

  /** React has the composer: its textarea carries React's fiber. */
  async function hydrated(page: Page) {
    await page.waitForFunction(() => {
      const box = document.querySelector("textarea[name=body]");
      return !!box && Object.keys(box).some((k) => k.startsWith("__reactFiber"));
    });
    await page.evaluate(() => new Promise((r) => setTimeout(r, 200))); // the root's effect after the commit
  }

  test("a new topic typed before the scripts ran is all there after, and is posted whole", async () => {
    const { page, release, errors } = await slowPhone();
    await page.goto(`${app.url}/new-topic`, { waitUntil: "domcontentloaded" });
    await page.getByLabel("Title").fill("Typed on a bus with one bar of signal");
    await page.getByLabel("Category").selectOption(category.slug);
    await page.getByLabel("Your post").fill("Before the scripts arrived I had written this much");
    // leaving the field saves the draft, whose "Draft saved." line React had not rendered
    await page.getByLabel("Title").focus();
    await page.getByLabel("Your post").focus();
    await expect.poll(() => page.locator("[data-draft-status]").textContent()).toBe("Draft saved.");
    console.log(
      "STEP 0",
      await page
        .getByLabel("Your post")
        .inputValue()
        .catch(() => "?"),
    );
    release();
    await hydrated(page);
    expect(await page.getByLabel("Title").inputValue()).toBe("Typed on a bus with one bar of signal");
    expect(await page.getByLabel("Category").inputValue()).toBe(category.slug);
    expect(await page.getByLabel("Your post").inputValue()).toBe("Before the scripts arrived I had written this much");
    // the member goes on typing where the caret was, and React's state has all of it
    console.log(
      "STEP 1",
      await page
        .getByLabel("Your post")
        .inputValue()
        .catch(() => "?"),
    );
    await page.keyboard.type(", and the rest after.");
    expect(await page.getByLabel("Your post").inputValue()).toBe(
      "Before the scripts arrived I had written this much, and the rest after.",
    );
    console.log(
      "STEP 2",
      await page
        .getByLabel("Your post")
        .inputValue()
        .catch(() => "?"),
    );
    await page.getByRole("button", { name: "Create topic" }).click();
    await page.waitForURL(/\/t\/[^/]+\/\d+$/);
    console.log(
      "STEP 3",
      await page
        .getByLabel("Your post")
        .inputValue()
        .catch(() => "?"),
    );
    await page
      .locator("article.post .post-body")
      .first()
      .getByText("Before the scripts arrived I had written this much, and the rest after.")
      .waitFor();
    expect(await page.locator("h1").textContent()).toContain("Typed on a bus with one bar of signal");
    expect(errors).toEqual([]);
  });

  test("when React renders the page afresh (an extension changed its text), the typed fields come back", async () => {
    const { page, release, errors } = await slowPhone();
    await page.goto(`${app.url}/new-topic`, { waitUntil: "domcontentloaded" });
    await page.getByLabel("Title").fill("Kept through a fresh render");
    await page.getByLabel("Category").selectOption(category.slug);
    await page.getByLabel("Your post").fill("A body typed while a translator extension rewrote the heading");
    // what a translation or grammar extension does: text React rendered is changed under it
    await page.locator("main h1").evaluate((h) => (h.textContent = `${h.textContent} (translated)`));
    release();
    await page.waitForFunction(() => {
      const box = document.querySelector("textarea[name=body]");
      return !!box && Object.keys(box).some((k) => k.startsWith("__reactFiber"));
    });
    await expect.poll(() => errors.length).toBeGreaterThan(0); // React did give up hydrating (error #418)
    await expect.poll(() => page.getByLabel("Title").inputValue()).toBe("Kept through a fresh render");
    expect(await page.getByLabel("Category").inputValue()).toBe(category.slug);
    expect(await page.getByLabel("Your post").inputValue()).toBe(
      "A body typed while a translator extension rewrote the heading",
    );
    // the caret is back in the body, at its end: typing goes on there
    await page.keyboard.type(" and kept.");
    expect(await page.getByLabel("Your post").inputValue()).toBe(
      "A body typed while a translator extension rewrote the heading and kept.",
    );
  });

  test("text added to a restored draft before the scripts ran is not set back to the draft", async () => {
    const { page, id, release } = await slowPhone();
    const draft = { title: "A restored draft", body: "The draft as saved.", category: category.slug, tags: [] };
    expect(await saveDraft({ userId: id, key: draftKey(), draft })).toEqual({ saved: true });
    await page.goto(`${app.url}/new-topic`, { waitUntil: "domcontentloaded" });
    await page.getByText("Your saved draft is back").waitFor();
    await page.getByLabel("Your post").press("End");
    await page.keyboard.type(" Then more, typed on the slow phone.");
    release();
    await hydrated(page);
    expect(await page.getByLabel("Your post").inputValue()).toBe(
      "The draft as saved. Then more, typed on the slow phone.",
    );
    // React's state holds it too: a render (the live preview follows typing) does not set it back
    await page.keyboard.type("!");
    await page.locator(".preview .post-body").getByText("Then more, typed on the slow phone.!").waitFor();
    expect(await page.getByLabel("Your post").inputValue()).toBe(
      "The draft as saved. Then more, typed on the slow phone.!",
    );
    await expect
      .poll(
        async () => (await db.selectFrom("drafts").select("body").where("user_id", "=", id).executeTakeFirst())?.body,
        { timeout: 15_000 }, // the autosave waits 2 s after the last key
      )
      .toBe("The draft as saved. Then more, typed on the slow phone.!");
  });
});
