// Learning groups, the clock report, readiness and appeals over real HTTP: who may open each page,
// and bad input answered with a sentence, the user's text kept and nothing written.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { makeGroup, member } from "../factories/groups";
import { ensureProgramme } from "../factories/progress";
import { createUser } from "../factories/users";
import { postForm, startApp, type TestApp } from "../setup/app";
import { signInCookie } from "../setup/two-factor";

let app: TestApp;
let setup: Awaited<ReturnType<typeof makeGroup>>;
const cookies: Record<string, string> = {};
const count = async (table: "learning_groups" | "learning_group_members" | "appeals" | "assessment_readiness") =>
  (
    await db
      .selectFrom(table)
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow()
  ).n;
const get = (path: string, who?: string) =>
  fetch(`${app.url}${path}`, { headers: who ? { Cookie: cookies[who] } : {}, redirect: "manual" });
const login = (username: string) => signInCookie(app, { username, password: "correct horse battery staple" });

beforeAll(async () => {
  await ensureProgramme();
  setup = await makeGroup({ learners: 1 });
  const outsider = await member(2);
  const tutorWithoutGroup = await createUser({ roles: ["member", "tutor"] });
  app = await startApp();
  cookies.admin = await login(setup.admin.username);
  cookies.tutor = await login(setup.tutor.username);
  cookies.learner = await login(setup.learners[0].username);
  cookies.outsider = await login(outsider.username);
  cookies.idleTutor = await login(tutorWithoutGroup.username);
});
afterAll(async () => {
  await app?.stop();
});

describe("who may open what", () => {
  test("staff pages: staff only; tutor pages: the group's tutor and staff", async () => {
    const g = setup.group.id;
    const matrix: [string, Record<string, number>][] = [
      ["/admin/groups", { admin: 200, tutor: 403, learner: 403, outsider: 403 }],
      [`/admin/groups/${g}`, { admin: 200, tutor: 403, learner: 403 }],
      ["/admin/tutor-clock", { admin: 200, tutor: 403, learner: 403 }],
      ["/admin/appeals", { admin: 200, tutor: 403, learner: 403 }],
      ["/tutor", { admin: 200, tutor: 200, learner: 403, outsider: 403, idleTutor: 403 }],
      [`/tutor/groups/${g}`, { admin: 200, tutor: 200, learner: 404, outsider: 404, idleTutor: 404 }],
      ["/my/appeals", { admin: 200, learner: 200, outsider: 200 }],
      [`/c/${setup.group.category_slug}`, { admin: 200, tutor: 200, learner: 200, outsider: 404 }],
    ];
    const got: Record<string, Record<string, number>> = {};
    for (const [path, expected] of matrix) {
      got[path] = {};
      for (const who of Object.keys(expected)) got[path][who] = (await get(path, who)).status;
      // visitors are sent to sign in, or told nothing exists
      expect([302, 303, 404]).toContain((await get(path)).status);
    }
    expect(got).toEqual(Object.fromEntries(matrix));
    expect(await get("/tutor/groups/99999999", "admin").then((r) => r.status)).toBe(404);
    expect(await get("/tutor/groups/abc", "admin").then((r) => r.status)).toBe(404);
  });

  test("cohort dates read as dates in the reader's language, not ISO codes", async () => {
    // the factory's cohort: 2026-09-01 to 2026-12-15
    const en = await (await get(`/tutor/groups/${setup.group.id}`, "tutor")).text();
    expect(en).toContain("1 September 2026 to 15 December 2026");
    expect(en).not.toContain("2026-09-01 to");
    // a member's language is their account's
    await db.updateTable("users").set({ locale: "fr" }).where("id", "=", setup.admin.id).execute();
    try {
      expect(await (await get("/admin/groups", "admin")).text()).toMatch(/1 septembre 2026 (au|à) 15 décembre 2026/);
    } finally {
      await db.updateTable("users").set({ locale: "en" }).where("id", "=", setup.admin.id).execute();
    }
  });

  test("the learner's dashboard names the tutor and links to asking them", async () => {
    const html = await (await get("/progress", "learner")).text();
    expect(html).toContain(setup.tutor.display_name);
    expect(html).toContain(`/new-topic?category=${setup.group.category_slug}`);
    expect(await (await get("/progress", "outsider")).text()).not.toContain(setup.group.category_slug);
  });
});

describe("bad input", () => {
  test("a group with no name, bad dates and an unknown tutor: sentences, text kept, nothing written", async () => {
    const before = await count("learning_groups");
    const res = await postForm(
      app,
      "/admin/groups",
      { name: "Q", startsOn: "2026-12-01", endsOn: "2026-11-01", tutor: "nobody_by_that_name" },
      { cookie: cookies.admin },
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Give the group a name of 3 to 120 characters.");
    expect(html).toContain('value="nobody_by_that_name"');
    const reversed = await postForm(
      app,
      "/admin/groups",
      { name: "Lagos evening cohort", startsOn: "2026-12-01", endsOn: "2026-11-01", tutor: setup.tutor.username },
      { cookie: cookies.admin },
    );
    expect(reversed.status).toBe(400);
    expect(await reversed.text()).toContain("The cohort cannot end before it starts.");
    const unknown = await postForm(
      app,
      "/admin/groups",
      { name: "Lagos evening cohort", startsOn: "2026-11-01", endsOn: "2026-12-01", tutor: "nobody_by_that_name" },
      { cookie: cookies.admin },
    );
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain("No account has this username or email address.");
    expect(await count("learning_groups")).toBe(before);
  });

  test("adding an unknown learner, or the tutor as a learner, is refused with a sentence", async () => {
    const before = await count("learning_group_members");
    for (const [learner, sentence] of [
      ["ghost_user", "No account has this username or email address."],
      [setup.tutor.username, "cannot also be one of its learners"],
      [setup.learners[0].username, "is already in this group."],
    ]) {
      const res = await postForm(app, `/admin/groups/${setup.group.id}`, { learner }, { cookie: cookies.admin });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(await res.text()).toContain(sentence);
    }
    expect(await count("learning_group_members")).toBe(before);
  });

  test("a readiness note too short, and a stranger marking readiness: nothing written", async () => {
    const before = await count("assessment_readiness");
    const short = await postForm(
      app,
      `/tutor/groups/${setup.group.id}`,
      { userId: String(setup.learners[0].id), note: "ok" },
      { cookie: cookies.tutor },
    );
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("Write a note of 10 to 2000 characters");
    const stranger = await postForm(
      app,
      `/tutor/groups/${setup.group.id}`,
      { userId: String(setup.learners[0].id), note: "Ready as far as I can tell." },
      { cookie: cookies.outsider },
    );
    expect(stranger.status).toBe(404);
    expect(await count("assessment_readiness")).toBe(before);
  });

  test("an appeal too short, on someone else's result, or on nonsense: a sentence, nothing written", async () => {
    const result = await db
      .insertInto("assessment_results")
      .values({
        user_id: setup.learners[0].id,
        assessment: "aptitude-test-2.0",
        score: 80,
        taken_on: "2026-11-02",
        attempt: 1,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const before = await count("appeals");
    const short = await postForm(
      app,
      "/my/appeals",
      { subjectType: "result", subjectId: String(result.id), reason: "unfair" },
      { cookie: cookies.learner },
    );
    expect(short.status).toBe(400);
    const html = await short.text();
    expect(html).toContain("Explain your appeal in 20 to 2000 characters.");
    expect(html).toContain(">unfair</textarea>");
    const notMine = await postForm(
      app,
      "/my/appeals",
      { subjectType: "result", subjectId: String(result.id), reason: "This is not my result but I appeal it anyway." },
      { cookie: cookies.outsider },
    );
    expect(notMine.status).toBe(404);
    const nonsense = await postForm(
      app,
      "/my/appeals",
      { subjectType: "'; drop table appeals; --", subjectId: "-1", reason: "x".repeat(50_000) },
      { cookie: cookies.learner },
    );
    expect(nonsense.status).toBe(400);
    const decide = await postForm(
      app,
      "/admin/appeals",
      { appealId: "12345", decision: "maybe", reason: "" },
      { cookie: cookies.admin },
    );
    expect(decide.status).toBe(400);
    expect(await count("appeals")).toBe(before);
  });

  test("the clock report with a reversed range says so; odd settings are refused", async () => {
    const res = await get("/admin/tutor-clock?from=2026-12-01&to=2026-11-01", "admin");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("The end of the range cannot be before its start.");
    expect((await get("/admin/tutor-clock?from=yesterday&to=someday", "admin")).status).toBe(200);
    // a NUL anywhere in the address is refused before any route reads it (the app's 400 page)
    expect((await get("/admin/tutor-clock?from=yesterday&to=%00", "admin")).status).toBe(400);
    const bad = await postForm(
      app,
      "/admin/tutor-clock",
      { excludeWeekends: "on", timeZone: "Mars/Olympus_Mons" },
      { cookie: cookies.admin },
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("This is not a time zone name");
    expect(
      await db.selectFrom("settings").select("key").where("key", "=", "tutor.clock").executeTakeFirst(),
    ).toBeUndefined();
  });
});
