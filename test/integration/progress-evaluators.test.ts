// Each requirement kind, evaluated on the real database, stated as rules a member would recognise.
import { sql } from "kysely";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { updateRequirement } from "~/models/journey/level.server";
import { getStanding } from "~/models/journey/progress/index.server";
import { createCategory, createPost, createTopic } from "../factories/forum";
import { createMember, ensureProgramme } from "../factories/progress";
import { createAdmin } from "../factories/users";

async function progressOf(userId: number, key: string, now?: Date) {
  const standing = await getStanding(db, { userId, now, itemLimit: 50 });
  const r = standing?.requirements.find((x) => x.key === key);
  if (!r) throw new Error(`requirement ${key} not found for user ${userId}`);
  return r.progress;
}

let general: { id: number };
let mentorship: { id: number };
let fieldExperiences: { id: number };
beforeAll(async () => {
  await ensureProgramme();
  general = await createCategory({ slug: "basic-concepts" });
  mentorship = await createCategory({ slug: "mentorship", seeRule: "participants" });
  fieldExperiences = await createCategory({ slug: "field-experiences" });
});

describe("distinct_topics", () => {
  test("6 replies in the same topic count as 1", async () => {
    const member = await createMember({ level: 2 });
    const other = await createMember({ level: 2 });
    const topic = await createTopic({ categoryId: general.id, userId: other.id });
    for (let i = 0; i < 6; i++) await createPost({ topicId: topic.id, userId: member.id });
    const p = await progressOf(member.id, "l2-distinct-topics");
    expect(p).toMatchObject({ done: 1, required: 5, status: "due" });
    expect(p.items).toHaveLength(1);
    expect(p.items[0]).toMatchObject({ label: topic.title, url: `/t/${topic.slug}/${topic.id}/2`, note: "6" });
  });

  test("a topic the member started counts once, replies in it included", async () => {
    const member = await createMember({ level: 2 });
    const topic = await createTopic({ categoryId: general.id, userId: member.id });
    await createPost({ topicId: topic.id, userId: member.id });
    expect(await progressOf(member.id, "l2-distinct-topics")).toMatchObject({ done: 1 });
  });

  test("a post made before entering the level does not count", async () => {
    const member = await createMember({ level: 2, enteredAt: new Date(Date.now() - 3_600_000) });
    const before = await createTopic({
      categoryId: general.id,
      userId: member.id,
      at: new Date(Date.now() - 7_200_000),
    });
    const after = await createTopic({ categoryId: general.id, userId: member.id });
    const p = await progressOf(member.id, "l2-distinct-topics");
    expect(p.done).toBe(1);
    expect(p.items.map((i) => i.label)).toEqual([after.title]);
    expect(p.items.map((i) => i.label)).not.toContain(before.title);
  });

  test("deleting or hiding a counted post lowers the count; deleting the topic too", async () => {
    const member = await createMember({ level: 2 });
    const other = await createMember({ level: 2 });
    const topics = [];
    for (let i = 0; i < 3; i++) topics.push(await createTopic({ categoryId: general.id, userId: other.id }));
    const posts = [];
    for (const t of topics) posts.push(await createPost({ topicId: t.id, userId: member.id }));
    expect((await progressOf(member.id, "l2-distinct-topics")).done).toBe(3);
    await db.updateTable("posts").set({ deleted_at: new Date() }).where("id", "=", posts[0].id).execute();
    expect((await progressOf(member.id, "l2-distinct-topics")).done).toBe(2);
    await db
      .updateTable("posts")
      .set({ hidden_at: new Date(), hidden_reason: "flagged" })
      .where("id", "=", posts[1].id)
      .execute();
    expect((await progressOf(member.id, "l2-distinct-topics")).done).toBe(1);
    await db.updateTable("topics").set({ deleted_at: new Date() }).where("id", "=", topics[2].id).execute();
    expect((await progressOf(member.id, "l2-distinct-topics")).done).toBe(0);
  });

  test("a post moved to an excluded category stops counting", async () => {
    const member = await createMember({ level: 2 });
    const topic = await createTopic({ categoryId: general.id, userId: member.id });
    expect((await progressOf(member.id, "l2-distinct-topics")).done).toBe(1);
    await db.updateTable("topics").set({ category_id: mentorship.id }).where("id", "=", topic.id).execute();
    expect((await progressOf(member.id, "l2-distinct-topics")).done).toBe(0);
  });

  test("five topics meet the duty; the count stays exact beyond the listed items", async () => {
    const member = await createMember({ level: 2 });
    for (let i = 0; i < 7; i++) await createTopic({ categoryId: general.id, userId: member.id });
    const standing = await getStanding(db, { userId: member.id, itemLimit: 3 });
    const p = standing!.requirements.find((r) => r.key === "l2-distinct-topics")!.progress;
    expect(p).toMatchObject({ done: 7, required: 5, status: "met", more: 4 });
    expect(p.items).toHaveLength(3);
  });

  test("changing a threshold changes 'required' for everyone at that level, and is audited", async () => {
    const a = await createMember({ level: 2 });
    const b = await createMember({ level: 2 });
    const c = await createMember({ level: 3 });
    const admin = await createAdmin();
    const req = await db
      .selectFrom("level_requirements")
      .select(["id", "label"])
      .where("key", "=", "l2-distinct-topics")
      .executeTakeFirstOrThrow();
    const r = await updateRequirement({
      adminId: admin.id,
      id: req.id,
      label: req.label,
      params: { min: 8, excludeCategories: ["mentorship"] },
    });
    expect(r.ok).toBe(true);
    expect((await progressOf(a.id, "l2-distinct-topics")).required).toBe(8);
    expect((await progressOf(b.id, "l2-distinct-topics")).required).toBe(8);
    expect((await progressOf(c.id, "l3-distinct-topics")).required).toBe(5);
    const audit = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "requirement.update")
      .where("target_id", "=", String(req.id))
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: admin.id, before: { params: { min: 5 } }, after: { params: { min: 8 } } });
    // a negative threshold is refused and nothing changes
    const bad = await updateRequirement({
      adminId: admin.id,
      id: req.id,
      label: req.label,
      params: { min: -1, excludeCategories: [] },
    });
    expect(bad).toMatchObject({ ok: false, fields: { "param.min": "admin.requirements.errors.number" } });
    expect((await progressOf(a.id, "l2-distinct-topics")).required).toBe(8);
    await updateRequirement({
      adminId: admin.id,
      id: req.id,
      label: req.label,
      params: { min: 5, excludeCategories: ["mentorship"] },
    });
  });
});

describe("periods in the member's time zone", () => {
  // Africa/Nairobi is UTC+3 all year: 23:59 on 30 April there is 20:59 UTC.
  test("books: the trimester ends at midnight on 30 April, member's time", async () => {
    const member = await createMember({
      level: 3,
      timeZone: "Africa/Nairobi",
      enteredAt: new Date("2027-01-05T08:00:00Z"),
    });
    await db
      .insertInto("reading_log")
      .values({ user_id: member.id, title: "Moments of Truth", finished_on: "2027-04-30" })
      .execute();
    const lastMinute = await progressOf(member.id, "l3-books", new Date("2027-04-30T20:59:00Z"));
    expect(lastMinute).toMatchObject({ done: 1, required: 1, status: "met", dueBy: "2027-04-30", period: "trimester" });
    const nextTrimester = await progressOf(member.id, "l3-books", new Date("2027-04-30T21:00:00Z"));
    expect(nextTrimester).toMatchObject({ done: 0, status: "due", dueBy: "2027-08-31" });
  });

  test("books: a trimester that closed short makes the duty overdue", async () => {
    const member = await createMember({
      level: 3,
      timeZone: "Africa/Nairobi",
      enteredAt: new Date("2027-01-05T08:00:00Z"),
    });
    expect(await progressOf(member.id, "l3-books", new Date("2027-05-10T09:00:00Z"))).toMatchObject({
      done: 0,
      status: "overdue",
    });
    await db
      .insertInto("reading_log")
      .values({ user_id: member.id, title: "Raving Fans", finished_on: "2027-05-09" })
      .execute();
    expect(await progressOf(member.id, "l3-books", new Date("2027-05-10T09:00:00Z"))).toMatchObject({
      done: 1,
      status: "met",
    });
  });

  test("activities: the calendar year turns at 00:00 on 1 January, member's time", async () => {
    // Africa/Lagos is UTC+1: 23:59 on 31 December there is 22:59 UTC.
    const member = await createMember({
      level: 2,
      timeZone: "Africa/Lagos",
      enteredAt: new Date("2027-01-02T08:00:00Z"),
    });
    for (const d of ["2027-03-01", "2027-07-01", "2027-12-31"]) {
      await db
        .insertInto("activities")
        .values({ user_id: member.id, kind: "meetup", title: `Meet-up ${d}`, occurred_on: d })
        .execute();
    }
    expect(await progressOf(member.id, "l2-activities", new Date("2027-12-31T22:59:00Z"))).toMatchObject({
      done: 3,
      required: 3,
      status: "met",
      dueBy: "2027-12-31",
    });
    expect(await progressOf(member.id, "l2-activities", new Date("2027-12-31T23:00:00Z"))).toMatchObject({
      done: 0,
      status: "due",
      dueBy: "2028-12-31",
    });
  });

  test("field experiences: a topic at 23:59 on 31 December counts for that year, at 00:00 for the next", async () => {
    const member = await createMember({
      level: 3,
      timeZone: "Africa/Lagos",
      enteredAt: new Date("2027-01-02T08:00:00Z"),
    });
    const late = await createTopic({
      categoryId: fieldExperiences.id,
      userId: member.id,
      at: new Date("2027-12-31T22:59:00Z"),
      title: "Late December outage recovery",
    });
    const early = await createTopic({
      categoryId: fieldExperiences.id,
      userId: member.id,
      at: new Date("2027-12-31T23:00:00Z"),
      title: "New year billing complaints",
    });
    const dec = await progressOf(member.id, "l3-field-experiences", new Date("2027-12-31T22:59:30Z"));
    expect(dec.items.map((i) => i.label)).toEqual([late.title]);
    const jan = await progressOf(member.id, "l3-field-experiences", new Date("2028-01-01T10:00:00Z"));
    expect(jan).toMatchObject({ done: 1, required: 2, dueBy: "2028-12-31" });
    expect(jan.items.map((i) => i.label)).toEqual([early.title]);
  });

  test("award nomination: submitted at 00:00 on 1 January counts for the new year only", async () => {
    const member = await createMember({
      level: 3,
      timeZone: "Africa/Lagos",
      enteredAt: new Date("2027-01-02T08:00:00Z"),
    });
    await db
      .insertInto("award_nominations")
      .values({ user_id: member.id, year: 2028, submitted_at: new Date("2027-12-31T23:00:00Z") })
      .execute();
    expect(await progressOf(member.id, "l3-award-nomination", new Date("2027-12-31T22:59:59Z"))).toMatchObject({
      done: 0,
    });
    expect(await progressOf(member.id, "l3-award-nomination", new Date("2028-01-01T09:00:00Z"))).toMatchObject({
      done: 1,
      status: "met",
    });
  });
});

describe("logs, results and later features", () => {
  test("activities needing approval: pending entries do not count yet, rejected never", async () => {
    const member = await createMember({ level: 2 });
    const admin = await createAdmin();
    const req = await db
      .selectFrom("level_requirements")
      .select(["id", "label"])
      .where("key", "=", "l2-activities")
      .executeTakeFirstOrThrow();
    await updateRequirement({
      adminId: admin.id,
      id: req.id,
      label: req.label,
      params: { minPerYear: 3, requireApproval: true },
    });
    const today = (await sql<{ d: string }>`select (now() at time zone 'Africa/Lagos')::date::text as d`.execute(db))
      .rows[0].d;
    for (const status of ["approved", "pending", "pending", "rejected"] as const) {
      await db
        .insertInto("activities")
        .values({ user_id: member.id, kind: "training", title: `Training ${status}`, occurred_on: today, status })
        .execute();
    }
    const p = await progressOf(member.id, "l2-activities");
    expect(p).toMatchObject({ done: 1, pending: 2, status: "pending" });
    expect(p.items.map((i) => i.state).sort()).toEqual(["counted", "pending", "pending", "rejected"]);
    await updateRequirement({
      adminId: admin.id,
      id: req.id,
      label: req.label,
      params: { minPerYear: 3, requireApproval: false },
    });
    expect(await progressOf(member.id, "l2-activities")).toMatchObject({ done: 3, status: "met" });
  });

  test("webinar and assessment: 84% is not 85%; the best attempt counts; a diagnostic needs any attempt", async () => {
    const member = await createMember({ level: 1 });
    expect(await progressOf(member.id, "l1-webinar-1")).toMatchObject({ done: 0, status: "due" });
    await db
      .insertInto("webinar_attendance")
      .values({ user_id: member.id, webinar: "webinar-1.0", attended_on: "2026-11-01" })
      .execute();
    expect(await progressOf(member.id, "l1-webinar-1")).toMatchObject({ done: 1, status: "met" });
    await db
      .insertInto("assessment_results")
      .values({ user_id: member.id, assessment: "aptitude-test-2.0", score: 84, taken_on: "2026-11-02", attempt: 1 })
      .execute();
    expect(await progressOf(member.id, "l1-aptitude-test-2")).toMatchObject({
      done: 0,
      detail: { best: 84, passMark: 85 },
    });
    await db
      .insertInto("assessment_results")
      .values({ user_id: member.id, assessment: "aptitude-test-2.0", score: 91.5, taken_on: "2026-11-09", attempt: 2 })
      .execute();
    await db
      .insertInto("assessment_results")
      .values({ user_id: member.id, assessment: "aptitude-test-2.0", score: 60, taken_on: "2026-11-10", attempt: 3 })
      .execute();
    expect(await progressOf(member.id, "l1-aptitude-test-2")).toMatchObject({
      done: 1,
      status: "met",
      detail: { best: 91.5, attempts: 3 },
    });
    await db
      .insertInto("assessment_results")
      .values({ user_id: member.id, assessment: "aptitude-test-1.0", score: 12, taken_on: "2026-11-02", attempt: 1 })
      .execute();
    expect(await progressOf(member.id, "l1-aptitude-test-1")).toMatchObject({ done: 1, status: "met" });
  });

  test("profile: each required field counts once filled", async () => {
    const member = await createMember({ level: 2 });
    expect(await progressOf(member.id, "l2-professional-profile")).toMatchObject({ done: 1, required: 4 }); // the name
    await db
      .insertInto("profiles")
      .values({
        user_id: member.id,
        photo_key: "p/1.webp",
        bio_markdown: "I lead a team.",
        achievements: ["Best agent 2025"],
      })
      .execute();
    const p = await progressOf(member.id, "l2-professional-profile");
    expect(p).toMatchObject({ done: 4, status: "met" });
  });

  test("mentoring: active mentorships count, ended ones do not", async () => {
    const mentor = await createMember({ level: 4 });
    const a = await createMember({ level: 1 });
    const b = await createMember({ level: 2 });
    await db
      .insertInto("mentorships")
      .values({ mentor_id: mentor.id, mentee_id: a.id, status: "ended", ended_at: new Date() })
      .execute();
    expect(await progressOf(mentor.id, "l4-mentoring")).toMatchObject({ done: 0, required: 1 });
    await db.insertInto("mentorships").values({ mentor_id: mentor.id, mentee_id: b.id }).execute();
    const p = await progressOf(mentor.id, "l4-mentoring");
    expect(p).toMatchObject({ done: 1, status: "met" });
    expect(p.items[0].url).toBe(`/u/${b.username}`);
  });

  test("module tasks: submitted is pending, evaluated counts", async () => {
    const member = await createMember({ level: 2 });
    await db
      .insertInto("module_tasks")
      .values({ user_id: member.id, programme: "ccxmp", module: 1, evaluated_at: new Date() })
      .execute();
    await db.insertInto("module_tasks").values({ user_id: member.id, programme: "ccxmp", module: 2 }).execute();
    await db
      .insertInto("module_tasks")
      .values({ user_id: member.id, programme: "employee-cs-training", module: 3, evaluated_at: new Date() })
      .execute();
    const p = await progressOf(member.id, "l2-ccxmp-module-tasks");
    expect(p).toMatchObject({ done: 1, required: 7, pending: 1, status: "due" });
    expect(p.items.map((i) => i.state)).toEqual([
      "counted",
      "pending",
      "missing",
      "missing",
      "missing",
      "missing",
      "missing",
    ]);
  });

  test("experience years: declared on an application, met once an admin approved it", async () => {
    const member = await createMember({ level: 3 });
    expect(await progressOf(member.id, "l3-managing-years")).toMatchObject({ done: 0, status: "due" });
    await db.insertInto("applications").values({ user_id: member.id, level: 4, managing_years: 6 }).execute();
    expect(await progressOf(member.id, "l3-managing-years")).toMatchObject({ done: 0, status: "pending" });
    await db
      .updateTable("applications")
      .set({ status: "approved", experience_verified: true })
      .where("user_id", "=", member.id)
      .execute();
    expect(await progressOf(member.id, "l3-managing-years")).toMatchObject({ done: 1, status: "met" });
  });

  test("a member who has not enrolled has no requirements and may apply for level 1", async () => {
    const member = await createMember();
    const s = await getStanding(db, { userId: member.id });
    expect(s).toMatchObject({ level: null, requirements: [], canApplyForNext: true });
  });
});
