// Issue 24 points 2 and 6 in Chromium: the composer's @mention and #category suggestions (an ARIA
// combobox: arrows, Enter/Tab, Escape; a topic's people first; never a hidden profile, a suspended
// member or a private category), plain typing without JavaScript; and the keyboard shortcuts (j/k
// move and announce, r, l, ?, g l; never while typing; off in the member's settings, at once).
import type { Browser, Page } from "playwright-core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { createProfile } from "../factories/profiles";
import { ageUser, createCategory, makeReply, makeTopic } from "../factories/topics";
import { createUser, TEST_PASSWORD } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { expectAccessible, hasChromium, launchBrowser } from "../setup/browser";
import { signedInPage } from "../setup/session";

describe.skipIf(!hasChromium)("composer suggestions and keyboard shortcuts", () => {
  let app: TestApp;
  let browser: Browser;
  let category: { slug: string };
  let topicUrl: string;
  let topicId: number;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    category = await createCategory({ slug: "kbcat-open", name: "Kb open" });
    await createCategory({ slug: "kbcat-private", name: "Kb private", see: "participants" });
    const charlie = await createProfile({ username: "kbx_charlie", displayName: "Kbx Charlie", visibility: "members" });
    const hidden = await createProfile({ username: "kbx_hidden", visibility: "hidden" });
    const suspended = await createUser({ username: "kbx_suspended" });
    // a name earlier in the alphabet, never in the topic: it comes after charlie
    await createUser({ username: "kbx_able" });
    for (const u of [charlie, hidden, suspended]) await ageUser(u);
    const topic = await makeTopic(charlie, category, { title: "Closing a call when the customer is still upset" });
    await makeReply(hidden, topic, "I summarise what we agreed and give my name.");
    await makeReply(suspended, topic, "I ask whether there is anything else I can do today.");
    await db
      .updateTable("users")
      .set({ suspended_until: sql`now() + interval '3 days'` })
      .where("id", "=", suspended.id)
      .execute();
    topicId = topic.topicId;
    topicUrl = `${app.url}${topic.url}`;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function member(name: string, options: { javaScriptEnabled?: boolean; locale?: string } = {}) {
    const user = await createUser({ username: name });
    await ageUser(user);
    const page = await signedInPage(browser, app, { username: user.username, password: TEST_PASSWORD }, options);
    page.context().setDefaultTimeout(20_000);
    return { page, id: user.id };
  }

  const options = (page: Page) => page.getByRole("listbox", { name: "Suggestions" }).getByRole("option");

  describe("@mention and #category suggestions", () => {
    test("topic people first; hidden and suspended never; arrows and Enter insert `@name `", async () => {
      const { page } = await member("kb_writer");
      await page.goto(topicUrl);
      const box = page.getByLabel("Your post");
      await box.click();
      await box.pressSequentially("Thanks @kbx");
      await options(page).first().waitFor();
      const offered = await options(page).allInnerTexts();
      expect(offered[0]).toContain("@kbx_charlie");
      expect(offered.join("\n")).toContain("@kbx_able");
      expect(offered.join("\n")).not.toMatch(/kbx_hidden|kbx_suspended/);
      expect(await box.getAttribute("aria-expanded")).toBe("true");
      expect(await box.getAttribute("role")).toBe("combobox");
      // announced: how many, and how to choose
      await expect
        .poll(() => page.locator('[role="status"][id$="-suggest-status"]').innerText())
        .toMatch(/^2 suggestions/);
      expect(await box.getAttribute("aria-activedescendant")).toBe(await options(page).first().getAttribute("id"));
      await expectAccessible(page); // axe on the open listbox
      await page.keyboard.press("ArrowDown");
      expect(await box.getAttribute("aria-activedescendant")).toBe(await options(page).nth(1).getAttribute("id"));
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("Enter");
      expect(await box.inputValue()).toBe("Thanks @kbx_charlie ");
      expect(await page.getByRole("listbox", { name: "Suggestions" }).isHidden()).toBe(true);
      expect(await box.getAttribute("aria-expanded")).toBeNull();
      // Escape closes without inserting
      await box.pressSequentially("and @kbx");
      await options(page).first().waitFor();
      await page.keyboard.press("Escape");
      expect(await page.getByRole("listbox", { name: "Suggestions" }).isHidden()).toBe(true);
      expect(await box.inputValue()).toBe("Thanks @kbx_charlie and @kbx");
      await page.context().close();
    });

    test("the list opens at the caret: under the line being typed, beside the word", async () => {
      const { page } = await member("kb_caret");
      await page.goto(topicUrl);
      const box = page.getByLabel("Your post");
      await box.click();
      await box.pressSequentially("First line of the reply");
      for (const line of ["second line", "third line", "fourth line"]) {
        await page.keyboard.press("Shift+Enter"); // a newline, not a shortcut
        await box.pressSequentially(line);
      }
      await page.keyboard.press("Shift+Enter");
      await box.pressSequentially("Thanks to @kbx");
      await options(page).first().waitFor();
      const list = page.getByRole("listbox", { name: "Suggestions" });
      const [ta, ul] = [(await box.boundingBox())!, (await list.boundingBox())!];
      const style = await box.evaluate((el) => {
        const cs = getComputedStyle(el);
        return { line: parseFloat(cs.lineHeight), top: parseFloat(cs.paddingTop) + parseFloat(cs.borderTopWidth) };
      });
      // the caret is on the fifth line: the list's top is just under it, well inside the ten-row box
      const underCaret = ta.y + style.top + 5 * style.line;
      expect(Math.abs(ul.y - underCaret), `list top ${ul.y}, caret line bottom ${underCaret}`).toBeLessThan(style.line);
      expect(ul.y).toBeLessThan(ta.y + ta.height);
      expect(ul.x).toBeGreaterThan(ta.x + 30); // beside "Thanks to ", not at the box's left edge
      // the keyboard still chooses
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      expect(await box.inputValue()).toMatch(/\nThanks to @kbx_able $/);
      await page.context().close();
    });

    test("`#` offers the categories the member can see, never a private one; Tab inserts `#slug `", async () => {
      const { page } = await member("kb_tagger");
      await page.goto(topicUrl);
      const box = page.getByLabel("Your post");
      await box.click();
      await box.pressSequentially("See #kbc");
      await options(page).first().waitFor();
      expect(await options(page).allInnerTexts()).toEqual(["Kb open #kbcat-open"]);
      await page.keyboard.press("Tab");
      expect(await box.inputValue()).toBe("See #kbcat-open ");
      await page.context().close();
    });

    test("on a page that hydrates (a new topic), the inserted name is in what is posted, and cooks", async () => {
      const { page, id } = await member("kb_starter");
      await page.goto(`${app.url}/new-topic`);
      await page.getByLabel("Title").fill("Who on the team handles refunds after hours?");
      await page.getByLabel("Category").selectOption(category.slug);
      const box = page.getByLabel("Your post");
      await box.click();
      await box.pressSequentially("Asking @kbx_c");
      await options(page).first().waitFor();
      await page.keyboard.press("Enter");
      await box.pressSequentially("about refunds.");
      expect(await box.inputValue()).toBe("Asking @kbx_charlie about refunds.");
      await page.getByRole("button", { name: "Create topic" }).click();
      await page.waitForURL(/\/t\/[^/]+\/\d+$/);
      const post = await db
        .selectFrom("posts")
        .select(["body_markdown", "body_html"])
        .where("user_id", "=", id)
        .executeTakeFirstOrThrow();
      expect(post.body_markdown).toBe("Asking @kbx_charlie about refunds.");
      expect(post.body_html).toContain('<a href="/u/kbx_charlie" rel="nofollow ugc noopener" class="mention">');
      await page.context().close();
    });

    test("without JavaScript, typing a mention is plain text, and it cooks", async () => {
      const { page } = await member("kb_plain", { javaScriptEnabled: false });
      await page.goto(topicUrl);
      await page.getByLabel("Your post").fill("Agreed with @kbx_charlie on giving a name.");
      await page.getByRole("button", { name: "Post reply" }).click();
      await page.locator("article.post a.mention", { hasText: "@kbx_charlie" }).last().waitFor();
      await page.context().close();
    });
  });

  describe("keyboard shortcuts", () => {
    const focusedPost = (page: Page) =>
      page.evaluate(() => document.activeElement?.closest("article.post")?.getAttribute("data-post-number") ?? null);
    const liveText = (page: Page) => page.locator("#shortcut-live").innerText();

    test("j and k move between posts and say which; r goes to the reply box; typing j there types a j", async () => {
      const { page } = await member("kb_reader");
      await page.goto(topicUrl);
      await page.keyboard.press("j");
      expect(await focusedPost(page)).toBe("1");
      await expect.poll(() => liveText(page)).toBe("Post 1 by Kbx Charlie");
      await page.keyboard.press("j");
      expect(await focusedPost(page)).toBe("2");
      await page.keyboard.press("j");
      await page.keyboard.press("k");
      expect(await focusedPost(page)).toBe("2");
      await page.keyboard.press("r");
      const box = page.getByLabel("Your post");
      expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type("jk?r");
      expect(await box.inputValue()).toBe("jk?r");
      expect(await page.locator("dialog[open]").count()).toBe(0);
      await page.context().close();
    });

    test("l likes the chosen post", async () => {
      const { page, id } = await member("kb_liker");
      await page.goto(topicUrl);
      await page.keyboard.press("j");
      await page.keyboard.press("j");
      await page.keyboard.press("l");
      await page.waitForURL(/#post-2$/);
      await page.locator('#post-2 button.like[aria-pressed="true"]').waitFor();
      const likes = await db
        .selectFrom("post_likes")
        .innerJoin("posts", "posts.id", "post_likes.post_id")
        .select("posts.post_number")
        .where("post_likes.user_id", "=", id)
        .where("posts.topic_id", "=", topicId)
        .execute();
      expect(likes).toEqual([{ post_number: 2 }]);
      await page.context().close();
    });

    for (const lang of ["en", "fr"] as const) {
      test(`? opens the shortcuts (axe passes), Escape closes them, g then l goes to Latest (${lang})`, async () => {
        const { page } = await member(`kb_help_${lang}`, { locale: lang === "fr" ? "fr-FR" : "en-GB" });
        await page.goto(topicUrl);
        await page.keyboard.press("?");
        const dialog = page.getByRole("dialog", { name: lang === "fr" ? "Raccourcis clavier" : "Keyboard shortcuts" });
        await dialog.waitFor();
        expect(await dialog.innerText()).toContain(lang === "fr" ? "Message suivant" : "Next post");
        await expectAccessible(page);
        await page.keyboard.press("Escape");
        await dialog.waitFor({ state: "hidden" });
        await page.keyboard.press("g");
        await page.keyboard.press("l");
        await page.waitForURL(/\/latest$/);
        await page.context().close();
      });
    }

    test("the setting turns them off at once, on the page where it is saved, and on the next pages", async () => {
      const { page, id } = await member("kb_quiet");
      await page.goto(`${app.url}/my/notifications/settings`);
      await page.keyboard.press("?");
      await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
      await page.keyboard.press("Escape");
      await page.getByLabel("Use keyboard shortcuts (press ? to see them)").uncheck();
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.getByText("Settings saved.").waitFor();
      expect(
        (await db.selectFrom("users").select("keyboard_shortcuts").where("id", "=", id).executeTakeFirst())
          ?.keyboard_shortcuts,
      ).toBe(false);
      // Remix shows the action's answer ("Settings saved.") as soon as it arrives, while the root's data, which
      // holds the setting, is still being reloaded (slow under CI's load): the shortcuts are off once it lands and
      // the dialog leaves the page, with no new page load
      await page.locator("#keyboard-shortcuts").waitFor({ state: "detached" });
      await page.locator("body").press("?");
      expect(await page.locator("dialog[open]").count()).toBe(0);
      await page.goto(topicUrl);
      await page.keyboard.press("j");
      expect(await focusedPost(page)).toBeNull();
      await page.keyboard.press("?");
      expect(await page.locator("dialog[open]").count()).toBe(0);
      await page.context().close();
    });
  });
});
