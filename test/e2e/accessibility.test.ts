// Accessibility acceptance: axe-core (WCAG 2.1 A and AA) finds zero violations on every main page,
// in English and in French, for a visitor and for a signed-in member (staff, so the admin pages are
// covered too). One browser; one page per language and audience, reused from URL to URL.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { awardLevelBadge } from "~/models/badges/badge.server";
import { notify } from "~/models/account/notification.server";
import { createProfile } from "../factories/profiles";
import { ageUser, createCategory, makeReply, makeTopic } from "../factories/topics";
import { startApp, type TestApp } from "../setup/app";
import { expectAccessible, hasChromium, launchBrowser, newPage } from "../setup/browser";
import { enrolTwoFactor, signInCookie } from "../setup/two-factor";

// what every visitor can open
const PUBLIC = [
  "home",
  "latest",
  "category",
  "topic",
  "search",
  "directory",
  "profile",
  "badge",
  "signIn",
  "language",
] as const;
// what a signed-in staff member also opens
const MEMBER = [
  "composer",
  "progress",
  "notifications",
  "admin",
  "adminApplications",
  "adminBadges",
  "adminBooks",
  "adminCategories",
  "adminLimits",
  "adminLogs",
  "adminRecruiters",
  "adminRequirements",
  "adminResults",
  "review",
] as const;
// the staff views of issue 22 point 9
const STAFF_VIEWS = ["adminAudit", "adminBehind"] as const;
type PageName = (typeof PUBLIC)[number] | (typeof MEMBER)[number] | (typeof STAFF_VIEWS)[number];

describe.skipIf(!hasChromium)("every main page passes axe-core in both languages", () => {
  let app: TestApp;
  let browser: Browser;
  let cookie: string;
  const paths = {} as Record<PageName, string>;

  beforeAll(async () => {
    const author = await createProfile({
      username: "aisha_bello",
      displayName: "Aïsha Bello",
      level: 2,
      bio: "Team lead in a **Lagos** contact centre.",
      competencies: {},
    });
    await ageUser(author);
    const staff = await createProfile({ username: "a11y_staff", displayName: "Kwame Mensah", level: 4 });
    await db.insertInto("user_roles").values({ user_id: staff.id, role: "admin" }).execute();
    await enrolTwoFactor(staff.id);
    await ageUser(staff);
    const category = await createCategory({ slug: "service-recovery", name: "Service recovery" });
    const title = "How do you apologise without sounding scripted?";
    const topic = await makeTopic(author, category, {
      title,
      body:
        "Customers notice when an apology is read from a card. What works for your teams?\n\n- listen first\n- say " +
        "what you will do",
    });
    await makeReply(
      staff,
      topic,
      "Say what went wrong in one plain sentence, then what you will do today. @aisha_bello",
    );
    const badge = await db.transaction().execute((trx) =>
      awardLevelBadge(trx, {
        userId: author.id,
        level: 2,
        awardedBy: staff.id,
        applicationId: null,
        at: new Date("2026-10-01T09:00:00Z"),
      }),
    );
    await db
      .transaction()
      .execute((trx) =>
        notify(trx, { userId: staff.id, kind: "like", actorId: author.id, topicId: topic.topicId, data: { title } }),
      );
    await drainJobs();
    Object.assign(paths, {
      home: "/",
      latest: "/latest",
      category: `/c/${category.slug}`,
      topic: topic.url,
      search: "/search?q=apology",
      directory: "/directory",
      profile: `/u/${author.username}`,
      badge: `/badges/${badge.public_id}`,
      signIn: "/login",
      language: "/language",
      composer: "/new-topic",
      progress: "/progress",
      notifications: "/notifications",
      admin: "/admin",
      adminApplications: "/admin/applications",
      adminBadges: "/admin/badges",
      adminBooks: "/admin/books",
      adminCategories: "/admin/categories",
      adminLimits: "/admin/limits",
      adminLogs: "/admin/logs",
      adminRecruiters: "/admin/recruiters",
      adminRequirements: "/admin/requirements",
      adminResults: "/admin/results",
      review: "/review",
      adminAudit: "/admin/audit",
      adminBehind: "/admin/behind",
    } satisfies Record<PageName, string>);
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    cookie = await signInCookie(app, staff);
    expect(cookie).toMatch(/^tp_session=/);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  for (const lang of ["en", "fr"] as const) {
    for (const signedIn of [false, true]) {
      describe(`${lang}, ${signedIn ? "signed in" : "visitor"}`, () => {
        let page: Page;
        beforeAll(async () => {
          // the browser asks for the language (Accept-Language); the member has no setting of their own
          page = await newPage(browser, { locale: lang === "fr" ? "fr-FR" : "en-GB" });
          if (signedIn) {
            const [name, value] = cookie.split("=");
            await page.context().addCookies([{ name, value, url: app.url }]);
          }
        });
        afterAll(async () => {
          await page?.context().close();
        });

        test.each(signedIn ? [...PUBLIC.filter((p) => p !== "signIn"), ...MEMBER, ...STAFF_VIEWS] : [...PUBLIC])(
          "%s",
          async (name) => {
            const res = await page.goto(`${app.url}${paths[name]}`);
            expect(res?.status(), `${name} (${paths[name]})`).toBe(200);
            expect(await page.getAttribute("html", "lang")).toBe(lang);
            expect(new URL(page.url()).pathname).toBe(paths[name].split("?")[0]); // not sent to the sign-in page
            await expectAccessible(page);
          },
        );
      });
    }
  }
});
