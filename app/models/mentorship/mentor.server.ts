// Mentors: a level-4 member registers (capacity, competencies, languages, time zone, pitch), staff
// may pause or remove them, and a mentee's open request gets mentors ranked by the transparent
// score of mentorship-score.ts. Registration carries the Mentor badge and the directory's mentor
// facet (profiles.is_mentor, indexed by the directory's outbox job).
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { canManageMentorProgramme, type Scope } from "../permissions.server";
import { recordAudit } from "../moderation/audit.server";
import { awardMentorBadge } from "../badges/badge.server";
import { listCompetencies } from "../directory/profile.server";
import { MENTOR_LEVEL, type MentorRegistrationInput } from "./mentorship.schema";
import { scoreMentor, utcOffsetMinutes, WEIGHTS, type Reason } from "./mentorship-score";
import { fail, ok } from "../shared/result";

export async function getMentorRegistration(conn: Db, { userId }: { userId: number }) {
  return conn.selectFrom("mentor_registrations").selectAll().where("user_id", "=", userId).executeTakeFirst();
}

/** Asks waiting and active mentees: what counts against a mentor's capacity. */
export async function mentorLoad(trx: Db, mentorId: number): Promise<number> {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from mentorships where mentor_id = ${mentorId} and status in ('proposed',
      'active')`.execute(trx);
  return r.rows[0].n;
}

/** Keeps the directory's mentor facet and the Mentor badge in step with the registration. */
async function syncMentorMarks(trx: Db, userId: number, active: boolean, actorId: number | null) {
  await trx
    .insertInto("profiles")
    .values({ user_id: userId, is_mentor: active })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ is_mentor: active }))
    .execute();
  const badge = await trx
    .selectFrom("badge_awards")
    .select("public_id")
    .where("user_id", "=", userId)
    .where("kind", "=", "mentor")
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (active && !badge) {
    await awardMentorBadge(trx, { userId, awardedBy: actorId, at: new Date() }); // queues profile.reindex
    return;
  }
  if (!active && badge) {
    await trx
      .updateTable("badge_awards")
      .set({ revoked_at: new Date(), revoked_by: actorId, revoke_reason: "mentor programme: registration ended" })
      .where("public_id", "=", badge.public_id)
      .execute();
  }
  await enqueue(trx, "profile.reindex", { userId });
}

/** A level-4 member registers as a mentor, or updates their registration. */
export async function saveMentorRegistration({ scope, input }: { scope: Scope; input: MentorRegistrationInput }) {
  if (!scope.userId) return fail(401, "mentorship.errors.signIn");
  if (!scope.isMember || scope.level < MENTOR_LEVEL) return fail(403, "mentorship.errors.mentorLevel");
  const known = new Set((await listCompetencies(db)).map((c) => c.slug));
  const competencies = [...new Set(input.competencies)];
  if (competencies.some((c) => !known.has(c)))
    return fail(422, "mentorship.errors.mentorCompetencies", { competencies: "mentorship.errors.mentorCompetencies" });
  const userId = scope.userId;
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("mentor_registrations")
      .select(["status"])
      .where("user_id", "=", userId)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.status === "removed") return fail(403, "mentorship.errors.removed");
    const load = await mentorLoad(trx, userId);
    if (input.capacity < load)
      return fail(
        422,
        "mentorship.errors.capacityBelowLoad",
        { capacity: "mentorship.errors.capacityBelowLoad" },
        { load },
      );
    const values = {
      capacity: input.capacity,
      competencies,
      languages: [...new Set(input.languages)],
      time_zone: input.timeZone,
      pitch: input.pitch,
      updated_at: new Date(),
    };
    await trx
      .insertInto("mentor_registrations")
      .values({ user_id: userId, ...values })
      .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
      .execute();
    if (!existing) await syncMentorMarks(trx, userId, true, null);
    return ok({ created: !existing });
  });
}

/** Staff pause, remove or reactivate a mentor; audited. A paused or removed mentor gets no new asks. */
export async function setMentorStatus({
  scope,
  userId,
  status,
  reason,
}: {
  scope: Scope;
  userId: number;
  status: "active" | "paused" | "removed";
  reason: string;
}) {
  if (!canManageMentorProgramme(scope)) return fail(403, "errors.forbidden");
  return db.transaction().execute(async (trx) => {
    const reg = await trx
      .selectFrom("mentor_registrations")
      .select(["status"])
      .where("user_id", "=", userId)
      .forUpdate()
      .executeTakeFirst();
    if (!reg) return fail(404, "mentorship.errors.noSuchMentor");
    if (reg.status === status) return ok({ changed: false });
    await trx
      .updateTable("mentor_registrations")
      .set({ status, status_reason: reason || null, status_changed_by: scope.userId, updated_at: new Date() })
      .where("user_id", "=", userId)
      .execute();
    // asks waiting for a mentor who can no longer take them go back to the mentee
    if (status !== "active") {
      await trx
        .updateTable("mentorships")
        .set({ status: "declined", decision_note: reason || null, ended_at: new Date() })
        .where("mentor_id", "=", userId)
        .where("status", "=", "proposed")
        .execute();
    }
    await syncMentorMarks(trx, userId, status === "active", scope.userId);
    await recordAudit(trx, {
      actorId: scope.userId,
      action: "mentor.status",
      targetType: "user",
      targetId: userId,
      before: { status: reg.status },
      after: { status, reason },
    });
    return ok({ changed: true });
  });
}

export type Suggestion = {
  userId: number;
  username: string;
  displayName: string;
  pitch: string;
  competencies: string[];
  languages: string[];
  timeZone: string;
  capacity: number;
  free: number;
  completed: number;
  score: number;
  reasons: Reason[];
  asked: boolean;
};

type Need = {
  id: number;
  mentee_id: number;
  competencies: { slug: string; level: "emerging" | "proficient" | "advanced" }[];
  language: string;
  time_zone: string;
};

/**
 * Mentors for a request, best first. Only active mentors at level 4 with a free place, never the
 * mentee themself; mentors already asked for this request are listed with `asked`.
 */
/** The suggestion query: candidates with a free place, scored in SQL, the best `limit` rows. */
export function suggestionQuery(request: Need, limit: number) {
  // The score's parts are computed in SQL so only the best rows leave the database; the same
  // parts are then recomputed by scoreMentor for the reasons shown (one set of weights, WEIGHTS).
  // Indexes: mentor_registrations_active_idx, mentorships_mentor_load_idx, mentorships_mentor_status_idx.
  const W = WEIGHTS;
  const menteeHours = utcOffsetMinutes(request.time_zone) / 60;
  // at most 5 requested competencies: one CASE each is cheaper than a subquery per mentor
  const competencyPoints = request.competencies.length
    ? sql.join(
        request.competencies.map(
          (c) => sql`case when ${c.slug}::text = any(k.competencies) then ${W.competency[c.level]} else 0 end`,
        ),
        sql` + `,
      )
    : sql`0`;
  return sql<{
    user_id: number;
    username: string;
    display_name: string;
    pitch: string;
    competencies: string[];
    languages: string[];
    time_zone: string;
    capacity: number;
    load: number;
    completed: number;
    asked: boolean;
  }>`
    with zones as (
      -- a dozen distinct zones, not one conversion per mentor
      select z.time_zone, abs(extract(epoch
        from (now() at time zone z.time_zone) - (now() at time zone 'UTC')) / 3600.0 - ${menteeHours}) as diff
      from (select distinct time_zone from mentor_registrations where status = 'active') z
    ), counts as (
      select mentor_id, count(*) filter (where status in ('proposed', 'active')) as load, count(*)
        filter (where status = 'completed') as completed
      from mentorships where status in ('proposed', 'active', 'completed') group by mentor_id
    ), candidates as (
      select r.user_id, r.capacity, r.competencies, r.languages, r.time_zone,
        coalesce(c.load, 0)::int as load, coalesce(c.completed, 0)::int as completed, z.diff as tz_diff
      from mentor_registrations r
      join zones z on z.time_zone = r.time_zone
      left join counts c on c.mentor_id = r.user_id
      where r.status = 'active' and r.user_id <> ${request.mentee_id} and coalesce(c.load, 0) < r.capacity
    ), scored as (
      select k.*,
        ${competencyPoints}
        + case when ${request.language}::text = any(k.languages) then ${W.language} else 0 end
        + greatest(0, round(${W.timeZone} - least(k.tz_diff, 24 - k.tz_diff)))
        + least(k.capacity - k.load, ${W.freePlacesCap}) * ${W.freePlace}
        + least(k.completed, ${W.completedCap}) * ${W.completed} as score
      from candidates k
    )
    select s.user_id, u.username, u.display_name, r.pitch, s.competencies, s.languages, s.time_zone, s.capacity,
      s.load, s.completed,
      exists (select 1 from mentorships m where m.request_id = ${request.id} and m.mentor_id = s.user_id) as asked
    from (select * from scored order by score desc, user_id limit ${limit}) s
    -- a member who left or lost level 4 has their registration ended; checked again here
    join users u on u.id = s.user_id and u.deleted_at is null and u.level >= ${MENTOR_LEVEL}
    join mentor_registrations r on r.user_id = s.user_id`;
}

export async function suggestMentors(
  conn: Db,
  { request, limit = 10 }: { request: Need; limit?: number },
): Promise<Suggestion[]> {
  const { rows } = await suggestionQuery(request, limit).execute(conn);
  const need = {
    competencies: request.competencies,
    language: request.language,
    utcOffsetMinutes: utcOffsetMinutes(request.time_zone),
  };
  const scored = rows.map((r) => {
    const free = r.capacity - r.load;
    const { score, reasons } = scoreMentor(need, {
      competencies: r.competencies,
      languages: r.languages,
      utcOffsetMinutes: utcOffsetMinutes(r.time_zone),
      free,
      completed: r.completed,
    });
    return {
      userId: r.user_id,
      username: r.username,
      displayName: r.display_name,
      pitch: r.pitch,
      competencies: r.competencies,
      languages: r.languages,
      timeZone: r.time_zone,
      capacity: r.capacity,
      free,
      completed: r.completed,
      score,
      reasons,
      asked: r.asked,
    };
  });
  scored.sort((a, b) => b.score - a.score || a.userId - b.userId);
  return scored.slice(0, limit);
}
