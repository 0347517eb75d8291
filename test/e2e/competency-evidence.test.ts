// The profile's evidence view in Chromium (issue 26 point 4): a claim shows the framework's words for
// its proficiency and "No evidence yet"; a level-4 leader opens the endorsement form, writes the
// sentence, and the claim shows as evidenced with that sentence. JavaScript on and off, English and
// French; axe-core runs on the page.
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { createProfile } from "../factories/profiles";
import { expectAccessible, hasChromium, newPage, signInInPage, visit, useAppAndBrowser } from "../setup/browser";

const words = {
  en: {
    none: "No evidence yet",
    evidenced: "Evidenced",
    framework: /At a proficient level you are skilled at negotiating/,
    endorse: /^Endorse Service Level Agreement Management/,
    statement: "What you saw (at least 20 characters)",
    submit: "Endorse at Proficient",
    short: "Write at least 20 characters on the work you saw.",
    by: "Endorsed by Leader Efua, a Customer Experience Leader",
  },
  fr: {
    none: "Pas encore de preuve",
    evidenced: "Attestée",
    framework: /Au niveau confirmé, vous savez négocier/,
    endorse: /^Recommander pour /,
    statement: "Ce que vous avez vu (au moins 20 caractères)",
    submit: "Recommander au niveau Confirmé",
    short: "Écrivez au moins 20 caractères sur le travail que vous avez vu.",
    by: "Recommandé par Leader Efua, leader de l’expérience client",
  },
};

describe.skipIf(!hasChromium)("the profile's evidence view in the browser", () => {
  const live = useAppAndBrowser();

  for (const lang of ["en", "fr"] as const) {
    for (const javaScriptEnabled of [true, false]) {
      const js = javaScriptEnabled ? "on" : "off";
      test(`a leader endorses a claim, which shows as evidenced, in ${lang} (JavaScript ${js})`, async () => {
        const w = words[lang];
        const member = await createProfile({
          level: 2,
          displayName: "Member Kofi",
          competencies: { "sla-management": "proficient", "cultural-sensitivity": "emerging" },
        });
        const leader = await createProfile({ level: 4, displayName: "Leader Efua" });
        await db.updateTable("users").set({ locale: lang }).where("id", "=", leader.id).execute();

        const page = await newPage(live.browser, { javaScriptEnabled });
        await signInInPage(page, live.app.url, leader.email);
        await visit(page, `${live.app.url}/u/${member.username}`);
        const claim = page.locator("#competency-sla-management");
        await claim.getByText(w.none).waitFor();
        expect(await claim.locator(".framework-words").innerText()).toMatch(w.framework);
        await expectAccessible(page);

        // a sentence too short is refused, the words kept, the form left open
        await claim.locator("summary", { hasText: w.endorse }).click();
        await claim.getByLabel(w.statement).fill("Good work");
        await claim.getByRole("button", { name: w.submit }).click();
        const again = page.locator("#competency-sla-management");
        await again.getByText(w.short).waitFor();
        expect(await again.getByLabel(w.statement).inputValue()).toBe("Good work");

        const sentence = "I saw Kofi renegotiate our SLA with the logistics partner and hold it for six months.";
        await again.getByLabel(w.statement).fill(sentence);
        await again.getByRole("button", { name: w.submit }).click();
        const after = page.locator("#competency-sla-management");
        await after.locator(".evidence-mark", { hasText: w.evidenced }).waitFor();
        await after.getByText(sentence).waitFor();
        await after.getByText(w.by).waitFor();
        // the other claim has no evidence
        await page.locator("#competency-cultural-sensitivity").getByText(w.none).waitFor();
        await expectAccessible(page);
        await page.context().close();
      });
    }
  }
});
