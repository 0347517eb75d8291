// In Chromium, through the real pages: staff record a level-1 member's webinar and test result,
// the member applies for level 2, an admin approves, the member sees level 2 and its
// requirements, and the audit log names the approver. axe-core runs on every page visited.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { createMember } from "../factories/progress";
import { createAdmin } from "../factories/users";
import { expectAccessible, hasChromium, newPage, visit, useAppAndBrowser, signInInPage } from "../setup/browser";

const t0 = Date.now();
const step = (m: string) => process.env.E2E_TRACE && console.log(`${((Date.now() - t0) / 1000).toFixed(1)}s ${m}`);

async function signIn(page: Page, appUrl: string, email: string) {
  step(`sign in ${email}`);
  await signInInPage(page, appUrl, email);
}

describe.skipIf(!hasChromium)("the career journey in the browser", () => {
  const live = useAppAndBrowser();

  test("a level-1 member completes the level, applies, and an admin approves: the member is at level 2", async () => {
    const member = await createMember({ level: 1, username: "amina_level1", email: "amina@example.org" });
    const admin = await createAdmin({ username: "tunde_staff" });

    const staff = await newPage(live.browser);
    await signIn(staff, live.app.url, admin.email);
    await visit(staff, `${live.app.url}/admin`);
    await staff.getByRole("link", { name: "Results" }).first().click();
    await staff.waitForURL(/\/admin\/results$/);
    await expectAccessible(staff);

    // a CSV with a problem row: listed in the preview, nothing written
    await staff.getByLabel("What the file holds").selectOption("assessment");
    await staff
      .getByLabel("Or paste the CSV here")
      .fill(
        "email,test,score,date\n" +
          `${member.email},aptitude-test-2.0,120,2026-11-02\n` +
          "ghost@example.org,aptitude-test-2.0,90,2026-11-02\n",
      );
    await staff.getByRole("button", { name: "Check the file" }).click();
    await staff.getByText("2 rows have problems").waitFor();
    await staff.getByText("The score 120 is not between 0 and 100.").waitFor();
    await staff.getByText("No member has the email ghost@example.org.").waitFor();
    await expectAccessible(staff);
    expect(
      await db.selectFrom("assessment_results").select("id").where("user_id", "=", member.id).execute(),
    ).toHaveLength(0);

    // webinar attendance by CSV, previewed then confirmed
    await staff.getByLabel("What the file holds").selectOption("webinar");
    await staff
      .getByLabel("Or paste the CSV here")
      .fill(`email,webinar,date\n${member.email},webinar-1.0,2026-11-01\n`);
    await staff.getByRole("button", { name: "Check the file" }).click();
    await staff.getByText("The row is ready to be written.").waitFor();
    await staff.getByRole("button", { name: "Write 1 row" }).click();
    await staff.getByText("1 row written.").waitFor();

    // the test result, typed in
    const assessmentForm = staff.locator("section", {
      has: staff.getByRole("heading", { name: "Record an assessment result" }),
    });
    await assessmentForm.getByLabel("Member's email").fill(member.email);
    await assessmentForm.getByLabel("Test").selectOption("aptitude-test-2.0");
    await assessmentForm.getByLabel("Score (%)").fill("85");
    await assessmentForm.getByLabel("Date").fill("2026-11-02");
    await assessmentForm.getByRole("button", { name: "Record the result" }).click();
    await staff.getByText(`Recorded for @${member.username}.`).waitFor();
    await expectAccessible(staff);

    // the member sees both conditions met and applies
    const mine = await newPage(live.browser);
    await signIn(mine, live.app.url, member.email);
    await visit(mine, `${live.app.url}/progress`);
    await mine.getByText("Level 1: Customer Service Junior Practitioner").waitFor();
    const webinar = mine.locator('[data-requirement="l1-webinar-1"]');
    await webinar.getByText("Done").waitFor();
    await mine.locator('[data-requirement="l1-aptitude-test-2"]').getByText("Best score 85% (pass mark 85%)").waitFor();
    await mine.getByRole("link", { name: "Apply for level 2" }).click();
    await mine.waitForURL(/\/apply$/);
    await expectAccessible(mine);
    await mine.getByLabel("Current role").fill("Customer service officer");
    await mine.getByLabel("Evidence links").fill("not a link");
    await mine.getByRole("button", { name: "Send my application" }).click();
    await mine.getByText("Each line must be a web address starting with http:// or https://.").waitFor();
    expect(await mine.getByLabel("Current role").inputValue()).toBe("Customer service officer");
    await expectAccessible(mine);
    await mine.getByLabel("Evidence links").fill("https://example.org/certificate");
    await mine.getByRole("button", { name: "Send my application" }).click();
    await mine.waitForURL(/\/progress$/);
    await mine.getByText("Your application for Customer Service Professional is waiting for review.").waitFor();

    // applying twice: a clear message
    await visit(mine, `${live.app.url}/apply`);
    await mine.getByText("You already have an application waiting for review.").waitFor();

    // the admin approves from the queue, beside the applicant's progress
    await visit(staff, `${live.app.url}/admin/applications`);
    await staff.getByRole("link", { name: member.display_name }).click();
    await staff.waitForURL(/\/admin\/applications\/\d+$/);
    await staff.getByText("Progress of amina level1").waitFor();
    await expectAccessible(staff);
    await staff.getByRole("button", { name: "Approve" }).click();
    await staff.getByText(`Approved · @${admin.username}`).waitFor();
    await expectAccessible(staff);

    // the member is at level 2 with its requirements
    await visit(mine, `${live.app.url}/progress`);
    await mine.getByText("Level 2: Customer Service Professional").waitFor();
    await mine.locator('[data-requirement="l2-distinct-topics"]').getByText("0 of 5 topics").waitFor();
    await mine.locator('[data-requirement="l2-ccxmp-exam"]').waitFor();

    // the audit log names the approver
    const audit = await db
      .selectFrom("audit_log as a")
      .innerJoin("users as u", "u.id", "a.actor_id")
      .select(["u.username", "a.after"])
      .where("a.action", "=", "application.approve")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ username: admin.username, after: { level: 2 } });

    // nobody else sees the member's progress; staff do
    const other = await createMember({ level: 2, username: "kwame_other" });
    const stranger = await newPage(live.browser);
    await signIn(stranger, live.app.url, other.email);
    const res = await stranger.goto(`${live.app.url}/u/${member.username}/progress`);
    expect(res?.status()).toBe(404);
    const staffView = await staff.goto(`${live.app.url}/u/${member.username}/progress`);
    expect(staffView?.status()).toBe(200);
    await staff.getByText("Level 2: Customer Service Professional").waitFor();
    for (const p of [staff, mine, stranger]) await p.context().close();
  }, 240_000);

  test("the progress page works without JavaScript: a new member enrols from it", async () => {
    const member = await createMember({ username: "nojs_newcomer" });
    const page = await newPage(live.browser, { javaScriptEnabled: false });
    await signIn(page, live.app.url, member.email);
    await visit(page, `${live.app.url}/progress`);
    await page.getByText("You are not enrolled in the career journey yet.").waitFor();
    await page.getByRole("link", { name: "Apply for level 1 (enrolment)" }).click();
    await page.waitForURL(/\/apply$/);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Send my application" }).click();
    await page.waitForURL(/\/progress$/);
    await page.getByText("Your application for Customer Service Junior Practitioner is waiting for review.").waitFor();
    await expectAccessible(page);
    await page.context().close();
  }, 120_000);
});
