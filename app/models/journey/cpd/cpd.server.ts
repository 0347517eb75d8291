// CPD to keep a credential: the policies staff set, a member's standing per credential (points this
// CPD year, what is needed, the next lapse), and the review that records lapses and reinstatements,
// sends the 60- and 14-day reminders and tells the directory. The rules themselves are in cpd-year.ts;
// points come from the same rows the requirement evaluators count (activities, attended events,
// evaluated module tasks, the reading log). Every date is the member's local day at `now`.
import { sql } from "kysely";
import { db, type Db } from "../../../db.server";
import { enqueue } from "../../../jobs.server";
import { notify } from "../../account/notification.server";
import { bothLanguages, message } from "../../account/notification-text";
import { recordAudit } from "../../moderation/audit.server";
import { fail, ok, type Result } from "../../shared/result";
import { CpdPolicySchema, type CpdKind } from "./cpd.schema";
import { dayBefore, daysBetween, judgeCpd, type CpdJudgement } from "./cpd-year";

export type CpdPolicy = {
  pointsPerYear: number;
  points: Record<CpdKind, number>;
  countsFrom: string;
};

type PolicyRow = {
  points_per_year: number;
  activity_points: number;
  event_points: number;
  course_points: number;
  book_points: number;
  counts_from: string;
};

const policyOf = (r: PolicyRow): CpdPolicy => ({
  pointsPerYear: r.points_per_year,
  points: { activity: r.activity_points, event: r.event_points, course: r.course_points, book: r.book_points },
  countsFrom: r.counts_from,
});

/** Every credential a policy may apply to (levels, then designations), with its policy when it has one. */
export async function listCpdTargets(conn: Db = db) {
  const { rows } = await sql<
    { target: string; name: string; name_fr: string | null } & { [K in keyof PolicyRow]: PolicyRow[K] | null }
  >`
    select 'level:' || l.number as target, l.name, l.name_fr, p.points_per_year, p.activity_points,
      p.event_points, p.course_points, p.book_points, p.counts_from
    from levels l left join cpd_policies p on p.level = l.number
    union all
    select 'designation:' || t.code, t.name, t.name_fr, p.points_per_year, p.activity_points,
      p.event_points, p.course_points, p.book_points, p.counts_from
    from (select * from designation_types where archived_at is null order by position, code) t
      left join cpd_policies p on p.designation = t.code`.execute(conn);
  return rows.map((r) => ({
    target: r.target,
    name: r.name,
    name_fr: r.name_fr,
    policy: r.points_per_year === null ? null : policyOf(r as PolicyRow),
  }));
}

const targetColumns = (target: string) => {
  const [kind, value] = target.split(":");
  return kind === "level" ? { level: Number(value), designation: null } : { level: null, designation: value };
};

/** Staff set (or, with 0 points a year, remove) a credential's CPD policy; audited. */
export async function saveCpdPolicy({
  staffId,
  input,
}: {
  staffId: number;
  input: unknown;
}): Promise<Result<{ target: string }>> {
  const parsed = CpdPolicySchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const i of parsed.error.issues) fields[String(i.path[0])] ??= i.message;
    return fail(400, "form.fixErrors", fields, { count: Object.keys(fields).length });
  }
  const p = parsed.data;
  const target = targetColumns(p.target);
  return db.transaction().execute(async (trx) => {
    const exists = target.level
      ? await trx.selectFrom("levels").select("number").where("number", "=", target.level).executeTakeFirst()
      : await trx
          .selectFrom("designation_types")
          .select("code")
          .where("code", "=", target.designation)
          .executeTakeFirst();
    if (!exists) return fail(404, "cpd.admin.errors.target", { target: "cpd.admin.errors.target" });
    const where = target.level ? sql`level = ${target.level}` : sql`designation = ${target.designation}`;
    const { rows: before } = await sql<PolicyRow>`select * from cpd_policies where ${where} for update`.execute(trx);
    const values = {
      points_per_year: p.pointsPerYear,
      activity_points: p.activityPoints,
      event_points: p.eventPoints,
      course_points: p.coursePoints,
      book_points: p.bookPoints,
      counts_from: p.countsFrom,
    };
    // one policy per credential: replaced whole
    await sql`delete from cpd_policies where ${where}`.execute(trx);
    if (p.pointsPerYear > 0)
      await trx
        .insertInto("cpd_policies")
        .values({ ...target, ...values, updated_by: staffId })
        .execute();
    await recordAudit(trx, {
      actorId: staffId,
      action: "cpd.policy",
      targetType: "cpd_policy",
      targetId: p.target,
      before: before[0] ? policyOf(before[0]) : null,
      after: p.pointsPerYear > 0 ? policyOf(values) : null,
    });
    return ok({ target: p.target });
  });
}

/** A credential: "level:3" (the badge of the member's level) or "designation:CCSM", and its names. */
type Credential = {
  credential: string;
  kind: "level" | "designation";
  level: number | null;
  code: string | null;
  name: string;
  name_fr: string | null;
};

type CredentialRow = PolicyRow &
  Credential & {
    badge_award_id: number | null;
    badge_public_id: string | null;
    anchor_on: string;
    recorded_lapsed_on: string | null;
  };

/** The credentials a member holds that ask for CPD: the badge of their current level, their designations. */
async function listHeldCredentials(conn: Db, userId: number) {
  const { rows } = await sql<CredentialRow>`
    select 'level:' || l.number as credential, 'level' as kind, l.number as level, null as code, l.name, l.name_fr,
      b.id as badge_award_id, b.public_id as badge_public_id,
      (b.awarded_at at time zone u.time_zone)::date as anchor_on, b.cpd_lapsed_on as recorded_lapsed_on,
      p.points_per_year, p.activity_points, p.event_points, p.course_points, p.book_points, p.counts_from
    from users u
    join levels l on l.number = u.level
    join cpd_policies p on p.level = u.level
    join lateral (select b.* from badge_awards b where b.user_id = u.id and b.kind = 'level' and b.level = u.level
      and b.revoked_at is null order by b.awarded_at desc limit 1) b on true
    where u.id = ${userId}
    union all
    select 'designation:' || d.code, 'designation', null, d.code, t.name, t.name_fr, null, null,
      d.awarded_on, d.cpd_lapsed_on,
      p.points_per_year, p.activity_points, p.event_points, p.course_points, p.book_points, p.counts_from
    from designations d
    join designation_types t on t.code = d.code
    join cpd_policies p on p.designation = d.code
    where d.user_id = ${userId}
    order by 1`.execute(conn);
  return rows;
}

export type CpdItem = { kind: CpdKind; title: string; day: string; url: string | null };

/** What earns points, dated on the member's local day: the rows the requirement evaluators count. */
async function listCpdItems(conn: Db, { userId, from, to }: { userId: number; from: string; to: string }) {
  const { rows } = await sql<CpdItem>`
    select x.kind, x.title, x.day, x.url from (
      -- as the activities requirement: approved entries (pending ones wait for staff where a level asks)
      select case when a.kind = 'training' then 'course' else 'activity' end as kind, a.title, a.occurred_on as day,
        '/my/activities#activity-' || a.id as url
      from activities a where a.user_id = ${userId} and a.status = 'approved'
      union all
      select 'event', e.title, (e.starts_at at time zone e.time_zone)::date, '/events/' || e.id
      from event_attendance ea join events e on e.id = ea.event_id
      where ea.user_id = ${userId} and e.status <> 'draft'
      union all
      select 'course', coalesce(m.title, mt.programme || ' ' || mt.module),
        (mt.evaluated_at at time zone u.time_zone)::date, null
      from module_tasks mt join users u on u.id = mt.user_id
        left join training_modules m on m.programme = mt.programme and m.number = mt.module
      where mt.user_id = ${userId} and mt.evaluated_at is not null
      union all
      -- as the books requirement: every entry staff did not reject
      select 'book', r.title, r.finished_on, '/my/reading#book-' || r.id
      from reading_log r where r.user_id = ${userId} and r.status <> 'rejected'
    ) x
    where x.day >= ${from}::date and x.day <= ${to}::date
    order by x.day desc, x.title`.execute(conn);
  return rows;
}

export type CpdStanding = Credential & {
  badgePublicId: string | null;
  policy: CpdPolicy;
  judgement: CpdJudgement;
  /** the lapse the history holds now (null: current) */
  recordedLapsedOn: string | null;
  /** what earned points in the current CPD year (and any catch-up), newest first */
  items: (CpdItem & { points: number })[];
  history: { event: "lapsed" | "reinstated"; on: string; points: number; required: number }[];
};

/** A member's CPD standing on each credential they hold that asks for CPD; `today` is their local day. */
export async function getCpdStanding(
  conn: Db,
  { userId, now = new Date() }: { userId: number; now?: Date },
): Promise<{ today: string; credentials: CpdStanding[] }> {
  const { rows: me } = await sql<{ today: string }>`
    select (${now}::timestamptz at time zone time_zone)::date as today from users where id = ${userId}`.execute(conn);
  if (!me[0]) return { today: "", credentials: [] };
  const today = me[0].today;
  const held = await listHeldCredentials(conn, userId);
  if (!held.length) return { today, credentials: [] };
  const from = held.reduce((min, c) => (c.anchor_on < min ? c.anchor_on : min), today);
  const [items, events] = await Promise.all([
    listCpdItems(conn, { userId, from, to: today }),
    conn
      .selectFrom("cpd_events")
      .select(["credential", "event", "occurred_on", "points", "required"])
      .where("user_id", "=", userId)
      .orderBy("id")
      .execute(),
  ]);
  const credentials = held.map((c): CpdStanding => {
    const policy = policyOf(c);
    const scored = items.map((i) => ({ ...i, points: policy.points[i.kind] }));
    const judgement = judgeCpd({
      anchorOn: c.anchor_on,
      countsFrom: policy.countsFrom,
      today,
      required: policy.pointsPerYear,
      points: scored.map((i) => ({ on: i.day, points: i.points })),
    });
    // the current year, and the catch-up since a lapse
    const since =
      judgement.lapsedOn && judgement.lapsedOn < judgement.year.start ? judgement.lapsedOn : judgement.year.start;
    return {
      credential: c.credential,
      kind: c.kind,
      level: c.level,
      code: c.code,
      name: c.name,
      name_fr: c.name_fr,
      badgePublicId: c.badge_public_id,
      policy,
      judgement,
      recordedLapsedOn: c.recorded_lapsed_on,
      items: scored.filter((i) => i.day >= since && i.day >= c.anchor_on && i.points > 0),
      history: events
        .filter((e) => e.credential === c.credential)
        .map((e) => ({ event: e.event, on: e.occurred_on, points: e.points, required: e.required })),
    };
  });
  return { today, credentials };
}

const credentialName = (c: Pick<CpdStanding, "name" | "name_fr">) => bothLanguages(c, "name");

/**
 * Brings the recorded state in line with the rules at `now`: each lapse or reinstatement the history
 * lacks is written (dated the day it took effect), the credential row updated, the member told and
 * the directory re-indexed; then the reminders 60 and 14 days before a lapse. Idempotent (notices
 * are keyed), so the hourly job, a new log entry and a test with an injected clock may all call it.
 */
export async function reviewCpd(
  trx: Db,
  { userId, now = new Date() }: { userId: number; now?: Date },
): Promise<{ changes: number; reminders: number }> {
  // one review of a member at a time: two would write the same lapse twice
  await trx.selectFrom("users").select("id").where("id", "=", userId).forUpdate().executeTakeFirst();
  const { today, credentials } = await getCpdStanding(trx, { userId, now });
  let changes = 0;
  let reminders = 0;
  for (const c of credentials) {
    const j = c.judgement;
    const last = c.history.at(-1);
    let lapsed = c.recordedLapsedOn !== null;
    const record = async (event: "lapsed" | "reinstated", on: string, points: number) => {
      await trx
        .insertInto("cpd_events")
        .values({
          user_id: userId,
          credential: c.credential,
          badge_award_id: null,
          event,
          occurred_on: on,
          points,
          required: c.policy.pointsPerYear,
        })
        .execute();
      const lapsedOn = event === "lapsed" ? on : null;
      if (c.kind === "level" && c.badgePublicId)
        await trx
          .updateTable("badge_awards")
          .set({ cpd_lapsed_on: lapsedOn })
          .where("public_id", "=", c.badgePublicId)
          .execute();
      else
        await trx
          .updateTable("designations")
          .set({ cpd_lapsed_on: lapsedOn })
          .where("user_id", "=", userId)
          .where("code", "=", c.code ?? "")
          .execute();
      await notify(trx, {
        userId,
        kind: "progress",
        sourceKey: `cpd:${event}:${c.credential}:${on}`,
        data: {
          text:
            event === "lapsed"
              ? message("cpd.notify.lapsed", {
                  credential: credentialName(c),
                  required: c.policy.pointsPerYear,
                  count: j.owed || c.policy.pointsPerYear,
                })
              : message("cpd.notify.reinstated", { credential: credentialName(c) }),
          url: "/my/cpd",
        },
      });
      lapsed = event === "lapsed";
      changes++;
    };
    // transitions the history has not seen yet, in order, each one a change of state
    for (const t of j.transitions) {
      if (last && (t.on < last.on || (t.on === last.on && t.event === last.event))) continue;
      if ((t.event === "lapsed") === lapsed) continue;
      await record(t.event, t.on, t.points);
    }
    // an entry dated (or rejected) after the fact can change the past the rules see: the change is dated today
    if (lapsed !== (j.status === "lapsed"))
      await record(j.status === "lapsed" ? "lapsed" : "reinstated", today, j.pointsThisYear);

    if (j.status === "active" && j.nextLapseOn) {
      const left = daysBetween(today, j.nextLapseOn);
      const before = left <= 14 ? 14 : left <= 60 ? 60 : null;
      if (before) {
        const id = await notify(trx, {
          userId,
          kind: "progress",
          sourceKey: `cpd:reminder${before}:${c.credential}:${j.year.start}`,
          data: {
            text: message("cpd.notify.reminder", {
              credential: credentialName(c),
              count: c.policy.pointsPerYear - j.pointsThisYear,
              date: { day: dayBefore(j.nextLapseOn) },
            }),
            url: "/my/cpd",
          },
        });
        if (id) reminders++;
      }
    }
  }
  if (changes) await enqueue(trx, "profile.reindex", { userId }); // the directory card says "lapsed"
  return { changes, reminders };
}

/** A new log entry may catch a lapsed credential up: reviewed after commit, not at the next local midnight. */
export async function reviewCpdSoon(trx: Db, userId: number) {
  await enqueue(trx, "cpd.review", { userId });
}

/** Members a review may concern: holders of a credential that asks for CPD. */
export function cpdHoldersQuery() {
  return sql<{ id: number }>`
    select u.id from users u
    where u.deleted_at is null and (
      exists (select 1 from cpd_policies p join badge_awards b on b.level = p.level
        where b.user_id = u.id and b.kind = 'level' and b.revoked_at is null and p.level = u.level)
      or exists (select 1 from cpd_policies p join designations d on d.code = p.designation where d.user_id = u.id))`;
}

/** Lapsed credentials of many members at once (directory documents, profiles): "level-3", "CCSM". */
export async function listLapsedCredentials(conn: Db, { userIds }: { userIds: number[] }) {
  const out = new Map<number, string[]>();
  if (!userIds.length) return out;
  const { rows } = await sql<{ user_id: number; name: string }>`
    select b.user_id, 'level-' || b.level as name from badge_awards b
    where b.user_id = any(${userIds}::int[]) and b.kind = 'level' and b.cpd_lapsed_on is not null
      and b.revoked_at is null
    union all
    select d.user_id, d.code from designations d
    where d.user_id = any(${userIds}::int[]) and d.cpd_lapsed_on is not null`.execute(conn);
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.name]);
  return out;
}
