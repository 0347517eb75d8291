// The topic page's reading tools in Chromium, JavaScript on and off: user cards (a card with JavaScript,
// the profile without), suggested topics (never a private one), /t/:slug, the position line and its jumps
// (first unread, last, a date, the reply box), in English and French.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { expectAccessible, hasChromium, newPage, signInInPage, useAppAndBrowser, visit } from "../setup/browser";
import { ageUser, createCategory, makeReply, makeTopic } from "../factories/topics";
import { createProfile } from "../factories/profiles";
import { createAdmin, createUser } from "../factories/users";

describe.skipIf(!hasChromium)("topic reading tools in the browser", () => {
  const live = useAppAndBrowser();
  let topicPath: string;
  let topicSlug: string;
  let secretSlug: string;
  let siblingTitle: string;
  let longPath: string;

  beforeAll(async () => {
    const category = await createCategory({ name: "Queues and waiting" });
    const staffRoom = await createCategory({ see: "staff", post: "staff", reply: "staff" });
    const nia = await createProfile({ username: "nia_public", displayName: "Nia Public", visibility: "public" });
    const hugo = await createProfile({ username: "hugo_hidden", displayName: "Hugo Hidden", visibility: "hidden" });
    await Promise.all([ageUser(nia), ageUser(hugo)]);
    const topic = await makeTopic(nia, category, { title: "Keeping a queue calm on a busy Monday" });
    for (let i = 0; i < 11; i++) await makeReply(i % 2 ? nia : hugo, topic, `Reply number ${i + 2} on calm queues.`);
    // posts 1-6 written on 1 January, 7-12 on 1 February
    await db
      .updateTable("posts")
      .set({ created_at: new Date("2026-01-01T09:00:00Z") })
      .where("topic_id", "=", topic.topicId)
      .where("post_number", "<=", 6)
      .execute();
    await db
      .updateTable("posts")
      .set({ created_at: new Date("2026-02-01T09:00:00Z") })
      .where("topic_id", "=", topic.topicId)
      .where("post_number", ">", 6)
      .execute();
    topicPath = topic.url;
    topicSlug = topicPath.split("/")[2]!;
    siblingTitle = "Signage that shortens a waiting line";
    await makeTopic(nia, category, { title: siblingTitle });
    const long = await makeTopic(nia, category, { title: "Twenty-five ways to thank a waiting customer" });
    for (let i = 0; i < 24; i++) await makeReply(nia, long, `Way number ${i + 2} to say thank you for waiting.`);
    longPath = long.url;
    const admin = await createAdmin({ username: "staff_stella" });
    await ageUser(admin);
    const secret = await makeTopic(admin, staffRoom, { title: "Confidential queue staffing review" });
    secretSlug = secret.url.split("/")[2]!;
  }, 120_000);

  for (const javaScriptEnabled of [true, false]) {
    const jsLabel = `(JavaScript ${javaScriptEnabled ? "on" : "off"})`;

    test(`a visitor taps an author: a card with JavaScript, the profile without ${jsLabel}`, async () => {
      const page = await newPage(live.browser, { javaScriptEnabled });
      await visit(page, `${live.app.url}${topicPath}`);
      const first = page.locator("#post-1 .post-author a");
      expect(await first.getAttribute("href")).toBe("/u/nia_public");
      await first.click();
      if (!javaScriptEnabled) {
        await page.waitForURL(/\/u\/nia_public$/);
        await page.getByRole("heading", { name: "Nia Public" }).waitFor();
        await page.goto(`${live.app.url}${topicPath}`);
        await page.locator("#post-2 .post-author a").click();
        await page.waitForURL(/\/u\/hugo_hidden$/);
        await page.getByRole("heading", { name: "Private profile" }).waitFor();
        await page.context().close();
        return;
      }
      const card = page.getByRole("dialog", { name: "About Nia Public" });
      await card.waitFor();
      expect(await card.textContent()).toMatch(/Joined .*2026/);
      expect(await card.textContent()).toContain("Last post");
      expect(await card.getByRole("link", { name: "View profile" }).getAttribute("href")).toBe("/u/nia_public");
      // personal messages are for members
      expect(await card.getByRole("link", { name: "Message" }).count()).toBe(0);
      expect(page.url()).toContain(topicPath);
      await expectAccessible(page);
      await page.keyboard.press("Escape");
      await card.waitFor({ state: "detached" });
      // a hidden profile: a card saying so, never an error
      await page.locator("#post-2 .post-author a").click();
      const hidden = page.getByRole("dialog", { name: "About Hugo Hidden" });
      await hidden.getByText("This member's profile is private.").waitFor();
      expect(await hidden.textContent()).not.toContain("Joined");
      await page.context().close();
    }, 120_000);

    test(`a member's card offers a message; suggested topics and the jumps work ${jsLabel}`, async () => {
      const member = await createUser({ username: javaScriptEnabled ? "rea_js" : "rea_nojs" });
      await ageUser(member);
      const page = await newPage(live.browser, { javaScriptEnabled });
      await signInInPage(page, live.app.url, member.username);
      await visit(page, `${live.app.url}${topicPath}`);
      if (javaScriptEnabled) {
        await page.locator("#post-1 .post-author a").click();
        const card = page.getByRole("dialog", { name: "About Nia Public" });
        const message = card.getByRole("link", { name: "Message" });
        expect(await message.getAttribute("href")).toBe("/messages/new?to=nia_public");
        await card.getByRole("button", { name: "Close" }).click();
        await card.waitFor({ state: "detached" });
      }
      // suggested: the sibling, marked new; never the staff-only topic
      const suggested = page.locator("section.suggested-topics");
      await suggested.getByRole("link", { name: siblingTitle }).waitFor();
      expect(await suggested.textContent()).toContain("New");
      expect(await page.content()).not.toContain("Confidential");

      // the position line and the jumps
      const nav = page.getByRole("navigation", { name: "Topic navigation" });
      expect(await nav.locator(".topic-progress").textContent()).toBe("Posts 1–12 of 12");
      expect(await nav.getByRole("link", { name: "Jump to the reply box" }).getAttribute("href")).toBe("#composer");
      await nav.getByRole("link", { name: "Jump to the reply box" }).click();
      await page.waitForURL(/#composer$/);
      if (javaScriptEnabled) {
        // the line follows the reading
        await page.evaluate(() => document.getElementById("post-8")!.scrollIntoView({ block: "start" }));
        await page.waitForFunction(() =>
          /^\d+ of 12$/.test(document.querySelector(".topic-progress")!.textContent ?? ""),
        );
      }
      await nav.getByLabel("Jump to a date").fill("2026-01-15");
      await nav.getByRole("button", { name: "Go" }).click();
      await page.waitForURL(new RegExp(`${topicPath}/7#post-7$`));
      await expectAccessible(page);
      await page
        .getByRole("navigation", { name: "Topic navigation" })
        .getByRole("link", { name: "First post" })
        .click();
      await page.waitForURL(new RegExp(`${topicPath}$`));
      await page.context().close();
    }, 120_000);

    test(`a long topic: last post and first unread ${jsLabel}`, async () => {
      const member = await createUser({ username: javaScriptEnabled ? "lee_js" : "lee_nojs" });
      await ageUser(member);
      const page = await newPage(live.browser, { javaScriptEnabled });
      await signInInPage(page, live.app.url, member.username);
      await visit(page, `${live.app.url}${longPath}`);
      const nav = page.getByRole("navigation", { name: "Topic navigation" });
      expect(await nav.locator(".topic-progress").textContent()).toBe("Posts 1–20 of 25");
      // the page read counts as read: back on the first page, the first unread one is post 21
      await page.goto(`${live.app.url}${longPath}`);
      await page.getByRole("link", { name: "Jump to first unread post" }).click();
      await page.waitForURL(new RegExp(`${longPath}/21#post-21$`));
      await page.goto(`${live.app.url}${longPath}`);
      await page.getByRole("navigation", { name: "Topic navigation" }).getByRole("link", { name: "Last post" }).click();
      await page.waitForURL(new RegExp(`${longPath}/25#post-25$`));
      await page.locator("#post-25").waitFor();
      await page.context().close();
    }, 120_000);

    test(`/t/:slug leads to the topic; a private topic's slug is a 404 page ${jsLabel}`, async () => {
      const page = await newPage(live.browser, { javaScriptEnabled });
      const res = await page.goto(`${live.app.url}/t/${topicSlug}`);
      expect(res?.status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe(topicPath);
      const hidden = await page.goto(`${live.app.url}/t/${secretSlug}`);
      expect(hidden?.status()).toBe(404);
      expect(await page.content()).not.toContain("Confidential");
      await page.getByRole("heading", { name: "Page not found" }).waitFor();
      await page.context().close();
    }, 60_000);
  }

  test("in French: the position line, the jumps, the suggestions and the card", async () => {
    const page = await newPage(live.browser, { locale: "fr-FR" });
    await visit(page, `${live.app.url}${topicPath}/12`);
    const nav = page.getByRole("navigation", { name: "Navigation dans le sujet" });
    expect(await nav.locator(".topic-progress").textContent()).toMatch(/^(Messages \d+ à 12 sur 12|\d+ sur 12)$/);
    await nav.getByRole("link", { name: "Premier message" }).waitFor();
    await page.getByRole("heading", { name: "Sujets suggérés" }).waitFor();
    await page.locator("#post-11 .post-author a").click();
    const card = page.getByRole("dialog", { name: "À propos de Nia Public" });
    await card.getByRole("link", { name: "Voir le profil" }).waitFor();
    expect(await card.textContent()).toContain("Inscrit·e le");
    await page.context().close();
  }, 60_000);
});
