// activities: activities logged with a date in the member's current calendar year (and since
// entering the level); approved ones count, and pending ones too unless the requirement asks for approval.
// Events the member attended (marked by staff or checked in) count as approved activities, dated
// on the event's local day.
import { sql } from "kysely";
import type { ParamsOf } from "../requirement.schema";
import type { EvalContext } from "./context.server";
import { statusOf, type Progress } from "./types";

export async function evaluateActivities(ctx: EvalContext, p: ParamsOf<"activities">): Promise<Progress> {
  const { year, prevYear } = ctx.periods;
  const counted = p.requireApproval ? sql`status = 'approved'` : sql`status in ('approved', 'pending')`;
  const activities = sql`(
    select id, title, null::text as title_fr, occurred_on, status, user_id, null::int as event_id
    from activities where user_id = ${ctx.userId}
    union all
    select -e.id, e.title, e.title_fr, (e.starts_at at time zone e.time_zone)::date, 'approved', ea.user_id, e.id
    from event_attendance ea join events e on e.id = ea.event_id
    where ea.user_id = ${ctx.userId} and e.status <> 'draft'
  ) x`;
  const [{ rows: counts }, { rows }] = await Promise.all([
    sql<{ done: number; pending: number; prev: number }>`
      select
        count(*) filter (where occurred_on >= ${year.start}::date and ${counted})::int as done,
        count(*) filter (where occurred_on >= ${year.start}::date and status = 'pending' and not (${counted}))::int
          as pending,
        count(*) filter (where occurred_on < ${year.start}::date and occurred_on >= ${prevYear.start}::date
          and ${counted})::int as prev
      from ${activities}
      where user_id = ${ctx.userId} and occurred_on >= ${ctx.enteredOn}::date
        and occurred_on >= ${prevYear.start}::date
        and occurred_on < ${year.next}::date`.execute(ctx.db),
    sql<{
      id: number;
      title: string;
      title_fr: string | null;
      occurred_on: string;
      status: string;
      counts: boolean;
      event_id: number | null;
    }>`
      select id, title, title_fr, occurred_on, status, (${counted}) as counts, event_id
      from ${activities}
      where user_id = ${ctx.userId} and occurred_on >= ${ctx.enteredOn}::date and occurred_on >= ${year.start}::date
        and occurred_on < ${year.next}::date
      order by occurred_on desc, id desc limit ${ctx.itemLimit}`.execute(ctx.db),
  ]);
  const { done, pending, prev } = counts[0];
  const overdue = ctx.enteredAt < prevYear.nextAt && prev < p.minPerYear;
  return {
    done,
    required: p.minPerYear,
    pending,
    status: statusOf({ done, required: p.minPerYear, pending, overdue }),
    period: "year",
    dueBy: year.last,
    items: rows.map((r) => ({
      label: r.title,
      // an event's French title; a member's own activity is in their words
      label_fr: r.title_fr,
      url: r.event_id ? `/events/${r.event_id}` : `/my/activities#activity-${r.id}`,
      date: r.occurred_on,
      state: r.counts ? ("counted" as const) : r.status === "rejected" ? ("rejected" as const) : ("pending" as const),
    })),
    more: Math.max(0, done - rows.filter((r) => r.counts).length),
  };
}
