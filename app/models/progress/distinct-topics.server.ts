// distinct_topics: posts by the member in distinct topics since entering the level. Deleted or
// hidden posts, deleted topics and excluded categories do not count; a topic counts once.
import { sql } from "kysely";
import type { ParamsOf } from "../requirement.schema";
import type { EvalContext } from "./context.server";
import { statusOf, type Progress } from "./types";

type Params = ParamsOf<"distinct_topics">;

// The member's counted topics: distinct topic ids first (index-only scan on
// posts_user_created_idx), then the topic and category checks on those few rows.
function countedTopics(ctx: EvalContext, p: Params) {
  const excluded = p.excludeCategories ?? [];
  return sql`
    select t.id, t.slug, t.title, mp.n_posts, mp.last_at
    from (
      select topic_id, count(*)::int as n_posts, max(created_at) as last_at
      from posts
      where user_id = ${ctx.userId} and created_at >= ${ctx.enteredAt} and created_at <= ${ctx.now}
        and deleted_at is null and hidden_at is null
      group by topic_id
    ) mp
    join topics t on t.id = mp.topic_id and t.deleted_at is null
    join categories c on c.id = t.category_id
    where c.slug <> all(${excluded}::text[])`;
}

export async function evaluateDistinctTopics(ctx: EvalContext, p: Params): Promise<Progress> {
  const [{ rows: countRows }, { rows }] = await Promise.all([
    sql<{ n: number }>`select count(*)::int as n from (${countedTopics(ctx, p)}) x`.execute(ctx.db),
    sql<{ id: number; slug: string; title: string; n_posts: number; last_at: Date; first_post: number | null; last_on: string }>`
      select x.id, x.slug, x.title, x.n_posts, x.last_at, to_char(x.last_at at time zone ${ctx.timeZone}, 'YYYY-MM-DD') as last_on,
        (select min(post_number) from posts q
          where q.topic_id = x.id and q.user_id = ${ctx.userId} and q.created_at >= ${ctx.enteredAt}
            and q.deleted_at is null and q.hidden_at is null) as first_post
      from (${countedTopics(ctx, p)} order by mp.last_at desc limit ${ctx.itemLimit}) x
      order by x.last_at desc`.execute(ctx.db),
  ]);
  const done = countRows[0].n;
  return {
    done,
    required: p.min,
    status: statusOf({ done, required: p.min }),
    period: "level",
    items: rows.map((r) => ({
      label: r.title,
      url: `/t/${r.slug}/${r.id}${r.first_post ? `/${r.first_post}` : ""}`,
      date: r.last_on,
      note: String(r.n_posts),
      state: "counted" as const,
    })),
    more: Math.max(0, done - rows.length),
  };
}
