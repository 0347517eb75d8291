// Competency claims backed by evidence (issue 26 point 4). A member claims a proficiency on their
// profile; the claim is "evidenced" when at least one of these backs it:
// - a passed assessment aligned with the capability (`assessments.competencies`),
// - a topic the member started (a post or a field experience) tagged with it, in a category that is
//   not private to its participants or staff,
// - an endorsement, with a sentence, by the member's mentor or tutor or a level-4 leader, for that
//   proficiency or a higher one.
// One SQL condition (evidencedSql) serves the profile, the directory's documents, its Postgres
// fallback and the badge credential, so they never disagree.
import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";
import type { Proficiency } from "../../../db/schema";
import { db, type Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { FIELD_EXPERIENCES_SLUG } from "../journey/progress/field-experiences.server";
import { checkSanction } from "../forum/limits.server";
import { topicUrl } from "../forum/topic.server";
import { admits, canSeeProfile, endorserRelation, type EndorserRelation, type Scope } from "../permissions.server";
import { localized } from "../shared/localized";
import { fail, ok } from "../shared/result";
import type { EndorsementInput } from "./competency-evidence.schema";

const RANKS = sql`array['emerging', 'proficient', 'advanced']::text[]`;
const rank = (p: RawBuilder<unknown> | Expression<unknown>) => sql`array_position(${RANKS}, ${p}::text)`;

/** Categories whose topics count as public evidence: every rule but a private thread's or staff's. */
const OPEN_CATEGORY = sql`c.see_rule not in ('participants', 'staff')`;

/**
 * Does evidence back user `u`'s claim of competency `slug` at proficiency `p`? Each argument is a
 * column or value of the enclosing query.
 */
export function evidencedSql(
  u: RawBuilder<unknown> | Expression<unknown>,
  slug: RawBuilder<unknown> | Expression<unknown>,
  p: RawBuilder<unknown> | Expression<unknown>,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`(exists (select 1 from assessment_results r join assessments a on a.slug = r.assessment
        where r.user_id = ${u} and a.pass_mark is not null and r.score >= a.pass_mark
          and ${slug} = any(a.competencies))
    or exists (select 1 from topics t join categories c on c.id = t.category_id
        where t.user_id = ${u} and t.deleted_at is null and ${slug} = any(t.tags) and ${OPEN_CATEGORY})
    or exists (select 1 from endorsements e where e.user_id = ${u} and e.competency = ${slug}
        and coalesce(${rank(sql.ref("e.proficiency"))}, 3) >= ${rank(p)}))`;
}

export type EvidenceTopic = { id: number; title: string; url: string; fieldExperience: boolean; createdAt: Date };
export type EvidenceAssessment = { slug: string; title: string; score: number; takenOn: string };
export type Endorsement = {
  endorserUsername: string;
  endorserName: string;
  relation: EndorserRelation;
  statement: string;
  proficiency: Proficiency | null;
  createdAt: Date;
  /** backs the claim as it stands (vouched for this proficiency or a higher one) */
  backsClaim: boolean;
};
export type CompetencyClaim = {
  slug: string;
  name: string;
  proficiency: Proficiency;
  /** the framework's own description of the claimed proficiency, in the reader's language */
  description: string;
  evidenced: boolean;
  assessments: EvidenceAssessment[];
  topics: EvidenceTopic[];
  endorsements: Endorsement[];
  endorsedByViewer: boolean;
};

const LIST_MAX = 5;

/**
 * A member's claims with the evidence behind each, as `scope` may see it: topics only where the
 * viewer may read them; the evidenced mark itself counts what any member could check.
 */
export async function listCompetencyClaims({
  scope,
  userId,
  lang,
  conn = db,
}: {
  scope: Scope;
  userId: number;
  lang: string;
  conn?: Db;
}): Promise<CompetencyClaim[]> {
  const claims = await conn
    .selectFrom("profile_competencies as pc")
    .innerJoin("competencies as c", "c.slug", "pc.competency")
    .select(["pc.competency as slug", "pc.proficiency", "c.name", "c.name_fr"])
    .select(["c.emerging", "c.emerging_fr", "c.proficient", "c.proficient_fr", "c.advanced", "c.advanced_fr"])
    .select(evidencedSql(sql.ref("pc.user_id"), sql.ref("pc.competency"), sql.ref("pc.proficiency")).as("evidenced"))
    .where("pc.user_id", "=", userId)
    .orderBy("c.position")
    .execute();
  if (!claims.length) return [];
  const slugs = claims.map((c) => c.slug);
  const [assessments, topics, endorsements] = await Promise.all([
    sql<{ slug: string; title: string; title_fr: string | null; score: string; taken_on: string; comps: string[] }>`
      select distinct on (a.slug) a.slug, a.title, a.title_fr, r.score::text as score, r.taken_on::text as taken_on,
        a.competencies as comps
      from assessment_results r join assessments a on a.slug = r.assessment
      where r.user_id = ${userId} and a.pass_mark is not null and r.score >= a.pass_mark
        and a.competencies && ${slugs}::text[]
      order by a.slug, r.score desc`.execute(conn),
    sql<{
      id: number;
      slug: string;
      title: string;
      tags: string[];
      created_at: Date;
      category_slug: string;
      see_rule: string;
      participant: boolean;
    }>`
      select t.id, t.slug, t.title, t.tags, t.created_at, c.slug as category_slug, c.see_rule,
        exists (select 1 from topic_allowed_users a where a.topic_id = t.id and a.user_id = ${scope.userId ?? -1})
          as participant
      from topics t join categories c on c.id = t.category_id
      where t.user_id = ${userId} and t.deleted_at is null and t.tags && ${slugs}::text[] and ${OPEN_CATEGORY}
      order by t.created_at desc limit 200`.execute(conn),
    conn
      .selectFrom("endorsements as e")
      .innerJoin("users as u", "u.id", "e.endorser_id")
      .select(["e.competency", "e.statement", "e.proficiency", "e.relation", "e.created_at", "e.endorser_id"])
      .select(["u.username", "u.display_name"])
      .where("e.user_id", "=", userId)
      .where("u.deleted_at", "is", null)
      .orderBy("e.created_at", "desc")
      .execute(),
  ]);
  const visibleTopics = topics.rows.filter((t) => admits(scope, t.see_rule, t.participant));
  const ranks = ["emerging", "proficient", "advanced"];
  return claims.map((c) => ({
    slug: c.slug,
    name: localized(c, "name", lang),
    proficiency: c.proficiency,
    description: localized(c, c.proficiency, lang),
    evidenced: !!c.evidenced,
    assessments: assessments.rows
      .filter((a) => a.comps.includes(c.slug))
      .map((a) => ({ slug: a.slug, title: localized(a, "title", lang), score: Number(a.score), takenOn: a.taken_on })),
    topics: visibleTopics
      .filter((t) => t.tags.includes(c.slug))
      .slice(0, LIST_MAX)
      .map((t) => ({
        id: t.id,
        title: t.title,
        url: topicUrl(t),
        fieldExperience: t.category_slug === FIELD_EXPERIENCES_SLUG,
        createdAt: t.created_at,
      })),
    endorsements: endorsements
      .filter((e) => e.competency === c.slug)
      .map((e) => ({
        endorserUsername: e.username,
        endorserName: e.display_name,
        relation: e.relation,
        statement: e.statement,
        proficiency: e.proficiency,
        createdAt: e.created_at,
        backsClaim: e.proficiency === null || ranks.indexOf(e.proficiency) >= ranks.indexOf(c.proficiency),
      })),
    endorsedByViewer: endorsements.some((e) => e.competency === c.slug && e.endorser_id === scope.userId),
  }));
}

/**
 * A member's evidenced claims for their badge credential's alignments, which anyone may read: only
 * when their profile is public (a members-only or hidden profile's claims stay where it is).
 */
export async function listPublicEvidencedClaims(conn: Db, userId: number) {
  return conn
    .selectFrom("profile_competencies as pc")
    .innerJoin("profiles as p", "p.user_id", "pc.user_id")
    .select(["pc.competency as slug", "pc.proficiency"])
    .where("pc.user_id", "=", userId)
    .where("p.visibility", "=", "public")
    .where(evidencedSql(sql.ref("pc.user_id"), sql.ref("pc.competency"), sql.ref("pc.proficiency")))
    .execute();
}

/** How the viewer stands to the member: their mentor (a mentorship, active or completed), their tutor, or neither. */
async function relationTo(conn: Db, viewerId: number, memberId: number) {
  const row = await sql<{ mentor: boolean; tutor: boolean }>`
    select exists (select 1 from mentorships m where m.mentor_id = ${viewerId} and m.mentee_id = ${memberId}
        and m.status in ('active', 'completed')) as mentor,
      exists (select 1 from learning_groups g join learning_group_members gm on gm.group_id = g.id
        where g.tutor_id = ${viewerId} and gm.user_id = ${memberId}) as tutor`.execute(conn);
  return row.rows[0] ?? { mentor: false, tutor: false };
}

/** What the viewer may do on this member's profile: endorse (as whom), or nothing. */
export async function viewerEndorserRelation(scope: Scope, memberId: number): Promise<EndorserRelation | null> {
  if (!scope.userId || scope.userId === memberId) return null;
  return endorserRelation(scope, { memberId, ...(await relationTo(db, scope.userId, memberId)) });
}

async function findMember(conn: Db, username: string) {
  return conn
    .selectFrom("users as u")
    .leftJoin("profiles as p", "p.user_id", "u.id")
    .select(["u.id", "p.visibility"])
    .where(sql`lower(u.username)`, "=", username.toLowerCase())
    .where("u.deleted_at", "is", null)
    .executeTakeFirst();
}

/**
 * A mentor, tutor or level-4 leader vouches, with a sentence, for a competency the member claims
 * (at the proficiency claimed now); or withdraws their word. One transaction, then the directory job.
 */
export async function setEndorsement({
  scope,
  username,
  input,
}: {
  scope: Scope;
  username: string;
  input: EndorsementInput;
}) {
  if (!scope.userId) return fail(403, "evidence.errors.notEndorser");
  const member = await findMember(db, username);
  if (!member || member.id === scope.userId) return fail(404, "evidence.errors.missing");
  if (!canSeeProfile(scope, { userId: member.id, visibility: member.visibility ?? "members" }))
    return fail(404, "evidence.errors.missing");
  const relation = await viewerEndorserRelation(scope, member.id);
  if (!relation) return fail(403, "evidence.errors.notEndorser");
  return db.transaction().execute(async (trx) => {
    const claim = await trx
      .selectFrom("profile_competencies")
      .select("proficiency")
      .where("user_id", "=", member.id)
      .where("competency", "=", input.competency)
      .forShare()
      .executeTakeFirst();
    if (!claim) return fail(404, "evidence.errors.missing");
    if (input.intent === "endorse") {
      // a vouch is shown to others, like a like: a suspension forbids it (withdrawing stays open)
      const sanction = await checkSanction(trx, scope.userId!, "like");
      if (sanction) return sanction;
      const values = { statement: input.statement, proficiency: claim.proficiency, relation, created_at: new Date() };
      await trx
        .insertInto("endorsements")
        .values({ user_id: member.id, competency: input.competency, endorser_id: scope.userId!, ...values })
        .onConflict((oc) => oc.columns(["user_id", "competency", "endorser_id"]).doUpdateSet(values))
        .execute();
    } else {
      await trx
        .deleteFrom("endorsements")
        .where("user_id", "=", member.id)
        .where("competency", "=", input.competency)
        .where("endorser_id", "=", scope.userId!)
        .execute();
    }
    await enqueue(trx, "profile.reindex", { userId: member.id });
    return ok({});
  });
}
