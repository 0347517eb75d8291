// books: reading-log entries finished in the member's current trimester (Jan-Apr, May-Aug,
// Sep-Dec, in their time zone), since entering the level; optionally only recommended books.
import { sql } from "kysely";
import type { ParamsOf } from "../requirement.schema";
import type { EvalContext } from "./context.server";
import { statusOf, type Progress } from "./types";

export async function evaluateBooks(ctx: EvalContext, p: ParamsOf<"books">): Promise<Progress> {
  const { trimester, prevTrimester } = ctx.periods;
  const counted = p.recommendedOnly ? sql`status <> 'rejected' and book_id is not null` : sql`status <> 'rejected'`;
  const [{ rows: counts }, { rows }] = await Promise.all([
    sql<{ done: number; prev: number }>`
      select
        count(*) filter (where finished_on >= ${trimester.start}::date and ${counted})::int as done,
        count(*) filter (where finished_on < ${trimester.start}::date and ${counted})::int as prev
      from reading_log
      where user_id = ${ctx.userId} and finished_on >= ${ctx.enteredOn}::date
        and finished_on >= ${prevTrimester.start}::date and finished_on < ${trimester.next}::date`.execute(ctx.db),
    sql<{ id: number; title: string; finished_on: string; status: string; counts: boolean }>`
      select id, title, finished_on, status, (${counted}) as counts
      from reading_log
      where user_id = ${ctx.userId} and finished_on >= ${ctx.enteredOn}::date
        and finished_on >= ${trimester.start}::date and finished_on < ${trimester.next}::date
      order by finished_on desc, id desc limit ${ctx.itemLimit}`.execute(ctx.db),
  ]);
  const { done, prev } = counts[0];
  const overdue = ctx.enteredAt < prevTrimester.nextAt && prev < p.minPerTrimester;
  return {
    done,
    required: p.minPerTrimester,
    status: statusOf({ done, required: p.minPerTrimester, overdue }),
    period: "trimester",
    dueBy: trimester.last,
    items: rows.map((r) => ({
      label: r.title,
      url: `/my/reading#book-${r.id}`,
      date: r.finished_on,
      state: r.counts
        ? ("counted" as const)
        : r.status === "rejected"
          ? ("rejected" as const)
          : ("not_counted" as const),
    })),
    more: Math.max(0, done - rows.filter((r) => r.counts).length),
  };
}
