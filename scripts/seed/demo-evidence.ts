// Demo data for competency claims backed by evidence (issue 26 point 4), through the public models:
// a leader endorses one of a manager's claims with a sentence (evidenced), the manager's other claims
// stay unevidenced, and the manager keeps a development plan.
import { db } from "../../app/db.server";
import { setEndorsement } from "../../app/models/directory/competency-evidence.server";
import { saveDevelopmentPlan } from "../../app/models/journey/development-plan.server";
import { scopeOf } from "../../app/models/permissions.server";
import type { Role } from "../../db/schema";

const MEMBER = "chinedu_eze";
const LEADER = "wanjiku_kamau";

async function findUser(username: string) {
  const u = await db.selectFrom("users").select(["id", "level"]).where("username", "=", username).executeTakeFirst();
  if (!u) return undefined;
  const roles = await db.selectFrom("user_roles").select("role").where("user_id", "=", u.id).execute();
  return { ...u, roles: roles.map((r) => r.role as Role) };
}

export async function seedDemoEvidence(log: (m: string) => void) {
  const [member, leader] = await Promise.all([findUser(MEMBER), findUser(LEADER)]);
  if (!member || !leader) return;
  const claims = await db
    .selectFrom("profile_competencies")
    .select(["competency", "proficiency"])
    .where("user_id", "=", member.id)
    .orderBy("competency")
    .execute();
  if (!claims.length) return;
  const scope = scopeOf({ id: leader.id, roles: leader.roles, level: leader.level });
  const r = await setEndorsement({
    scope,
    username: MEMBER,
    input: {
      intent: "endorse",
      competency: claims[0].competency,
      statement:
        "I mentored Chinedu through the branch's service recovery project and saw the results in the monthly reviews.",
    },
  });
  const next = (p: string) => (p === "emerging" ? "proficient" : "advanced");
  await saveDevelopmentPlan({
    userId: member.id,
    plan: Object.fromEntries(
      claims.map((c) => [c.competency, { selfAssessed: c.proficiency, target: next(c.proficiency) }] as const),
    ),
  });
  log(`evidence: ${MEMBER}'s ${claims[0].competency} endorsed (${r.ok ? "ok" : r.message}), a development plan`);
}
