// Applying for the next level and the admin's decision, on the real database.
import { sql } from "kysely";
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { ApplicationSchema } from "~/models/journey/application.schema";
import { createApplication, decideApplication } from "~/models/journey/application.server";
import { getStanding } from "~/models/journey/progress/index.server";
import { requirementLabel } from "~/models/journey/requirement-label";
import { sharedI18n } from "~/i18n";
import { createMember } from "../factories/progress";
import { createAdmin } from "../factories/users";
import { wordedAs } from "../factories/notifications";

const input = (over: Record<string, string> = {}) =>
  ApplicationSchema.parse({ portfolio: "I run the front desk of a clinic.", ...over });

async function completeLevel1(userId: number, score = 90) {
  await db
    .insertInto("webinar_attendance")
    .values({ user_id: userId, webinar: "webinar-1.0", attended_on: "2026-10-01" })
    .execute();
  await db
    .insertInto("assessment_results")
    .values({ user_id: userId, assessment: "aptitude-test-2.0", score, taken_on: "2026-10-02", attempt: 1 })
    .execute();
}

describe("applications", () => {
  test("a new member applies for level 1; applying twice gets a clear message", async () => {
    const member = await createMember();
    const first = await createApplication({ userId: member.id, input: input() });
    expect(first).toMatchObject({ ok: true, level: 1 });
    expect(await createApplication({ userId: member.id, input: input() })).toMatchObject({
      ok: false,
      status: 409,
      message: "progress.apply.errors.alreadyPending",
    });
    const n = await db
      .selectFrom("applications")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("user_id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(n.n).toBe(1);
  });

  test("two applications sent at the same instant: one is kept", async () => {
    const member = await createMember();
    const results = await Promise.all([
      createApplication({ userId: member.id, input: input() }),
      createApplication({ userId: member.id, input: input() }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ message: "progress.apply.errors.alreadyPending" });
  });

  test("a level-1 member cannot apply before meeting the completion requirements", async () => {
    const member = await createMember({ level: 1 });
    expect(await createApplication({ userId: member.id, input: input() })).toMatchObject({
      ok: false,
      message: "progress.apply.errors.notReady",
    });
    await completeLevel1(member.id, 84);
    expect(await createApplication({ userId: member.id, input: input() })).toMatchObject({
      ok: false,
      message: "progress.apply.errors.notReady",
    });
    await db
      .insertInto("assessment_results")
      .values({ user_id: member.id, assessment: "aptitude-test-2.0", score: 85, taken_on: "2026-10-09", attempt: 2 })
      .execute();
    expect(await createApplication({ userId: member.id, input: input() })).toMatchObject({ ok: true, level: 2 });
  });

  test("level 3 needs 2 declared years in a customer-facing role", async () => {
    const member = await createMember({ level: 2 });
    await db
      .insertInto("assessment_results")
      .values({ user_id: member.id, assessment: "ccxmp-exam", score: 80, taken_on: "2026-10-02", attempt: 1 })
      .execute();
    const short = await createApplication({ userId: member.id, input: input({ customerFacingYears: "1.5" }) });
    expect(short).toMatchObject({
      ok: false,
      status: 400,
      fields: { customerFacingYears: "progress.apply.errors.experienceShort" },
    });
    expect(await createApplication({ userId: member.id, input: input({ customerFacingYears: "3" }) })).toMatchObject({
      ok: true,
      level: 3,
    });
  });

  test("approval moves the member up, closes the old level, grants the badge, notifies, and is audited", async () => {
    const admin = await createAdmin();
    const member = await createMember({ level: 1 });
    await completeLevel1(member.id);
    const app = await createApplication({ userId: member.id, input: input() });
    if (!app.ok) throw new Error("apply failed");
    const r = await decideApplication({
      adminId: admin.id,
      applicationId: app.applicationId,
      decision: "approve",
      reason: "",
    });
    expect(r).toMatchObject({ ok: true, status: "approved" });
    const user = await db.selectFrom("users").select("level").where("id", "=", member.id).executeTakeFirstOrThrow();
    expect(user.level).toBe(2);
    const history = await db
      .selectFrom("level_history")
      .select(["level", "left_at", "decided_by", "application_id"])
      .where("user_id", "=", member.id)
      .orderBy("id")
      .execute();
    expect(history).toHaveLength(2);
    expect(history[0].left_at).not.toBeNull();
    expect(history[1]).toMatchObject({
      level: 2,
      left_at: null,
      decided_by: admin.id,
      application_id: app.applicationId,
    });
    const badge = await db
      .selectFrom("badge_awards")
      .select(["public_id", "level", "awarded_by"])
      .where("user_id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(badge).toMatchObject({ level: 2, awarded_by: admin.id });
    expect(badge.public_id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const audit = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "application.approve")
      .where("target_id", "=", String(app.applicationId))
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: admin.id, after: { level: 2, badge: badge.public_id } });
    const notes = await db
      .selectFrom("notifications")
      .select(["kind", "data"])
      .where("user_id", "=", member.id)
      .execute();
    expect(notes.map((n) => n.kind)).toEqual(["application"]);
    expect(wordedAs("en", notes[0])).toContain("Customer Service Professional");
    expect(wordedAs("fr", notes[0])).toContain("Professionnel du service client");
    // the new level's requirements now apply
    const standing = await getStanding(db, { userId: member.id });
    expect(standing?.level?.number).toBe(2);
    expect(standing?.requirements.map((x) => x.key)).toContain("l2-distinct-topics");
    // deciding twice is refused
    expect(
      await decideApplication({ adminId: admin.id, applicationId: app.applicationId, decision: "approve", reason: "" }),
    ).toMatchObject({ ok: false, message: "admin.applications.errors.decided" });
  });

  test("approving when the requirements are no longer met warns, changes nothing, and needs confirmation", async () => {
    const admin = await createAdmin();
    const member = await createMember({ level: 1 });
    await completeLevel1(member.id);
    const app = await createApplication({ userId: member.id, input: input() });
    if (!app.ok) throw new Error("apply failed");
    // staff raise the pass mark after the member applied (the label follows it: 95%, not the typed 85%)
    await db
      .updateTable("level_requirements")
      .set({ params: JSON.stringify({ test: "aptitude-test-2.0", passMark: 95 }) })
      .where("key", "=", "l1-aptitude-test-2")
      .execute();
    try {
      const warned = await decideApplication({
        adminId: admin.id,
        applicationId: app.applicationId,
        decision: "approve",
        reason: "",
      });
      expect(warned).toMatchObject({ ok: false, status: 409, message: "admin.applications.warnUnmet" });
      // the page words what is missing in its reader's language
      const unmet = "unmet" in warned ? (warned.unmet ?? []) : [];
      expect(unmet.map((r) => requirementLabel(sharedI18n("en").t, r, "en"))).toEqual([
        "Score at least 95% on “Customer Service Aptitude Test 2.0”",
      ]);
      expect(unmet.map((r) => requirementLabel(sharedI18n("fr").t, r, "fr"))).toEqual([
        expect.stringMatching(/95\s?%/),
      ]);
      expect(
        (await db.selectFrom("users").select("level").where("id", "=", member.id).executeTakeFirstOrThrow()).level,
      ).toBe(1);
      expect(await db.selectFrom("badge_awards").select("id").where("user_id", "=", member.id).execute()).toHaveLength(
        0,
      );
      const confirmed = await decideApplication({
        adminId: admin.id,
        applicationId: app.applicationId,
        decision: "approve",
        reason: "Retake verified by the tutor",
        confirmUnmet: true,
      });
      expect(confirmed).toMatchObject({ ok: true });
      const audit = await db
        .selectFrom("audit_log")
        .select("after")
        .where("action", "=", "application.approve")
        .where("target_id", "=", String(app.applicationId))
        .executeTakeFirstOrThrow();
      expect(audit.after).toMatchObject({
        confirmedUnmet: ["Score at least 95% on “Customer Service Aptitude Test 2.0”"],
      });
    } finally {
      await db
        .updateTable("level_requirements")
        .set({ params: JSON.stringify({ test: "aptitude-test-2.0", passMark: 85 }) })
        .where("key", "=", "l1-aptitude-test-2")
        .execute();
    }
  });

  test("rejection needs a reason, which the applicant receives", async () => {
    const admin = await createAdmin();
    const member = await createMember();
    const app = await createApplication({ userId: member.id, input: input() });
    if (!app.ok) throw new Error("apply failed");
    expect(
      await decideApplication({ adminId: admin.id, applicationId: app.applicationId, decision: "reject", reason: " " }),
    ).toMatchObject({ ok: false, fields: { reason: "admin.applications.errors.reasonRequired" } });
    expect(
      await decideApplication({
        adminId: admin.id,
        applicationId: app.applicationId,
        decision: "reject",
        reason: "Please add your current employer.",
      }),
    ).toMatchObject({ ok: true, status: "rejected" });
    const note = await db
      .selectFrom("notifications")
      .select("data")
      .where("user_id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(wordedAs("en", note)).toContain("Please add your current employer.");
    expect(
      (await db.selectFrom("users").select("level").where("id", "=", member.id).executeTakeFirstOrThrow()).level,
    ).toBeNull();
    // a rejected member may apply again
    expect(await createApplication({ userId: member.id, input: input() })).toMatchObject({ ok: true });
  });

  test("evidence links must be web addresses", () => {
    const r = ApplicationSchema.safeParse({ evidenceLinks: "https://example.org/cert\njavascript:alert(1)" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ["evidenceLinks", 1], message: "progress.apply.errors.link" });
  });
});
