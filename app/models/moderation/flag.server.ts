// Flags and the review queue. A member flags a post they can read; after `flagsToHide` open flags
// from distinct members the post is hidden pending review. Staff (and tutors of a group's
// category) agree, disagree or ignore; every step is in the audit log.
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { canSeeTopic, isModerator, type Scope } from "../permissions.server";
import { recordAudit } from "./audit.server";
import { listAllCategories, recountCategory } from "../forum/category.server";
import { checkDailyCap, checkSanction } from "../forum/limits.server";
import { refreshTopicStats } from "../forum/post-steps.server";
import { fail, ok } from "../shared/result";
import { refused } from "../shared/forms.server";
import { getLimits } from "./settings.server";
import { FLAG_REASONS, FlagSchema, REVIEW_DECISIONS, type FlagReason, type ReviewDecision } from "./moderation.schema";
import { lockTopic } from "../forum/topic.server";
import { moderatedPost, postUrl, resolveOpenFlags, tellAuthors } from "./moderated.server";

export { FLAG_REASONS, REVIEW_DECISIONS, type FlagReason, type ReviewDecision };

/**
 * A post the viewer may read (not deleted, not hidden unless they moderate or wrote it), with its
 * topic. With `anyState`, a post in a topic they can see whatever its state (for links back to it).
 */
export async function getReadablePost(trx: Db, scope: Scope, postId: number, { lock = false, anyState = false } = {}) {
  let q = trx
    .selectFrom("posts")
    .select([
      "id",
      "topic_id",
      "user_id",
      "post_number",
      "body_html",
      "body_markdown",
      "deleted_at",
      "deleted_by",
      "hidden_at",
      "hidden_reason",
      "revision_count",
    ])
    .where("id", "=", postId);
  if (lock) q = q.forUpdate();
  const post = await q.executeTakeFirst();
  if (!post) return undefined;
  const topic = await lockTopic(trx, post.topic_id, scope.userId, { lock: false });
  if (!topic || !canSeeTopic(scope, topic)) return undefined;
  const moderator = isModerator(scope, topic.category);
  const own = !!scope.userId && post.user_id === scope.userId;
  const readable = (!post.deleted_at && !post.hidden_at) || moderator || (own && !post.deleted_at);
  if (!readable && !anyState) return undefined;
  return {
    post,
    topic,
    moderator,
    own,
    readable,
    url: postUrl(topic, post.post_number),
  };
}

type FlagInput = { scope: Scope; postId: number; reason: FlagReason; note?: string };

export async function flagPost({ scope, postId, reason, note }: FlagInput) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  const parsed = FlagSchema.safeParse({ reason, note });
  if (!parsed.success) return refused(422, parsed.error);
  return db.transaction().execute(async (trx) => {
    // The post row lock counts flags one at a time: exactly one flag crosses the threshold.
    const found = await getReadablePost(trx, scope, postId, { lock: true });
    if (!found || found.post.deleted_at) return fail(404, "post.notFound");
    const { post, topic } = found;
    if (post.user_id === userId) return fail(422, "moderation.flag.errors.own");
    if (post.hidden_at) return fail(409, "moderation.flag.errors.hidden");
    const sanction = await checkSanction(trx, userId, "flag");
    if (sanction) return sanction;
    const limits = await getLimits(trx);
    const capped = await checkDailyCap(trx, {
      table: "flags",
      userId,
      max: limits.everyone.flagsPerDay,
      message: "limits.flagsPerDay",
    });
    if (capped) return capped;
    const inserted = await trx
      .insertInto("flags")
      .values({ post_id: post.id, user_id: userId, reason: parsed.data.reason, note: parsed.data.note ?? null })
      .onConflict((oc) => oc.columns(["post_id", "user_id"]).where("resolved_at", "is", null).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) return fail(409, "moderation.flag.errors.twice");
    await recordAudit(trx, {
      actorId: userId,
      action: "post.flag",
      targetType: "post",
      targetId: post.id,
      after: { reason: parsed.data.reason, note: parsed.data.note ?? null },
    });

    const { n } = await trx
      .selectFrom("flags")
      .select(sql<number>`count(distinct user_id)::int`.as("n"))
      .where("post_id", "=", post.id)
      .where("resolved_at", "is", null)
      .executeTakeFirstOrThrow();
    let hidden = false;
    if (n >= limits.flagsToHide) {
      hidden = true;
      await trx
        .updateTable("posts")
        .set({ hidden_at: new Date(), hidden_reason: "flags" })
        .where("id", "=", post.id)
        .execute();
      await recordAudit(trx, {
        actorId: null,
        action: "post.autohide",
        targetType: "post",
        targetId: post.id,
        after: { flags: n },
      });
      if (post.user_id)
        await enqueue(trx, "post.moderated", {
          postId: post.id,
          userId: post.user_id,
          action: "hidden",
          actorId: userId,
          jobKey: `hidden:${post.id}:${inserted.id}`,
        });
      await enqueue(trx, "search.topic", { topicId: topic.id });
    }
    return ok({ flagId: inserted.id, hidden, url: found.url });
  });
}

/** Category ids a viewer reviews flags in: all for staff, their groups' categories for tutors. */
async function reviewableCategoryIds(scope: Scope): Promise<number[] | "all"> {
  if (scope.isStaff) return "all";
  return (await listAllCategories()).filter((c) => isModerator(scope, c)).map((c) => c.id);
}

export async function canReview(scope: Scope) {
  const ids = await reviewableCategoryIds(scope);
  return ids === "all" || ids.length > 0;
}

/** The review queue: posts with open flags, oldest flag first, with their flags. */
export async function listReviewQueue({ scope, limit = 50 }: { scope: Scope; limit?: number }) {
  const ids = await reviewableCategoryIds(scope);
  if (ids !== "all" && !ids.length) return [];
  let q = db
    .selectFrom("flags")
    .innerJoin("posts", "posts.id", "flags.post_id")
    .innerJoin("topics", "topics.id", "posts.topic_id")
    .leftJoin("users as author", "author.id", "posts.user_id")
    .select([
      "posts.id",
      "posts.post_number",
      "posts.body_html",
      "posts.hidden_at",
      "posts.deleted_at",
      "posts.created_at",
      "topics.id as topic_id",
      "topics.slug",
      "topics.title",
      "author.username",
      "author.display_name",
    ])
    .select(sql<Date>`min(flags.created_at)`.as("first_flag_at"))
    .where("flags.resolved_at", "is", null)
    .groupBy(["posts.id", "topics.id", "author.id"])
    .orderBy(sql`min(flags.created_at)`)
    .limit(limit);
  if (ids !== "all") q = q.where("topics.category_id", "in", ids);
  const posts = await q.execute();
  if (!posts.length) return [];
  const flags = await db
    .selectFrom("flags")
    .innerJoin("users", "users.id", "flags.user_id")
    .select([
      "flags.id",
      "flags.post_id",
      "flags.reason",
      "flags.note",
      "flags.created_at",
      "users.username",
      "users.display_name",
    ])
    .where("flags.resolved_at", "is", null)
    .where(
      "flags.post_id",
      "in",
      posts.map((p) => p.id),
    )
    .orderBy("flags.created_at")
    .execute();
  return posts.map((p) => ({
    ...p,
    url: postUrl({ id: p.topic_id, slug: p.slug }, p.post_number),
    flags: flags.filter((f) => f.post_id === p.id),
  }));
}

export async function countOpenFlags({ scope }: { scope: Scope }) {
  const ids = await reviewableCategoryIds(scope);
  if (ids !== "all" && !ids.length) return 0;
  let q = db
    .selectFrom("flags")
    .innerJoin("posts", "posts.id", "flags.post_id")
    .innerJoin("topics", "topics.id", "posts.topic_id")
    .select(sql<number>`count(distinct flags.post_id)::int`.as("n"))
    .where("flags.resolved_at", "is", null);
  if (ids !== "all") q = q.where("topics.category_id", "in", ids);
  return (await q.executeTakeFirstOrThrow()).n;
}

/**
 * Agree (the post stays hidden, or is deleted), disagree (the post comes back) or ignore (nothing
 * changes). Either way the open flags on the post are resolved.
 */
export async function reviewFlags({
  scope,
  postId,
  decision,
}: {
  scope: Scope;
  postId: number;
  decision: ReviewDecision;
}) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  if (!REVIEW_DECISIONS.includes(decision)) return fail(422, "review.errors.decision");
  return db.transaction().execute(async (trx) => {
    const found = await moderatedPost(trx, scope, postId);
    if (!found) return fail(404, "post.notFound");
    const { post, topic } = found;
    const resolved = await resolveOpenFlags(trx, post.id, userId, decision);
    if (!resolved.length) return fail(409, "review.errors.nothingOpen");
    const now = new Date();
    let action: string | undefined;
    if (decision === "agree" && !post.hidden_at) {
      await trx
        .updateTable("posts")
        .set({ hidden_at: now, hidden_reason: "flags" })
        .where("id", "=", post.id)
        .execute();
      action = "hidden";
    } else if (decision === "agree_delete" && !post.deleted_at) {
      await trx.updateTable("posts").set({ deleted_at: now, deleted_by: userId }).where("id", "=", post.id).execute();
      if (post.post_number === 1)
        await trx
          .updateTable("topics")
          .set({ deleted_at: now, deleted_by: userId })
          .where("id", "=", topic.id)
          .execute();
      else await refreshTopicStats(trx, topic.id);
      await recountCategory(trx, topic.category_id);
      action = "deleted";
    } else if (decision === "disagree" && post.hidden_at) {
      await trx.updateTable("posts").set({ hidden_at: null, hidden_reason: null }).where("id", "=", post.id).execute();
      action = "restored";
    }
    await recordAudit(trx, {
      actorId: userId,
      action: `flag.${decision}`,
      targetType: "post",
      targetId: post.id,
      before: { hidden: !!post.hidden_at, deleted: !!post.deleted_at },
      after: { flags: resolved.map((r) => r.id) },
    });
    if (action) {
      await tellAuthors(trx, [post], { actorId: userId, action, jobKey: (id) => `review:${id}:${resolved[0].id}` });
      await enqueue(trx, "search.topic", { topicId: topic.id });
    }
    return ok({ resolved: resolved.length, url: postUrl(topic, post.post_number) });
  });
}
