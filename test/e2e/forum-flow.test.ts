// The forum's acceptance flow in Chromium, through the real pages, with JavaScript on and off:
// start a topic, reply with markdown and a mention, the mentioned member sees the notification,
// like, edit (revision visible), flag to hidden (3 members), staff restores it from /review.
// axe-core checks every page visited. The app runs its job worker (JOBS=on), as in production.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createCategory, ageUser, backdatePosts } from "../factories/topics";
import { createAdmin, createUser, TEST_PASSWORD } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { expectAccessible, hasChromium, launchBrowser, newPage, visit } from "../setup/browser";

describe.skipIf(!hasChromium)("the forum flow in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  let category: { slug: string; name: string };
  beforeAll(async () => {
    // rows made before the app starts, so its category cache sees them at once
    category = await createCategory({ name: "Customer service recovery" });
    [app, browser] = await Promise.all([startApp({ JOBS: "on" }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function signedIn(username: string, javaScriptEnabled: boolean, to: string): Promise<Page> {
    const page = await newPage(browser, { javaScriptEnabled });
    await page.goto(`${app.url}/login?redirectTo=${encodeURIComponent(to)}`);
    await page.getByLabel("Email or username").fill(username);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === to.split("?")[0]);
    await expectAccessible(page);
    return page;
  }

  /** Reloads until the text shows (the job worker runs just after the request that queued it). */
  async function reloadUntil(page: Page, text: string) {
    for (let i = 0; i < 40; i++) {
      if (await page.getByText(text, { exact: false }).count()) return;
      await new Promise((r) => setTimeout(r, 250));
      await page.reload();
    }
    throw new Error(`"${text}" never appeared on ${page.url()}`);
  }

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? "js" : "nojs";
    test(`topic, reply with a mention, notification, like, edit, flag to hidden, staff restores (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const author = await createUser({ username: `amara_${mode}`, displayName: `Amara Okafor ${mode}` });
      const mentioned = await createUser({ username: `kwame_${mode}`, displayName: `Kwame Mensah ${mode}` });
      const flaggers = await Promise.all([1, 2, 3].map((i) => createUser({ username: `flagger${i}_${mode}` })));
      const staff = await createAdmin({ username: `staff_${mode}` });
      for (const u of [author, mentioned, ...flaggers]) await ageUser(u);
      const title = `Handling an angry caller on a bad line (${mode})`;
      const started = Date.now();
      const step = (name: string) => console.log(`[forum-flow ${mode}] ${((Date.now() - started) / 1000).toFixed(1)} s: ${name}`);

      // 1. start a topic
      step("start a topic");
      const a = await signedIn(author.username, javaScriptEnabled, "/new-topic");
      await a.getByLabel("Title").fill(title);
      await a.getByLabel("Category").selectOption(category.slug);
      await a.getByLabel("Your post").fill("How do you keep your calm when the line keeps dropping and the customer blames you?");
      await a.getByRole("button", { name: "Create topic" }).click();
      await a.waitForURL(/\/t\/[^/]+\/\d+$/);
      await a.getByRole("heading", { level: 1, name: title }).waitFor();
      await expectAccessible(a);
      const topicPath = new URL(a.url()).pathname;

      // 2. reply with markdown and a mention (the posting interval is moved out of the way)
      step("reply");
      await backdatePosts(author.id);
      await a.getByLabel("Your post").fill(`**Acknowledge first**, then offer a call-back.\n\n- note the number\n- call back within 5 minutes\n\nWhat do you think, @${mentioned.username}?`);
      await a.getByRole("button", { name: "Post reply" }).click();
      const reply = a.locator("#post-2");
      await reply.waitFor();
      expect(await reply.locator(".post-body strong").innerText()).toBe("Acknowledge first");
      expect(await reply.locator(".post-body li").count()).toBe(2);
      expect(await reply.locator(`.post-body a[href="/u/${mentioned.username}"]`).count()).toBe(1);
      await expectAccessible(a);

      // 3. the mentioned member sees the notification and follows it
      step("notification");
      const m = await signedIn(mentioned.username, javaScriptEnabled, "/notifications");
      await reloadUntil(m, `mentioned you in “${title}”`);
      await expectAccessible(m);
      await m.getByRole("link", { name: `${author.display_name} mentioned you in “${title}”` }).click();
      await m.waitForURL((u) => u.pathname.startsWith(topicPath));
      await m.locator("#post-2").waitFor();

      // 4. like the reply
      step("like");
      await m.locator("#post-2").getByRole("button", { name: `Like this post by ${author.display_name}` }).click();
      const unlike = m.locator("#post-2").getByRole("button", { name: `Remove your like from this post by ${author.display_name}` });
      await unlike.waitFor();
      expect(await unlike.getAttribute("aria-pressed")).toBe("true");
      expect((await unlike.innerText()).replace(/\D/g, "")).toBe("1");
      await expectAccessible(m);

      // 5. the author edits the reply; the revision is visible with its diff
      step("edit");
      await a.goto(`${app.url}${topicPath}`);
      await a.locator("#post-2").getByRole("link", { name: "Edit", exact: true }).click();
      await a.waitForURL(/\/p\/\d+\/edit$/);
      await expectAccessible(a);
      const postId = Number(/\/p\/(\d+)\/edit/.exec(a.url())![1]);
      await a.getByLabel("Your post").fill(`**Acknowledge first**, then offer a call-back on a better line.\n\n- note the number\n- call back within 5 minutes\n\nWhat do you think, @${mentioned.username}?`);
      await a.getByRole("button", { name: "Preview" }).click();
      await a.locator(".preview .post-body").getByText("on a better line", { exact: false }).waitFor();
      await expectAccessible(a);
      await a.getByRole("button", { name: "Save changes" }).click();
      await a.waitForURL((u) => u.pathname.startsWith(topicPath));
      await a.locator("#post-2").getByText("on a better line", { exact: false }).waitFor();
      await a.locator("#post-2").getByRole("link", { name: "1 revision" }).click();
      await a.waitForURL(/\/p\/\d+\/revisions$/);
      expect(await a.locator(".diff ins").allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining("on a better line")]));
      await expectAccessible(a);

      // 6. three members flag the reply; the third flag hides it pending review
      step("flag");
      for (const [i, f] of flaggers.entries()) {
        const p = await signedIn(f.username, javaScriptEnabled, `/p/${postId}/flag`);
        await p.getByRole("radio", { name: /^Spam/ }).check();
        await p.getByRole("button", { name: "Flag post" }).click();
        await p.getByText(i < 2 ? "The moderators will review this post." : "it is now hidden until the moderators review it", { exact: false }).waitFor();
        await expectAccessible(p);
        if (i === 2) {
          await visit(p, `${app.url}${topicPath}`);
          expect(await p.locator("#post-2").getByText("This post was hidden after flags").count()).toBe(1);
          expect(await p.locator("#post-2 .post-body").count()).toBe(0);
        }
        await p.context().close();
      }
      await visit(a, `${app.url}${topicPath}`);
      expect(await a.locator("#post-2").getByText("Your post was hidden after flags").count()).toBe(1);

      // a member cannot open the review queue
      const res = await m.goto(`${app.url}/review`);
      expect(res?.status()).toBe(404);

      // 7. staff restore the post from the review queue (disagree)
      step("staff restores");
      const s = await signedIn(staff.username, javaScriptEnabled, "/review");
      const item = s.locator(".review-item", { has: s.getByRole("link", { name: `Post #2 in “${title}”` }) });
      expect(await item.getByText("3 flags").count()).toBe(1);
      await item.getByRole("button", { name: "Disagree: restore post" }).click();
      await s.getByText("Flags dismissed: the post is visible again.").waitFor();
      await expectAccessible(s);
      expect(await s.locator(".review-item", { has: s.getByRole("link", { name: `Post #2 in “${title}”` }) }).count()).toBe(0);

      await visit(m, `${app.url}${topicPath}`);
      await m.locator("#post-2 .post-body").getByText("on a better line", { exact: false }).waitFor();
      expect(await m.locator("#post-2").getByText("This post was hidden").count()).toBe(0);

      // the author was told both moderator actions, without who flagged
      step("author told");
      await a.goto(`${app.url}/notifications`);
      await reloadUntil(a, `A moderator restored your post in “${title}”`);
      expect(await a.getByText(`Your post in “${title}” was hidden after flags`).count()).toBe(1);
      expect(await a.getByText(flaggers[0].username).count()).toBe(0);
      await expectAccessible(a);

      for (const p of [a, m, s]) await p.context().close();
      step("done");
    }, 300_000);
  }
});
