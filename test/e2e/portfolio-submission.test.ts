// The portfolio submission in Chromium (issue 26 point 2): a level-3 member follows the link on
// /progress to the CCSM portfolio, writes a project, attaches a PDF, names one reference and
// submits: refused with the sentence, nothing typed lost, the file kept in the draft; then names
// the second reference and submits. JavaScript on and off, English and French; axe-core on every page.
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { pdfBytes } from "../factories/files";
import { createMember } from "../factories/progress";
import { expectAccessible, hasChromium, newPage, signInInPage, visit, useAppAndBrowser } from "../setup/browser";

const words = {
  en: {
    prepare: "Prepare and submit your portfolio",
    heading: "Your portfolio for Certified Customer Service Manager (CCSM)",
    submit: "Submit for review",
    needReferences: "Name at least 2 references before submitting; your draft was saved.",
    submitted: "Your portfolio was submitted. Your references have been asked to confirm.",
    state: "Status: Under review",
    progressState: "Submitted: 0 of 2 reviews, 0 of 2 references confirmed",
    supervisor: "Supervisor",
  },
  fr: {
    prepare: "Préparer et envoyer votre portfolio",
    heading: "Votre portfolio pour Responsable du service client certifié (CCSM)",
    submit: "Envoyer pour examen",
    needReferences: "Nommez au moins 2 références avant d’envoyer ; votre brouillon a été enregistré.",
    submitted: "Votre portfolio a été envoyé. Vos références ont été invitées à confirmer.",
    state: "État : En cours d’examen",
    progressState: "Envoyé : évaluations du jury 0 sur 2, références confirmées 0 sur 2",
    supervisor: "Supérieur",
  },
};

/** French pages put a no-break space before the colon; compare on plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe.skipIf(!hasChromium)("the portfolio submission in the browser", () => {
  const live = useAppAndBrowser();

  for (const lang of ["en", "fr"] as const) {
    for (const javaScriptEnabled of [true, false]) {
      const js = javaScriptEnabled ? "on" : "off";
      // each page is checked by axe (twice without JavaScript): slow on a shared machine
      test(`a portfolio submitted from /progress in ${lang} (JavaScript ${js})`, { timeout: 120_000 }, async () => {
        const w = words[lang];
        const member = await createMember({ level: 3 });
        const page = await newPage(live.browser, { javaScriptEnabled });
        await signInInPage(page, live.app.url, member.email);
        await db.updateTable("users").set({ locale: lang }).where("id", "=", member.id).execute();
        await visit(page, `${live.app.url}/progress#designations`);

        await page.getByRole("link", { name: w.prepare }).first().click();
        await page.waitForURL(/\/portfolio\/ccsm-experience-portfolio$/);
        await page.getByRole("heading", { level: 1, name: w.heading }).waitFor();
        await expectAccessible(page);

        const description = "Led 24 agents through a new quality framework;\nsatisfaction rose from 71% to 86%.";
        await page.locator("#project-0-title").fill("Quality programme");
        await page.locator("#project-0-description").fill(description);
        await page
          .locator("#portfolio-files")
          .setInputFiles({ name: "csat-report.pdf", mimeType: "application/pdf", buffer: await pdfBytes() });
        await page.locator("#reference-0-name").fill("Thabo Nkosi");
        await page.locator("#reference-0-email").fill(`thabo.${member.username}@example.test`);
        await page.locator("#reference-0-organisation").fill("Ubuntu Bank");
        await page.locator("#reference-0-relationship").selectOption("supervisor");
        await page.getByRole("button", { name: w.submit }).click();

        // one reference short: the sentence, everything typed kept, the file in the saved draft
        await page.getByText(w.needReferences).first().waitFor();
        expect(await page.locator("#project-0-description").inputValue()).toBe(description);
        expect(await page.locator("#reference-0-name").inputValue()).toBe("Thabo Nkosi");
        await page.getByRole("link", { name: "csat-report.pdf" }).waitFor();
        await expectAccessible(page);

        await page.locator("#reference-1-name").fill("Amara Diallo");
        await page.locator("#reference-1-email").fill(`amara.${member.username}@example.test`);
        await page.locator("#reference-1-relationship").selectOption("client");
        await page.getByRole("button", { name: w.submit }).click();
        await page.getByText(w.submitted).waitFor();
        expect(plain(await page.locator("[data-state]").innerText())).toBe(w.state);
        expect(await page.locator('[data-reference="Thabo Nkosi"]').innerText()).toContain(w.supervisor);
        await page.getByRole("link", { name: "csat-report.pdf" }).waitFor();
        await expectAccessible(page);

        const row = await db
          .selectFrom("portfolios")
          .select(["id", "status"])
          .where("user_id", "=", member.id)
          .executeTakeFirstOrThrow();
        expect(row.status).toBe("submitted");
        const projects = await db
          .selectFrom("portfolio_projects")
          .select("description")
          .where("portfolio_id", "=", row.id)
          .execute();
        // browsers send a textarea's line breaks as CRLF
        expect(projects.map((p) => p.description.replace(/\r\n/g, "\n"))).toEqual([description]);

        // /progress says where the portfolio is
        await visit(page, `${live.app.url}/progress#designations`);
        expect(plain(await page.locator("body").innerText())).toContain(w.progressState);
        await page.context().close();
      });
    }
  }
});
