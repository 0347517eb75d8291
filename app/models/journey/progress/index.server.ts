// The requirements engine: a member's current level, and each of its requirements evaluated by
// the evaluator of its kind. Counting happens in SQL; evaluators return the items behind a count.
import { sql, type ExpressionBuilder } from "kysely";
import type { Database } from "../../../../db/schema";
import type { Db } from "../../../db.server";
import { sharedI18n } from "../../../i18n";
import { requirementLabel } from "../requirement-label";
import { isRequirementKind, parseParams, type ParamsOf, type RequirementKind } from "../requirement.schema";
import { evaluateActivities } from "./activities.server";
import { evaluateAssessment } from "./assessment.server";
import { evaluateAwardNomination } from "./award-nomination.server";
import { evaluateBooks } from "./books.server";
import { periodsQuery, toPeriods, type EvalContext, type PeriodRow, type Periods } from "./context.server";
import { evaluateDistinctTopics } from "./distinct-topics.server";
import { evaluateExperienceYears } from "./experience-years.server";
import { evaluateFieldExperiences } from "./field-experiences.server";
import { evaluateMentoring } from "./mentoring.server";
import { evaluateModuleTasks } from "./module-tasks.server";
import { evaluatePortfolio } from "./portfolio.server";
import { evaluateProfile } from "./profile.server";
import type { EvaluatedRequirement, Progress } from "./types";
import { declaredOnApplication, groupRoutes, type RouteProgress, type RouteRow } from "./routes";
import { evaluateWebinar } from "./webinar.server";

export type { EvaluatedRequirement, Item, Progress, Status } from "./types";
export type { RouteProgress } from "./routes";

type Evaluator<K extends RequirementKind> = (ctx: EvalContext, params: ParamsOf<K>) => Promise<Progress>;

export const evaluators: { [K in RequirementKind]: Evaluator<K> } = {
  distinct_topics: evaluateDistinctTopics,
  field_experiences: evaluateFieldExperiences,
  activities: evaluateActivities,
  books: evaluateBooks,
  webinar: evaluateWebinar,
  assessment: evaluateAssessment,
  profile: evaluateProfile,
  experience_years: evaluateExperienceYears,
  mentoring: evaluateMentoring,
  award_nomination: evaluateAwardNomination,
  module_tasks: evaluateModuleTasks,
  portfolio: evaluatePortfolio,
};

export type RequirementRow = {
  id: number;
  key: string;
  level: number | null;
  route_id: number | null;
  kind: string;
  phase: "entry" | "duty" | "completion";
  label: string;
  label_fr: string | null;
  params: unknown;
  subject: string | null;
  subject_fr: string | null;
};

// The title a generated label names: the assessment's, or the training programme's (in both languages).
export const subjectColumn = sql<string | null>`coalesce(
  (select a.title from assessments a where a.slug = level_requirements.params->>'test'),
  (select m.programme_title from training_modules m where m.programme = level_requirements.params->>'programme'
    limit 1))`.as("subject");
export const subjectFrColumn = sql<string | null>`coalesce(
  (select a.title_fr from assessments a where a.slug = level_requirements.params->>'test'),
  (select m.programme_title_fr from training_modules m where m.programme = level_requirements.params->>'programme'
    limit 1))`.as("subject_fr");

/** The columns of a RequirementRow, for every query that lists requirements. */
export const requirementColumns = [
  "id",
  "key",
  "level",
  "route_id",
  "kind",
  "phase",
  "label",
  "label_fr",
  "params",
  subjectColumn,
  subjectFrColumn,
] as const;

export async function listLevelRequirements(conn: Db, level: number): Promise<RequirementRow[]> {
  return listTargetRequirements(conn, { level });
}

/** A level's or a designation's requirements, in order. */
export async function listTargetRequirements(
  conn: Db,
  target: { level: number } | { designation: string },
): Promise<RequirementRow[]> {
  return conn
    .selectFrom("level_requirements")
    .select(requirementColumns)
    .where((eb) => ("level" in target ? eb("level", "=", target.level) : eb("designation", "=", target.designation)))
    .where("archived_at", "is", null)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export async function evaluateRequirement(ctx: EvalContext, r: RequirementRow): Promise<EvaluatedRequirement> {
  if (!isRequirementKind(r.kind)) throw new Error(`unknown requirement kind ${r.kind} (requirement ${r.key})`);
  const parsed = parseParams(r.kind, r.params);
  if (!parsed.success) throw new Error(`requirement ${r.key} has invalid params`);
  const evaluate = evaluators[r.kind] as Evaluator<RequirementKind>;
  const progress = await evaluate({ ...ctx, requirement: { id: r.id, key: r.key } }, parsed.data as never);
  const params = parsed.data as Record<string, unknown>;
  // English by default; pages write it again in the reader's language with requirementLabel
  const label = requirementLabel(sharedI18n("en").t, { kind: r.kind, label: r.label, params, subject: r.subject });
  return {
    id: r.id,
    key: r.key,
    kind: r.kind,
    phase: r.phase,
    label,
    label_fr: r.label_fr,
    params,
    subject: r.subject,
    subject_fr: r.subject_fr,
    routeId: r.route_id,
    progress,
  };
}

/** A level's or a designation's routes, in order; an archived route's requirements drop out with it. */
export async function listRoutes(
  conn: Db,
  target:
    { level: number | ((eb: ExpressionBuilder<Database, "requirement_routes">) => unknown) } | { designation: string },
): Promise<RouteRow[]> {
  let q = conn
    .selectFrom("requirement_routes")
    .select(["id", "key", "name", "name_fr"])
    .where("archived_at", "is", null);
  q =
    "designation" in target
      ? q.where("designation", "=", target.designation)
      : q.where("level", "=", target.level as never);
  return q.orderBy("position").orderBy("id").execute();
}

/**
 * Requirements of one target evaluated, grouped into its routes: those outside any route are all
 * needed ("all of"), and one route's worth is enough ("any of"). `missing`: what stands between the
 * member and an application (experience is declared on it): the common requirements left, and the
 * closest route's when no route is ready.
 */
export async function evaluateTarget(ctx: EvalContext, rows: RequirementRow[], routeRows: RouteRow[]) {
  const live = new Set(routeRows.map((r) => r.id));
  const kept = rows.filter((r) => r.route_id === null || live.has(r.route_id));
  const requirements = await Promise.all(kept.map((r) => evaluateRequirement(ctx, r)));
  const routes = groupRoutes(routeRows, requirements);
  const left = (r: EvaluatedRequirement) => !declaredOnApplication(r) && r.progress.status !== "met";
  const closest = routes.find((r) => r.closest);
  const routeReady = !routes.length || routes.some((r) => r.ready);
  const missing = [
    ...requirements.filter((r) => !r.routeId && left(r)),
    ...(routeReady ? [] : requirements.filter((r) => closest && r.routeId === closest.id && left(r))),
  ];
  // routes staff created but left empty count as not ready: nothing is reachable through them yet
  return { requirements, routes, missing, routeReady };
}

/** What is left on one route (with the common requirements), for an application that names it. */
export function unmetOnRoute(requirements: EvaluatedRequirement[], routeId: number | null) {
  return requirements.filter(
    (r) => (!r.routeId || r.routeId === routeId) && !declaredOnApplication(r) && r.progress.status !== "met",
  );
}

export type Standing = {
  member: { id: number; username: string; displayName: string; timeZone: string; level: number | null };
  level: null | {
    number: number;
    name: string;
    shortName: string;
    badgeInscription: string;
    untrackedDuties: string[];
    /** the same in French (null: not translated) */
    name_fr: string | null;
    badgeInscription_fr: string | null;
    untrackedDuties_fr: string[] | null;
    enteredAt: Date;
    enteredOn: string;
  };
  badge: null | { publicId: string; awardedAt: Date };
  periods: Periods | null;
  requirements: EvaluatedRequirement[];
  /** the level's alternative routes to completion (none: every completion requirement is needed) */
  routes: RouteProgress[];
  /** completion requirements met, ignoring experience declared on the application itself */
  canApplyForNext: boolean;
  missingForNext: EvaluatedRequirement[];
};

/** The member's level and every requirement of it, evaluated now (or at `now`, for tests and nudges). */
export async function getStanding(
  conn: Db,
  { userId, now = new Date(), itemLimit = 20 }: { userId: number; now?: Date; itemLimit?: number },
): Promise<Standing | undefined> {
  // one statement for the member, their open level record, badge and periods; the level's
  // requirements in parallel (users.level is kept in step with the open level record)
  const levelOfMember = (eb: ExpressionBuilder<Database, "level_requirements" | "requirement_routes">) =>
    eb.selectFrom("users").select("level").where("id", "=", userId);
  const [{ rows }, reqRows, routeRows] = await Promise.all([
    sql<
      {
        id: number;
        username: string;
        display_name: string;
        time_zone: string;
        level: number | null;
        entered_at: Date | null;
        name: string | null;
        short_name: string | null;
        badge_inscription: string | null;
        untracked_duties: string[] | null;
        name_fr: string | null;
        badge_inscription_fr: string | null;
        untracked_duties_fr: string[] | null;
        badge_id: string | null;
        awarded_at: Date | null;
      } & Partial<PeriodRow>
    >`
    select u.id, u.username, u.display_name, u.time_zone, h.level, h.entered_at, l.name, l.short_name,
      l.badge_inscription, l.untracked_duties,
      l.name_fr, l.badge_inscription_fr, l.untracked_duties_fr,
      b.public_id as badge_id, b.awarded_at, pr.*
    from users u
    left join level_history h on h.user_id = u.id and h.left_at is null
    left join levels l on l.number = h.level
    left join lateral (
      select public_id, awarded_at from badge_awards
      where user_id = u.id and kind = 'level' and level = h.level and revoked_at is null
      order by awarded_at desc limit 1
    ) b on true
    left join lateral (${periodsQuery({ now, timeZone: sql`u.time_zone`, enteredAt: sql`h.entered_at` })}) pr
      on h.entered_at is not null
    where u.id = ${userId}`.execute(conn),
    conn
      .selectFrom("level_requirements")
      .select(requirementColumns)
      .where("level", "=", levelOfMember)
      .where("archived_at", "is", null)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    listRoutes(conn, { level: levelOfMember }),
  ]);
  const m = rows[0];
  if (!m) return undefined;
  const member = { id: m.id, username: m.username, displayName: m.display_name, timeZone: m.time_zone, level: m.level };
  if (!m.entered_at || m.level === null) {
    return {
      member,
      level: null,
      badge: null,
      periods: null,
      requirements: [],
      routes: [],
      canApplyForNext: true,
      missingForNext: [],
    };
  }
  const { periods, enteredOn } = toPeriods(m as PeriodRow);
  // users.level and the open record disagree only mid-promotion: evaluate the record's level
  const reqs = reqRows.length && reqRows[0].level === m.level ? reqRows : await listLevelRequirements(conn, m.level);
  const ctx: EvalContext = {
    db: conn,
    userId,
    level: m.level,
    enteredAt: m.entered_at,
    enteredOn,
    timeZone: m.time_zone,
    now,
    periods,
    itemLimit,
  };
  const levelRoutes =
    reqRows.length && reqRows[0].level === m.level ? routeRows : await listRoutes(conn, { level: m.level });
  const target = await evaluateTarget(
    ctx,
    reqs.filter((r) => r.phase !== "entry"),
    levelRoutes,
  );
  const { requirements, routes } = target;
  const missingForNext = target.missing.filter((r) => r.phase === "completion");
  return {
    member,
    level: {
      number: m.level,
      name: m.name!,
      shortName: m.short_name!,
      badgeInscription: m.badge_inscription!,
      untrackedDuties: m.untracked_duties ?? [],
      name_fr: m.name_fr,
      badgeInscription_fr: m.badge_inscription_fr,
      untrackedDuties_fr: m.untracked_duties_fr,
      enteredAt: m.entered_at,
      enteredOn,
    },
    badge: m.badge_id ? { publicId: m.badge_id, awardedAt: m.awarded_at! } : null,
    periods,
    requirements,
    routes,
    canApplyForNext: m.level < 4 && missingForNext.length === 0 && target.routeReady,
    missingForNext,
  };
}

/**
 * Posts per month in the member's time zone, for the last 12 months (oldest first). Each month's
 * bounds are computed once in SQL and counted as an index range (no per-post time zone work).
 */
export async function contributionsByMonth(conn: Db, { userId, now = new Date() }: { userId: number; now?: Date }) {
  const { rows } = await sql<{ month: string; posts: number }>`
    with u as (select time_zone as tz from users where id = ${userId}),
    l as (select date_trunc('month', ${now}::timestamptz at time zone u.tz) as m0, u.tz from u),
    months as (
      select m, (m at time zone l.tz) as from_at, ((m + interval '1 month') at time zone l.tz) as to_at
      from l, generate_series(l.m0 - interval '11 months', l.m0, interval '1 month') as m
    )
    select to_char(months.m, 'YYYY-MM') as month,
      (select count(*)::int from posts p
        where p.user_id = ${userId} and p.created_at >= months.from_at and p.created_at < months.to_at
          and p.created_at <= ${now}
          and p.deleted_at is null and p.hidden_at is null) as posts
    from months
    order by months.m`.execute(conn);
  return rows;
}
