// Learning groups on the real database and Meilisearch: the tutor response clock at its edges
// (with explicit timestamps, no sleeping), who stops it, the 20-learner cap, the group space's
// privacy in lists, search, feeds and notifications, reminders sent once, readiness and appeals.
import { sql } from "kysely";
import { afterAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { createAppeal, decideAppeal, listAppealable } from "~/models/journey/appeal.server";
import { getCategoryFeed, getLatestFeed, feedT } from "~/models/forum/feed.server";
import { searchPosts } from "~/models/forum/forum-search.server";
import { addLearner, isReadyForAssessment, listMyGroups, MAX_LEARNERS } from "~/models/groups/learning-group.server";
import { createReply } from "~/models/forum/post.server";
import { listLearnerActivity, markReady } from "~/models/assessments/readiness.server";
import { parseSearchQuery } from "~/models/forum/search-query";
import { getTopic } from "~/models/forum/topic.server";
import { listTopics } from "~/models/forum/topic-list.server";
import { createI18n } from "~/i18n";
import { clockElapsed, clockFigures, clockOf, HOUR_MS } from "~/models/assessments/tutor-clock";
import {
  getClockFigures,
  listWaitingQuestions,
  sendClockAlerts,
  updateClockSettings,
} from "~/models/assessments/tutor-clock.server";
import { VISITOR, type Scope } from "~/models/permissions.server";
import { resetMeili } from "~/search.server";
import { scopeOfUser } from "~/viewer.server";
import { answer, ask, makeGroup, member } from "../factories/groups";
import { ensureProgramme } from "../factories/progress";
import { createCategory, makeReply, makeTopic } from "../factories/topics";
import { createAdmin } from "../factories/users";
import { wordedAs } from "../factories/notifications";

afterAll(() => resetMeili());

const MIN = 60_000;
const scope = (u: { id: number }) => scopeOfUser(db, u.id);
const questionOf = (topicId: number) =>
  db.selectFrom("tutor_questions").selectAll().where("topic_id", "=", topicId).orderBy("id").execute();
const waitingAt = async (s: Scope, at: Date) =>
  (await listWaitingQuestions({ scope: s, now: at })).map((q) => ({ topicId: q.topic_id, status: q.clock.status }));
const notificationsOf = (userId: number) =>
  db
    .selectFrom("notifications")
    .select(["kind", "topic_id", "source_key", "data"])
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();

describe("the tutor response clock", () => {
  test("a question is awaiting at 23:59, due at 24:00 and 47:59, breached at 48:00", async () => {
    const { group, tutor, learners } = await makeGroup({ learners: 1 });
    const q = await ask(learners[0], group);
    const [row] = await questionOf(q.topicId);
    expect(row).toMatchObject({ group_id: group.id, post_id: q.postId, asked_by: learners[0].id, answered_at: null });
    const asked = row.asked_at.getTime();
    const tutorScope = await scope(tutor);
    const at = (ms: number) => new Date(asked + ms);
    expect(await waitingAt(tutorScope, at(23 * HOUR_MS + 59 * MIN))).toEqual([
      { topicId: q.topicId, status: "awaiting" },
    ]);
    expect(await waitingAt(tutorScope, at(24 * HOUR_MS))).toEqual([{ topicId: q.topicId, status: "due" }]);
    expect(await waitingAt(tutorScope, at(47 * HOUR_MS + 59 * MIN))).toEqual([{ topicId: q.topicId, status: "due" }]);
    expect(await waitingAt(tutorScope, at(48 * HOUR_MS))).toEqual([{ topicId: q.topicId, status: "breached" }]);
    // another tutor sees nothing of this group
    const other = await makeGroup({ learners: 0 });
    expect(await waitingAt(await scope(other.tutor), at(48 * HOUR_MS))).toEqual([]);
  });

  test("another learner's reply does not stop the clock; the tutor's reply does", async () => {
    const { group, tutor, learners } = await makeGroup({ learners: 2 });
    const q = await ask(learners[0], group);
    await answer(learners[1], q, "I had the same problem last month, following this one.");
    let [row] = await questionOf(q.topicId);
    expect(row.answered_at).toBeNull();
    const later = new Date(row.asked_at.getTime() + 30 * HOUR_MS);
    expect(await waitingAt(await scope(tutor), later)).toEqual([{ topicId: q.topicId, status: "due" }]);

    const reply = await answer(tutor, q, "Acknowledge the dispute, then check the refund reference together.");
    [row] = await questionOf(q.topicId);
    expect(row).toMatchObject({ answered_by: tutor.id, answer_post_id: reply.postId });
    expect(clockOf({ askedAt: row.asked_at, answeredAt: row.answered_at }, later).status).toBe("answered");
    expect(await waitingAt(await scope(tutor), later)).toEqual([]);
  });

  test("a reply that mentions the tutor is a question; staff answering also stops the clock", async () => {
    const { group, tutor, learners, admin } = await makeGroup({ learners: 2 });
    const topic = await ask(learners[0], group);
    await answer(tutor, topic, "Start with the refund reference.");
    await answer(learners[1], topic, "Thanks, this helps me as well.");
    await answer(learners[1], topic, `@${tutor.username} what if the customer has no reference at all?`);
    const rows = await questionOf(topic.topicId);
    expect(rows).toHaveLength(2);
    expect(rows[0].answered_by).toBe(tutor.id);
    expect(rows[1]).toMatchObject({ asked_by: learners[1].id, answered_at: null });
    await answer(admin, topic, "Staff here: ask for the card's last four digits instead.");
    expect((await questionOf(topic.topicId))[1].answered_by).toBe(admin.id);
    // the tutor starting a topic asks nothing
    const own = await ask(tutor, group);
    expect(await questionOf(own.topicId)).toEqual([]);
  });

  test("a question without a mention tells the tutor at once: in-app, and mail through the outbox", async () => {
    const { group, tutor, learners } = await makeGroup({ learners: 2 });
    const q = await ask(learners[0], group, { title: "Which tone for a refund refusal?" });
    const [row] = await questionOf(q.topicId);
    // queued in the post's own transaction, not left to the 20 h reminder
    const queued = await db.selectFrom("outbox").select("payload").where("kind", "=", "tutor.question").execute();
    expect(queued.map((j) => (typeof j.payload === "string" ? JSON.parse(j.payload) : j.payload))).toContainEqual({
      questionId: row.id,
    });
    await drainJobs();
    await drainJobs(); // a second run tells nobody twice
    const told = (await notificationsOf(tutor.id)).filter((n) => n.topic_id === q.topicId);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ kind: "mentorship", source_key: `tutor-clock:asked:${row.id}` });
    expect(wordedAs("en", told[0]!)).toContain("Which tone for a refund refusal?");
    const note = await db
      .selectFrom("notifications")
      .select("id")
      .where("user_id", "=", tutor.id)
      .where("source_key", "=", `tutor-clock:asked:${row.id}`)
      .executeTakeFirstOrThrow();
    const mails = await db
      .selectFrom("outbox")
      .select(["payload", "done_at"])
      .where("kind", "=", "notification.email")
      .execute();
    const mail = mails.find(
      (m) => (typeof m.payload === "string" ? JSON.parse(m.payload) : m.payload).notificationId === note.id,
    );
    expect(mail?.done_at).toBeTruthy();
    // a question that mentions the tutor is told once, by the mention
    await answer(learners[1], q, `@${tutor.username} and when the customer insists on a call back?`);
    await drainJobs();
    const after = (await notificationsOf(tutor.id)).filter((n) => n.topic_id === q.topicId);
    expect(after.map((n) => n.kind).sort()).toEqual(["mention", "mentorship"]);
  }, 120_000); // drains every queued job

  test("the share answered within 24 h counts only decided questions; an overdue one is not called due", async () => {
    const asked = new Date("2026-10-05T08:00:00Z");
    const now = new Date(asked.getTime() + 3 * HOUR_MS);
    // one answered in 2 h, one still inside its first day: 100 %, not 50 %
    const figures = clockFigures(
      [
        { askedAt: asked, answeredAt: new Date(asked.getTime() + 2 * HOUR_MS) },
        { askedAt: asked, answeredAt: null },
      ],
      now,
    );
    expect(figures.within24hPct).toBe(100);
    expect(clockFigures([{ askedAt: asked, answeredAt: null }], now).within24hPct).toBeNull();
    expect(
      clockFigures([{ askedAt: asked, answeredAt: null }], new Date(asked.getTime() + 25 * HOUR_MS)).within24hPct,
    ).toBe(0);
    for (const lang of ["en", "fr"] as const) {
      const t = createI18n(lang).t;
      expect(t("clock.status.due")).not.toMatch(/^(Due|À traiter)$/);
    }
    expect(createI18n("en").t("clock.status.due")).toBe("Overdue");
  });

  test("weekends stop the clock only when staff say so", () => {
    const friday = new Date("2026-11-20T18:00:00Z");
    const monday = new Date("2026-11-23T06:00:00Z");
    expect(clockElapsed(friday, monday)).toBe(60 * HOUR_MS);
    expect(clockElapsed(friday, monday, { excludeWeekends: true, timeZone: "UTC" })).toBe(12 * HOUR_MS);
    // in Lagos (UTC+1) the weekend starts and ends an hour earlier
    expect(clockElapsed(friday, monday, { excludeWeekends: true, timeZone: "Africa/Lagos" })).toBe(12 * HOUR_MS);
    expect(
      clockOf({ askedAt: friday, answeredAt: null }, monday, { excludeWeekends: true, timeZone: "UTC" }).status,
    ).toBe("awaiting");
    expect(clockOf({ askedAt: friday, answeredAt: null }, monday).status).toBe("breached");
  });

  test("the tutor is reminded at 20 h and staff at 48 h, each only once", async () => {
    const { group, tutor, learners, admin } = await makeGroup({ learners: 1 });
    const q = await ask(learners[0], group, { title: "Escalation path for a lost parcel?" });
    const [row] = await questionOf(q.topicId);
    const at = (h: number) => new Date(row.asked_at.getTime() + h * HOUR_MS);
    const tutorAlerts = async () =>
      (await notificationsOf(tutor.id)).filter((n) => n.source_key?.startsWith("tutor-clock:"));
    const staffAlerts = async () =>
      (await notificationsOf(admin.id)).filter((n) => n.source_key === `tutor-clock:48h:${row.id}`);

    await db.transaction().execute((trx) => sendClockAlerts(trx, at(19.9)));
    expect(await tutorAlerts()).toEqual([]);
    await db.transaction().execute((trx) => sendClockAlerts(trx, at(20)));
    await db.transaction().execute((trx) => sendClockAlerts(trx, at(21)));
    const told = await tutorAlerts();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ kind: "mentorship", topic_id: q.topicId });
    expect(wordedAs("en", told[0]!)).toContain("Escalation path for a lost parcel?");
    await db.transaction().execute((trx) => sendClockAlerts(trx, at(47.9)));
    expect(await staffAlerts()).toEqual([]);
    await db.transaction().execute((trx) => sendClockAlerts(trx, at(48)));
    await db.transaction().execute((trx) => sendClockAlerts(trx, at(60)));
    expect(await staffAlerts()).toHaveLength(1);
    expect(await tutorAlerts()).toHaveLength(1);
    // the recurring job runs the same code and keeps exactly one next run waiting
    await db.insertInto("outbox").values({ kind: "tutor.clock", payload: "{}" }).execute();
    await drainJobs();
    const pending = await db
      .selectFrom("outbox")
      .select("run_at")
      .where("kind", "=", "tutor.clock")
      .where("done_at", "is", null)
      .execute();
    expect(pending).toHaveLength(1);
  }, 120_000); // drains every queued job (search, emails): slow when the machine is busy

  test("staff figures: median first response, share within 24 h, breaches, for a date range", async () => {
    const { group, tutor, learners } = await makeGroup({ learners: 1 });
    const asks = [await ask(learners[0], group), await ask(learners[0], group), await ask(learners[0], group)];
    await answer(tutor, asks[0]);
    await answer(tutor, asks[1]);
    const rows = (await Promise.all(asks.map((a) => questionOf(a.topicId)))).flat();
    // replay history: answered after 2 h and after 30 h; the third never
    const base = new Date("2026-10-05T08:00:00Z");
    await db
      .updateTable("tutor_questions")
      .set({ asked_at: base, answered_at: new Date(base.getTime() + 2 * HOUR_MS) })
      .where("id", "=", rows[0].id)
      .execute();
    await db
      .updateTable("tutor_questions")
      .set({ asked_at: base, answered_at: new Date(base.getTime() + 30 * HOUR_MS) })
      .where("id", "=", rows[1].id)
      .execute();
    await db.updateTable("tutor_questions").set({ asked_at: base }).where("id", "=", rows[2].id).execute();
    const now = new Date("2026-10-12T00:00:00Z");
    const figures = await getClockFigures({ from: "2026-10-01", to: "2026-10-31", now });
    const mine = figures.groups.find((g) => g.id === group.id)!.figures;
    expect(mine).toEqual({
      asked: 3,
      answered: 2,
      waiting: 1,
      medianResponseMs: 16 * HOUR_MS,
      within24hPct: 33.3,
      breaches: 1,
    });
    expect(
      (await getClockFigures({ from: "2026-11-01", to: "2026-11-30", now })).groups.find((g) => g.id === group.id)!
        .figures.asked,
    ).toBe(0);
    // with weekends excluded the Friday-to-Monday wait is shorter (setting read at query time)
    const admin = await createAdmin();
    await updateClockSettings({ actorId: admin.id, settings: { excludeWeekends: true, timeZone: "UTC" } });
    expect((await getClockFigures({ from: "2026-10-01", to: "2026-10-31", now })).settings.excludeWeekends).toBe(true);
    await updateClockSettings({ actorId: admin.id, settings: { excludeWeekends: false, timeZone: "UTC" } });
  });
});

describe("learning groups", () => {
  test(`a group refuses its ${MAX_LEARNERS + 1}st learner`, async () => {
    const { group, admin } = await makeGroup({ learners: MAX_LEARNERS });
    const extra = await member(1);
    const r = await addLearner({ adminId: admin.id, groupId: group.id, learner: extra.username });
    expect(r).toMatchObject({ ok: false, status: 409, message: "groups.errors.full" });
    const { n } = await db
      .selectFrom("learning_group_members")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("group_id", "=", group.id)
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(MAX_LEARNERS);
    expect(await listMyGroups(extra.id)).toEqual([]);
  });

  test("two additions racing for the last place: one wins", async () => {
    const { group, admin } = await makeGroup({ learners: MAX_LEARNERS - 1 });
    const [a, b] = [await member(1), await member(1)];
    const results = await Promise.all(
      [a, b].map((u) => addLearner({ adminId: admin.id, groupId: group.id, learner: u.username })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  test("the group space never leaks to non-members: lists, topic, search, feeds, notifications", async () => {
    const { group, tutor, learners, admin } = await makeGroup({ learners: 1 });
    const outsider = await member(4);
    const otherGroup = await makeGroup({ learners: 1 });
    const q = await ask(learners[0], group, {
      title: "Platypus refund policy question",
      body: `Our platypus refund policy confuses me, @${outsider.username} and @${tutor.username} any idea?`,
    });
    await answer(tutor, q, `Platypus refunds follow the standard path, @${outsider.username} cannot see this.`);
    await drainJobs();

    const listed = async (s: Scope) =>
      (await listTopics({ scope: s, filter: { kind: "latest" } })).topics.map((t) => t.id);
    const found = async (s: Scope) =>
      (await searchPosts({ scope: s, query: parseSearchQuery("platypus") })).hits.length;
    for (const insider of [learners[0], tutor, admin]) {
      const s = await scope(insider);
      expect(await listed(s)).toContain(q.topicId);
      expect(await getTopic({ scope: s, topicId: q.topicId })).toBeDefined();
      expect(await found(s)).toBeGreaterThan(0);
    }
    for (const s of [
      VISITOR,
      await scope(outsider),
      await scope(otherGroup.learners[0]),
      await scope(otherGroup.tutor),
    ]) {
      expect(await listed(s)).not.toContain(q.topicId);
      expect(await getTopic({ scope: s, topicId: q.topicId })).toBeUndefined();
      expect(await found(s)).toBe(0);
    }
    const fallback = await searchPosts({
      scope: await scope(outsider),
      query: parseSearchQuery("platypus"),
      fallback: "force",
    });
    expect(fallback.hits).toEqual([]);
    // feeds are built for visitors: the space's feed does not exist, the latest feed omits it
    const t = feedT("en");
    expect(await getCategoryFeed({ slug: group.category_slug, t })).toBeUndefined();
    expect((await getLatestFeed({ t })).items.map((i) => i.title)).not.toContain("Platypus refund policy question");
    // the mentioned outsider is never notified; the tutor (mention) and the learner (reply) are
    expect(await notificationsOf(outsider.id)).toEqual([]);
    expect((await notificationsOf(tutor.id)).map((n) => n.kind)).toContain("mention");
    expect((await notificationsOf(learners[0].id)).map((n) => n.kind)).toContain("reply");
    // nor may an outsider post there
    const s = await scope(outsider);
    expect(
      await createReply({ scope: s, topicId: q.topicId, body: "Let me in on this conversation please." }),
    ).toMatchObject({ ok: false, status: 404 });
  }, 120_000);
});

describe("the viewer's groups", () => {
  test("speed: resolving a viewer's groups uses the membership index (200 groups, 4,000 learners)", async () => {
    await sql`insert into users (username, email, display_name) select 'bulk_' || i,
        'bulk_' || i || '@example.test', 'Bulk ' || i from generate_series(1, 4200) i`.execute(db);
    await sql`insert into categories (slug, name, see_rule, post_rule, reply_rule) select 'bulk-group-' || i,
        'Bulk group ' || i, 'staff', 'staff', 'staff' from generate_series(1, 200) i`.execute(db);
    await sql`insert into learning_groups (name, starts_on, ends_on, tutor_id, category_id)
      select 'Bulk ' || i, '2026-01-01', '2026-06-30', (select id from users where username = 'bulk_' || (4000 + i)),
        (select id from categories where slug = 'bulk-group-' || i)
      from generate_series(1, 200) i`.execute(db);
    await sql`insert into learning_group_members (group_id, user_id)
      select g.id, u.id from users u join learning_groups g on g.name = 'Bulk ' || (((substring(u.username
        from 6))::int - 1) / 20 + 1)
      where u.username like 'bulk\_%' and (substring(u.username from 6))::int <= 4000`.execute(db);
    await sql`analyze learning_groups`.execute(db);
    await sql`analyze learning_group_members`.execute(db);
    const learner = await db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "bulk_1234")
      .executeTakeFirstOrThrow();
    const tutorRow = await db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "bulk_4100")
      .executeTakeFirstOrThrow();
    expect((await scopeOfUser(db, learner.id)).groupIds).toHaveLength(1);
    expect((await scopeOfUser(db, tutorRow.id)).tutorGroupIds).toHaveLength(1);
    const plan = await sql<{ "QUERY PLAN": string }>`explain analyze select
      coalesce((select array_agg(group_id) from learning_group_members where user_id = ${learner.id}), '{}'),
      coalesce((select array_agg(id) from learning_groups where tutor_id = ${learner.id}), '{}')`.execute(db);
    const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toContain("learning_group_members_user_idx");
    // learning_groups is a few pages long here: the planner may read it whole, which is as cheap
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await scopeOfUser(db, learner.id);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(
      `viewer scope with groups (ms, 200 calls): p50 ${times[100].toFixed(2)} p95 ${times[190].toFixed(2)}; ` +
        `${text.match(/Execution Time: [\d.]+ ms/)?.[0]} for the two group lookups`,
    );
  });
});

describe("readiness and appeals", () => {
  test("the tutor marks a learner ready with a note; others may not", async () => {
    const { group, tutor, learners } = await makeGroup({ learners: 2 });
    const stranger = await makeGroup({ learners: 0 });
    expect(await isReadyForAssessment(db, learners[0].id)).toBe(false);
    expect(
      await markReady({
        scope: await scope(stranger.tutor),
        groupId: group.id,
        userId: learners[0].id,
        note: "Looks ready to me from outside.",
      }),
    ).toMatchObject({ ok: false, status: 403 });
    expect(
      await markReady({
        scope: await scope(learners[1]),
        groupId: group.id,
        userId: learners[0].id,
        note: "I vouch for my classmate here.",
      }),
    ).toMatchObject({ ok: false, status: 403 });
    const r = await markReady({
      scope: await scope(tutor),
      groupId: group.id,
      userId: learners[0].id,
      note: "Five solid topics and clear answers on service recovery.",
    });
    expect(r.ok).toBe(true);
    expect(await isReadyForAssessment(db, learners[0].id)).toBe(true);
    expect(await isReadyForAssessment(db, learners[1].id)).toBe(false);
    expect(await db.transaction().execute((trx) => isReadyForAssessment(trx, learners[0].id))).toBe(true);
    expect((await notificationsOf(learners[0].id)).map((n) => n.kind)).toContain("progress");
    expect(
      await markReady({
        scope: await scope(tutor),
        groupId: group.id,
        userId: learners[0].id,
        note: "Marking a second time by mistake.",
      }),
    ).toMatchObject({ ok: false, status: 409 });
  });

  test("the tutor's summary counts the learner's writing where the tutor may look, never private threads", async () => {
    const { group, tutor, learners } = await makeGroup({ learners: 1 });
    const learner = learners[0];
    const open = await createCategory({ see: "members" });
    const mentoring = await createCategory({ see: "participants", post: "participants", reply: "participants" });
    const mentor = await member(4);
    await makeTopic(learner, open, { title: "Open discussion on loyalty programmes in retail" });
    const privateThread = await makeTopic(learner, mentoring, {
      title: "Private mentoring thread with my mentor",
      participantIds: [mentor.id],
    });
    await makeReply(learner, privateThread, "A private reply the tutor must not count.");
    const q = await ask(learner, group);
    await answer(learner, q, "Adding more detail to my own question here.");
    const [row] = await listLearnerActivity({
      scope: await scope(tutor),
      groupId: group.id,
      categoryId: group.category_id,
    });
    expect(row).toMatchObject({ id: learner.id, posts: 3, topics: 2, group_posts: 2, group_topics: 1, questions: 1 });
    expect(row.recent.map((p) => p.topic_id)).toEqual([q.topicId, q.topicId]);
    // staff see every post
    const [all] = await listLearnerActivity({
      scope: await scope(await createAdmin()),
      groupId: group.id,
      categoryId: group.category_id,
    });
    expect(all).toMatchObject({ posts: 5, topics: 3 });
  });

  test("a learner appeals a result; staff are told, decide with a reason, the learner is told", async () => {
    const admin = await createAdmin();
    const learner = await member(1);
    const other = await member(1);
    await ensureProgramme();
    const result = await db
      .insertInto("assessment_results")
      .values({
        user_id: learner.id,
        assessment: "aptitude-test-2.0",
        score: 84,
        taken_on: "2026-11-02",
        attempt: 1,
        recorded_by: admin.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect((await listAppealable(learner.id)).map((s) => s.title)).toEqual(["Customer Service Aptitude Test 2.0"]);
    // not someone else's result
    expect(
      await createAppeal({
        userId: other.id,
        subjectType: "result",
        subjectId: result.id,
        reason: "I want to appeal this result for my friend.",
      }),
    ).toMatchObject({ ok: false, status: 404 });
    expect(
      await createAppeal({
        userId: learner.id,
        subjectType: "nonsense",
        subjectId: result.id,
        reason: "An appeal on something that is not a decision.",
      }),
    ).toMatchObject({ ok: false });
    const made = await createAppeal({
      userId: learner.id,
      subjectType: "result",
      subjectId: result.id,
      reason: "Question 12 had two correct answers; I chose one of them.",
    });
    expect(made.ok).toBe(true);
    expect(
      await createAppeal({
        userId: learner.id,
        subjectType: "result",
        subjectId: result.id,
        reason: "Appealing the same decision a second time.",
      }),
    ).toMatchObject({ ok: false, status: 409 });
    expect((await notificationsOf(admin.id)).filter((n) => n.source_key?.startsWith("appeal:"))).toHaveLength(1);
    const appealId = made.ok ? made.appealId : 0;
    expect(
      (
        await decideAppeal({
          adminId: admin.id,
          appealId,
          decision: "upheld",
          reason: "Question 12 is ambiguous; the score is corrected.",
          remedy: "regrade",
          score: 88,
        })
      ).ok,
    ).toBe(true);
    expect(
      await decideAppeal({
        adminId: admin.id,
        appealId,
        decision: "dismissed",
        reason: "Changing my mind afterwards.",
      }),
    ).toMatchObject({ ok: false, status: 409 });
    const stored = await db.selectFrom("appeals").selectAll().where("id", "=", appealId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      status: "upheld",
      decided_by: admin.id,
      decision_reason: "Question 12 is ambiguous; the score is corrected.",
      remedy: "regrade",
    });
    const told = (await notificationsOf(learner.id)).find((n) => n.source_key === `appeal-decided:${appealId}`);
    expect(wordedAs("en", told!)).toContain("upheld");
    const audit = await db
      .selectFrom("audit_log")
      .select("action")
      .where("target_type", "=", "appeal")
      .where("target_id", "=", String(appealId))
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["appeal.create", "appeal.upheld"]);
  });
});
