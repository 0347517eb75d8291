// Alternative routes to a credential (issue 26 point 1), over real HTTP: a level-3 member who meets
// the CCSM exam route but not the experience route sees both on /progress (the exam route marked
// closest), applies through the exam route and is granted the designation by an admin; the
// approval checks the route the application names. Needs `npx remix build`.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { sharedI18n } from "~/i18n";
import { requirementLabel } from "~/models/journey/requirement-label";
import { decideApplication } from "~/models/journey/application.server";
import { getDesignationApplyState } from "~/models/journey/designation.server";
import { createMember, ensureProgramme } from "../factories/progress";
import { ageUser } from "../factories/topics";
import { wordedAs } from "../factories/notifications";
import { createAdmin } from "../factories/users";
import { postForm, startApp, type TestApp } from "../setup/app";
import { signInCookie } from "../setup/two-factor";

let app: TestApp;
beforeAll(async () => {
  await ensureProgramme();
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const visible = (s: string) =>
  s
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<!--.*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t\r\n]+/g, " ");

const routeId = async (key: string) =>
  (await db.selectFrom("requirement_routes").select("id").where("key", "=", key).executeTakeFirstOrThrow()).id;

/** A level-3 member whose 3 customer-facing years were verified on their level-3 application. */
async function levelThreeMember(opts: { exam?: number; courses?: number[] } = {}) {
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
      decided_at: new Date(),
    })
    .execute();
  for (const module of opts.courses ?? []) {
    await db
      .insertInto("module_tasks")
      .values({ user_id: member.id, programme: "ccsm-courses", module, evaluated_at: new Date() })
      .execute();
  }
  if (opts.exam !== undefined) {
    await db
      .insertInto("assessment_results")
      .values({ user_id: member.id, assessment: "ccsm-exam", score: opts.exam, taken_on: "2026-11-20", attempt: 1 })
      .execute();
  }
  return member;
}

/**
 * A level-3 member's CCSM application through the exam route, then moved to the experience route (as an
 * older or edited one might be): its requirements are unmet.
 */
async function appliedOnTheWrongRoute() {
  const member = await levelThreeMember({ exam: 90, courses: [1, 2, 3, 4] });
  const cookie = await signInCookie(app, member);
  expect((await postForm(app, "/designations/CCSM/apply", { portfolio: "Exam route." }, { cookie })).status).toBe(302);
  const application = await db
    .selectFrom("applications")
    .select("id")
    .where("user_id", "=", member.id)
    .where("designation", "=", "CCSM")
    .executeTakeFirstOrThrow();
  await db
    .updateTable("applications")
    .set({ route_id: await routeId("ccsm-experience") })
    .where("id", "=", application.id)
    .execute();
  return { member, application };
}

describe("alternative routes to the CCSM designation", () => {
  test("exam route met, experience route not: the member sees both on /progress, in English and French", async () => {
    const member = await levelThreeMember({ exam: 86, courses: [1, 2, 3, 4] });
    const cookie = await signInCookie(app, member);
    const page = await fetch(`${app.url}/progress`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const text = visible(html);
    expect(text).toContain("Certified Customer Service Manager (CCSM)");
    expect(text).toContain("Reach it by any one of these 2 routes:");
    // each route with what is met and what is left; the exam route is the closest
    const exam = html.match(/<li [^>]*data-route="ccsm-exam"[\s\S]*?<\/details><\/li>/)?.[0] ?? "";
    const experience = html.match(/<li [^>]*data-route="ccsm-experience"[\s\S]*?<\/details><\/li>/)?.[0] ?? "";
    expect(visible(exam)).toContain("Exam route Closest");
    expect(visible(exam)).toContain("3 of 3 met · ready: you can apply through it");
    // managing years and the portfolio reviewed by a panel (issue 26 point 2)
    expect(visible(experience)).toContain("0 of 2 met · 2 left");
    expect(visible(experience)).toContain("Left to do: At least 5 years of experience managing or leading a team");
    expect(visible(experience)).not.toContain("Closest");
    expect(html).toContain('href="/designations/CCSM/apply"');

    await db.updateTable("users").set({ locale: "fr" }).where("id", "=", member.id).execute();
    const fr = visible(await (await fetch(`${app.url}/progress`, { headers: { Cookie: cookie } })).text());
    expect(fr).toContain("Titres professionnels");
    expect(fr).toContain("Accessible par l’une de ces 2 voies\u00a0:");
    expect(fr).toContain("Voie de l’examen La plus proche");
    expect(fr).toContain("exigences remplies\u00a0: 0 sur 2");
  });

  test("the designation is granted through the exam route: application over HTTP, then approval", async () => {
    const admin = await createAdmin();
    const member = await levelThreeMember({ exam: 90, courses: [1, 2, 3, 4] });
    const cookie = await signInCookie(app, member);
    const experienceRoute = await routeId("ccsm-experience");
    const examRoute = await routeId("ccsm-exam");

    // the experience route is not complete: asking for it is refused with the reason, nothing written
    const refused = await postForm(
      app,
      "/designations/CCSM/apply",
      { routeId: String(experienceRoute), portfolio: "Ten years at the desk." },
      { cookie },
    );
    expect(refused.status).toBe(400);
    expect(visible(await refused.text())).toContain("This route is not complete yet");
    expect(
      await db
        .selectFrom("applications")
        .select("id")
        .where("user_id", "=", member.id)
        .where("designation", "=", "CCSM")
        .execute(),
    ).toHaveLength(0);

    // no route named: the closest ready one (the exam route) is used
    const sent = await postForm(
      app,
      "/designations/CCSM/apply",
      { portfolio: "I run a team of six agents." },
      { cookie },
    );
    expect(sent.status).toBe(302);
    const application = await db
      .selectFrom("applications")
      .selectAll()
      .where("user_id", "=", member.id)
      .where("designation", "=", "CCSM")
      .executeTakeFirstOrThrow();
    expect(application).toMatchObject({ status: "pending", level: null, route_id: examRoute });
    // the designation application waits beside the member's level: a second one is refused
    const again = await postForm(app, "/designations/CCSM/apply", { portfolio: "Again" }, { cookie });
    expect(again.status).toBe(409);

    const pendingPage = visible(await (await fetch(`${app.url}/progress`, { headers: { Cookie: cookie } })).text());
    expect(pendingPage).toContain("Your application for this designation is waiting for review.");

    const decided = await decideApplication({
      adminId: admin.id,
      applicationId: application.id,
      decision: "approve",
      reason: "",
    });
    expect(decided).toMatchObject({ ok: true, status: "approved" });
    const held = await db
      .selectFrom("designations")
      .select(["code", "recorded_by"])
      .where("user_id", "=", member.id)
      .execute();
    expect(held).toEqual([{ code: "CCSM", recorded_by: admin.id }]);
    // the member's level is untouched; the designation shows as held
    expect(
      (await db.selectFrom("users").select("level").where("id", "=", member.id).executeTakeFirstOrThrow()).level,
    ).toBe(3);
    const audit = await db
      .selectFrom("audit_log")
      .select("after")
      .where("action", "=", "application.approve")
      .where("target_id", "=", String(application.id))
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ designation: "CCSM", route: "ccsm-exam" });
    const after = visible(await (await fetch(`${app.url}/progress`, { headers: { Cookie: cookie } })).text());
    expect(after).toContain("You hold this designation since");
  });

  test("approval checks the route the application names, not any route", async () => {
    const admin = await createAdmin();
    const { member, application } = await appliedOnTheWrongRoute();
    const warned = await decideApplication({
      adminId: admin.id,
      applicationId: application.id,
      decision: "approve",
      reason: "",
    });
    expect(warned).toMatchObject({ ok: false, status: 409, message: "admin.applications.warnUnmet" });
    // missing requirements come back to be worded by the admin page in its reader's language
    const unmet = "unmet" in warned ? (warned.unmet ?? []) : [];
    expect(unmet.map((r) => requirementLabel(sharedI18n("en").t, r, "en"))).toEqual([
      "At least 5 years of experience managing or leading a team",
      expect.stringContaining("reviewed by a panel"),
    ]);
    expect(await db.selectFrom("designations").select("id").where("user_id", "=", member.id).execute()).toHaveLength(0);
  });

  test("the admin page lists a designation application’s missing requirements; a refusal says why", async () => {
    const admin = await createAdmin();
    const { member, application } = await appliedOnTheWrongRoute();
    const staff = await signInCookie(app, admin);
    const warned = await postForm(
      app,
      `/admin/applications/${application.id}`,
      { intent: "approve", reason: "" },
      { cookie: staff },
    );
    expect(warned.status).toBe(409);
    const alert = (await warned.text()).match(/<div class="form-error" role="alert">[\s\S]*?<\/div>/)?.[0] ?? "";
    expect(visible(alert)).toContain("At least 5 years of experience managing or leading a team");
    const refused = await decideApplication({
      adminId: admin.id,
      applicationId: application.id,
      decision: "reject",
      reason: "The exam score is not on file yet.",
    });
    expect(refused).toMatchObject({ ok: true, status: "rejected" });
    const note = await db
      .selectFrom("notifications")
      .select(["kind", "data"])
      .where("user_id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(wordedAs("en", note)).toContain("The exam score is not on file yet.");
  });

  test("a member below the designation's level sees it as not open yet and cannot apply", async () => {
    const member = await createMember({ level: 2 });
    const state = await getDesignationApplyState(db, { userId: member.id, code: "CCSM" });
    expect(state?.designation).toMatchObject({ eligible: false, canApply: false, minLevel: 3 });
    await ageUser(member);
    const cookie = await signInCookie(app, member);
    const res = await postForm(app, "/designations/CCSM/apply", { portfolio: "x" }, { cookie });
    expect(res.status).toBe(409);
  });
});

describe("staff configure routes like any requirement", () => {
  test("a route added to level 2 with a French name and a requirement shows on its members' /progress", async () => {
    const admin = await createAdmin();
    const staffCookie = await signInCookie(app, admin);
    const bad = await postForm(
      app,
      "/admin/requirements",
      { intent: "route.create", target: "level:2", name: "x", nameFr: "" },
      { cookie: staffCookie },
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Give the route a name of 3 to 200 characters.");

    const created = await postForm(
      app,
      "/admin/requirements",
      { intent: "route.create", target: "level:2", name: "Recognised prior learning", nameFr: "Acquis reconnus" },
      { cookie: staffCookie },
    );
    expect(created.status).toBe(302);
    const route = await db
      .selectFrom("requirement_routes")
      .selectAll()
      .where("level", "=", 2)
      .where("name", "=", "Recognised prior learning")
      .executeTakeFirstOrThrow();
    expect(route.name_fr).toBe("Acquis reconnus");
    try {
      const added = await postForm(
        app,
        "/admin/requirements",
        { intent: "route.addRequirement", routeId: String(route.id), kind: "mentoring" },
        { cookie: staffCookie },
      );
      expect(added.status).toBe(302);
      const req = await db
        .selectFrom("level_requirements")
        .selectAll()
        .where("route_id", "=", route.id)
        .executeTakeFirstOrThrow();
      expect(req).toMatchObject({ level: 2, kind: "mentoring", phase: "completion", params: { minActiveMentees: 1 } });
      const audit = await db
        .selectFrom("audit_log")
        .select("action")
        .where("target_type", "in", ["requirement_route", "level_requirement"])
        .where("actor_id", "=", admin.id)
        .execute();
      expect(audit.map((a) => a.action).sort()).toEqual(["requirement.create", "route.create"]);

      const admin200 = visible(
        await (await fetch(`${app.url}/admin/requirements`, { headers: { Cookie: staffCookie } })).text(),
      );
      expect(admin200).toContain("Route: Recognised prior learning · Acquis reconnus");

      const member = await createMember({ level: 2 });
      await ageUser(member);
      const cookie = await signInCookie(app, member);
      const page = visible(await (await fetch(`${app.url}/progress`, { headers: { Cookie: cookie } })).text());
      expect(page).toContain("Reach it by this route:");
      expect(page).toContain("Recognised prior learning Closest");
      expect(page).toContain("0 of 1 met · 1 left");
    } finally {
      // other tests in this database evaluate level 2 without the extra route
      await db.deleteFrom("level_requirements").where("route_id", "=", route.id).execute();
      await db.deleteFrom("requirement_routes").where("id", "=", route.id).execute();
    }
  });
});
