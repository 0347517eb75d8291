// The forum's pages in Chromium, with JavaScript on and off: lists, a topic, preview, reply, like,
// a new topic (with the new-member limits shown first), and a private topic that does not exist.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { expectAccessible, hasChromium, newPage, signInInPage, useAppAndBrowser, visit } from "../setup/browser";
import { ageUser, backdatePosts, createCategory, makeReply, makeTopic } from "../factories/topics";
import { createAdmin, createUser } from "../factories/users";

describe.skipIf(!hasChromium)("forum pages in the browser", () => {
  const live = useAppAndBrowser();
  let topicPath: string;
  let secretPath: string;
  let category: { slug: string; name: string };
  let author: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    category = await createCategory({ slug: "service-recovery-talk", name: "Service recovery talk" });
    const staffOnly = await createCategory({
      slug: "staff-room",
      name: "Staff room",
      see: "staff",
      post: "staff",
      reply: "staff",
    });
    author = await createUser({ username: "ama_author", displayName: "Ama Author" });
    await ageUser(author);
    const topic = await makeTopic(author, category, {
      title: "How do you apologise without sounding scripted?",
      body: "I keep hearing **scripted** apologies on calls. What works for you?",
    });
    await makeReply(author, topic, "Adding a table:\n\n| Step | Say |\n| --- | --- |\n| 1 | I am sorry |");
    topicPath = topic.url;
    const admin = await createAdmin({ username: "staff_sam" });
    await ageUser(admin);
    const secret = await makeTopic(admin, staffOnly, { title: "Confidential: salary review for tutors" });
    secretPath = secret.url;
  });

  test("a visitor reads the lists and a topic; a private topic answers 404 and its title appears nowhere", async () => {
    const page = await newPage(live.browser);
    for (const path of ["/latest", "/top", "/categories", `/c/${category.slug}`]) {
      await visit(page, `${live.app.url}${path}`);
      expect(await page.content()).not.toContain("Confidential");
    }
    await page.getByRole("link", { name: "How do you apologise without sounding scripted?" }).first().click();
    await page.waitForURL(new RegExp(topicPath));
    await expectAccessible(page);
    expect(await page.locator("article.post").count()).toBe(2);
    expect(await page.locator(".post-body table").count()).toBe(1);
    const res = await page.goto(`${live.app.url}${secretPath}`);
    expect(res?.status()).toBe(404);
    expect(await page.title()).not.toContain("Confidential");
    await page.context().close();
  }, 120_000);

  test("with JavaScript the preview follows the typing and a selected sentence can be quoted", async () => {
    const member = await createUser({ username: "lulu_live", displayName: "Lulu Live" });
    const page = await newPage(live.browser);
    await signInInPage(page, live.app.url, member.username);
    await page.goto(`${live.app.url}${topicPath}`);
    await page.getByLabel("Your post").fill("Live **preview** without a click");
    await page.locator(".preview strong", { hasText: "preview" }).waitFor();
    // select the first post's words and quote them
    await page.locator("#post-1 .post-body strong").first().selectText();
    await page.getByRole("button", { name: "Quote selection" }).click();
    const text = await page.getByLabel("Your post").inputValue();
    expect(text).toContain('[quote="ama_author, post:1, topic:');
    expect(text).toContain("scripted");
    await expectAccessible(page);
    await page.context().close();
  }, 120_000);

  for (const javaScriptEnabled of [true, false]) {
    const jsLabel = `(JavaScript ${javaScriptEnabled ? "on" : "off"})`;
    test(`a member previews, replies, likes and starts a topic ${jsLabel}`, async () => {
      const member = await createUser({
        username: javaScriptEnabled ? "kemi_js" : "kemi_nojs",
        displayName: javaScriptEnabled ? "Kemi Js" : "Kemi Nojs",
      });
      const page = await newPage(live.browser, { javaScriptEnabled });
      await signInInPage(page, live.app.url, member.username);
      await visit(page, `${live.app.url}${topicPath}`);

      const body = page.getByLabel("Your post");
      await body.fill("Too short");
      await page.getByRole("button", { name: "Post reply" }).click();
      await page.getByText("Write at least 20 characters.").waitFor();
      await expectAccessible(page);
      expect(await page.getByLabel("Your post").inputValue()).toBe("Too short");

      const text = `then fix it, says ${member.username}`;
      await page.getByLabel("Your post").fill(`I say **sorry** once, ${text}. Thanks @ama_author!`);
      await page.getByRole("button", { name: "Preview" }).click();
      await page.locator(".preview strong", { hasText: "sorry" }).waitFor();
      await expectAccessible(page);
      await page.getByRole("button", { name: "Post reply" }).click();
      const mine = page.locator("article.post", { hasText: text });
      await mine.waitFor();
      expect(await mine.locator("a.mention").getAttribute("href")).toBe("/u/ama_author");
      await expectAccessible(page);

      await page.getByRole("button", { name: "Like this post by Ama Author" }).first().click();
      await page.getByRole("button", { name: "Remove your like from this post by Ama Author" }).first().waitFor();
      const likes = await db
        .selectFrom("post_likes")
        .innerJoin("users", "users.id", "post_likes.user_id")
        .select("post_likes.post_id")
        .where("users.username", "=", member.username)
        .execute();
      expect(likes).toHaveLength(1);

      await backdatePosts(member.id); // new members wait 30 s between posts: not the point here
      await visit(page, `${live.app.url}/new-topic?category=${category.slug}`);
      // A new member is told the limits before hitting them.
      await page.getByText("During your first day").waitFor();
      await page.getByLabel("Title").fill("Short");
      await page.getByLabel("Your post").fill("A body that is long enough to pass validation.");
      await page.getByRole("button", { name: "Create topic" }).click();
      await page.getByText("Give the topic a title of at least 15 characters.").waitFor();
      await expectAccessible(page);
      expect(await page.getByLabel("Your post").inputValue()).toBe("A body that is long enough to pass validation.");
      await page.getByLabel("Title").fill(`Welcome scripts that do not sound robotic ${javaScriptEnabled ? "A" : "B"}`);
      await page.getByRole("button", { name: "Create topic" }).click();
      await page.getByRole("heading", { level: 1, name: /Welcome scripts that do not sound robotic/ }).waitFor();
      await expectAccessible(page);
      await page.context().close();
    }, 120_000);
  }
});
