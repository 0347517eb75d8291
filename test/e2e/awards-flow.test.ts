// In Chromium, through the real pages: staff open an awards round and assign a judge; a level-3
// member writes a draft, then submits a nomination with a PDF; staff close nominations; the judge
// scores it; staff publish the winner, who then holds an "Award winner <year>" badge.
// axe-core runs on every page visited. Needs the built app: `npx remix build` first.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { pdfBytes } from "../factories/files";
import { createMember, ensureProgramme } from "../factories/progress";
import { createAdmin, createUser } from "../factories/users";
import { expectAccessible, hasChromium, useAppAndBrowser, visit } from "../setup/browser";
import { localInputUtc, signedInPage } from "../setup/session";

const t0 = Date.now();
const step = (m: string) => process.env.E2E_TRACE && console.log(`${((Date.now() - t0) / 1000).toFixed(1)}s ${m}`);

describe.skipIf(!hasChromium)("awards in the browser", () => {
  beforeAll(async () => {
    await ensureProgramme();
  });
  const live = useAppAndBrowser();

  test("a level-3 member submits a nomination, a judge scores it, staff publish", async () => {
    const admin = await createAdmin({ username: "awards_staff" });
    const member = await createMember({ level: 3, username: "kemi_manager" });
    await db.updateTable("users").set({ display_name: "Kemi Adeyemi" }).where("id", "=", member.id).execute();
    const judge = await createUser({ username: "judge_amara", displayName: "Amara Judge" });
    const year = 2031;

    // staff open the round (deadline tomorrow, in the staff member's time zone: UTC)
    step("staff open the round");
    const staff = await signedInPage(live.browser, live.app, admin);
    await visit(staff, `${live.app.url}/admin/awards`);
    await staff.getByLabel("Year", { exact: true }).fill(String(year));
    await staff.getByLabel("Title", { exact: true }).fill(`Touchpoints Awards ${year}`);
    await staff
      .getByLabel("Nomination deadline", { exact: true })
      .fill(localInputUtc(new Date(Date.now() + 86_400_000)));
    await staff
      .getByLabel("Categories", { exact: true })
      .fill("Service leadership - leading a team through change\nCustomer champion");
    await staff.getByLabel("Criteria", { exact: true }).fill("Impact\nEvidence");
    await staff.getByRole("button", { name: "Open the round" }).click();
    await staff.getByText("The round is open.").waitFor();
    await expectAccessible(staff);
    const roundUrl = staff.url().split("?")[0];

    // and assign the judge to the first category
    step("and assign the judge");
    await staff.getByLabel("Judge's username for Service leadership", { exact: true }).fill(judge.username);
    await staff
      .locator("form", { has: staff.getByLabel("Judge's username for Service leadership", { exact: true }) })
      .getByRole("button", { name: "Assign" })
      .click();
    await staff.getByText("The judge is assigned.").waitFor();
    await expectAccessible(staff);

    // the member writes a draft, then comes back to submit with a PDF as evidence
    step("the member writes a draft");
    const mine = await signedInPage(live.browser, live.app, member);
    await visit(mine, `${live.app.url}/awards`);
    await mine.getByRole("link", { name: "Write or edit your nomination" }).click();
    await mine.waitForURL(/\/awards\/nominate/);
    await expectAccessible(mine);
    await mine.getByLabel("Statement", { exact: true }).fill("Draft: still thinking about it.");
    await mine.getByRole("button", { name: "Save as draft" }).click();
    await mine.getByText("Draft saved.").waitFor();
    // a too-short statement cannot be submitted: the form says what to fix and keeps the text
    await mine.getByRole("button", { name: "Submit my nomination" }).click();
    await mine.getByText("Write a statement of at least 50 characters before submitting.").waitFor();
    await expectAccessible(mine);
    expect(await mine.getByLabel("Statement", { exact: true }).inputValue()).toBe("Draft: still thinking about it.");
    await mine
      .getByLabel("Statement", { exact: true })
      .fill("I led our contact centre through a platform migration without losing a single service-level target.");
    await mine
      .getByLabel("Achievements", { exact: true })
      .fill("First-contact resolution from 61% to 78%; eight team leads coached.");
    await mine.getByLabel("Evidence links", { exact: true }).fill("https://example.org/case-study");
    await mine
      .getByLabel("Add evidence files", { exact: true })
      .setInputFiles({ name: "case-study.pdf", mimeType: "application/pdf", buffer: await pdfBytes() });
    await mine.getByRole("button", { name: "Submit my nomination" }).click();
    await mine.getByText("Your nomination is submitted.").waitFor();
    await mine.getByRole("link", { name: "case-study.pdf" }).waitFor();
    await expectAccessible(mine);
    const nomination = await db
      .selectFrom("award_nominations")
      .select(["id", "submitted_at"])
      .where("user_id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(nomination.submitted_at).not.toBeNull();

    // the judge cannot score before nominations close
    step("the judge cannot score");
    const judgePage = await signedInPage(live.browser, live.app, judge);
    await visit(judgePage, `${live.app.url}/judging/${nomination.id}`);
    await judgePage.getByText("Scoring opens when nominations close").waitFor();
    expect(await judgePage.getByRole("button", { name: "Submit my scores" }).count()).toBe(0);

    // staff close nominations now
    step("staff close nominations");
    await staff.goto(roundUrl);
    await staff.getByLabel("Nomination deadline", { exact: true }).fill(localInputUtc(new Date(Date.now() - 60_000)));
    await staff.getByRole("button", { name: "Save the deadline" }).click();
    await staff.getByText("The deadline is saved.").waitFor();

    // the member can no longer change it
    step("the member can no longer");
    await mine.goto(`${live.app.url}/awards/nominate`);
    await mine.getByText("No awards round is open for nominations right now.").waitFor();

    // the judge scores it
    step("the judge scores it");
    await visit(judgePage, `${live.app.url}/judging`);
    await judgePage.getByRole("link", { name: "Kemi Adeyemi" }).click();
    await judgePage.waitForURL(/\/judging\/\d+$/);
    await expectAccessible(judgePage);
    await judgePage
      .getByRole("group", { name: /^Impact: score/ })
      .getByLabel("4", { exact: true })
      .check();
    await judgePage.getByLabel("Comment on Impact", { exact: true }).fill("Clear, measured results.");
    await judgePage
      .getByRole("group", { name: /^Evidence: score/ })
      .getByLabel("5", { exact: true })
      .check();
    await judgePage.getByRole("button", { name: "Submit my scores" }).click();
    await judgePage.getByText("Your scores are submitted.").waitFor();
    await expectAccessible(judgePage);

    // staff see the ranking and publish the winner
    step("staff see the ranking");
    await staff.goto(roundUrl);
    await staff
      .getByRole("row", { name: /Kemi Adeyemi/ })
      .getByRole("cell", { name: "9.00" })
      .waitFor();
    await expectAccessible(staff);
    await staff.getByLabel("Kemi Adeyemi wins Service leadership", { exact: true }).check();
    await staff.getByRole("button", { name: "Publish the winners" }).click();
    await staff.getByText("The winners are published and their badges issued.").waitFor();
    await expectAccessible(staff);

    const badge = await db
      .selectFrom("badge_awards")
      .select(["public_id", "award_year"])
      .where("user_id", "=", member.id)
      .where("kind", "=", "award")
      .executeTakeFirstOrThrow();
    expect(badge.award_year).toBe(year);
    await visit(mine, `${live.app.url}/badges/${badge.public_id}`);
    await mine
      .getByRole("heading", { name: new RegExp(`Award winner ${year}`) })
      .first()
      .waitFor();
    const audit = (
      await db
        .selectFrom("audit_log")
        .select("action")
        .where("actor_id", "=", admin.id)
        .where("action", "like", "award.%")
        .orderBy("id")
        .execute()
    ).map((a) => a.action);
    expect(audit).toEqual([
      "award.round.create",
      "award.judge.assign",
      "award.round.deadline",
      "award.results.publish",
    ]);
  }, 180_000);
});
