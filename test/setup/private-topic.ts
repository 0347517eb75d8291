// What a private topic's privacy tests share: searching as a viewer, and every model-level way a viewer could
// learn of the topic (page, lists, both search paths, the author's page, counts, notifications), all empty.
import { expect } from "vitest";
import { db } from "~/db.server";
import { searchPosts } from "~/models/forum/forum-search.server";
import { getMemberSummary } from "~/models/forum/member.server";
import { parseSearchQuery } from "~/models/forum/search-query";
import { getTopic } from "~/models/forum/topic.server";
import { countNewAndUnread, listTopics } from "~/models/forum/topic-list.server";
import type { Scope } from "~/models/permissions.server";

/** The topics a search finds for this viewer, through Meilisearch. */
export const findTopics = async (scope: Scope, q: string) =>
  (await searchPosts({ scope, query: parseSearchQuery(q) })).hits.map((h) => h.topicId);

/** The same, through the PostgreSQL fallback. */
export const findTopicsPg = async (scope: Scope, q: string) =>
  (await searchPosts({ scope, query: parseSearchQuery(q), fallback: "force" })).hits.map((h) => h.topicId);

/** The topic shows nowhere for this viewer (`who`, null for a visitor); `word` is a word only the topic holds. */
export async function expectTopicHidden({
  scope,
  who,
  topicId,
  author,
  word,
}: {
  scope: Scope;
  who: { id: number } | null;
  topicId: number;
  author: string;
  word: string;
}) {
  expect(await getTopic({ scope, topicId })).toBeUndefined();
  expect((await listTopics({ scope, filter: { kind: "latest" } })).topics.map((t) => t.id)).not.toContain(topicId);
  expect(await findTopics(scope, word)).not.toContain(topicId);
  expect(await findTopicsPg(scope, word)).not.toContain(topicId);
  const summary = await getMemberSummary({ scope, username: author });
  expect(summary?.recentTopics ?? []).toEqual([]);
  if (who) {
    expect(await countNewAndUnread({ scope, lastVisitAt: null })).toMatchObject({ new: 0 });
    const told = await db
      .selectFrom("notifications")
      .select("id")
      .where("user_id", "=", who.id)
      .where("topic_id", "=", topicId)
      .execute();
    expect(told).toEqual([]);
  }
  return summary;
}
