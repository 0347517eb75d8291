// field_experiences: topics the member started in the Field Experiences category, since entering
// the level and (period "year") in the current calendar year of the member's time zone.
import { sql } from "kysely";
import type { ParamsOf } from "../requirement.schema";
import type { EvalContext } from "./context.server";
import { statusOf, type Progress } from "./types";

export const FIELD_EXPERIENCES_SLUG = "field-experiences";

export async function evaluateFieldExperiences(ctx: EvalContext, p: ParamsOf<"field_experiences">): Promise<Progress> {
  const yearly = p.period === "year";
  const { year, prevYear } = ctx.periods;
  const base = sql`
    from topics t
    join categories c on c.id = t.category_id and c.slug = ${FIELD_EXPERIENCES_SLUG}
    where t.user_id = ${ctx.userId} and t.deleted_at is null
      and t.created_at >= ${ctx.enteredAt} and t.created_at <= ${ctx.now}
      and not exists (select 1 from posts f where f.topic_id = t.id and f.post_number = 1 and (f.deleted_at is
        not null or f.hidden_at is not null))`;
  const inCurrent = yearly ? sql`t.created_at >= ${year.startAt} and t.created_at < ${year.nextAt}` : sql`true`;
  const [{ rows: counts }, { rows }] = await Promise.all([
    sql<{ done: number; prev: number }>`
      select count(*) filter (where ${inCurrent})::int as done,
        count(*) filter (where t.created_at >= ${prevYear.startAt} and t.created_at < ${prevYear.nextAt})::int as prev
      ${base}`.execute(ctx.db),
    sql<{ id: number; slug: string; title: string; on: string }>`
      select t.id, t.slug, t.title, to_char(t.created_at at time zone ${ctx.timeZone}, 'YYYY-MM-DD') as on
      ${base} and ${inCurrent}
      order by t.created_at desc limit ${ctx.itemLimit}`.execute(ctx.db),
  ]);
  const { done, prev } = counts[0];
  // overdue: last year closed short while the member was already at this level
  const overdue = yearly && ctx.enteredAt < prevYear.nextAt && prev < p.min;
  return {
    done,
    required: p.min,
    status: statusOf({ done, required: p.min, overdue }),
    period: yearly ? "year" : "level",
    dueBy: yearly ? year.last : undefined,
    items: rows.map((r) => ({ label: r.title, url: `/t/${r.slug}/${r.id}`, date: r.on, state: "counted" as const })),
    more: Math.max(0, done - rows.length),
  };
}
