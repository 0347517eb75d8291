// The facts behind /progress's next steps, loaded in parallel: the next event of each webinar,
// the online state of each assessment, and who the member asks about what staff record.
import { sql } from "kysely";
import { db } from "../../../db.server";
import { profileAudiencesOf, type Scope } from "../../permissions.server";
import { assessmentStates } from "../../assessments/assessment-availability.server";
import { listMyGroups } from "../../groups/learning-group.server";
import type { EvaluatedRequirement } from "./types";
import { nextStepOf, type Contact, type NextStep, type NextStepFacts } from "./next-step";

/** The member's tutor (asked in their group space), else a staff member whose profile the member may see. */
export async function getContact({ scope, userId }: { scope: Scope; userId: number }): Promise<Contact | null> {
  const [group] = await listMyGroups(userId);
  if (group)
    return {
      kind: "tutor",
      name: group.tutor_display_name,
      url: `/new-topic?category=${encodeURIComponent(group.category_slug)}`,
    };
  const admin = await db
    .selectFrom("users as u")
    .innerJoin("user_roles as r", (j) => j.onRef("r.user_id", "=", "u.id").on("r.role", "=", "admin"))
    .leftJoin("profiles as p", "p.user_id", "u.id")
    .select(["u.username", "u.display_name"])
    .where("u.deleted_at", "is", null)
    // no profile row reads as members-only, as the profile page reads it
    .where(sql<string>`coalesce(p.visibility, 'members')`, "in", profileAudiencesOf(scope))
    .orderBy("u.id")
    .limit(1)
    .executeTakeFirst();
  return admin ? { kind: "staff", name: admin.display_name, url: `/u/${encodeURIComponent(admin.username)}` } : null;
}

async function nextEvents(slugs: string[], now: Date): Promise<NextStepFacts["nextEvents"]> {
  if (!slugs.length) return {};
  // the soonest published event of each webinar that has not ended (the events page's rule)
  const { rows } = await sql<{ id: number; webinar: string; starts_at: Date }>`
    select distinct on (webinar) id, webinar, starts_at from events
    where status = 'published' and webinar = any(${slugs}::text[]) and ends_at > ${now}
    order by webinar, starts_at, id`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.webinar, { id: r.id, startsAt: r.starts_at.toISOString() }]));
}

/** Each requirement with its next step (null once met). */
export async function withNextSteps<R extends EvaluatedRequirement>({
  scope,
  userId,
  requirements,
  canApplyForNext,
  now = new Date(),
}: {
  scope: Scope;
  userId: number;
  requirements: R[];
  canApplyForNext: boolean;
  now?: Date;
}): Promise<(R & { next: NextStep | null })[]> {
  const slugsOf = (kind: string, key: string) =>
    requirements.filter((r) => r.kind === kind).map((r) => String(r.params[key]));
  const open = requirements.filter((r) => r.progress.status !== "met");
  const [events, tests, contact] = await Promise.all([
    nextEvents(slugsOf("webinar", "webinar"), now),
    assessmentStates({ userId, slugs: slugsOf("assessment", "test"), now }),
    open.length ? getContact({ scope, userId }) : null,
  ]);
  const facts: NextStepFacts = { nextEvents: events, tests, canApplyForNext, contact };
  return requirements.map((r) => ({ ...r, next: nextStepOf(r, facts) }));
}
