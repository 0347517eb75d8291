// Suggested topics at the end of a topic (Discourse's "suggested"): for a member, unread and new topics
// first (the same category's before those sharing a tag); then the latest of the same category, then
// topics sharing a tag (tags are the programme's competencies). A visitor gets the last two. Only topics
// the viewer may list (visibilityWhere), never the topic itself, nor closed or archived ones. One
// statement finds them: two short index walks (the category's latest through topics_category_bumped_idx,
// the tag matches through topics_tags_idx or topics_bumped_idx). For a member a second, tiny one reads
// the marks of those few (listMarks, on the member's read rows alone) and the ranking is done here:
// joined with the read rows in one statement, PostgreSQL spent as long planning it as running it.
import { sql } from "kysely";
import { db } from "../../db.server";
import type { Scope } from "../permissions.server";
import { visibilityWhere } from "./topic-list.server";
import { listMarks, newTopicsSince } from "./topic-tracking.server";

export const SUGGESTED_TOPICS = 5;
// how many of each kind are looked at before ranking: enough for a member's unread ones to surface
const POOL = 20;

export type SuggestedTopic = {
  id: number;
  slug: string;
  title: string;
  category_id: number;
  reply_count: number;
  bumped_at: Date;
  related: boolean;
  unread: number;
  is_new: boolean;
};

type Source = { id: number; category_id: number; tags: string[] };
type Candidate = Omit<SuggestedTopic, "unread" | "is_new"> & { highest_post_number: number; created_at: Date };

/** The statement finding the candidates (exported for the EXPLAIN test): a visitor's five, a member's pool. */
export async function suggestedTopicsQuery({ scope, topic }: { scope: Scope; topic: Source }) {
  const visible = await visibilityWhere(scope);
  const open = sql`t.deleted_at is null and t.closed_at is null and t.archived_at is null and t.id <> ${topic.id}
    and ${visible}`;
  const sameCategory = sql`(select t.id, false as related from topics t
    where ${open} and t.category_id = ${topic.category_id}
    order by t.bumped_at desc, t.id desc limit ${POOL})`;
  const byTags = topic.tags.length
    ? sql` union all (select t.id, true as related from topics t
        where ${open} and t.category_id <> ${topic.category_id} and t.tags && ${topic.tags}::text[]
        order by t.bumped_at desc, t.id desc limit ${POOL})`
    : sql``;
  return sql<Candidate>`
    select t.id, t.slug, t.title, t.category_id, t.reply_count, t.bumped_at, c.related, t.highest_post_number,
      t.created_at
    from (${sameCategory}${byTags}) c join topics t on t.id = c.id
    order by c.related, t.bumped_at desc, t.id desc
    limit ${scope.userId ? POOL * 2 : SUGGESTED_TOPICS}`;
}

/** Member `uid`'s marks on the candidates (listMarks over their values: only the read rows are looked up). */
const marksQuery = (uid: number, since: Date, rows: Candidate[]) => {
  const marks = listMarks(uid, since);
  const ids = rows.map((r) => r.id);
  const highest = rows.map((r) => r.highest_post_number);
  const created = rows.map((r) => r.created_at);
  return sql<{ id: number; unread: number; is_new: boolean }>`
    select t.id, ${marks.unread} as unread, ${marks.isNew} as is_new
    from unnest(${ids}::int[], ${highest}::int[], ${created}::timestamptz[]) as t(id, highest_post_number, created_at)
    ${marks.join}`;
};

export async function listSuggestedTopics({
  scope,
  topic,
  lastVisitAt,
}: {
  scope: Scope;
  topic: Source;
  lastVisitAt?: Date | null;
}): Promise<SuggestedTopic[]> {
  const [{ rows }, since] = await Promise.all([
    (await suggestedTopicsQuery({ scope, topic })).execute(db),
    scope.userId ? newTopicsSince(lastVisitAt) : undefined,
  ]);
  if (!scope.userId || !since || !rows.length) return rows.map((r) => ({ ...r, unread: 0, is_new: false }));
  const { rows: marks } = await marksQuery(scope.userId, since, rows).execute(db);
  const byId = new Map(marks.map((m) => [m.id, m]));
  const marked = rows.map((r) => ({
    ...r,
    unread: byId.get(r.id)?.unread ?? 0,
    is_new: byId.get(r.id)?.is_new ?? false,
  }));
  // unread or new first (a stable sort: the rows came in the visitor's order, the category's latest first)
  const fresh = (s: SuggestedTopic) => (s.unread > 0 || s.is_new ? 0 : 1);
  return marked.sort((a, b) => fresh(a) - fresh(b)).slice(0, SUGGESTED_TOPICS);
}
