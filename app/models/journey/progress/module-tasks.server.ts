// module_tasks: one evaluated task per module of a training programme.
import { sql } from "kysely";
import type { ParamsOf } from "../requirement.schema";
import type { EvalContext } from "./context.server";
import { statusOf, type Progress } from "./types";

export async function evaluateModuleTasks(ctx: EvalContext, p: ParamsOf<"module_tasks">): Promise<Progress> {
  const { rows } = await sql<{
    module: number;
    title: string | null;
    title_fr: string | null;
    evaluated_on: string | null;
    submitted: boolean;
    done: number;
    pending: number;
  }>`
    select x.*,
      (count(*) filter (where x.evaluated_on is not null) over ())::int as done,
      (count(*) filter (where x.evaluated_on is null and x.submitted) over ())::int as pending
    from (
    select m.module, tm.title, tm.title_fr,
      (select to_char(min(evaluated_at) at time zone ${ctx.timeZone}, 'YYYY-MM-DD') from module_tasks t
        where t.user_id = ${ctx.userId} and t.programme = ${p.programme} and t.module = m.module and t.evaluated_at is
          not null) as evaluated_on,
      exists (select 1 from module_tasks t
        where t.user_id = ${ctx.userId} and t.programme = ${p.programme} and t.module = m.module) as submitted
    from unnest(${p.modules}::int[]) as m(module)
    left join training_modules tm on tm.programme = ${p.programme} and tm.number = m.module
    ) x
    order by x.module`.execute(ctx.db);
  const done = rows[0]?.done ?? 0;
  const pending = rows[0]?.pending ?? 0;
  return {
    done,
    required: p.modules.length,
    pending,
    status: statusOf({ done, required: p.modules.length, pending }),
    items: rows.map((r) => ({
      label: `${r.module}. ${r.title ?? ""}`.trim(),
      label_fr: r.title_fr && `${r.module}. ${r.title_fr}`,
      date: r.evaluated_on ?? undefined,
      state: r.evaluated_on ? ("counted" as const) : r.submitted ? ("pending" as const) : ("missing" as const),
    })),
    more: 0,
  };
}
