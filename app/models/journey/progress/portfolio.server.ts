// portfolio: met when staff approved the member's portfolio after the panel's review; waiting for
// a decision once submitted; to do while a draft, missing or declined (the page offers an appeal).
import { sql } from "kysely";
import type { ParamsOf } from "../requirement.schema";
import type { EvalContext } from "./context.server";
import { statusOf, type Progress } from "./types";

export async function evaluatePortfolio(ctx: EvalContext, p: ParamsOf<"portfolio">): Promise<Progress> {
  const requirementId = ctx.requirement?.id ?? 0;
  const { rows } = await sql<{
    status: "draft" | "submitted" | "approved" | "declined";
    decided_on: string | null;
    reviews: number;
    confirmed: number;
    interview_at: Date | null;
  }>`
    select p.status, to_char(p.decided_at at time zone ${ctx.timeZone}, 'YYYY-MM-DD') as decided_on,
      (select count(*)::int from portfolio_reviews v where v.portfolio_id = p.id and v.submitted_at is not null)
        as reviews,
      (select count(*)::int from portfolio_references f where f.portfolio_id = p.id and f.confirmed) as confirmed,
      p.interview_starts_at as interview_at
    from portfolios p
    where p.user_id = ${ctx.userId} and p.requirement_id = ${requirementId}`.execute(ctx.db);
  const row = rows[0];
  const state = row?.status ?? "none";
  const done = state === "approved" ? 1 : 0;
  const pending = state === "submitted" ? 1 : 0;
  return {
    done,
    required: 1,
    pending,
    status: statusOf({ done, required: 1, pending }),
    items: [],
    more: 0,
    detail: {
      state,
      reviews: row?.reviews ?? 0,
      reviewers: p.reviewers,
      confirmed: row?.confirmed ?? 0,
      references: p.references,
      decidedOn: row?.decided_on ?? null,
      interviewAt: row?.interview_at ? row.interview_at.toISOString() : null,
      url: `/portfolio/${encodeURIComponent(ctx.requirement?.key ?? "")}`,
    },
  };
}
