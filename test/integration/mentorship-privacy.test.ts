// A mentorship thread is read by its mentor, its mentees and staff, and by nobody else in any
// way: topic page, lists, search, RSS, notifications, emails, counts, the mentorship page; while
// active, after it ends, and after a mentee leaves the platform.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { feedT, getCategoryFeed, getLatestFeed, getTopicFeed } from "~/models/forum/feed.server";
import { saveMentorRegistration } from "~/models/mentorship/mentor.server";
import { askMentor, createRequest, decideAsk } from "~/models/mentorship/mentorship-requests.server";
import {
  closeMentorship,
  endMentorshipsForDepartingUser,
  getMentorship,
} from "~/models/mentorship/mentorship-cycle.server";
import { MentorRegistrationSchema, MentorshipRequestSchema } from "~/models/mentorship/mentorship.schema";
import { createReply } from "~/models/forum/post.server";
import { getTopic } from "~/models/forum/topic.server";
import { listTopics } from "~/models/forum/topic-list.server";
import { VISITOR, type Scope } from "~/models/permissions.server";
import { ensureCompetencies } from "../factories/profiles";
import { createMember } from "../factories/progress";
import { ageUser, backdatePosts, createCategory, scopeFor } from "../factories/topics";
import { createAdmin } from "../factories/users";
import { mailsTo } from "../setup/mail";
import { expectTopicHidden, findTopics } from "../setup/private-topic";

type U = Awaited<ReturnType<typeof createMember>>;
let mentor: U, mentee: U, outsider: U, peer: U, admin: U;
let cycleId = 0;
let topicId = 0;
const en = feedT("en");

async function reply(u: U, body: string, replyTo?: number) {
  await backdatePosts(u.id);
  const r = await createReply({ scope: await scopeFor(u), topicId, body, replyTo });
  if (!r.ok) throw new Error(r.message);
}

/** Every way an outsider could learn about the thread: all must come back empty. */
async function expectHiddenFrom(scope: Scope, who: U | null) {
  const summary = await expectTopicHidden({ scope, who, topicId, author: mentor.username, word: "okapi" });
  expect(await getMentorship({ scope, id: cycleId })).toBeUndefined();
  expect(summary?.stats.topics).toBe(0);
  expect(summary?.stats.replies).toBe(0);
  if (who) expect(mailsTo(who.email)).not.toMatch(/okapi|pangolin|Mentorship/);
}

async function expectFeedsClean() {
  expect((await getLatestFeed({ t: en })).items.map((i) => i.path)).not.toContainEqual(
    expect.stringContaining(`/${topicId}`),
  );
  expect(await getTopicFeed({ topicId, t: en })).toBeUndefined();
  expect(await getCategoryFeed({ slug: "mentorship", t: en })).toBeUndefined();
}

beforeAll(async () => {
  await ensureCompetencies();
  await createCategory({ slug: "mentorship", see: "participants", post: "level:4", reply: "participants" });
  [mentor, mentee, outsider, peer] = await Promise.all([
    createMember({ level: 4 }),
    createMember({ level: 2 }),
    createMember({ level: 4 }),
    createMember({ level: 2 }),
  ]);
  admin = await createAdmin();
  for (const u of [mentor, mentee, outsider, peer, admin]) await ageUser(u);
  await saveMentorRegistration({
    scope: await scopeFor(mentor),
    input: MentorRegistrationSchema.parse({
      capacity: 2,
      competencies: ["sla-management"],
      languages: ["en"],
      timeZone: "Africa/Nairobi",
      pitch: "Leading service teams in Nairobi for a decade.",
    }),
  });
  await createRequest({
    scope: await scopeFor(mentee),
    input: MentorshipRequestSchema.parse({
      goals: "Learn to negotiate service levels with okapi-sized clients.",
      competencies: [{ slug: "sla-management", level: "emerging" }],
      language: "en",
      availability: "",
      timeZone: "Africa/Nairobi",
    }),
  });
  const ask = await askMentor({ scope: await scopeFor(mentee), mentorId: mentor.id, note: "" });
  const accepted = await decideAsk({
    scope: await scopeFor(mentor),
    id: ask.ok ? ask.askId : 0,
    decision: "accept",
    note: "",
    into: "new",
  });
  if (!accepted.ok) throw new Error(accepted.message);
  cycleId = accepted.cycleId!;
  topicId = (
    await db.selectFrom("mentorship_cycles").select("topic_id").where("id", "=", cycleId).executeTakeFirstOrThrow()
  ).topic_id!;
  await reply(mentee, "Thank you! My okapi question: how do I say no to a client politely?");
  // a mention of someone outside the thread must not reach them
  await reply(mentor, `Good okapi question. Even if @${outsider.username} asks, we keep this between us. pangolin`, 2);
  await drainJobs();
}, 60_000);

describe("a mentorship thread", () => {
  test("its participants and staff read it everywhere", async () => {
    for (const u of [mentor, mentee, admin]) {
      const scope = await scopeFor(u);
      expect(await getTopic({ scope, topicId })).toBeDefined();
      expect((await listTopics({ scope, filter: { kind: "latest" } })).topics.map((t) => t.id)).toContain(topicId);
      expect(await findTopics(scope, "okapi")).toContain(topicId);
      expect(await getMentorship({ scope, id: cycleId })).toBeDefined();
    }
    // the mentee was told of the mentor's reply: notifications work inside the thread
    expect(
      await db
        .selectFrom("notifications")
        .select("kind")
        .where("user_id", "=", mentee.id)
        .where("topic_id", "=", topicId)
        .execute(),
    ).toContainEqual({ kind: "reply" });
  });

  test("nobody else reads it in any way: page, lists, search, RSS, notifications, emails, counts", async () => {
    await expectHiddenFrom(await scopeFor(outsider), outsider);
    await expectHiddenFrom(await scopeFor(peer), peer);
    await expectHiddenFrom(VISITOR, null);
    await expectFeedsClean();
    expect(
      await createReply({ scope: await scopeFor(outsider), topicId, body: "Can I join this conversation please?" }),
    ).toMatchObject({ ok: false, status: 404 });
  });

  test("after it ends: still private, participants still read it, nobody posts", async () => {
    expect(
      (await closeMentorship({ scope: await scopeFor(mentor), id: cycleId, outcome: "ended", reason: "not_a_fit" })).ok,
    ).toBe(true);
    await drainJobs();
    await expectHiddenFrom(await scopeFor(outsider), outsider);
    await expectHiddenFrom(VISITOR, null);
    await expectFeedsClean();
    expect(await getTopic({ scope: await scopeFor(mentee), topicId })).toBeDefined();
    expect(
      await createReply({ scope: await scopeFor(mentee), topicId, body: "One more thing about the okapi." }),
    ).toMatchObject({ ok: false, message: "composer.errors.closed" });
  });

  test("a mentee who leaves the platform loses access, in search too", async () => {
    await db.transaction().execute((trx) => endMentorshipsForDepartingUser(trx, mentee.id));
    await drainJobs();
    const scope = await scopeFor(mentee);
    expect(await getTopic({ scope, topicId })).toBeUndefined();
    expect(await findTopics(scope, "okapi")).not.toContain(topicId);
    expect(await getTopic({ scope: await scopeFor(mentor), topicId })).toBeDefined();
  });
});
