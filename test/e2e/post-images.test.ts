// Images in posts in Chromium (issue 24, point 1): without JavaScript the composer's "Upload image"
// submit brings the page back with the text kept and the image added; with JavaScript picking or
// pasting an image inserts it at the cursor. Either way the published post shows it with its width,
// height and lazy loading.
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ageUser, createCategory, makeTopic } from "../factories/topics";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { hasChromium, launchBrowser } from "../setup/browser";
import { signedInPage } from "../setup/session";

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#2a7" } })
    .png()
    .toBuffer();

describe.skipIf(!hasChromium)("images in posts in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  let category: { slug: string; name: string };
  beforeAll(async () => {
    category = await createCategory({ name: "Image browser tests" });
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function member(name: string, javaScriptEnabled: boolean): Promise<{ page: Page; id: number }> {
    const user = await createUser({ username: name });
    await ageUser(user);
    const page = await signedInPage(
      browser,
      app,
      { username: user.username, password: TEST_PASSWORD },
      {
        javaScriptEnabled,
      },
    );
    page.context().setDefaultTimeout(30_000);
    return { page, id: user.id };
  }

  async function expectSizedLazyImage(page: Page, width: number, height: number) {
    const img = page.locator("article.post .post-body img").first();
    await img.waitFor();
    expect(await img.getAttribute("src")).toMatch(/^\/uploads\/posts\/\d+-[\w-]{16}\.webp$/);
    expect(await img.getAttribute("width")).toBe(String(width));
    expect(await img.getAttribute("height")).toBe(String(height));
    expect(await img.getAttribute("loading")).toBe("lazy");
  }

  test("without JavaScript: 'Upload image' keeps the typed text, adds the image, and the topic shows it", async () => {
    const { page } = await member("img_nojs", false);
    await page.goto(`${app.url}/new-topic`);
    await page.getByLabel("Title").fill("Our wallboard after the redesign");
    await page.getByLabel("Category").selectOption(category.slug);
    await page.getByLabel("Your post").fill("Here is the new wallboard, what do you think?");
    await page.getByLabel("Add an image").setInputFiles({
      name: "wallboard.png",
      mimeType: "image/png",
      buffer: await png(2000, 1000),
    });
    await page.getByRole("button", { name: "Upload image" }).click();
    await page.getByText("The image was added to your text.").waitFor();
    const body = await page.getByLabel("Your post").inputValue();
    expect(body).toMatch(
      /^Here is the new wallboard, what do you think\?\n!\[wallboard\]\(\/uploads\/posts\/\d+-[\w-]{16}\.webp\)\n$/,
    );
    expect(await page.getByLabel("Title").inputValue()).toBe("Our wallboard after the redesign");
    await page.getByRole("button", { name: "Create topic" }).click();
    await page.waitForURL(/\/t\/[^/]+\/\d+$/);
    await expectSizedLazyImage(page, 1600, 800);
  });

  test("with JavaScript: a picked file and a pasted image go in at the cursor; the reply shows them", async () => {
    const { page } = await member("img_js", true);
    const starter = await createUser({ username: "img_js_starter" });
    await ageUser(starter);
    const topic = await makeTopic(starter, category, { title: "Share a screenshot of your queue dashboard" });
    await page.goto(`${app.url}${topic.url}`);
    const box = page.getByLabel("Your post");
    await box.fill("Before.\nAfter.");
    // the cursor after "Before.\n"
    await box.evaluate((ta: HTMLTextAreaElement) => ta.setSelectionRange(8, 8));
    await box.evaluate((ta: HTMLTextAreaElement) => ta.blur());
    await page.getByLabel("Add an image").setInputFiles({
      name: "queue.png",
      mimeType: "image/png",
      buffer: await png(640, 480),
    });
    await expect.poll(() => box.inputValue()).toMatch(/^Before\.\n!\[queue\]\(\/uploads\/posts\/[^)]+\)\nAfter\.$/);
    await page.getByText("The image was added to your text.").waitFor();

    // paste at the end
    const pasted = [...(await png(300, 200))];
    await box.evaluate((ta: HTMLTextAreaElement, bytes: number[]) => {
      ta.focus();
      ta.setSelectionRange(ta.value.length, ta.value.length);
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], "image.png", { type: "image/png" }));
      ta.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, pasted);
    await expect.poll(() => box.inputValue()).toMatch(/After\.\n!\[image\]\(\/uploads\/posts\/[^)]+\)\n$/);

    await page.getByRole("button", { name: "Post reply" }).click();
    await page.waitForURL(/\/t\/[^/]+\/\d+\/2/);
    const reply = page.locator('article.post[data-post-number="2"]');
    const imgs = reply.locator(".post-body img");
    await expect.poll(() => imgs.count()).toBe(2);
    expect(await imgs.nth(0).getAttribute("width")).toBe("640");
    expect(await imgs.nth(0).getAttribute("height")).toBe("480");
    expect(await imgs.nth(1).getAttribute("width")).toBe("300");
    expect(await imgs.nth(1).getAttribute("loading")).toBe("lazy");
    // the image loads under the site's policy
    expect(await imgs.nth(0).evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBe(640);
  });

  test("with JavaScript: a refused file says why next to the field and leaves the text alone", async () => {
    const { page } = await member("img_js_refused", true);
    await page.goto(`${app.url}/new-topic`);
    await page.getByLabel("Your post").fill("Text I keep");
    await page.getByLabel("Add an image").setInputFiles({
      name: "evil.png",
      mimeType: "image/png",
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    });
    await page.getByText("This file is not a JPEG, PNG, WebP or GIF image.", { exact: false }).waitFor();
    expect(await page.getByLabel("Your post").inputValue()).toBe("Text I keep");
  });
});
