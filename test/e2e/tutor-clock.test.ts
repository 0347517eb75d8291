// A learner asks their tutor from the dashboard; the tutor sees the question waiting with its
// clock, answers it in the group space, and the clock stops. axe-core checks every page visited.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { makeGroup, member } from "../factories/groups";
import { ensureProgramme } from "../factories/progress";
import { TEST_PASSWORD } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { expectAccessible, hasChromium, launchBrowser, newPage, visit } from "../setup/browser";
import { signInCookie } from "../setup/two-factor";

describe.skipIf(!hasChromium)("the tutor response clock in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  let setup: Awaited<ReturnType<typeof makeGroup>>;
  beforeAll(async () => {
    // the group (and its category) exist before the app starts, so its category cache has them
    setup = await makeGroup({ learners: 1 });
    await db.updateTable("users").set({ display_name: "Tendai Moyo" }).where("id", "=", setup.tutor.id).execute();
    [app, browser] = await Promise.all([startApp({ JOBS: "on" }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function signedIn(user: { username: string }): Promise<Page> {
    const [name, value] = (await signInCookie(app, { username: user.username, password: TEST_PASSWORD })).split("=");
    const page = await newPage(browser);
    page.context().setDefaultTimeout(30_000);
    await page.context().addCookies([{ name, value, url: app.url }]);
    return page;
  }

  test("a learner asks the tutor, the tutor sees the clock and answers", async () => {
    const { group, tutor, learners } = setup;
    const title = "How do I calm a customer whose refund is late?";

    // the learner finds their tutor on the dashboard and asks
    const learner = await signedIn(learners[0]);
    await visit(learner, `${app.url}/progress`);
    await learner.getByText("Tendai Moyo").first().waitFor();
    await learner.getByRole("link", { name: "Ask Tendai Moyo a question" }).click();
    await learner.waitForURL(/\/new-topic\?category=/);
    expect(await learner.getByLabel("Category").inputValue()).toBe(group.category_slug);
    await expectAccessible(learner);
    await learner.getByLabel("Title").fill(title);
    await learner
      .getByLabel("Your post")
      .fill("The bank says five days, it has been ten. What can I tell the customer today?");
    await learner.getByRole("button", { name: "Create topic" }).click();
    // either the topic page or the form's sentence (shown as the failure, not a bare timeout)
    const outcome = await Promise.race([
      learner.waitForURL(/\/t\/[^/]+\/\d+$/).then(
        () => "topic",
        () => "timeout",
      ),
      learner
        .locator(".form-error")
        .waitFor()
        .then(
          () => "error",
          () => "timeout",
        ),
    ]);
    if (outcome === "error") expect.fail(await learner.locator(".form-error").innerText());
    await learner.waitForURL(/\/t\/[^/]+\/\d+$/);
    const topicPath = new URL(learner.url()).pathname;

    // a day has passed (the clock reads stored timestamps): the question is overdue
    const q = await db
      .selectFrom("tutor_questions")
      .select(["id", "asked_at"])
      .where("asked_by", "=", learners[0].id)
      .executeTakeFirstOrThrow();
    await db
      .updateTable("tutor_questions")
      .set({ asked_at: new Date(q.asked_at.getTime() - 25 * 3_600_000) })
      .where("id", "=", q.id)
      .execute();

    const t = await signedIn(tutor);
    await visit(t, `${app.url}/tutor`);
    const waiting = t.getByTestId("waiting-questions").getByRole("listitem");
    expect(await waiting.count()).toBe(1);
    const item = waiting.first();
    expect(await item.getByRole("link").innerText()).toBe(title);
    expect(await item.locator(".status").innerText()).toBe("Overdue");
    expect(await item.innerText()).toMatch(/waiting 25 h 0\d min/);

    // the tutor answers in the topic: the clock stops
    await item.getByRole("link", { name: title }).click();
    await t.waitForURL((u) => u.pathname.startsWith(topicPath));
    await t.getByLabel("Your post").fill("Tell them the date you escalated, and call the bank with them on the line.");
    await t.getByRole("button", { name: "Post reply" }).click();
    await t.locator("#post-2").waitFor();
    await visit(t, `${app.url}/tutor`);
    await t.getByText("No question is waiting for you.").waitFor();
    const row = await db
      .selectFrom("tutor_questions")
      .select(["answered_by", "answered_at"])
      .where("id", "=", q.id)
      .executeTakeFirstOrThrow();
    expect(row.answered_by).toBe(tutor.id);

    // the learner reads the answer in their group space
    await visit(learner, `${app.url}${topicPath}`);
    await learner.getByText("call the bank with them on the line").waitFor();
  }, 180_000);

  test(
    "staff create a group and add a learner; the tutor marks readiness; a learner appeals, staff decide (every " +
      "page passes axe)",
    async () => {
      const { admin, tutor, learners, group } = setup;
      await ensureProgramme();
      const newcomer = await member(1);
      await db
        .insertInto("assessment_results")
        .values({
          user_id: learners[0].id,
          assessment: "aptitude-test-2.0",
          score: 82,
          taken_on: "2026-11-02",
          attempt: 1,
        })
        .execute();

      const s = await signedIn(admin);
      await visit(s, `${app.url}/admin/groups`);
      await s.getByLabel("Group name").fill("Accra weekend cohort");
      await s.getByLabel("Cohort starts").fill("2027-01-10");
      await s.getByLabel("Cohort ends").fill("2027-04-10");
      await s.getByLabel("Tutor", { exact: true }).fill(tutor.username);
      await s.getByRole("button", { name: "Create the group" }).click();
      await s.waitForURL(/\/admin\/groups\/\d+\?created=1/);
      await expectAccessible(s);
      await s.getByRole("textbox", { name: "Learner" }).fill(newcomer.username);
      await s.getByRole("button", { name: "Add to the group" }).click();
      await s.getByText(`${newcomer.username} was added to the group.`).waitFor();
      await expectAccessible(s);

      const t = await signedIn(tutor);
      await visit(t, `${app.url}/tutor/groups/${group.id}`);
      await t.getByLabel(/Note on .*readiness/).fill("Two good questions and a clear summary of service recovery.");
      await t.getByRole("button", { name: "Mark ready for assessment" }).click();
      await t.getByText("is marked ready for assessment.").waitFor();
      await expectAccessible(t);

      const l = await signedIn(learners[0]);
      await visit(l, `${app.url}/my/appeals`);
      await l.getByLabel(/Why do you appeal/).fill("Question 7 accepted only one of two correct answers.");
      await l.getByRole("button", { name: "Send the appeal" }).click();
      await l.getByText("Your appeal was sent to staff.").waitFor();
      await expectAccessible(l);

      await visit(s, `${app.url}/admin/appeals`);
      await s.getByLabel("Decision", { exact: true }).selectOption("upheld");
      // an upheld appeal of a result says what is done about it: here a regrade
      await s.getByLabel("Remedy (when upheld)").selectOption("regrade");
      await s.getByLabel(/New score/).fill("88");
      await s.getByLabel("Reason for the decision").fill("Question 7 is ambiguous; the result is corrected.");
      await s.getByRole("button", { name: "Record the decision" }).click();
      await s.getByText("The decision was recorded and the learner notified.").waitFor();
      await expectAccessible(s);
      await visit(s, `${app.url}/admin/tutor-clock`);
      await visit(l, `${app.url}/my/appeals`);
      await l.getByText("Reason given: Question 7 is ambiguous; the result is corrected.").waitFor();
      const regraded = await db
        .selectFrom("assessment_results")
        .select("score")
        .where("user_id", "=", learners[0].id)
        .executeTakeFirstOrThrow();
      expect(Number(regraded.score)).toBe(88);
    },
    180_000,
  );
});
