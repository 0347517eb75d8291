// assessment: results recorded by staff. With a pass mark, the best attempt must reach it; a
// diagnostic test (no pass mark) is met by any recorded attempt.
import { sql } from "kysely";
import type { ParamsOf } from "../requirement.schema";
import type { EvalContext } from "./context.server";
import { statusOf, type Progress } from "./types";

export async function evaluateAssessment(ctx: EvalContext, p: ParamsOf<"assessment">): Promise<Progress> {
  const [{ rows: tests }, { rows }] = await Promise.all([
    sql<{ title: string; title_fr: string | null; online: boolean; best: number | null; attempts: number }>`
      select a.title, a.title_fr, a.online, max(r.score) as best, count(r.id)::int as attempts
      from assessments a left join assessment_results r on r.assessment = a.slug and r.user_id = ${ctx.userId}
      where a.slug = ${p.test} group by a.title, a.title_fr, a.online`.execute(ctx.db),
    sql<{ score: number; taken_on: string; attempt: number }>`
      select score, taken_on, attempt from assessment_results
      where user_id = ${ctx.userId} and assessment = ${p.test}
      order by attempt desc limit ${ctx.itemLimit}`.execute(ctx.db),
  ]);
  const best = tests[0]?.best ?? null;
  const done = best === null ? 0 : p.passMark === null || best >= p.passMark ? 1 : 0;
  return {
    done,
    required: 1,
    status: statusOf({ done, required: 1 }),
    items: rows.map((r) => ({
      label: tests[0]?.title ?? p.test,
      label_fr: tests[0]?.title_fr,
      date: r.taken_on,
      note: `${Number(r.score)}% · #${r.attempt}`,
      state: p.passMark === null || Number(r.score) >= p.passMark ? ("counted" as const) : ("not_counted" as const),
    })),
    more: 0,
    detail: {
      title: tests[0]?.title ?? p.test,
      test: p.test,
      online: tests[0]?.online ? 1 : 0,
      best,
      passMark: p.passMark,
      attempts: tests[0]?.attempts ?? 0,
    },
  };
}
