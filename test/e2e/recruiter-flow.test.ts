// In Chromium, through the real pages, with JavaScript on and off: an organisation applies for a
// recruiter account, an admin verifies it, the recruiter searches the directory with a typo and two
// filters, saves the search, shortlists a member and sends a contact request; the member accepts;
// both then see each other's email, and nobody else does. axe-core runs on every page visited.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { parseDirectoryQuery } from "~/models/directory/directory.schema";
import { searchDirectory } from "~/models/directory/directory.server";
import { VISITOR } from "~/models/permissions.server";
import { createProfile } from "../factories/profiles";
import { createAdmin, createUser } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { expectAccessible, hasChromium, launchBrowser, newPage, signInInPage, visit } from "../setup/browser";
import { enrolInPage } from "../setup/two-factor";

const signIn = (page: Page, app: TestApp, email: string) => signInInPage(page, app.url, email);

describe.skipIf(!hasChromium)("recruiters in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  let adminEmail: string;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    adminEmail = (await createAdmin({ username: "rf_admin" })).email;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  for (const javaScriptEnabled of [true, false]) {
    const jsLabel = `(JavaScript ${javaScriptEnabled ? "on" : "off"})`;
    const js = javaScriptEnabled ? "js" : "nojs";
    test(`verified, searches, shortlists, contacts; the member accepts ${jsLabel}`, async () => {
      const member = await createProfile({
        username: `rf_member_${js}`,
        displayName: `Achieng Odera ${js.toUpperCase()}`,
        visibility: "members",
        open: true, // only members open to opportunities can be contacted
        level: 3,
        jobTitle: "Contact Centre Team Lead",
        country: "KE",
        city: "Nairobi",
        competencies: { "sla-management": "advanced" },
      });
      const elsewhere = await createProfile({
        username: `rf_other_${js}`,
        jobTitle: "Contact Centre Team Lead",
        country: "GH",
        competencies: { "sla-management": "advanced" },
      });
      const recruiterUser = await createUser({
        username: `rf_recruiter_${js}`,
        email: `talent.${js}@rift-recruiting.example`,
      });
      const bystander = await createUser({ username: `rf_bystander_${js}` });
      // the app's worker indexes the new profiles
      const indexed = async () =>
        (
          await searchDirectory({
            scope: { ...VISITOR, userId: 1, isMember: true },
            query: parseDirectoryQuery(new URLSearchParams(`q=${member.username}`)),
          })
        ).cards.some((c) => c.username === member.username);
      await expect.poll(indexed, { timeout: 60_000 }).toBe(true);

      // 1. the organisation applies
      const rec = await newPage(browser, { javaScriptEnabled });
      await signIn(rec, app, recruiterUser.email);
      await visit(rec, `${app.url}/recruiter/apply`);
      const org = `Rift Recruiting ${js}`;
      await rec.getByLabel("Organisation name").fill(org);
      await rec.getByRole("button", { name: "Send application" }).click();
      await rec.getByText("Enter the organisation's website, such as https://example.com.").waitFor();
      await expectAccessible(rec);
      expect(await rec.getByLabel("Organisation name").inputValue()).toBe(org);
      await rec.getByLabel("Organisation website").fill("rift-recruiting.example");
      await rec.getByLabel("Country").selectOption("KE");
      await rec.getByLabel("Your role in the organisation").fill("Talent partner");
      await rec
        .getByLabel("What roles do you recruit for?")
        .fill("Contact centre team leads and CX managers in East Africa.");
      await rec.getByRole("button", { name: "Send application" }).click();
      await rec.getByText(`Your application for ${org} is waiting for review.`).waitFor();
      await expectAccessible(rec);

      // 2. an admin verifies it
      const admin = await newPage(browser, { javaScriptEnabled });
      await signIn(admin, app, adminEmail);
      await visit(admin, `${app.url}/admin/recruiters`);
      await admin.getByRole("button", { name: `Verify: ${org}` }).click();
      await admin.getByRole("button", { name: `Revoke: ${org}` }).waitFor();
      await expectAccessible(admin);

      // 3. verified, the recruiter sees members' details: the recruiter pages wait for two-factor sign-in
      await visit(rec, `${app.url}/recruiter`);
      await rec.waitForURL(/\/my\/two-factor\?redirectTo=%2Frecruiter$/);
      await rec.getByText("so it must use two-factor sign-in").waitFor();
      await enrolInPage(rec);
      await expectAccessible(rec);

      // 4. the recruiter searches with a typo and two filters
      await visit(rec, `${app.url}/recruiter`);
      await rec.getByText(`${org} is a verified recruiter.`).waitFor();
      await visit(rec, `${app.url}/directory`);
      await rec.getByLabel("Search the directory").fill("contact center team leed");
      await rec.getByLabel("Country").selectOption("KE");
      await rec.locator('input[name="competency"][value="sla-management"]').check();
      await rec.getByRole("button", { name: "Apply filters" }).click();
      await rec.waitForURL(/country=KE/);
      await rec.getByRole("link", { name: member.display_name }).waitFor();
      // the Ghanaian team lead is filtered out by country
      expect(await rec.locator(`a[href="/u/${elsewhere.username}"]`).count()).toBe(0);
      await expectAccessible(rec);
      await rec.getByLabel("Name of the saved search").fill(`Team leads in Kenya ${js}`);
      await rec.getByRole("button", { name: "Save this search" }).click();
      await rec.waitForURL(/\/recruiter$/);
      await rec.getByRole("link", { name: `Team leads in Kenya ${js}` }).click();
      await rec.waitForURL(/\/directory\?/);
      await rec.getByRole("link", { name: member.display_name }).click();
      await rec.waitForURL(new RegExp(`/u/${member.username}$`));
      await expectAccessible(rec);

      // 5. shortlist and contact request
      await rec.getByRole("button", { name: "Add to shortlist" }).click();
      await rec.getByRole("button", { name: "Remove from shortlist" }).waitFor();
      await rec.getByRole("link", { name: "Send a contact request" }).click();
      await rec.waitForURL(/\/recruiter\/contact\//);
      await expectAccessible(rec);
      await rec
        .getByLabel("Message")
        .fill("Hello! We are hiring a contact centre team lead in Nairobi and your profile fits. Could we talk?");
      await rec.getByRole("button", { name: "Send contact request" }).click();
      await rec.getByText("Contact request sent, waiting for an answer.").waitFor();
      await expectAccessible(rec);
      expect(await rec.content()).not.toContain(member.email);

      // 6. the member accepts
      const mem = await newPage(browser, { javaScriptEnabled });
      await signIn(mem, app, member.email);
      await visit(mem, `${app.url}/my/contacts`);
      await mem.getByText(`From ${recruiterUser.display_name} (${org})`).waitFor();
      expect(await mem.content()).not.toContain(recruiterUser.email);
      await mem.getByRole("button", { name: "Accept" }).click();
      await mem.getByText(`Email: ${recruiterUser.email}`).waitFor();
      await expectAccessible(mem);

      // 7. the recruiter sees the member's email, on the desk and the profile
      await visit(rec, `${app.url}/recruiter`);
      await rec.getByText(`Email: ${member.email}`).waitFor();
      await rec.getByRole("link", { name: member.display_name }).first().waitFor();
      await visit(rec, `${app.url}/u/${member.username}`);
      await rec.getByText(`Contact accepted: ${member.email}`).waitFor();

      // 8. nobody else: another member sees the profile without the email; a visitor is told it is private (403)
      const other = await newPage(browser, { javaScriptEnabled });
      await signIn(other, app, bystander.email);
      await visit(other, `${app.url}/u/${member.username}`);
      await other.getByRole("heading", { name: member.display_name }).waitFor();
      expect(await other.content()).not.toContain(member.email);
      const visitorPage = await newPage(browser, { javaScriptEnabled });
      const res = await visitorPage.goto(`${app.url}/u/${member.username}`);
      expect(res?.status()).toBe(403);
      expect(await visitorPage.content()).not.toContain(member.email);

      const accepted = await db
        .selectFrom("contact_requests")
        .select("status")
        .where("member_id", "=", member.id)
        .executeTakeFirstOrThrow();
      expect(accepted.status).toBe("accepted");
      for (const p of [rec, admin, mem, other, visitorPage]) await p.context().close();
    }, 180_000);
  }
});
