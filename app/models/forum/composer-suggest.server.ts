// What the composer offers after `@ab` and `#ca` (GET /composer/suggest): members whose profile the
// viewer may see and who are not suspended, people in the topic first, then recent posters, then the
// rest by name; categories the viewer may see that a #link would cook (never a private one).
import { sql } from "kysely";
import { z } from "zod";
import { db } from "../../db.server";
import { mentionableVisibilities, type Scope } from "../permissions.server";
import { localized } from "../shared/localized";
import { listVisibleCategories, visibleCategoryIds } from "./category.server";
import { getTopic } from "./topic.server";

export const SUGGEST_LIMIT = 8;
/** Name-ordered candidates ranked by topic and recency (a short prefix matches many; these are enough). */
const CANDIDATES = 200;
const RECENT_DAYS = 30;

/** `q` is what the member typed after the sign, with the sign: `@ab` or `#ca` (the markdown's own syntax). */
export const SuggestQuerySchema = z.object({
  q: z.string().regex(/^(@[A-Za-z0-9_]{1,30}|#[a-z0-9][a-z0-9-]{0,49})$/),
  topic: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

/** One option: `value` is what is inserted after the sign, `label` what is shown beside it. */
export type Suggestion = { value: string; label: string };

// `_` is a LIKE wildcard; usernames may contain it
const likePrefix = (s: string) => `${s.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`;

type MemberQuery = { scope: Scope; prefix: string; topicId?: number };

/** Members to @mention, ranked: in the topic (if the viewer may see it), posted recently, then by name. */
export async function suggestMembers(query: MemberQuery): Promise<Suggestion[]> {
  const { rows } = await (await memberSuggestions(query)).execute(db);
  return rows.map((r) => ({ value: r.username, label: r.display_name }));
}

/** The one query behind suggestMembers (its plan is checked in test/integration/composer-suggest.test.ts). */
export async function memberSuggestions({ scope, prefix, topicId }: MemberQuery) {
  const topic = topicId ? await getTopic({ scope, topicId }) : undefined;
  const { open } = await visibleCategoryIds(scope);
  const like = likePrefix(prefix);
  // who may be offered: not deleted, not suspended, not the viewer, a profile the viewer may see
  const offered = sql`u.deleted_at is null and (u.suspended_until is null or u.suspended_until <= now())
    and u.id <> ${scope.userId ?? 0}
    and coalesce(pr.visibility, 'members') = any(${mentionableVisibilities(scope)}::text[])`;
  // One prefix scan per column (users_username_prefix_idx, users_display_name_prefix_idx), each kept
  // to CANDIDATES by name; `using ~<~` is text_pattern_ops' order, so the index may also give the order.
  const byName = (column: "username" | "display_name") => sql`(select u.id, u.username, u.display_name from users u
    left join profiles pr on pr.user_id = u.id
    where lower(${sql.ref(`u.${column}`)}) like ${like} and ${offered}
    order by lower(${sql.ref(`u.${column}`)}) using ~<~ limit ${CANDIDATES})`;
  const named = sql`${byName("username")} union ${byName("display_name")}`;
  // the topic's people always compete, however many names share the prefix (posts_topic_number_key)
  const inTopic = topic
    ? sql`union (select u.id, u.username, u.display_name from users u left join profiles pr on pr.user_id = u.id
        where u.id in (select p.user_id from posts p where p.topic_id = ${topic.id} and p.deleted_at is null)
          and (lower(u.username) like ${like} or lower(u.display_name) like ${like}) and ${offered})`
    : sql``;
  return sql<{ username: string; display_name: string }>`
    with matched as (${named} ${inTopic})
    select m.username, m.display_name from matched m
    left join lateral (
      select max(p.created_at) as at from posts p
      where p.topic_id = ${topic?.id ?? 0} and p.user_id = m.id and p.deleted_at is null
    ) here on true
    left join lateral (
      -- posts_user_created_idx, newest first; only posts the viewer could read count
      select p.created_at as at from posts p join topics t on t.id = p.topic_id
      where p.user_id = m.id and p.deleted_at is null and p.hidden_at is null
        and p.created_at > now() - make_interval(days => ${RECENT_DAYS})
        and t.deleted_at is null and not t.unlisted and t.category_id = any(${open}::int[])
      order by p.created_at desc limit 1
    ) recent on true
    order by here.at desc nulls last, recent.at desc nulls last, lower(m.username)
    limit ${SUGGEST_LIMIT}`;
}

/** Categories to #link: those a #slug would cook for this viewer (never a private one), by slug or name prefix. */
export async function suggestCategories({
  scope,
  prefix,
  lang,
}: {
  scope: Scope;
  prefix: string;
  lang: string;
}): Promise<Suggestion[]> {
  const p = prefix.toLowerCase();
  return (await listVisibleCategories(scope))
    .map((c) => ({ value: c.slug, label: localized(c, "name", lang) }))
    .filter((c) => c.value.startsWith(p) || c.label.toLowerCase().startsWith(p))
    .slice(0, SUGGEST_LIMIT);
}
