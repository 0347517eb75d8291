// webinar: attendance recorded by staff (one by one or by CSV), or attendance of a published
// event for that webinar (marked by staff or by check-in code); the earliest one counts.
import { sql } from "kysely";
import type { ParamsOf } from "../requirement.schema";
import type { EvalContext } from "./context.server";
import { statusOf, type Progress } from "./types";

export async function evaluateWebinar(ctx: EvalContext, p: ParamsOf<"webinar">): Promise<Progress> {
  const { rows } = await sql<{ title: string; title_fr: string | null; attended_on: string | null }>`
    select w.title, w.title_fr, to_char(least(a.attended_on, (
        select min((e.starts_at at time zone e.time_zone)::date)
        from event_attendance ea join events e on e.id = ea.event_id
        where ea.user_id = ${ctx.userId} and e.webinar = w.slug and e.status <> 'draft'
      )), 'YYYY-MM-DD') as attended_on
    from webinars w
    left join webinar_attendance a on a.webinar = w.slug and a.user_id = ${ctx.userId}
    where w.slug = ${p.webinar}`.execute(ctx.db);
  const row = rows[0];
  const done = row?.attended_on ? 1 : 0;
  return {
    done,
    required: 1,
    status: statusOf({ done, required: 1 }),
    items: row?.attended_on
      ? [{ label: row.title, label_fr: row.title_fr, date: row.attended_on, state: "counted" }]
      : [],
    more: 0,
    detail: { title: row?.title ?? p.webinar },
  };
}
