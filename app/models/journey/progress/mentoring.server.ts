// mentoring: mentees the member mentors, active or completed (a mentorship ended early, declined
// or withdrawn does not count). Items link to the mentorship page when there is one.
import { sql } from "kysely";
import type { ParamsOf } from "../requirement.schema";
import type { EvalContext } from "./context.server";
import { statusOf, type Progress } from "./types";

export async function evaluateMentoring(ctx: EvalContext, p: ParamsOf<"mentoring">): Promise<Progress> {
  const [{ rows: counts }, { rows }] = await Promise.all([
    sql<{
      n: number;
    }>`select count(*)::int as n from mentorships where mentor_id = ${ctx.userId} and status in ('active',
        'completed')`.execute(ctx.db),
    sql<{ username: string; display_name: string; since: string; cycle_id: number | null }>`
      select u.username, u.display_name, m.cycle_id, to_char(m.started_at at time zone ${ctx.timeZone}, 'YYYY-MM-DD')
        as since
      from mentorships m join users u on u.id = m.mentee_id
      where m.mentor_id = ${ctx.userId} and m.status in ('active', 'completed')
      order by m.started_at desc limit ${ctx.itemLimit}`.execute(ctx.db),
  ]);
  const done = counts[0].n;
  return {
    done,
    required: p.minActiveMentees,
    status: statusOf({ done, required: p.minActiveMentees }),
    items: rows.map((r) => ({
      label: r.display_name,
      url: r.cycle_id ? `/mentorship/${r.cycle_id}` : `/u/${r.username}`,
      date: r.since,
      state: "counted" as const,
    })),
    more: Math.max(0, done - rows.length),
  };
}
