// The route view in Chromium (issue 26 point 1): a level-3 member on the CCSM exam route sees both
// routes on /progress, the exam route marked closest and open, the experience route's list opened
// by its summary, and the apply form with the exam route chosen; JavaScript on and off, English
// and French. axe-core runs on every page visited.
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { createMember } from "../factories/progress";
import { ageUser } from "../factories/topics";
import { expectAccessible, hasChromium, newPage, signInInPage, visit, useAppAndBrowser } from "../setup/browser";

const words = {
  en: {
    closest: "Closest",
    exam: "Exam route",
    experience: "Experience route",
    show: "What this route asks",
    apply: "Apply for the CCSM designation",
    legend: "Your route",
  },
  fr: {
    closest: "La plus proche",
    exam: "Voie de l’examen",
    experience: "Voie de l’expérience",
    show: "Ce que demande cette voie",
    apply: "Demander le titre CCSM",
    legend: "Votre voie",
  },
};

describe.skipIf(!hasChromium)("the route view in the browser", () => {
  const live = useAppAndBrowser();

  for (const lang of ["en", "fr"] as const) {
    for (const javaScriptEnabled of [true, false]) {
      test(`both routes, the closest marked, in ${lang} (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
        const w = words[lang];
        const member = await createMember({ level: 3 });
        await ageUser(member);
        await db
          .insertInto("applications")
          .values({
            user_id: member.id,
            level: 3,
            status: "approved",
            customer_facing_years: 3,
            experience_verified: true,
          })
          .execute();
        for (const module of [1, 2, 3, 4])
          await db
            .insertInto("module_tasks")
            .values({ user_id: member.id, programme: "ccsm-courses", module, evaluated_at: new Date() })
            .execute();
        await db
          .insertInto("assessment_results")
          .values({ user_id: member.id, assessment: "ccsm-exam", score: 88, taken_on: "2026-11-20", attempt: 1 })
          .execute();

        const page = await newPage(live.browser, { javaScriptEnabled });
        await signInInPage(page, live.app.url, member.email);
        await db.updateTable("users").set({ locale: lang }).where("id", "=", member.id).execute();
        await visit(page, `${live.app.url}/progress#designations`);

        const exam = page.locator('li[data-route="ccsm-exam"]');
        const experience = page.locator('li[data-route="ccsm-experience"]');
        await exam.getByRole("heading", { name: `${w.exam} ${w.closest}` }).waitFor();
        expect(await experience.getByText(w.closest).count()).toBe(0);
        // the closest route's requirements are shown; the other route's open from their summary
        await exam.locator('[data-requirement="ccsm-exam-exam"]').waitFor();
        expect(await experience.locator('[data-requirement="ccsm-experience-portfolio"]').isVisible()).toBe(false);
        await experience.getByText(w.show).click();
        await experience.locator('[data-requirement="ccsm-experience-portfolio"]').waitFor();
        await expectAccessible(page);

        await page.getByRole("link", { name: w.apply }).click();
        await page.waitForURL(/\/designations\/CCSM\/apply$/);
        await expectAccessible(page);
        const checked = page
          .getByRole("group", { name: w.legend })
          .locator("label", { has: page.locator("input:checked") });
        expect(await checked.innerText()).toContain(w.exam);
        await page.context().close();
      });
    }
  }
});
