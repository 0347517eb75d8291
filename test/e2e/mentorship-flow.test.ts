// In Chromium, through the real pages: a level-4 member registers as a mentor; a level-2 member
// requests a mentor, sees them suggested with the reasons, asks; the mentor accepts; both post in
// the private thread; the mentor logs a session; the mentorship completes with feedback from both
// sides; the mentor's progress shows the mentoring requirement met. axe-core on the new pages.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { ensureCompetencies } from "../factories/profiles";
import { createMember } from "../factories/progress";
import { ageUser, backdatePosts, createCategory } from "../factories/topics";
import { TEST_PASSWORD } from "../factories/users";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { expectAccessible, hasChromium, launchBrowser, newPage, visit } from "../setup/browser";

/** Signs in over HTTP (the sign-in page is not what this test is about) and hands the cookie to a new page. */
async function signedIn(browser: Browser, app: TestApp, email: string): Promise<Page> {
  const res = await postForm(app, "/login", { email, password: TEST_PASSWORD, redirectTo: "/" });
  expect(res.status).toBe(302);
  const [name, value] = cookieFrom(res).split("=");
  const page = await newPage(browser);
  page.setDefaultTimeout(30_000);
  await page.context().addCookies([{ name, value, url: app.url }]);
  return page;
}

describe.skipIf(!hasChromium)("mentorship in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    await ensureCompetencies();
    await createCategory({
      slug: "mentorship",
      name: "Mentorship",
      see: "participants",
      post: "level:4",
      reply: "participants",
    });
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test(
    "register, request, suggestion with reasons, ask, accept, thread, session, completion with feedback, " +
      "requirement met",
    async () => {
      const leader = await createMember({ level: 4, username: "ngozi_leader", email: "ngozi@example.org" });
      const junior = await createMember({ level: 2, username: "kofi_junior", email: "kofi@example.org" });
      await db.updateTable("users").set({ display_name: "Ngozi Okafor" }).where("id", "=", leader.id).execute();
      await db.updateTable("users").set({ display_name: "Kofi Mensah" }).where("id", "=", junior.id).execute();
      for (const u of [leader, junior]) await ageUser(u);

      // 1. the leader registers as a mentor
      const mentor = await signedIn(browser, app, leader.email);
      await visit(mentor, `${app.url}/mentorship/mentor`);
      await mentor.getByLabel("How many mentees at once").fill("2");
      await mentor.getByRole("checkbox", { name: "Service Level Agreement Management" }).check();
      await mentor.getByRole("checkbox", { name: "English" }).check();
      await mentor.getByLabel("A short pitch").fill("Fifteen years running contact centres in Lagos and Accra.");
      await mentor.getByRole("button", { name: "Save my registration" }).click();
      await mentor.getByText("You are now a mentor.").waitFor();
      await expectAccessible(mentor);

      // 2. the junior requests, sees the mentor suggested with the reasons, asks
      const mentee = await signedIn(browser, app, junior.email);
      await visit(mentee, `${app.url}/mentorship/request`);
      await expectAccessible(mentee);
      await mentee
        .getByLabel("Your goals, in your own words")
        .fill("Negotiate realistic service levels with our biggest client.");
      await mentee.locator('select[name="competency.sla-management"]').selectOption("emerging");
      await mentee.getByLabel("Preferred language").selectOption("en");
      await mentee.getByRole("button", { name: "Open my request" }).click();
      await mentee.waitForURL(/\/mentorship\/suggestions$/);
      const card = mentee.locator(`#mentor-${leader.username}`);
      await card.getByText("Speaks English (+20)").waitFor();
      await card.getByText("Mentors Service Level Agreement Management (+30)").waitFor();
      await expectAccessible(mentee);
      await card.getByLabel("Message to Ngozi Okafor (optional)").fill("Your SLA work inspires me.");
      await card.getByRole("button", { name: "Ask Ngozi Okafor" }).click();
      await mentee.getByText("Your ask was sent.").waitFor();

      // 3. the mentor accepts
      await visit(mentor, `${app.url}/mentorship`);
      await mentor.getByText("Your SLA work inspires me.").waitFor();
      await expectAccessible(mentor);
      await mentor.getByRole("button", { name: "Accept" }).click();
      await mentor.waitForURL(/\/mentorship\/\d+/);
      const pagePath = new URL(mentor.url()).pathname;
      await expectAccessible(mentor);

      // 4. both post in the private thread
      await mentor.getByRole("link", { name: "Open the private thread" }).click();
      await mentor.waitForURL(/\/t\//);
      const threadPath = new URL(mentor.url()).pathname;
      await backdatePosts(leader.id);
      await mentor.getByLabel("Your post").fill("Welcome Kofi! Let us start with your client's current SLA.");
      await mentor.getByRole("button", { name: "Post reply" }).click();
      await mentor.locator("#post-2").waitFor();
      await visit(mentee, `${app.url}${threadPath}`);
      await mentee.getByLabel("Your post").fill("Thank you Ngozi, I will bring the contract on Monday.");
      await mentee.getByRole("button", { name: "Post reply" }).click();
      await mentee.locator("#post-3").waitFor();

      // 5. the mentor logs a session
      await visit(mentor, `${app.url}${pagePath}`);
      await mentor.getByLabel("Duration (minutes)").fill("45");
      await mentor.getByLabel("Notes").fill("Reviewed the SLA and the escalation matrix.");
      await mentor.getByRole("button", { name: "Log a session" }).click();
      await mentor.getByText("Reviewed the SLA and the escalation matrix.").waitFor();

      // 6. completion, then feedback from both sides
      await mentor.locator("#complete").getByRole("button", { name: "Mark as completed" }).click();
      await mentor.getByLabel("Rating (1 to 5)").waitFor();
      await mentor.getByLabel("Comment").fill("Kofi came prepared every time.");
      await mentor.getByRole("button", { name: "Send my feedback" }).click();
      await mentor.getByText("Thank you for your feedback.").waitFor();
      await expectAccessible(mentor);
      await visit(mentee, `${app.url}${pagePath}`);
      await mentee.getByLabel("Rating (1 to 5)").selectOption("5");
      await mentee.getByRole("button", { name: "Send my feedback" }).click();
      await mentee.getByText("Thank you for your feedback.").waitFor();
      expect(await db.selectFrom("mentorship_feedback").select(["role", "rating"]).orderBy("role").execute()).toEqual([
        { role: "mentee", rating: 5 },
        { role: "mentor", rating: 5 },
      ]);

      // 7. the mentor's progress shows the requirement met
      await visit(mentor, `${app.url}/progress`);
      const requirement = mentor.locator('[data-requirement="l4-mentoring"]');
      expect(await requirement.locator(".status").first().innerText()).toBe("Done");
      expect(await requirement.locator(`a[href="${pagePath}"]`).count()).toBe(1);
    },
    180_000,
  );
});
