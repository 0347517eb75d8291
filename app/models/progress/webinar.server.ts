// webinar: attendance recorded by staff (one by one or by CSV) or by event check-in.
import { sql } from "kysely";
import type { ParamsOf } from "../requirement.schema";
import type { EvalContext } from "./context.server";
import { statusOf, type Progress } from "./types";

export async function evaluateWebinar(ctx: EvalContext, p: ParamsOf<"webinar">): Promise<Progress> {
  const { rows } = await sql<{ title: string; attended_on: string | null }>`
    select w.title, a.attended_on
    from webinars w
    left join webinar_attendance a on a.webinar = w.slug and a.user_id = ${ctx.userId}
    where w.slug = ${p.webinar}`.execute(ctx.db);
  const row = rows[0];
  const done = row?.attended_on ? 1 : 0;
  return {
    done,
    required: 1,
    status: statusOf({ done, required: 1 }),
    items: row?.attended_on ? [{ label: row.title, date: row.attended_on, state: "counted" }] : [],
    more: 0,
    detail: { title: row?.title ?? p.webinar },
  };
}
