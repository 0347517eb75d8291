// The forum's acceptance flow in Chromium, through the real pages, with JavaScript on and off:
// start a topic, reply with markdown and a mention, the mentioned member sees the notification,
// like, edit (revision visible), flag to hidden (3 members), staff restores it from /review.
// axe-core checks every page visited. The app runs its job worker (JOBS=on), as in production.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ageUser, backdatePosts, createCategory, makeReply, makeTopic } from "../factories/topics";
import { createAdmin, createUser, TEST_PASSWORD } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { expectAccessible, hasChromium, launchBrowser, newPage, visit } from "../setup/browser";
import { passSecondStepInPage } from "../setup/two-factor";

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
    page.context().setDefaultTimeout(30_000); // the machine is shared: give slow moments room
    await page.goto(`${app.url}/login?redirectTo=${encodeURIComponent(to)}`);
    await page.getByLabel("Email or username").fill(username);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await passSecondStepInPage(page, username);
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
    const jsLabel = `(JavaScript ${javaScriptEnabled ? "on" : "off"})`;
    const mode = javaScriptEnabled ? "js" : "nojs";
    test(`topic, reply with mention, notification, like, edit, flag to hidden, staff restores ${jsLabel}`, async () => {
      const author = await createUser({ username: `amara_${mode}`, displayName: `Amara Okafor ${mode}` });
      const mentioned = await createUser({ username: `kwame_${mode}`, displayName: `Kwame Mensah ${mode}` });
      const flaggers = await Promise.all([1, 2, 3].map((i) => createUser({ username: `flagger${i}_${mode}` })));
      const staff = await createAdmin({ username: `staff_${mode}` });
      for (const u of [author, mentioned, ...flaggers]) await ageUser(u);
      const title = `Handling an angry caller on a bad line (${mode})`;
      const started = Date.now();
      const step = (name: string) =>
        console.log(`[forum-flow ${mode}] ${((Date.now() - started) / 1000).toFixed(1)} s: ${name}`);

      // 1. start a topic
      step("start a topic");
      const a = await signedIn(author.username, javaScriptEnabled, "/new-topic");
      await a.getByLabel("Title").fill(title);
      await a.getByLabel("Category").selectOption(category.slug);
      await a
        .getByLabel("Your post")
        .fill("How do you keep your calm when the line keeps dropping and the customer blames you?");
      await a.getByRole("button", { name: "Create topic" }).click();
      await a.waitForURL(/\/t\/[^/]+\/\d+$/);
      await a.getByRole("heading", { level: 1, name: title }).waitFor();
      await expectAccessible(a);
      const topicPath = new URL(a.url()).pathname;

      // 2. reply with markdown and a mention (the posting interval is moved out of the way)
      step("reply");
      await backdatePosts(author.id);
      await a
        .getByLabel("Your post")
        .fill(
          `**Acknowledge first**, then offer a call-back.\n\n- note the number\n- call back within 5 minutes\n\n` +
            `What do you think, @${mentioned.username}?`,
        );
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
      await m
        .locator("#post-2")
        .getByRole("button", { name: `Like this post by ${author.display_name}` })
        .click();
      const unlike = m
        .locator("#post-2")
        .getByRole("button", { name: `Remove your like from this post by ${author.display_name}` });
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
      await a
        .getByLabel("Your post")
        .fill(
          `**Acknowledge first**, then offer a call-back on a better line.\n\n- note the number\n` +
            `- call back within 5 minutes\n\nWhat do you think, @${mentioned.username}?`,
        );
      await a.getByRole("button", { name: "Preview" }).click();
      await a.locator(".preview .post-body").getByText("on a better line", { exact: false }).waitFor();
      await expectAccessible(a);
      await a.getByRole("button", { name: "Save changes" }).click();
      await a.waitForURL((u) => u.pathname.startsWith(topicPath));
      await a.locator("#post-2").getByText("on a better line", { exact: false }).waitFor();
      await a.locator("#post-2").getByRole("link", { name: "1 revision" }).click();
      await a.waitForURL(/\/p\/\d+\/revisions$/);
      expect(await a.locator(".diff ins").allInnerTexts()).toEqual(
        expect.arrayContaining([expect.stringContaining("on a better line")]),
      );
      await expectAccessible(a);

      // 6. three members flag the reply; the third flag hides it pending review
      step("flag");
      for (const [i, f] of flaggers.entries()) {
        const p = await signedIn(f.username, javaScriptEnabled, `/p/${postId}/flag`);
        await p.getByRole("radio", { name: /^Spam/ }).check();
        await p.getByRole("button", { name: "Flag post" }).click();
        await p
          .getByText(
            i < 2 ? "The moderators will review this post." : "it is now hidden until the moderators review it",
            { exact: false },
          )
          .waitFor();
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
      expect(
        await s.locator(".review-item", { has: s.getByRole("link", { name: `Post #2 in “${title}”` }) }).count(),
      ).toBe(0);

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

  test("staff and member tools work as plain forms and pass axe (JavaScript off)", async () => {
    const author = await createUser({ username: "tools_author", displayName: "Tools Author" });
    const member = await createUser({ username: "tools_member", displayName: "Tools Member" });
    const staff = await createAdmin({ username: "tools_staff" });
    for (const u of [author, member]) await ageUser(u);
    const source = await makeTopic(author, category, { title: "Escalation paths for billing disputes" });
    const reply = await makeReply(author, source, "A reply about refunds that belongs in another topic.");
    const target = await makeTopic(author, category, { title: "Refund policies across our teams" });

    const s = await signedIn(staff.username, false, "/admin/categories");
    await s.getByLabel("Name", { exact: true }).fill("Quality assurance");
    await s.getByLabel("Slug").fill("quality-assurance");
    await s.getByLabel("Colour").fill("green");
    await s.getByRole("button", { name: "Create category" }).click();
    await s.getByText("Enter a colour as # and six hex digits").waitFor();
    await expectAccessible(s);
    expect(await s.getByLabel("Name", { exact: true }).inputValue()).toBe("Quality assurance");
    await s.getByLabel("Colour").fill("#7c3aed");
    await s.getByRole("button", { name: "Create category" }).click();
    await s.getByRole("link", { name: "Quality assurance" }).waitFor();
    await s.getByRole("button", { name: "Move Quality assurance up" }).click();
    await s.getByRole("link", { name: "Quality assurance" }).click();
    await s.waitForURL(/\/admin\/categories\/quality-assurance$/);
    await expectAccessible(s);
    await s.getByLabel("Who may reply").selectOption("level:2");
    await s.getByRole("button", { name: "Save category" }).click();
    await s.waitForURL(/\/admin\/categories$/);
    await s
      .getByRole("row", { name: /Quality assurance/ })
      .getByText("reply: level:2", { exact: false })
      .waitFor();
    await expectAccessible(s);

    await visit(s, `${app.url}/admin/limits`);
    await s.getByLabel("Flags from distinct members that hide a post").fill("-1");
    await s.getByRole("button", { name: "Save limits" }).click();
    await s.getByText("Enter a whole number in the allowed range.").waitFor();
    await expectAccessible(s);
    await s.getByLabel("Flags from distinct members that hide a post").fill("3");
    await s.getByRole("button", { name: "Save limits" }).click();
    await s.getByText("Limits saved.").waitFor();

    await visit(s, `${app.url}/p/${reply.postId}/moderate`);
    await s
      .getByLabel("Target topic (number or link)")
      .fill(`${app.url}/t/refund-policies-across-our-teams/${target.topicId}`);
    await s.getByRole("button", { name: "Move replies" }).click();
    await s.waitForURL((u) => u.pathname.includes(`/${target.topicId}/2`));
    await s.locator("#post-2").getByText("A reply about refunds", { exact: false }).waitFor();
    await expectAccessible(s);

    await visit(s, `${app.url}/t/${source.topicId}/admin`);
    await s.getByRole("button", { name: "Close topic" }).click();
    await s.getByText("This topic is closed: no new replies.").waitFor();

    await visit(s, `${app.url}/u/${member.username}/moderate`);
    await s.getByRole("radio", { name: /^Silence/ }).check();
    await s.getByLabel("For how many days").fill("3");
    await s.getByLabel("Reason").fill("Posting the same link in many topics");
    await s.getByRole("button", { name: "Apply sanction" }).click();
    await s.getByText("Silenced until", { exact: false }).waitFor();
    await expectAccessible(s);

    // the silenced member is told why and until when, and keeps their text
    const m = await signedIn(member.username, false, `/t/refund-policies-across-our-teams/${target.topicId}`);
    await m.getByLabel("Your post").fill("I would like to add something to this discussion.");
    await m.getByRole("button", { name: "Post reply" }).click();
    // the refusal above the composer, and the banner every page shows while the sanction lasts
    await m.getByRole("alert").getByText("Reason: Posting the same link in many topics", { exact: false }).waitFor();
    expect(await m.getByRole("status").getByText("You are silenced until", { exact: false }).count()).toBe(1);
    expect(await m.getByLabel("Your post").inputValue()).toBe("I would like to add something to this discussion.");
    await expectAccessible(m);

    // bookmarks with a reminder, the bookmarks page, notification settings, revisions
    await visit(m, `${app.url}/p/${reply.postId}/bookmark`);
    await m.getByLabel("Remind me on (optional)").fill("2030-01-02T09:30");
    await m.getByRole("button", { name: "Save bookmark" }).click();
    await m.waitForURL((u) => u.pathname.includes(`/${target.topicId}/`));
    await visit(m, `${app.url}/my/bookmarks`);
    await m.getByText(/Reminder: .*2030/).waitFor();
    await visit(m, `${app.url}/my/notifications/settings`);
    await m.getByLabel("Likes").selectOption("immediately");
    await m.getByRole("button", { name: "Save settings" }).click();
    await m.getByText("Settings saved.").waitFor();
    expect(await m.getByLabel("Likes").inputValue()).toBe("immediately");
    await visit(m, `${app.url}/p/${reply.postId}/revisions`);
    await m.getByText("This post has not been edited.").waitFor();

    // members do not reach staff pages
    for (const path of [
      "/admin/categories",
      "/admin/limits",
      `/p/${reply.postId}/moderate`,
      `/t/${source.topicId}/admin`,
      `/u/${author.username}/moderate`,
      "/review",
    ]) {
      expect((await m.goto(`${app.url}${path}`))?.status(), path).toBe(404);
    }
    for (const p of [s, m]) await p.context().close();
  }, 300_000);
});
