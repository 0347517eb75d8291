// A member as the forum shows them: name, level, forum figures and their recent topics, counted
// only where the viewer may look (a private category's posts add nothing a viewer could not see).
import { sql, type SqlBool, type Expression } from "kysely";
import { db, type Db } from "../../db.server";
import type { Scope } from "../permissions.server";
import { visibleCategoryIds } from "./category.server";

/**
 * The topics `t` a member's figures may count for this viewer: open categories, listed topics (staff: all).
 * Private topics count for no one, even their participants: the figures are seen by many.
 */
export async function readableTopicsWhere(scope: Scope): Promise<Expression<SqlBool>> {
  // staff read every category, but never personal messages here (permissions.server.ts: only once flagged, in place)
  if (scope.isStaff) return sql<SqlBool>`t.archetype = 'regular'`;
  const { open } = await visibleCategoryIds(scope);
  return open.length ? sql<SqlBool>`t.category_id = any(${open}::int[]) and not t.unlisted` : sql<SqlBool>`false`;
}

/** A member who has not deleted their account, by username in any case, with their roles (callers add columns). */
export function liveMemberByUsername(conn: Db, username: string) {
  return conn
    .selectFrom("users")
    .select(["id", "username", "display_name", "level", "created_at"])
    .select(
      sql<string[]>`coalesce((select array_agg(role order by role) from user_roles where user_id = users.id), '{}')`.as(
        "roles",
      ),
    )
    .where(sql`lower(username)`, "=", username.toLowerCase())
    .where("deleted_at", "is", null);
}

export async function getMemberSummary({ scope, username }: { scope: Scope; username: string }) {
  const user = await liveMemberByUsername(db, username).select("last_seen_at").executeTakeFirst();
  if (!user) return undefined;
  const visible = await readableTopicsWhere(scope);
  const stats = await sql<{ topics: number; replies: number; likes_received: number }>`
    select
      count(*) filter (where p.post_number = 1)::int as topics,
      count(*) filter (where p.post_number > 1)::int as replies,
      coalesce(sum(p.like_count), 0)::int as likes_received
    from posts p join topics t on t.id = p.topic_id
    where p.user_id = ${user.id} and p.deleted_at is null and p.hidden_at is null and t.deleted_at is null
      and ${visible}`.execute(db);
  const recent = await sql<{ id: number; slug: string; title: string; created_at: Date }>`
    select t.id, t.slug, t.title, t.created_at from topics t
    where t.user_id = ${user.id} and t.deleted_at is null and ${visible}
    order by t.created_at desc limit 10`.execute(db);
  return { ...user, stats: stats.rows[0], recentTopics: recent.rows };
}
