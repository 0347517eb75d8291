// Suggested topics at the end of a topic (Discourse's "suggested"): for a member, unread and new topics
// first (the same category's before those sharing a tag); then the latest of the same category, then
// topics sharing a tag (tags are the programme's competencies). A visitor gets the last two. Only topics
// the viewer may list (visibilityWhere), never the topic itself, nor closed or archived ones. One
// statement: two short index walks (the category's latest through topics_category_bumped_idx, the tag
// matches through topics_tags_idx or topics_bumped_idx), joined once with the member's read rows.
import { sql, type RawBuilder } from "kysely";
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

/** The statement (exported for the EXPLAIN test). */
export async function suggestedTopicsQuery({
  scope,
  topic,
  lastVisitAt,
}: {
  scope: Scope;
  topic: Source;
  lastVisitAt?: Date | null;
}): Promise<RawBuilder<SuggestedTopic>> {
  const [visible, since] = await Promise.all([
    visibilityWhere(scope),
    scope.userId ? newTopicsSince(lastVisitAt) : undefined,
  ]);
  const marks = scope.userId && since ? listMarks(scope.userId, since) : undefined;
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
  const fresh = marks ? sql`(${marks.unread} > 0 or ${marks.isNew}) desc, ` : sql``;
  return sql<SuggestedTopic>`
    select t.id, t.slug, t.title, t.category_id, t.reply_count, t.bumped_at, c.related,
      ${marks ? sql`${marks.unread} as unread, ${marks.isNew} as is_new` : sql`0 as unread, false as is_new`}
    from (${sameCategory}${byTags}) c join topics t on t.id = c.id ${marks ? marks.join : sql``}
    order by ${fresh}c.related, t.bumped_at desc, t.id desc
    limit ${SUGGESTED_TOPICS}`;
}

export async function listSuggestedTopics(args: { scope: Scope; topic: Source; lastVisitAt?: Date | null }) {
  const { rows } = await (await suggestedTopicsQuery(args)).execute(db);
  return rows;
}
