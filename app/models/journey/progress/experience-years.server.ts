// experience_years: years declared on an application, verified by the admin who approved it.
// Declared on a waiting application: pending; not declared yet: due (declare it when applying).
import { sql } from "kysely";
import type { ParamsOf } from "../requirement.schema";
import type { EvalContext } from "./context.server";
import { statusOf, type Progress } from "./types";

export const experienceColumn = (e: ParamsOf<"experience_years">["experience"]) =>
  e === "customer_facing" ? "customer_facing_years" : "managing_years";

export async function evaluateExperienceYears(ctx: EvalContext, p: ParamsOf<"experience_years">): Promise<Progress> {
  const col = sql.ref(experienceColumn(p.experience));
  const { rows } = await sql<{ verified: number | null; pending_years: number | null; verified_on: string | null }>`
    select
      (select max(${col}) from applications where user_id = ${ctx.userId} and status = 'approved'
        and experience_verified) as verified,
      (select to_char(max(decided_at) at time zone ${ctx.timeZone}, 'YYYY-MM-DD') from applications
        where user_id = ${ctx.userId} and status = 'approved' and experience_verified and ${col} >= ${p.minYears})
          as verified_on,
      (select max(${col}) from applications where user_id = ${ctx.userId} and status = 'pending')
        as pending_years`.execute(ctx.db);
  const r = rows[0];
  const verified = r.verified === null ? 0 : Number(r.verified);
  const pendingYears = r.pending_years === null ? null : Number(r.pending_years);
  const met = verified >= p.minYears;
  const done = met ? 1 : 0;
  const pending = !met && pendingYears !== null && pendingYears >= p.minYears ? 1 : 0;
  return {
    done,
    required: 1,
    pending,
    status: statusOf({ done, required: 1, pending }),
    items: met
      ? [{ label: String(verified), date: r.verified_on ?? undefined, state: "counted" }]
      : pendingYears !== null
        ? [{ label: String(pendingYears), state: "pending" }]
        : [],
    more: 0,
    detail: { years: met ? verified : (pendingYears ?? 0), minYears: p.minYears, experience: p.experience },
  };
}
