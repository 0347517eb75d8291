// award_nomination: self-nominations submitted in the member's current calendar year.
import { sql } from "kysely";
import type { ParamsOf } from "../requirement.schema";
import type { EvalContext } from "./context.server";
import { statusOf, type Progress } from "./types";

export async function evaluateAwardNomination(ctx: EvalContext, p: ParamsOf<"award_nomination">): Promise<Progress> {
  const { year, prevYear } = ctx.periods;
  const { rows } = await sql<{ done: number; prev: number; last_on: string | null }>`
    select
      count(*) filter (where submitted_at >= ${year.startAt} and submitted_at < ${year.nextAt})::int as done,
      count(*) filter (where submitted_at >= ${prevYear.startAt} and submitted_at < ${prevYear.nextAt})::int as prev,
      to_char(max(submitted_at) filter (where submitted_at >= ${year.startAt}) at time zone ${ctx.timeZone},
        'YYYY-MM-DD') as last_on
    from award_nominations
    where user_id = ${ctx.userId} and submitted_at is not null and submitted_at >= ${ctx.enteredAt}
      and submitted_at >= ${prevYear.startAt} and submitted_at < ${year.nextAt} and submitted_at <=
        ${ctx.now}`.execute(ctx.db);
  const { done, prev, last_on } = rows[0];
  const overdue = ctx.enteredAt < prevYear.nextAt && prev < p.perYear;
  return {
    done,
    required: p.perYear,
    status: statusOf({ done, required: p.perYear, overdue }),
    period: "year",
    dueBy: year.last,
    items: last_on ? [{ label: year.start.slice(0, 4), date: last_on, state: "counted" }] : [],
    more: 0,
  };
}
