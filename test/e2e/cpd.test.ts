// The member's CPD standing page in Chromium (issue 26 point 3): a level badge in good standing with its
// points this CPD year, what is needed and the date of the next lapse; a designation lapsed, with the
// points owed and its history; reached from /progress; JavaScript on and off, English and French.
// axe-core runs on every page visited. Dates are set from today, so the page reads the same any day.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { awardLevelBadge } from "~/models/badges/badge.server";
import { addYears, dayBefore } from "~/models/journey/cpd/cpd-year";
import { reviewCpd, saveCpdPolicy } from "~/models/journey/cpd/cpd.server";
import { createMember } from "../factories/progress";
import { createAdmin } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { expectAccessible, hasChromium, launchBrowser, newPage, signInInPage, visit } from "../setup/browser";

const words = {
  en: {
    title: "Your CPD",
    link: "CPD to keep your credentials",
    current: "Current",
    points: "7 of 10 points this CPD year",
    lapses: "Lapses on",
    lapsed: "Lapsed since",
    owed: "Earn 13 more points to reinstate it.",
    history: "Lapsed on",
    book: "Book\tThe Effortless Experience",
  },
  fr: {
    title: "Votre DPC",
    link: "Le DPC pour garder vos titres",
    current: "Valide",
    points: "7 points sur 10 cette année de DPC",
    lapses: "Expire le",
    lapsed: "Expiré depuis le",
    owed: "Obtenez encore 13 points pour le rétablir.",
    history: "Expiré le",
    book: "Livre\tThe Effortless Experience",
  },
};

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!hasChromium)("the CPD standing page in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ JOBS: "off" }), launchBrowser()]);
    const admin = await createAdmin({ username: "cpd_e2e_admin" });
    const policy = { intent: "save", activityPoints: 4, eventPoints: 5, coursePoints: 6, bookPoints: 3 };
    for (const [target, pointsPerYear] of [
      ["level:3", 10],
      // more than the level's points can pay back: it stays lapsed
      ["designation:CCSM", 20],
    ] as const) {
      const r = await saveCpdPolicy({
        staffId: admin.id,
        input: { ...policy, target, pointsPerYear, countsFrom: "2020-01-01" },
      });
      expect(r.ok).toBe(true);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  for (const lang of ["en", "fr"] as const) {
    for (const javaScriptEnabled of [true, false]) {
      const js = javaScriptEnabled ? "on" : "off";
      test(`points, what is needed and the next lapse, in ${lang} (JavaScript ${js})`, async () => {
        const w = words[lang];
        const member = await createMember({ level: 3, timeZone: "Africa/Lagos" });
        // the level badge 100 days ago: 3 (book) + 4 (activity) = 7 of 10 points so far
        await db.transaction().execute((trx) =>
          awardLevelBadge(trx, {
            ...{ userId: member.id, level: 3, awardedBy: null, applicationId: null },
            at: new Date(`${day(-100)}T12:00:00Z`),
          }),
        );
        await db
          .insertInto("reading_log")
          .values({ user_id: member.id, title: "The Effortless Experience", finished_on: day(-50) })
          .execute();
        await db
          .insertInto("activities")
          .values({ user_id: member.id, kind: "conference", title: "CX Africa Summit", occurred_on: day(-20) })
          .execute();
        // the CCSM designation 500 days ago, with no CPD since: lapsed a little over four months ago
        const awardedOn = day(-500);
        await db
          .insertInto("designations")
          .values({ user_id: member.id, code: "CCSM", awarded_on: awardedOn })
          .execute();
        await db.transaction().execute((trx) => reviewCpd(trx, { userId: member.id }));

        const page = await newPage(browser, { javaScriptEnabled });
        await signInInPage(page, app.url, member.email);
        await db.updateTable("users").set({ locale: lang }).where("id", "=", member.id).execute();
        await visit(page, `${app.url}/progress`);
        await page.getByRole("link", { name: w.link }).click();
        await page.waitForURL(/\/my\/cpd$/);
        await page.getByRole("heading", { level: 1, name: w.title }).waitFor();
        await expectAccessible(page);

        const level = page.locator('section[data-credential="level:3"]');
        const ccsm = page.locator('section[data-credential="designation:CCSM"]');
        expect(await level.locator(".cpd-status").getAttribute("data-status")).toBe("active");
        const levelText = await level.innerText();
        expect(levelText).toContain(w.current);
        expect(levelText).toContain(w.points);
        expect(levelText).toContain(w.lapses);
        expect(levelText).toContain(w.book);
        // the next lapse is the badge's first anniversary, in the reader's words
        const lapseDay = new Date(`${addYears(day(-100), 1)}T00:00:00Z`);
        const lapseWords = new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", {
          day: "numeric",
          month: "short",
          year: "numeric",
          timeZone: "UTC",
        }).format(lapseDay);
        expect(levelText.replace(/\s/g, " ")).toContain(lapseWords.replace(/\s/g, " "));

        expect(await ccsm.locator(".cpd-status").getAttribute("data-status")).toBe("lapsed");
        const ccsmText = await ccsm.innerText();
        expect(ccsmText).toContain(w.lapsed);
        expect(ccsmText).toContain(w.owed);
        expect(ccsmText).toContain(w.history);
        expect(addYears(awardedOn, 1) <= dayBefore(day(0))).toBe(true);
        await page.context().close();
      });
    }
  }
});
