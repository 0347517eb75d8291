import { sql } from "kysely";
import { ensureServices, stopAll } from "./lib/ensure-services";
const services = await ensureServices(() => {});
try {
  const { db } = await import("../app/db.server");
  const q = sql`websearch_to_tsquery('simple', 'complaints refunds')`;
  const r = await sql<any>`explain (analyze, buffers off, costs off)
    select p.id, p.topic_id, p.post_number, p.body_html, p.like_count, p.created_at, t.title, t.slug, t.category_id, u.username, u.display_name
    from posts p join topics t on t.id = p.topic_id left join users u on u.id = p.user_id
    where p.deleted_at is null and p.hidden_at is null and t.deleted_at is null and not t.unlisted and t.category_id in (1)
      and p.id in (select id from posts where search_vector @@ ${q} union select p1.id from topics t1 join posts p1 on p1.topic_id = t1.id and p1.post_number = 1 where to_tsvector('simple', t1.title) @@ ${q})
    order by ts_rank(p.search_vector, ${q}) + case when p.post_number = 1 and to_tsvector('simple', t.title) @@ ${q} then 1 else 0 end desc, p.id desc
    limit 21`.execute(db);
  console.log(r.rows.map((x: any) => x["QUERY PLAN"]).join("\n"));
  await db.destroy();
} finally {
  await stopAll(services);
}
