// In Chromium, through the real pages: a learner opens an online assessment, answers (each
// choice saved as it is made; a choice made while offline is not, and the ones saved before stay
// after a reload), submits, reads "Not yet passed" with feedback, and is refused a retake with the
// time the cool-down ends, in their own time zone. axe-core runs on every page visited.
// Needs the built app: `npx remix build` first.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { createBank, putOnline } from "../factories/assessments";
import { createMember } from "../factories/progress";
import { createAdmin } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { signedInPage } from "../setup/session";
import { expectAccessible, hasChromium, launchBrowser, visit } from "../setup/browser";

describe.skipIf(!hasChromium)("an online assessment in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    const bank = await createBank({ size: 6 });
    await putOnline("aptitude-test-2.0", bank.id, { count: 4, timeLimitMinutes: 20, cooldownHours: 24 });
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("a learner takes an assessment, fails, and is refused a retake with the time shown", async () => {
    const member = await createMember({ level: 1, username: "zawadi_learner", timeZone: "Africa/Nairobi" });
    const page = await signedInPage(browser, app, member);
    page.setDefaultTimeout(20_000);

    await visit(page, `${app.url}/assessments`);
    await page.getByText("You can start now.").waitFor();
    await page.getByRole("link", { name: "Customer Service Aptitude Test 2.0" }).click();
    await page.waitForURL(/\/assessments\/aptitude-test-2\.0$/);
    await page.getByText("4 questions, drawn at random.").waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Start the assessment" }).click();
    await page.waitForURL(/\/assessments\/attempts\/\d+$/);
    await expectAccessible(page);

    // a wrong answer to every question, each saved as it is chosen
    const questions = page.locator("fieldset[data-question]");
    expect(await questions.count()).toBe(4);
    const option = (i: number, text: RegExp) =>
      questions.nth(i).locator("label").filter({ hasText: text }).locator("input");
    for (let i = 0; i < 4; i++) {
      const q = questions.nth(i);
      await option(i, /^\s*Wrong \d+$/).check();
      await q.getByText(/^Saved at /).waitFor();
      // the counter follows each save, without a reload
      await page.getByText(`${i + 1} of 4 questions answered.`).waitFor();
    }
    // the connection drops: a change made offline is not saved, and says so
    await page.context().setOffline(true);
    await option(0, /^\s*Not this \d+$/).check();
    await questions
      .nth(0)
      .getByText(/^Not saved: no connection\./)
      .waitFor();
    await page.context().setOffline(false);
    await page.reload();
    for (let i = 0; i < 4; i++) expect(await option(i, /^\s*Wrong \d+$/).isChecked()).toBe(true);
    await page.getByText("4 of 4 questions answered.").waitFor();

    await page.getByRole("button", { name: "Submit for marking" }).click();
    await page.getByText("Not yet passed").waitFor();
    await page.getByText("Score: 0% (pass mark 85%).").waitFor();
    await page.getByRole("heading", { name: "4 questions to review" }).waitFor();
    // a bank of 6 for 4 questions is small enough to memorise: the right answers are withheld after a fail
    await page.getByText(/^The right answers are not shown after a fail/).waitFor();
    expect(await page.getByText(/^Right answer/).count()).toBe(0);
    expect(await page.getByText(/^Your answer: Wrong \d+$/).count()).toBe(4);
    await expectAccessible(page);

    const attempt = await db
      .selectFrom("assessment_attempts")
      .select(["closed_at"])
      .where("user_id", "=", member.id)
      .executeTakeFirstOrThrow();
    const ends = new Date(attempt.closed_at!.getTime() + 24 * 3_600_000);
    // English pages format dates as British English (app/i18n.ts intlLocale)
    const shown = new Intl.DateTimeFormat("en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "Africa/Nairobi",
    }).format(ends);
    const moment = {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Africa/Nairobi",
      timeZoneName: "short",
    } as const;
    const startFrom = new Intl.DateTimeFormat("en-GB", moment).format(ends);

    await page.getByRole("link", { name: "Back to the assessment" }).click();
    await page.waitForURL(/\/assessments\/aptitude-test-2\.0$/);
    await page.getByText("Not yet passed. You can take it again from").waitFor();
    // during the cool-down the Start button is disabled and says when it comes back
    const startButton = page.getByRole("button", { name: "Start the assessment" });
    expect(await startButton.isDisabled()).toBe(true);
    await page.getByText(`Available again from ${startFrom}.`).waitFor();
    // a post anyway (an old tab) is still refused with the time
    const refused = await page.request.post(page.url(), { form: {}, headers: { Origin: app.url } });
    expect(refused.status()).toBe(409);
    expect(await refused.text()).toContain(`You can take it again from ${shown}.`);
    await expectAccessible(page);
    expect(
      await db.selectFrom("assessment_attempts").select("id").where("user_id", "=", member.id).execute(),
    ).toHaveLength(1);
    await page.context().close();
  }, 180_000);

  test("staff pages: settings, banks, a question refused then added, and the attempt's audit trail", async () => {
    const admin = await createAdmin({ username: "staff_assessor" });
    const page = await signedInPage(browser, app, admin);
    page.setDefaultTimeout(20_000);
    await visit(page, `${app.url}/admin/assessments`);
    await page.getByRole("form", { name: "Online delivery of Customer Service Aptitude Test 2.0" }).waitFor();
    await page.getByRole("link", { name: "Question banks" }).first().click();
    await page.waitForURL(/\/admin\/question-banks$/);
    await expectAccessible(page);
    await page
      .getByRole("link", { name: /^Bank / })
      .first()
      .click();
    await page.waitForURL(/\/admin\/question-banks\/\d+$/);
    await expectAccessible(page);
    await page.getByLabel("Question", { exact: true }).fill("Which greeting suits a phone call?");
    await page.getByLabel("Option 1", { exact: true }).fill("Good morning, Touchpoints, Ama speaking. How can I help?");
    await page.getByRole("button", { name: "Add the question" }).click();
    await page.getByText("Give at least two options.").waitFor();
    expect(await page.getByLabel("Question", { exact: true }).inputValue()).toBe("Which greeting suits a phone call?");
    await expectAccessible(page);
    await page.getByLabel("Option 2", { exact: true }).fill("Yes?");
    await page.getByLabel("Option 1 is right").check();
    await page.getByRole("button", { name: "Add the question" }).click();
    await page.getByText("Question added.").waitFor();
    await page.locator("li strong", { hasText: "Which greeting suits a phone call?" }).waitFor();
    expect(await page.getByLabel("Question", { exact: true }).inputValue()).toBe("");

    const attempt = await db.selectFrom("assessment_attempts").select("id").executeTakeFirstOrThrow();
    await visit(page, `${app.url}/assessments/attempts/${attempt.id}`);
    await page.getByRole("heading", { name: "Every answer given (audit trail)" }).waitFor();
    await page.context().close();
  }, 120_000);
});
