// Watching levels, as in Discourse: per topic and per category, a member is watching (told of every
// post), tracking (unread counts, told when spoken to), normal, or muted (told of nothing; a muted
// category's topics leave /latest). A topic's own level wins over its category's. Push, digests and mail
// all ask `wantsNotification`.
import { sql } from "kysely";
import { z } from "zod";
import type { WatchLevel } from "../../../db/schema";
import { db, type Db } from "../../db.server";
import { canSeeCategory, canSeeTopic, type Scope } from "../permissions.server";
import { fail, ok } from "../shared/result";
import { getCategoryById } from "./category.server";
export { mutedCategoryIds } from "./category.server";
import { lockTopic } from "./topic.server";
import { watchLevelSql } from "./watch-level.server";

export const WATCH_LEVELS = ["watching", "tracking", "normal", "muted"] as const satisfies readonly WatchLevel[];
export const WatchLevelSchema = z.enum(WATCH_LEVELS);
export type { WatchLevel };

/** The member's level in a topic: the topic's own, else its category's, else normal. */
export async function watchLevelOf(trx: Db, userId: number, topicId: number): Promise<WatchLevel> {
  const row = await sql<{ level: WatchLevel | null }>`select ${watchLevelSql(userId, topicId)} as level`.execute(trx);
  return row.rows[0]?.level ?? "normal";
}

export async function setTopicWatch({ scope, topicId, level }: { scope: Scope; topicId: number; level: WatchLevel }) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const topic = await lockTopic(db, topicId, scope.userId, { lock: false });
  if (!topic || topic.deleted_at || !canSeeTopic(scope, topic)) return fail(404, "topic.notFound");
  await db
    .insertInto("topic_watches")
    .values({ user_id: scope.userId, topic_id: topicId, level })
    .onConflict((oc) => oc.columns(["user_id", "topic_id"]).doUpdateSet({ level }))
    .execute();
  return ok({ level });
}

export async function getCategoryWatch({ userId, categoryId }: { userId: number; categoryId: number }) {
  const row = await db
    .selectFrom("category_watches")
    .select("level")
    .where("user_id", "=", userId)
    .where("category_id", "=", categoryId)
    .executeTakeFirst();
  return { level: row?.level ?? "normal" };
}

export async function setCategoryWatch({
  scope,
  categoryId,
  level,
}: {
  scope: Scope;
  categoryId: number;
  level: WatchLevel;
}) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const category = await getCategoryById(categoryId);
  if (!category || !canSeeCategory(scope, category)) return fail(404, "errors.notFound");
  await db
    .insertInto("category_watches")
    .values({ user_id: scope.userId, category_id: categoryId, level })
    .onConflict((oc) => oc.columns(["user_id", "category_id"]).doUpdateSet({ level }))
    .execute();
  return ok({ level });
}

/** A member who replies tracks the topic, unless they already chose a level for it. */
export async function trackOnReply(trx: Db, userId: number, topicId: number) {
  await trx
    .insertInto("topic_watches")
    .values({ user_id: userId, topic_id: topicId, level: "tracking" })
    .onConflict((oc) => oc.columns(["user_id", "topic_id"]).doNothing())
    .execute();
}

/** A topic's author watches it, as in Discourse. */
export async function watchTopicAsAuthor(trx: Db, userId: number, topicId: number) {
  await trx.insertInto("topic_watches").values({ user_id: userId, topic_id: topicId, level: "watching" }).execute();
}

/** Members watching a topic (its own level, or its category's with no level of their own for the topic). */
export async function listTopicWatchers(trx: Db, topicId: number): Promise<number[]> {
  const { rows } = await sql<{ user_id: number }>`
    select w.user_id from topic_watches w where w.topic_id = ${topicId} and w.level = 'watching'
    union
    select c.user_id from category_watches c join topics t on t.category_id = c.category_id
    where t.id = ${topicId} and c.level = 'watching'
      and not exists (select 1 from topic_watches o where o.topic_id = t.id and o.user_id = c.user_id)`.execute(trx);
  return rows.map((r) => r.user_id);
}

/**
 * Whether a member wants to hear of something about a topic, by push, mail or digest: nothing from a
 * muted topic (or category); a new post only when watching; what speaks to them (reply, mention,
 * quote...) unless muted. Without a topic, the kind's own setting decides (asked elsewhere).
 */
export async function wantsNotification(
  userId: number,
  kind: "posted" | "reply" | "mention" | "quote" | "like" | "moderation" | string,
  topicId?: number | null,
  trx: Db = db,
): Promise<boolean> {
  if (!topicId) return true;
  const level = await watchLevelOf(trx, userId, topicId);
  // staff acting on their post, and a reminder they set themselves, still reach them
  if (level === "muted") return kind === "moderation" || kind === "reminder";
  if (kind === "posted") return level === "watching";
  return true;
}
