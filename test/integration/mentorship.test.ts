// The mentor programme on the real database: registration, matching, capacity, the lifecycle of a
// mentorship, group mentoring, bad input, a departing mentee, and the mentoring requirement.
import { sql } from "kysely";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import {
  getMentorRegistration,
  saveMentorRegistration,
  setMentorStatus,
  suggestMentors,
} from "~/models/mentorship/mentor.server";
import {
  addGoal,
  closeMentorship,
  endMentorshipsForDepartingUser,
  getMentorship,
  leaveFeedback,
  logSession,
  setGoalStatus,
} from "~/models/mentorship/mentorship-cycle.server";
import {
  askMentor,
  createRequest,
  decideAsk,
  getOpenRequest,
  staffMatch,
} from "~/models/mentorship/mentorship-requests.server";
import {
  MentorRegistrationSchema,
  MentorshipRequestSchema,
  readRequestForm,
  SessionSchema,
} from "~/models/mentorship/mentorship.schema";
import { getStanding } from "~/models/journey/progress/index.server";
import { ensureCompetencies } from "../factories/profiles";
import { createMember } from "../factories/progress";
import { ageUser, createCategory, scopeFor } from "../factories/topics";
import { createAdmin } from "../factories/users";

const CX = "digital-customer-engagement";
const SLA = "sla-management";
const LOYALTY = "loyalty-programme-management";

beforeAll(async () => {
  await ensureCompetencies();
  await createCategory({ slug: "mentorship", see: "participants", post: "level:4", reply: "participants" });
});

type Reg = { capacity?: number; competencies?: string[]; languages?: string[]; timeZone?: string };
async function mentor(reg: Reg = {}) {
  const m = await createMember({ level: 4 });
  await ageUser(m);
  const r = await saveMentorRegistration({
    scope: await scopeFor(m),
    input: MentorRegistrationSchema.parse({
      capacity: reg.capacity ?? 3,
      competencies: reg.competencies ?? [CX],
      languages: reg.languages ?? ["en"],
      timeZone: reg.timeZone ?? "Africa/Lagos",
      pitch: "Twelve years leading contact centres across West Africa.",
    }),
  });
  if (!r.ok) throw new Error(r.message);
  return m;
}

async function mentee(
  opts: {
    level?: number;
    language?: string;
    competencies?: { slug: string; level: "emerging" | "proficient" | "advanced" }[];
  } = {},
) {
  const m = await createMember({ level: opts.level ?? 2 });
  await ageUser(m);
  const r = await createRequest({
    scope: await scopeFor(m),
    input: MentorshipRequestSchema.parse({
      goals: "Grow into a team lead role and handle escalations with confidence.",
      competencies: opts.competencies ?? [
        { slug: CX, level: "emerging" },
        { slug: SLA, level: "proficient" },
      ],
      language: opts.language ?? "fr",
      availability: "Weekday evenings",
      timeZone: "Africa/Abidjan",
    }),
  });
  if (!r.ok) throw new Error(r.message);
  return m;
}

const requestOf = async (m: { id: number }) => (await getOpenRequest(db, { menteeId: m.id }))!;
const progressOf = async (userId: number) =>
  (await getStanding(db, { userId }))!.requirements.find((r) => r.kind === "mentoring")!.progress;

async function start(mentorUser: { id: number }, menteeUser: { id: number }, into: "new" | "group" | number = "new") {
  const ask = await askMentor({ scope: await scopeFor(menteeUser), mentorId: mentorUser.id, note: "" });
  if (!ask.ok) throw new Error(ask.message);
  const accepted = await decideAsk({
    scope: await scopeFor(mentorUser),
    id: ask.askId,
    decision: "accept",
    note: "",
    into,
  });
  if (!accepted.ok) throw new Error(accepted.message);
  return accepted.cycleId!;
}

describe("matching", () => {
  test(
    "a mentor sharing the mentee's language and covering two gap competencies ranks above one covering none, with " +
      "reasons",
    async () => {
      const covering = await mentor({ competencies: [CX, SLA], languages: ["fr", "en"], timeZone: "Africa/Dakar" });
      const none = await mentor({ competencies: [LOYALTY], languages: ["en"], timeZone: "Africa/Abidjan" });
      const junior = await mentee({ language: "fr" });
      const list = await suggestMentors(db, { request: await requestOf(junior), limit: 5000 });
      const rank = (id: number) => list.findIndex((s) => s.userId === id);
      expect(rank(covering.id)).toBeGreaterThanOrEqual(0);
      expect(rank(none.id)).toBeGreaterThanOrEqual(0);
      expect(rank(covering.id)).toBeLessThan(rank(none.id));
      const top = list[rank(covering.id)];
      expect(top.reasons.find((r) => r.kind === "competencies")).toMatchObject({ slugs: [CX, SLA], points: 55 });
      expect(top.reasons.find((r) => r.kind === "language")).toMatchObject({ language: "fr", points: 20 });
      expect(list[rank(none.id)].reasons.map((r) => r.kind)).not.toContain("competencies");
      // the score is the sum of the reasons shown
      for (const s of list) expect(s.score).toBe(s.reasons.reduce((n, r) => n + r.points, 0));
    },
  );

  test(
    "a suspended mentee cannot ask a mentor (the ask is a message), a suspended mentor cannot accept; nothing is " +
      "written",
    async () => {
      const m = await mentor();
      const j = await mentee();
      await db
        .updateTable("users")
        .set({ suspended_until: new Date(Date.now() + 86_400_000), sanction_reason: "test" })
        .where("id", "=", j.id)
        .execute();
      expect(await askMentor({ scope: await scopeFor(j), mentorId: m.id, note: "Please mentor me." })).toMatchObject({
        ok: false,
        status: 403,
        message: "limits.suspended",
      });
      expect(await db.selectFrom("mentorships").select("id").where("mentee_id", "=", j.id).execute()).toEqual([]);

      // a suspended mentor cannot accept (the thread opens with their post) but may decline
      const free = await mentee();
      const ask = await askMentor({ scope: await scopeFor(free), mentorId: m.id, note: "" });
      if (!ask.ok) throw new Error(ask.message);
      await db
        .updateTable("users")
        .set({ suspended_until: new Date(Date.now() + 86_400_000), sanction_reason: "test" })
        .where("id", "=", m.id)
        .execute();
      expect(
        await decideAsk({ scope: await scopeFor(m), id: ask.askId, decision: "accept", note: "", into: "new" }),
      ).toMatchObject({ ok: false, status: 403, message: "limits.suspended" });
      expect(
        (await decideAsk({ scope: await scopeFor(m), id: ask.askId, decision: "decline", note: "", into: "new" })).ok,
      ).toBe(true);
    },
  );

  test("a mentor at capacity is never suggested and cannot be asked; a free place brings them back", async () => {
    const busy = await mentor({ capacity: 1, competencies: [CX, SLA], languages: ["fr"] });
    const first = await mentee();
    await start(busy, first);
    const second = await mentee();
    expect(
      (await suggestMentors(db, { request: await requestOf(second), limit: 5000 })).map((s) => s.userId),
    ).not.toContain(busy.id);
    expect(await askMentor({ scope: await scopeFor(second), mentorId: busy.id, note: "" })).toMatchObject({
      ok: false,
      message: "mentorship.errors.atCapacity",
    });
    // an ask waiting counts against capacity too
    const roomy = await mentor({ capacity: 1 });
    const third = await mentee();
    expect((await askMentor({ scope: await scopeFor(third), mentorId: roomy.id, note: "" })).ok).toBe(true);
    expect(
      (await suggestMentors(db, { request: await requestOf(second), limit: 5000 })).map((s) => s.userId),
    ).not.toContain(roomy.id);
    // paused mentors are not suggested either
    const admin = await createAdmin();
    const paused = await mentor({ capacity: 5 });
    await setMentorStatus({ scope: await scopeFor(admin), userId: paused.id, status: "paused", reason: "On leave" });
    expect(
      (await suggestMentors(db, { request: await requestOf(second), limit: 5000 })).map((s) => s.userId),
    ).not.toContain(paused.id);
  });
});

describe("registration", () => {
  test("registering gives the Mentor badge and the directory's mentor mark; removal takes both away", async () => {
    const m = await mentor();
    const badge = () =>
      db
        .selectFrom("badge_awards")
        .select("revoked_at")
        .where("user_id", "=", m.id)
        .where("kind", "=", "mentor")
        .executeTakeFirst();
    const mark = async () =>
      (await db.selectFrom("profiles").select("is_mentor").where("user_id", "=", m.id).executeTakeFirst())?.is_mentor;
    expect(await badge()).toMatchObject({ revoked_at: null });
    expect(await mark()).toBe(true);
    expect(
      await db
        .selectFrom("outbox")
        .select("id")
        .where("kind", "=", "profile.reindex")
        .where(sql<boolean>`payload->>'userId' = ${String(m.id)}`)
        .executeTakeFirst(),
    ).toBeDefined();
    const admin = await createAdmin();
    expect(
      await setMentorStatus({
        scope: await scopeFor(admin),
        userId: m.id,
        status: "removed",
        reason: "Left the programme",
      }),
    ).toMatchObject({ ok: true });
    expect((await badge())?.revoked_at).toBeInstanceOf(Date);
    expect(await mark()).toBe(false);
    const audit = await db
      .selectFrom("audit_log")
      .select(["actor_id", "after"])
      .where("action", "=", "mentor.status")
      .where("target_id", "=", String(m.id))
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: admin.id, after: { status: "removed" } });
  });
});

describe("bad input: a clear message, nothing written", () => {
  test("a member asking themselves", async () => {
    // a level-4 member cannot open a request at all; a mentee asking their own id is refused
    const junior = await mentee();
    const before = await db
      .selectFrom("mentorships")
      .select(db.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(await askMentor({ scope: await scopeFor(junior), mentorId: junior.id, note: "" })).toMatchObject({
      ok: false,
      message: "mentorship.errors.self",
    });
    expect(
      await db.selectFrom("mentorships").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    ).toEqual(before);
    const admin = await createAdmin();
    expect(
      await staffMatch({
        scope: await scopeFor(admin),
        requestId: (await requestOf(junior)).id,
        mentorUsername: junior.username,
      }),
    ).toMatchObject({ ok: false, message: "mentorship.errors.self" });
  });

  test("a level-2 member registering as mentor", async () => {
    const junior = await createMember({ level: 2 });
    const input = MentorRegistrationSchema.parse({
      capacity: 2,
      competencies: [CX],
      languages: ["en"],
      timeZone: "Africa/Lagos",
      pitch: "I would love to help others grow in service.",
    });
    expect(await saveMentorRegistration({ scope: await scopeFor(junior), input })).toMatchObject({
      ok: false,
      status: 403,
      message: "mentorship.errors.mentorLevel",
    });
    expect(await getMentorRegistration(db, { userId: junior.id })).toBeUndefined();
  });

  test("a request with no goals, and one without a competency", async () => {
    const noGoals = MentorshipRequestSchema.safeParse(
      readRequestForm({ goals: "   ", [`competency.${CX}`]: "emerging", language: "en", timeZone: "Africa/Lagos" }),
    );
    expect(noGoals.success).toBe(false);
    expect(noGoals.error!.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([
      "goals",
      "mentorship.errors.goals",
    ]);
    const noComp = MentorshipRequestSchema.safeParse(
      readRequestForm({
        goals: "Lead a team of ten agents well.",
        [`competency.${CX}`]: "",
        language: "en",
        timeZone: "Africa/Lagos",
      }),
    );
    expect(noComp.error!.issues.map((i) => i.message)).toContain("mentorship.errors.competencies");
  });

  test("capacity 0 or 100", () => {
    for (const capacity of ["0", "100", "-1", "2.5", "ten"]) {
      const r = MentorRegistrationSchema.safeParse({
        capacity,
        competencies: [CX],
        languages: ["en"],
        timeZone: "Africa/Lagos",
        pitch: "Twelve years leading contact centres.",
      });
      expect(r.success, capacity).toBe(false);
      expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([
        "capacity",
        "mentorship.errors.capacity",
      ]);
    }
    expect(
      MentorRegistrationSchema.safeParse({
        capacity: "10",
        competencies: [CX],
        languages: ["en"],
        timeZone: "Africa/Lagos",
        pitch: "Twelve years leading contact centres.",
      }).success,
    ).toBe(true);
  });

  test("a session dated in the future or before the mentorship began", async () => {
    const m = await mentor();
    const j = await mentee();
    const cycleId = await start(m, j);
    await db
      .updateTable("mentorship_cycles")
      .set({ started_at: new Date("2026-01-10T12:00:00Z") })
      .where("id", "=", cycleId)
      .execute();
    const scope = await scopeFor(m);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const future = await logSession({
      scope,
      id: cycleId,
      timeZone: "Africa/Lagos",
      input: SessionSchema.parse({ heldOn: tomorrow, durationMinutes: "60" }),
    });
    expect(future).toMatchObject({ ok: false, fields: { heldOn: "mentorship.errors.sessionFuture" } });
    const before = await logSession({
      scope,
      id: cycleId,
      timeZone: "Africa/Lagos",
      input: SessionSchema.parse({ heldOn: "2026-01-09", durationMinutes: "60" }),
    });
    expect(before).toMatchObject({
      ok: false,
      fields: { heldOn: "mentorship.errors.sessionBeforeStart" },
      values: { date: "2026-01-10" },
    });
    expect(SessionSchema.safeParse({ heldOn: "2026-02-30", durationMinutes: "60" }).success).toBe(false);
    expect(SessionSchema.safeParse({ heldOn: "2026-02-03", durationMinutes: "0" }).success).toBe(false);
    expect(await db.selectFrom("mentorship_sessions").select("id").where("cycle_id", "=", cycleId).execute()).toEqual(
      [],
    );
    expect(
      (
        await logSession({
          scope,
          id: cycleId,
          timeZone: "Africa/Lagos",
          input: SessionSchema.parse({ heldOn: "2026-01-10", durationMinutes: "45", notes: "Kick-off" }),
        })
      ).ok,
    ).toBe(true);
  });
});

describe("lifecycle", () => {
  test("ask -> accept -> goals -> session -> completed with feedback; the requirement counts it", async () => {
    const m = await mentor();
    const j = await mentee();
    expect(await progressOf(m.id)).toMatchObject({ done: 0 });
    const ask = await askMentor({ scope: await scopeFor(j), mentorId: m.id, note: "I admire your work on SLAs." });
    expect(ask.ok).toBe(true);
    expect(await progressOf(m.id)).toMatchObject({ done: 0 }); // proposed does not count yet
    const notified = await db
      .selectFrom("notifications")
      .select(["kind", "data"])
      .where("user_id", "=", m.id)
      .where("kind", "=", "mentorship")
      .execute();
    expect(notified).toHaveLength(1);
    const accepted = await decideAsk({
      scope: await scopeFor(m),
      id: ask.ok ? ask.askId : 0,
      decision: "accept",
      note: "Happy to help",
      into: "new",
    });
    expect(accepted.ok).toBe(true);
    const cycleId = accepted.ok ? accepted.cycleId! : 0;
    expect((await requestOf(j)) ?? null).toBeNull();
    const page = await getMentorship({ scope: await scopeFor(j), id: cycleId });
    expect(page).toMatchObject({ status: "active", mentor_id: m.id, isGroup: false });
    expect(page!.threadUrl).toMatch(/^\/t\/.+\/\d+$/);
    const endsOn = new Date(page!.started_at);
    endsOn.setUTCMonth(endsOn.getUTCMonth() + 3);
    expect(page!.ends_on).toBe(endsOn.toISOString().slice(0, 10));
    expect((await progressOf(m.id)).items[0].url).toBe(`/mentorship/${cycleId}`);

    const js = await scopeFor(j);
    expect((await addGoal({ scope: js, id: cycleId, title: "Run my first team huddle" })).ok).toBe(true);
    const goal = (await getMentorship({ scope: js, id: cycleId }))!.goals[0];
    expect(
      (await setGoalStatus({ scope: await scopeFor(m), id: cycleId, goalId: goal.id, status: "achieved" })).ok,
    ).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (
        await logSession({
          scope: await scopeFor(m),
          id: cycleId,
          timeZone: "UTC",
          input: SessionSchema.parse({
            heldOn: today,
            durationMinutes: "50",
            notes: "Huddle plan",
            nextSteps: "Try it Monday",
          }),
        })
      ).ok,
    ).toBe(true);
    // feedback only once completed
    expect(await leaveFeedback({ scope: js, id: cycleId, rating: 5, comment: "" })).toMatchObject({
      ok: false,
      message: "mentorship.errors.feedbackNotYet",
    });
    expect((await closeMentorship({ scope: await scopeFor(m), id: cycleId, outcome: "completed" })).ok).toBe(true);
    expect((await leaveFeedback({ scope: js, id: cycleId, rating: 5, comment: "Very practical" })).ok).toBe(true);
    expect(await leaveFeedback({ scope: js, id: cycleId, rating: 4, comment: "" })).toMatchObject({
      ok: false,
      message: "mentorship.errors.feedbackGiven",
    });
    expect(
      (await leaveFeedback({ scope: await scopeFor(m), id: cycleId, rating: 4, comment: "Engaged mentee" })).ok,
    ).toBe(true);
    // feedback is for staff: each side sees only their own
    expect((await getMentorship({ scope: js, id: cycleId }))!.feedback.map((f) => f.role)).toEqual(["mentee"]);
    const admin = await createAdmin();
    expect((await getMentorship({ scope: await scopeFor(admin), id: cycleId }))!.feedback).toHaveLength(2);
    // completed counts toward the mentor's requirement; a closed mentorship can no longer change
    expect(await progressOf(m.id)).toMatchObject({ done: 1, status: "met" });
    expect(await addGoal({ scope: js, id: cycleId, title: "Another goal" })).toMatchObject({
      ok: false,
      message: "mentorship.errors.closed",
    });
  });

  test("ended early needs a reason and does not count; declining tells the mentee", async () => {
    const m = await mentor();
    const j = await mentee();
    const cycleId = await start(m, j);
    expect(await closeMentorship({ scope: await scopeFor(j), id: cycleId, outcome: "ended" })).toMatchObject({
      ok: false,
      message: "mentorship.errors.endReason",
    });
    expect(
      (await closeMentorship({ scope: await scopeFor(j), id: cycleId, outcome: "ended", reason: "no_time" })).ok,
    ).toBe(true);
    expect(await progressOf(m.id)).toMatchObject({ done: 0 });
    const topic = await db
      .selectFrom("mentorship_cycles as c")
      .innerJoin("topics as t", "t.id", "c.topic_id")
      .select(["t.closed_at", "c.end_reason"])
      .where("c.id", "=", cycleId)
      .executeTakeFirstOrThrow();
    expect(topic).toMatchObject({ end_reason: "no_time" });
    expect(topic.closed_at).toBeInstanceOf(Date);

    const j2 = await mentee();
    const ask = await askMentor({ scope: await scopeFor(j2), mentorId: m.id, note: "" });
    expect(
      (
        await decideAsk({
          scope: await scopeFor(m),
          id: ask.ok ? ask.askId : 0,
          decision: "decline",
          note: "Full this quarter",
          into: "new",
        })
      ).ok,
    ).toBe(true);
    expect(
      await db
        .selectFrom("mentorships")
        .select(["status", "decision_note"])
        .where("id", "=", ask.ok ? ask.askId : 0)
        .executeTakeFirst(),
    ).toEqual({ status: "declined", decision_note: "Full this quarter" });
    expect((await requestOf(j2)).status).toBe("open"); // the request stays open for another mentor
  });

  test("staff match directly; only staff may", async () => {
    const m = await mentor();
    const j = await mentee();
    const req = await requestOf(j);
    expect(await staffMatch({ scope: await scopeFor(j), requestId: req.id, mentorUsername: m.username })).toMatchObject(
      { ok: false, status: 403 },
    );
    const admin = await createAdmin();
    const r = await staffMatch({ scope: await scopeFor(admin), requestId: req.id, mentorUsername: `@${m.username}` });
    expect(r.ok).toBe(true);
    const page = await getMentorship({ scope: await scopeFor(m), id: r.ok ? r.cycleId : 0 });
    expect(page?.mentees.map((x) => x.mentee_id)).toEqual([j.id]);
    expect(page?.status).toBe("active");
  });
});

describe("group mentoring", () => {
  test("up to 5 mentees share one thread; a sixth is refused", async () => {
    const m = await mentor({ capacity: 8 });
    const first = await mentee();
    const cycleId = await start(m, first, "group");
    for (let i = 0; i < 4; i++) await start(m, await mentee(), cycleId);
    const page = await getMentorship({ scope: await scopeFor(m), id: cycleId });
    expect(page!.mentees).toHaveLength(5);
    expect(page!.room).toBe(0);
    const allowed = await db
      .selectFrom("topic_allowed_users")
      .select("user_id")
      .where("topic_id", "=", page!.topic_id!)
      .execute();
    expect(allowed.map((a) => a.user_id).sort()).toEqual([m.id, ...page!.mentees.map((x) => x.mentee_id)].sort());
    const sixth = await mentee();
    const ask = await askMentor({ scope: await scopeFor(sixth), mentorId: m.id, note: "" });
    expect(
      await decideAsk({
        scope: await scopeFor(m),
        id: ask.ok ? ask.askId : 0,
        decision: "accept",
        note: "",
        into: cycleId,
      }),
    ).toMatchObject({ ok: false, message: "mentorship.errors.groupFull" });
    expect(
      await db
        .selectFrom("mentorships")
        .select("status")
        .where("id", "=", ask.ok ? ask.askId : 0)
        .executeTakeFirst(),
    ).toEqual({ status: "proposed" });
    expect(await progressOf(m.id)).toMatchObject({ done: 5 });
  });
});

describe("a mentee leaving the platform", () => {
  test("ends their mentorship, takes them off the thread, and the mentor's count is right", async () => {
    const m = await mentor({ capacity: 5 });
    const leaving = await mentee();
    const staying = await mentee();
    const solo = await start(m, leaving);
    const groupId = await start(m, staying, "group");
    expect(await progressOf(m.id)).toMatchObject({ done: 2 });
    await db.transaction().execute((trx) => endMentorshipsForDepartingUser(trx, leaving.id));
    expect(await progressOf(m.id)).toMatchObject({ done: 1 });
    const soloCycle = await db
      .selectFrom("mentorship_cycles")
      .select(["status", "end_reason", "topic_id"])
      .where("id", "=", solo)
      .executeTakeFirstOrThrow();
    expect(soloCycle).toMatchObject({ status: "ended", end_reason: "mentee_left" });
    expect(
      await db
        .selectFrom("topic_allowed_users")
        .select("user_id")
        .where("topic_id", "=", soloCycle.topic_id!)
        .where("user_id", "=", leaving.id)
        .executeTakeFirst(),
    ).toBeUndefined();
    expect(
      (await db.selectFrom("mentorship_cycles").select("status").where("id", "=", groupId).executeTakeFirstOrThrow())
        .status,
    ).toBe("active");
    // the mentor is told
    expect(
      await db
        .selectFrom("notifications")
        .select("id")
        .where("user_id", "=", m.id)
        .where("source_key", "like", "mentorship:left:%")
        .execute(),
    ).toHaveLength(1);
  });
});
