// A member's self-assessment against the competency framework and their development plan (a target
// proficiency per capability). Private: the member and their mentor in an active mentorship see it
// (permissions.canSeeDevelopmentPlan); the public claim on the profile is a separate thing.
import { sql } from "kysely";
import type { Proficiency } from "../../../db/schema";
import { db } from "../../db.server";
import { evidencedSql } from "../directory/competency-evidence.server";
import type { PlanInput } from "../directory/competency-evidence.schema";
import { canSeeDevelopmentPlan, type Scope } from "../permissions.server";
import { localized } from "../shared/localized";
import { ok } from "../shared/result";

export type PlanRow = {
  slug: string;
  name: string;
  /** the framework's description of each proficiency, in the reader's language */
  levels: Record<Proficiency, string>;
  /** what the profile claims (public), and whether evidence backs it */
  claimed: Proficiency | null;
  evidenced: boolean;
  selfAssessed: Proficiency | null;
  target: Proficiency | null;
};

const evidenced = (userId: number) => evidencedSql(sql.lit(userId), sql.ref("c.slug"), sql.ref("pc.proficiency"));

async function activeMentorIds(userId: number) {
  const rows = await db
    .selectFrom("mentorships")
    .select("mentor_id")
    .where("mentee_id", "=", userId)
    .where("status", "=", "active")
    .execute();
  return rows.map((r) => r.mentor_id);
}

/** The plan as `scope` may see it, or undefined when they may not. */
export async function getDevelopmentPlan({ scope, userId, lang }: { scope: Scope; userId: number; lang: string }) {
  if (!canSeeDevelopmentPlan(scope, { ownerId: userId, activeMentorIds: await activeMentorIds(userId) }))
    return undefined;
  const rows = await db
    .selectFrom("competencies as c")
    .leftJoin("competency_plans as cp", (j) => j.onRef("cp.competency", "=", "c.slug").on("cp.user_id", "=", userId))
    .leftJoin("profile_competencies as pc", (j) =>
      j.onRef("pc.competency", "=", "c.slug").on("pc.user_id", "=", userId),
    )
    .select(["c.slug", "c.name", "c.name_fr", "c.emerging", "c.emerging_fr", "c.proficient", "c.proficient_fr"])
    .select(["c.advanced", "c.advanced_fr", "cp.self_assessed", "cp.target", "cp.updated_at", "pc.proficiency"])
    .select(sql<boolean>`pc.proficiency is not null and ${evidenced(userId)}`.as("evidenced"))
    .orderBy("c.position")
    .orderBy("c.slug")
    .execute();
  const updated = rows.map((r) => r.updated_at).filter((d): d is Date => !!d);
  return {
    rows: rows.map((r): PlanRow => ({
      slug: r.slug,
      name: localized(r, "name", lang),
      levels: {
        emerging: localized(r, "emerging", lang),
        proficient: localized(r, "proficient", lang),
        advanced: localized(r, "advanced", lang),
      },
      claimed: r.proficiency,
      evidenced: !!r.evidenced,
      selfAssessed: r.self_assessed,
      target: r.target,
    })),
    updatedAt: updated.length ? new Date(Math.max(...updated.map((d) => d.getTime()))) : null,
  };
}

export type DevelopmentPlan = NonNullable<Awaited<ReturnType<typeof getDevelopmentPlan>>>;

/** The framework's capabilities (the form's fields). */
export async function listPlanSlugs() {
  return (await db.selectFrom("competencies").select("slug").orderBy("position").execute()).map((r) => r.slug);
}

/** Saves the whole plan in one transaction: a capability with neither value set has no row. */
export async function saveDevelopmentPlan({ userId, plan }: { userId: number; plan: PlanInput }) {
  const rows = Object.entries(plan)
    .filter(([, v]) => v.selfAssessed || v.target)
    .map(([competency, v]) => ({ user_id: userId, competency, self_assessed: v.selfAssessed, target: v.target }));
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("competency_plans").where("user_id", "=", userId).execute();
    if (rows.length) await trx.insertInto("competency_plans").values(rows).execute();
  });
  return ok({});
}

/** The plans of a mentorship's mentees the viewer may see (their mentor, or the mentee their own). */
export async function listMenteePlans({
  scope,
  mentees,
  lang,
}: {
  scope: Scope;
  mentees: { id: number; name: string }[];
  lang: string;
}) {
  const plans = await Promise.all(
    mentees.map(async (m) => ({ ...m, plan: await getDevelopmentPlan({ scope, userId: m.id, lang }) })),
  );
  return plans.flatMap((p) => (p.plan ? [{ id: p.id, name: p.name, plan: p.plan }] : []));
}
