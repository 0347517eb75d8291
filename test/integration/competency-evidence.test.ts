// Competency claims backed by evidence (issue 26 point 4), on the real PostgreSQL and Meilisearch:
// an endorsement with its sentence reaches the profile and the directory's "evidenced only" filter
// (and its Postgres fallback); only a mentor, a tutor or a level-4 leader may endorse; a passed
// aligned assessment and a tagged post in an open category are evidence, a private thread is not;
// the self-assessment and development plan are seen by the member and their mentor only.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { EndorsementSchema, parsePlanForm } from "~/models/directory/competency-evidence.schema";
import {
  listCompetencyClaims,
  listPublicEvidencedClaims,
  setEndorsement,
} from "~/models/directory/competency-evidence.server";
import { awardLevelBadge, getBadgeAward } from "~/models/badges/badge.server";
import { buildCredential, listFrameworkCompetencies } from "~/models/badges/badge-credential.server";
import { parseDirectoryQuery } from "~/models/directory/directory.schema";
import { searchDirectory } from "~/models/directory/directory.server";
import { getProfilePage } from "~/models/directory/profile.server";
import { getDevelopmentPlan, listPlanSlugs, saveDevelopmentPlan } from "~/models/journey/development-plan.server";
import { VISITOR, scopeOf, type Scope } from "~/models/permissions.server";
import type { Viewer } from "~/viewer.server";
import { createProfile } from "../factories/profiles";
import { createCategory, makeTopic, scopeFor } from "../factories/topics";
import { createAdmin, createUser } from "../factories/users";

const SENTENCE = "I watched her rebuild the SLA dashboard with the operations team in March.";
const q = (s: string) => parseDirectoryQuery(new URLSearchParams(s));
const found = async (scope: Scope, s: string, opts: { fallback?: "force" } = {}) =>
  (await searchDirectory({ scope, query: q(s), ...opts })).cards.map((c) => c.username);
const endorse = (scope: Scope, username: string, competency: string, statement = SENTENCE) =>
  setEndorsement({ scope, username, input: EndorsementSchema.parse({ intent: "endorse", competency, statement }) });

let member: Awaited<ReturnType<typeof createProfile>>;
beforeAll(async () => {
  member = await createProfile({
    username: "ev_amina",
    displayName: "Amina Evidence",
    level: 2,
    competencies: { "sla-management": "proficient", "cultural-sensitivity": "emerging" },
  });
  await drainJobs();
});

async function mentorOf(mentee: { id: number }, status: "active" | "ended" = "active") {
  const mentor = await createProfile({ level: 4 });
  await db
    .insertInto("mentorships")
    .values({ mentor_id: mentor.id, mentee_id: mentee.id, status, started_at: new Date() })
    .execute();
  return mentor;
}

describe("endorsements", () => {
  test("an endorsement appears on the profile and in the directory's evidenced filter", async () => {
    const before = await getProfilePage({ scope: VISITOR, username: member.username });
    const sla = before?.competencies.find((c) => c.slug === "sla-management");
    expect(sla).toMatchObject({ proficiency: "proficient", evidenced: false, endorsements: [] });
    // the framework's own words for the claimed proficiency, in the reader's language
    expect(sla?.description).toMatch(/^At a proficient level you are skilled at negotiating/);
    const fr = await getProfilePage({ scope: VISITOR, username: member.username, lang: "fr" });
    expect(fr?.competencies.find((c) => c.slug === "sla-management")?.description).toMatch(/^Au niveau confirmé/);
    expect(await found(VISITOR, "competency=sla-management")).toContain(member.username);
    expect(await found(VISITOR, "competency=sla-management&evidenced=1")).not.toContain(member.username);

    const leader = await createProfile({ level: 4, displayName: "Leader Lindiwe" });
    const r = await endorse(await scopeFor(leader), member.username, "sla-management");
    expect(r.ok).toBe(true);
    const after = await getProfilePage({ scope: VISITOR, username: member.username });
    expect(after?.competencies.find((c) => c.slug === "sla-management")).toMatchObject({
      evidenced: true,
      endorsements: [{ endorserName: "Leader Lindiwe", relation: "leader", statement: SENTENCE, backsClaim: true }],
    });
    // the other claim has no evidence: the mark is per claim
    expect(after?.competencies.find((c) => c.slug === "cultural-sensitivity")?.evidenced).toBe(false);

    await drainJobs();
    await expect
      .poll(() => found(VISITOR, "competency=sla-management&evidenced=1"), { timeout: 10_000 })
      .toContain(member.username);
    expect(await found(VISITOR, "competency=cultural-sensitivity&evidenced=1")).not.toContain(member.username);
    expect(await found(VISITOR, "evidenced=1")).toContain(member.username);
    // a claim above what was vouched for is not evidenced by it
    expect(await found(VISITOR, "competency=sla-management&proficiency=advanced&evidenced=1")).not.toContain(
      member.username,
    );
    // Postgres answers the same when Meilisearch cannot
    expect(await found(VISITOR, "competency=sla-management&evidenced=1", { fallback: "force" })).toContain(
      member.username,
    );
    expect(await found(VISITOR, "competency=cultural-sensitivity&evidenced=1", { fallback: "force" })).not.toContain(
      member.username,
    );

    // the OB 3.0 credential of the member's badge marks the evidenced capability, and only it
    const badge = await db
      .transaction()
      .execute((trx) =>
        awardLevelBadge(trx, { userId: member.id, level: 2, awardedBy: null, applicationId: null, at: new Date() }),
      );
    const award = (await getBadgeAward(db, { publicId: badge.public_id }))!;
    const credential = buildCredential({
      award,
      competencies: await listFrameworkCompetencies(db),
      origin: "https://tp.example",
      evidenced: await listPublicEvidencedClaims(db, member.id),
    });
    const alignment = credential.credentialSubject.achievement.alignment;
    expect(alignment.find((a) => a.targetCode === "sla-management")).toMatchObject({
      targetName: "Service Level Agreement Management: Proficient (evidenced)",
      targetUrl: `https://tp.example/u/${member.username}#competency-sla-management`,
      targetType: "ceasn:Competency",
    });
    expect(alignment.filter((a) => "targetType" in a)).toHaveLength(1);
    // a members-only profile's claims stay off the public credential
    await db.updateTable("profiles").set({ visibility: "members" }).where("user_id", "=", member.id).execute();
    expect(await listPublicEvidencedClaims(db, member.id)).toEqual([]);
    await db.updateTable("profiles").set({ visibility: "public" }).where("user_id", "=", member.id).execute();
  });

  test("a non-mentor cannot endorse; the mentor, the tutor and a level-4 leader can", async () => {
    const mentee = await createProfile({ level: 1, competencies: { "sla-management": "emerging" } });
    const stranger = await createProfile({ level: 3 });
    const recruiter = await createUser({ roles: ["recruiter"] });
    const recruiterScope = scopeOf({ id: recruiter.id, roles: ["recruiter"], level: null } as unknown as Viewer);
    expect(await endorse(await scopeFor(stranger), mentee.username, "sla-management")).toMatchObject({
      ok: false,
      status: 403,
      message: "evidence.errors.notEndorser",
    });
    expect((await endorse(recruiterScope, mentee.username, "sla-management")).ok).toBe(false);
    expect((await endorse(await scopeFor(mentee), mentee.username, "sla-management")).ok).toBe(false);
    // a mentorship that ended does not make a mentor
    const former = await createProfile({ level: 2 });
    await db
      .insertInto("mentorships")
      .values({ mentor_id: former.id, mentee_id: mentee.id, status: "ended", started_at: new Date() })
      .execute();
    expect((await endorse(await scopeFor(former), mentee.username, "sla-management")).ok).toBe(false);
    // a level-2 mentor in an active mentorship may (the rule is the relation, not the level)
    const mentor = await createProfile({ level: 2 });
    await db
      .insertInto("mentorships")
      .values({ mentor_id: mentor.id, mentee_id: mentee.id, status: "active", started_at: new Date() })
      .execute();
    expect((await endorse(await scopeFor(mentor), mentee.username, "sla-management")).ok).toBe(true);
    // only a competency the member claims
    expect((await endorse(await scopeFor(mentor), mentee.username, "policy-development")).ok).toBe(false);
    // the sentence is required
    expect(
      EndorsementSchema.safeParse({ intent: "endorse", competency: "sla-management", statement: "great" }).success,
    ).toBe(false);
    const rows = await db.selectFrom("endorsements").selectAll().where("user_id", "=", mentee.id).execute();
    expect(rows).toMatchObject([{ endorser_id: mentor.id, relation: "mentor", proficiency: "emerging" }]);
  });
});

describe("other evidence", () => {
  test("a passed aligned assessment and a tagged post in an open category count, a private thread not", async () => {
    const m = await createProfile({
      level: 2,
      competencies: { "performance-metrics-kpis": "proficient", "data-privacy-security": "emerging" },
    });
    const scope = await scopeFor(m);
    const claims = () => listCompetencyClaims({ scope: VISITOR, userId: m.id, lang: "en" });
    expect((await claims()).every((c) => !c.evidenced)).toBe(true);
    // the CCXMP exam aligns with performance metrics; 79 % is below its pass mark of 80
    await db
      .insertInto("assessment_results")
      .values({ user_id: m.id, assessment: "ccxmp-exam", score: 79, taken_on: "2026-11-02", attempt: 1 })
      .execute();
    expect((await claims()).find((c) => c.slug === "performance-metrics-kpis")?.evidenced).toBe(false);
    await db
      .insertInto("assessment_results")
      .values({ user_id: m.id, assessment: "ccxmp-exam", score: 86, taken_on: "2026-11-20", attempt: 2 })
      .execute();
    expect((await claims()).find((c) => c.slug === "performance-metrics-kpis")).toMatchObject({
      evidenced: true,
      assessments: [{ slug: "ccxmp-exam", score: 86 }],
    });
    // a private thread tagged with the competency is no public evidence
    const other = await createProfile({ level: 2 });
    const privateCat = await createCategory({ see: "participants", post: "members", reply: "participants" });
    await makeTopic(m, privateCat, { tags: ["data-privacy-security"], participantIds: [other.id] });
    expect((await claims()).find((c) => c.slug === "data-privacy-security")?.evidenced).toBe(false);
    const open = await createCategory({ slug: "field-experiences", see: "everyone" });
    const topic = await makeTopic(m, open, {
      title: "Handling a data breach call calmly",
      tags: ["data-privacy-security"],
    });
    const privacy = (await claims()).find((c) => c.slug === "data-privacy-security");
    expect(privacy).toMatchObject({ evidenced: true, topics: [{ id: topic.topicId, fieldExperience: true }] });
    expect(scope.userId).toBe(m.id);
  });
});

describe("self-assessment and development plan", () => {
  test("visible to the member and their active mentor, not to anyone else", async () => {
    const owner = await createProfile({ level: 2, competencies: { "sla-management": "emerging" } });
    const slugs = await listPlanSlugs();
    const parsed = parsePlanForm({ "self.sla-management": "emerging", "target.sla-management": "advanced" }, slugs);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await saveDevelopmentPlan({ userId: owner.id, plan: parsed.plan });
    expect(parsePlanForm({ "target.sla-management": "expert" }, slugs).ok).toBe(false);

    const mentor = await mentorOf(owner);
    const former = await mentorOf(owner, "ended");
    const stranger = await createProfile({ level: 4 });
    const admin = await createAdmin();
    const rec = await createUser({ roles: ["recruiter"] });
    const recScope = scopeOf({ id: rec.id, roles: ["recruiter"], level: null } as unknown as Viewer);

    const own = await getDevelopmentPlan({ scope: await scopeFor(owner), userId: owner.id, lang: "en" });
    expect(own?.rows.find((r) => r.slug === "sla-management")).toMatchObject({
      selfAssessed: "emerging",
      target: "advanced",
      claimed: "emerging",
    });
    const seenByMentor = await getDevelopmentPlan({ scope: await scopeFor(mentor), userId: owner.id, lang: "fr" });
    expect(seenByMentor?.rows.find((r) => r.slug === "sla-management")?.target).toBe("advanced");
    expect(seenByMentor?.rows.find((r) => r.slug === "sla-management")?.levels.advanced).toMatch(/^Au niveau avancé/);
    for (const scope of [VISITOR, await scopeFor(former), await scopeFor(stranger), await scopeFor(admin), recScope])
      expect(await getDevelopmentPlan({ scope, userId: owner.id, lang: "en" })).toBeUndefined();
  });
});
