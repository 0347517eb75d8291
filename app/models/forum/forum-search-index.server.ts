// The posts index: one Meilisearch document per readable post, each carrying the audiences that
// may read it (permissions.audienceOfTopic). Kept in sync by the search job (app/jobs/search.server.ts)
// and rebuilt whole by `npm run search:reindex`. Queries live in forum-search.server.ts.
import { sql } from "kysely";
import type { Meilisearch } from "meilisearch";
import { db, type Db } from "../../db.server";
import { renderPlainExcerpt } from "../../markdown/excerpt.server";
import { audienceOfTopic } from "../permissions.server";
import {
  ensureIndex,
  guarded,
  indexName,
  requireClient,
  prepareRebuild,
  swapInRebuilt,
  waitFor,
  waitForIndexTasks,
} from "../../search.server";
import { requeueSince } from "../../jobs.server";

/** Meilisearch counts matches up to this many (its pagination setting); the page says "1000+". */
export const MAX_TOTAL_HITS = 1000;
/** The longest body text indexed per post (BODY_MAX is 32,000 characters of markdown). */
const BODY_INDEX_MAX = 40_000;

/** Highlight markers (see forum-search.server.ts) can never come from stored text. */
export const stripMarkers = (s: string) => s.replace(/[\ue000\ue001]/g, "");

export const POSTS_INDEX = "posts";
export const postsIndexUid = () => indexName(POSTS_INDEX);

export const POSTS_INDEX_SETTINGS = {
  // `title` is set on a topic's first post only: a title match finds the topic once, not every reply.
  searchableAttributes: ["title", "body", "username"],
  filterableAttributes: ["id", "audiences", "category_id", "tags", "user_id", "created_at", "status", "topic_id"],
  sortableAttributes: ["created_at", "like_count"],
  // "sort" first: order:latest and order:likes mean exactly that (a no-op when no sort is asked)
  rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
  displayedAttributes: ["*"],
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
};

export type PostDocument = {
  id: number;
  topic_id: number;
  post_number: number;
  title?: string;
  topic_title: string;
  topic_slug: string;
  body: string;
  username: string | null;
  display_name: string | null;
  user_id: number | null;
  category_id: number;
  tags: string[];
  status: "open" | "closed";
  audiences: string[];
  /** Unix seconds */
  created_at: number;
  like_count: number;
};

// ---- Meilisearch index -------------------------------------------------------------------------

/** Creates the index with its settings (once per process and index); safe to call on every write. */
export function ensurePostsIndex(client: Meilisearch = requireClient(), uid = postsIndexUid()): Promise<void> {
  return ensureIndex(client, uid, POSTS_INDEX_SETTINGS);
}

export { forgetPreparedIndexes } from "../../search.server";

// ---- documents ---------------------------------------------------------------------------------

type TopicForIndex = {
  id: number;
  title: string;
  slug: string;
  tags: string[];
  category_id: number;
  see_rule: string;
  closed_at: Date | null;
  archived_at: Date | null;
  participants: number[];
};

type PostForIndex = {
  id: number;
  topic_id: number;
  post_number: number;
  user_id: number | null;
  body_html: string;
  like_count: number;
  created_at: Date;
  username: string | null;
  display_name: string | null;
};

export function toDocument(topic: TopicForIndex, post: PostForIndex): PostDocument {
  return {
    id: post.id,
    topic_id: topic.id,
    post_number: post.post_number,
    ...(post.post_number === 1 ? { title: stripMarkers(topic.title) } : {}),
    topic_title: stripMarkers(topic.title),
    topic_slug: topic.slug,
    body: stripMarkers(renderPlainExcerpt(post.body_html, BODY_INDEX_MAX)),
    username: post.username,
    display_name: post.display_name,
    user_id: post.user_id,
    category_id: topic.category_id,
    tags: topic.tags,
    status: topic.closed_at || topic.archived_at ? "closed" : "open",
    audiences: audienceOfTopic(topic.see_rule, topic.participants),
    created_at: Math.floor(post.created_at.getTime() / 1000),
    like_count: post.like_count,
  };
}

/**
 * Topics that belong in the index, with their category rule and participants. Deleted and
 * unlisted topics do not (unlisted ones are reached by link only).
 */
async function loadTopics(
  trx: Db,
  where: { ids: number[] } | { afterId: number; limit: number },
): Promise<TopicForIndex[]> {
  let q = trx
    .selectFrom("topics")
    .innerJoin("categories", "categories.id", "topics.category_id")
    .select([
      "topics.id",
      "topics.title",
      "topics.slug",
      "topics.tags",
      "topics.category_id",
      "topics.closed_at",
      "topics.archived_at",
      "categories.see_rule",
    ])
    .select(
      sql<number[]>`coalesce((select array_agg(a.user_id order by a.user_id) from topic_allowed_users a
          where a.topic_id = topics.id), '{}')`.as("participants"),
    )
    .where("topics.deleted_at", "is", null)
    .where("topics.unlisted", "=", false);
  if ("ids" in where) q = q.where("topics.id", "in", where.ids.length ? where.ids : [-1]);
  else q = q.where("topics.id", ">", where.afterId).orderBy("topics.id").limit(where.limit);
  return q.execute();
}

/** Posts a reader could find: neither deleted nor hidden (flagged) ones are indexed at all. */
async function loadPosts(trx: Db, topicIds: number[]): Promise<PostForIndex[]> {
  if (!topicIds.length) return [];
  return trx
    .selectFrom("posts")
    .leftJoin("users", "users.id", "posts.user_id")
    .select([
      "posts.id",
      "posts.topic_id",
      "posts.post_number",
      "posts.user_id",
      "posts.body_html",
      "posts.like_count",
      "posts.created_at",
      "users.username",
      "users.display_name",
    ])
    .where("posts.topic_id", "in", topicIds)
    .where("posts.deleted_at", "is", null)
    .where("posts.hidden_at", "is", null)
    .orderBy("posts.topic_id")
    .orderBy("posts.post_number")
    .execute();
}

/** The documents one topic should have right now (none when it is deleted or unlisted). */
export async function buildTopicDocuments(trx: Db, topicId: number): Promise<PostDocument[]> {
  const [topic] = await loadTopics(trx, { ids: [topicId] });
  if (!topic) return [];
  return (await loadPosts(trx, [topicId])).map((p) => toDocument(topic, p));
}

/**
 * Brings one topic's documents in line with Postgres: upserts the readable posts, then removes
 * every other document of the topic (deleted, hidden, moved away, or the whole topic). Waits
 * for Meilisearch to apply both, so a failure is a thrown error and the job retries.
 */
export async function indexTopic(trx: Db, topicId: number): Promise<{ indexed: number }> {
  const client = requireClient();
  const docs = await buildTopicDocuments(trx, topicId);
  const uid = postsIndexUid();
  await ensurePostsIndex(client, uid);
  return guarded(client, async () => {
    const index = client.index<PostDocument>(uid);
    const tasks: number[] = [];
    if (docs.length) tasks.push((await index.addDocuments(docs, { primaryKey: "id" })).taskUid);
    const keep = docs.map((d) => d.id);
    const filter = keep.length ? `topic_id = ${topicId} AND id NOT IN [${keep.join(",")}]` : `topic_id = ${topicId}`;
    tasks.push((await index.deleteDocuments({ filter })).taskUid);
    await waitForIndexTasks(client, uid, tasks);
    return { indexed: docs.length };
  });
}

/**
 * Rebuilds the whole index from Postgres into a fresh index, then swaps it in atomically, so
 * search keeps answering from the old copy meanwhile. Topics changed during the rebuild are
 * queued again afterwards (their jobs may have written to the old copy).
 */
export async function reindexAllPosts({
  batchTopics = 500,
  log = (_: string) => {},
}: { batchTopics?: number; log?: (m: string) => void } = {}) {
  const client = requireClient();
  const started = new Date();
  const t0 = Date.now();
  const live = postsIndexUid();
  const temp = await prepareRebuild(client, live, ensurePostsIndex, started);
  log(`settings applied to ${temp}`);

  let afterId = 0;
  let topics = 0;
  let posts = 0;
  const pending: number[] = [];
  for (;;) {
    const batch = await loadTopics(db, { afterId, limit: batchTopics });
    if (!batch.length) break;
    afterId = batch[batch.length - 1].id;
    const byId = new Map(batch.map((t) => [t.id, t] as const));
    const docs = (
      await loadPosts(
        db,
        batch.map((t) => t.id),
      )
    ).map((p) => toDocument(byId.get(p.topic_id)!, p));
    topics += batch.length;
    posts += docs.length;
    if (docs.length)
      pending.push((await client.index<PostDocument>(temp).addDocuments(docs, { primaryKey: "id" })).taskUid);
    // back-pressure: keep at most a few batches queued in Meilisearch
    if (pending.length > 4) await waitFor(client, pending.shift()!, 600_000);
    log(`${topics} topics, ${posts} posts sent`);
  }
  await swapInRebuilt(client, live, temp, pending);

  const requeued = await requeueSince(db, "search.topic", "topicId", started);
  const seconds = (Date.now() - t0) / 1000;
  log(
    `done: ${topics} topics, ${posts} posts in ${seconds.toFixed(1)} s; ${requeued} topics changed meanwhile ` +
      `queued again`,
  );
  return { topics, posts, seconds, requeued };
}
