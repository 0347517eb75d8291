// Writing posts: new topics, replies, edits (with revisions), withdrawal and restore. Each change
// validates, then one transaction for the post and every counter, then jobs after commit.
import { sql } from "kysely";
import { db, transaction, type Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { canEditPost, canReply, canSeeTopic, canStartTopic, isModerator, type Scope } from "../permissions.server";
import { recordAudit } from "../moderation/audit.server";
import { getCategoryBySlug, recountCategory } from "./category.server";
import { draftKey } from "./draft.server";
import { checkDailyCap, checkPostingLimits, loadAuthor, sanctionRefusal } from "./limits.server";
import { renderPostBody } from "./render.server";
import { linkPostUploads } from "./uploads.server";
import { RENDER_VERSION } from "../../markdown/index.server";
import { fail, ok } from "../shared/result";
import { getLimits } from "../moderation/settings.server";
import { slugify } from "../shared/slug";
import { BODY_MAX, TITLE_MAX, TITLE_MIN } from "./topic.schema";
import { MESSAGES_CATEGORY } from "./messages.schema";
import { lockTopic, topicUrl } from "./topic.server";
import { postUrl } from "../moderation/moderated.server";
import {
  announcePost,
  insertPost,
  lockAuthorForPosting,
  refreshTopicStats,
  tellAuthor,
  topicPostersSql,
} from "./post-steps.server";
import { markTopicRead } from "./topic-tracking.server";
import { trackOnReply, watchTopicAsAuthor } from "./watching.server";

export async function listTagSlugs(trx: Db): Promise<string[]> {
  return (await trx.selectFrom("competencies").select("slug").orderBy("position").execute()).map((r) => r.slug);
}

type NewTopic = {
  scope: Scope;
  categorySlug: string;
  title: string;
  body: string;
  tags: string[];
  participantIds?: number[];
  /** "private_message": a personal message (messages.server.ts), out of every list by being unlisted */
  archetype?: "private_message";
  /** the opening post is the programme's act, not the author's posting: no posting limits */
  skipLimits?: boolean;
  /** the composer form's key: a repeated submit finds the post it made; the composer's draft goes */
  submissionKey?: string;
};

/**
 * `conn`: `db`, or the caller's transaction for a thread opened as part of another change (a
 * mentorship); given `db`, the topic is made in a transaction of its own.
 */
export async function createTopic(
  conn: Db,
  {
    scope,
    categorySlug,
    title,
    body,
    tags,
    participantIds = [],
    archetype,
    skipLimits = false,
    submissionKey,
  }: NewTopic,
) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const category = await getCategoryBySlug(categorySlug);
  if (!category || category.archived_at || (category.see_rule !== "participants" && !canStartTopic(scope, category))) {
    return fail(422, "composer.errors.category", { category: "composer.errors.category" });
  }
  // the messages category holds personal messages only, and they live nowhere else
  if ((category.slug === MESSAGES_CATEGORY) !== (archetype === "private_message"))
    return fail(422, "composer.errors.category", { category: "composer.errors.category" });
  if (category.see_rule === "participants" && !(scope.isStaff || participantIds.length))
    return fail(422, "composer.errors.category", { category: "composer.errors.category" });
  const uniqueTags = [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
  const known = new Set(await listTagSlugs(db));
  if (uniqueTags.some((t) => !known.has(t)))
    return fail(422, "composer.errors.unknownTag", { tags: "composer.errors.unknownTag" });
  const userId = scope.userId;
  const inTransaction = <T>(fn: (trx: Db) => Promise<T>) => (conn.isTransaction ? fn(conn) : transaction(fn));
  // Rendered once, before any row is locked; the limits count from the same parse.
  const rendered = await renderPostBody(conn, body, scope);
  if (!rendered.ok) return rendered;
  const { html, analysis, mentionedUserIds, uploadIds } = rendered;

  return inTransaction(async (trx) => {
    const repeat = await lockAuthorForPosting(trx, userId, submissionKey);
    if (repeat) return repeat;
    const author = await loadAuthor(trx, userId, scope.isStaff);
    const refused = skipLimits ? undefined : await checkPostingLimits(trx, author, "topic", body, analysis);
    if (refused) return refused;
    const now = new Date();
    const topic = await trx
      .insertInto("topics")
      .values({
        category_id: category.id,
        user_id: userId,
        title,
        slug: slugify(title),
        tags: uniqueTags,
        highest_post_number: 1,
        last_posted_at: now,
        last_poster_id: userId,
        poster_ids: [userId],
        bumped_at: now,
        created_at: now,
        ...(archetype ? { archetype, unlisted: true } : {}),
      })
      .returning(["id", "slug"])
      .executeTakeFirstOrThrow();
    const post = await insertPost(trx, {
      topicId: topic.id,
      userId,
      postNumber: 1,
      replyTo: undefined,
      body,
      html,
      at: now,
      submissionKey,
      uploadIds,
    });
    const allowed = [...new Set([userId, ...participantIds])];
    if (category.see_rule === "participants") {
      await trx
        .insertInto("topic_allowed_users")
        .values(allowed.map((user_id) => ({ topic_id: topic.id, user_id })))
        .execute();
    }
    await trx
      .insertInto("topic_reads")
      .values({ user_id: userId, topic_id: topic.id, last_read_post_number: 1 })
      .execute();
    await watchTopicAsAuthor(trx, userId, topic.id);
    await trx
      .updateTable("categories")
      .set({ topic_count: sql`topic_count + 1`, post_count: sql`post_count + 1` })
      .where("id", "=", category.id)
      .execute();
    // a tagged topic is evidence of the author's competency claims (competency-evidence.server.ts)
    if (uniqueTags.length) await enqueue(trx, "profile.reindex", { userId });
    await announcePost(trx, scope, {
      seeRule: category.see_rule,
      topicId: topic.id,
      postId: post.id,
      postNumber: 1,
      at: now,
      mentionedUserIds,
      submissionKey,
      draft: draftKey(),
    });
    return ok({ topicId: topic.id, postId: post.id, postNumber: 1, url: topicUrl(topic) });
  });
}

type NewReply = { scope: Scope; topicId: number; body: string; replyTo?: number; submissionKey?: string };

export async function createReply({ scope, topicId, body, replyTo, submissionKey }: NewReply) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  const rendered = await renderPostBody(db, body, scope);
  if (!rendered.ok) return rendered;
  const { html, analysis, mentionedUserIds, uploadIds } = rendered;
  return transaction(async (trx) => {
    const repeat = await lockAuthorForPosting(trx, userId, submissionKey);
    if (repeat) return repeat;
    // The topic row lock hands out post numbers one at a time: no gap, no duplicate.
    const topic = await lockTopic(trx, topicId, userId);
    if (!topic || !canSeeTopic(scope, topic)) return fail(404, "topic.notFound");
    if (topic.deleted_at) return fail(409, "composer.errors.deleted");
    if (topic.archived_at || topic.category.archived_at) return fail(409, "composer.errors.archived");
    if (topic.closed_at && !scope.isStaff) return fail(409, "composer.errors.closed");
    if (!canReply(scope, topic)) return fail(403, "composer.errors.cannotReply");
    if (replyTo !== undefined) {
      const target = await trx
        .selectFrom("posts")
        .select("id")
        .where("topic_id", "=", topicId)
        .where("post_number", "=", replyTo)
        .executeTakeFirst();
      if (!target) replyTo = undefined;
    }
    const author = await loadAuthor(trx, userId, scope.isStaff);
    const refused = await checkPostingLimits(trx, author, "reply", body, analysis);
    if (refused) return refused;
    const postNumber = topic.highest_post_number + 1;
    const now = new Date();
    const post = await insertPost(trx, {
      topicId,
      userId,
      postNumber,
      replyTo,
      body,
      html,
      at: now,
      submissionKey,
      uploadIds,
    });
    await trx
      .updateTable("topics")
      .set({
        highest_post_number: postNumber,
        reply_count: sql`reply_count + 1`,
        last_posted_at: now,
        last_poster_id: userId,
        bumped_at: now,
        poster_ids: topicPostersSql(topicId),
      })
      .where("id", "=", topicId)
      .execute();
    await trx
      .updateTable("categories")
      .set({ post_count: sql`post_count + 1` })
      .where("id", "=", topic.category_id)
      .execute();
    await markRead(trx, userId, topicId, postNumber);
    await trackOnReply(trx, userId, topicId);
    await announcePost(trx, scope, {
      seeRule: topic.category.see_rule,
      topicId,
      postId: post.id,
      postNumber,
      at: now,
      mentionedUserIds,
      submissionKey,
      draft: draftKey(topicId),
    });
    return ok({ topicId, postId: post.id, postNumber, url: postUrl(topic, postNumber) });
  });
}

export async function markRead(trx: Db, userId: number, topicId: number, postNumber: number) {
  await markTopicRead(trx, userId, topicId, postNumber);
}

async function loadPostForChange(trx: Db, postId: number) {
  const post = await trx
    .selectFrom("posts")
    .innerJoin("topics", "topics.id", "posts.topic_id")
    .select([
      "posts.id",
      "posts.topic_id",
      "posts.user_id",
      "posts.post_number",
      "posts.body_markdown",
      "posts.deleted_at",
      "posts.deleted_by",
      "posts.hidden_at",
      "posts.revision_count",
      "topics.title",
      "topics.category_id",
      "topics.deleted_at as topic_deleted_at",
      "topics.archived_at as topic_archived_at",
    ])
    .where("posts.id", "=", postId)
    .forUpdate("posts")
    .executeTakeFirst();
  return post;
}

async function topicForPermission(trx: Db, topicId: number, userId: number | null) {
  const topic = await lockTopic(trx, topicId, userId, { lock: false });
  return topic;
}

type EditPost = { scope: Scope; postId: number; body: string; title?: string };

/** Edits keep every version: a revision row per change, viewable with a diff. */
export async function editPost({ scope, postId, body, title }: EditPost) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  if (body.length > BODY_MAX) return fail(422, "composer.errors.bodyLong", { body: "composer.errors.bodyLong" });
  const rendered = await renderPostBody(db, body, scope);
  if (!rendered.ok) return rendered;
  const { html, uploadIds } = rendered;
  return transaction(async (trx) => {
    const post = await loadPostForChange(trx, postId);
    const topic = post && (await topicForPermission(trx, post.topic_id, userId));
    if (!post || !topic || !canSeeTopic(scope, topic)) return fail(404, "post.notFound");
    if (!canEditPost(scope, post, topic.category)) return fail(403, "post.errors.notYours");
    if (topic.archived_at && !isModerator(scope, topic.category)) return fail(409, "composer.errors.archived");
    const author = await loadAuthor(trx, userId, scope.isStaff);
    const sanction = sanctionRefusal(author);
    if (sanction && !scope.isStaff) return sanction;
    if (!scope.isStaff) {
      const capped = await checkDailyCap(trx, {
        table: "post_revisions",
        userId,
        max: (await getLimits(trx)).everyone.editsPerDay,
        message: "limits.editsPerDay",
      });
      if (capped) return capped;
    }
    const newTitle = post.post_number === 1 && title !== undefined && title !== topic.title ? title : undefined;
    if (newTitle !== undefined && (newTitle.length < TITLE_MIN || newTitle.length > TITLE_MAX))
      return fail(422, "composer.errors.titleShort", { title: "composer.errors.titleShort" });
    if (body === post.body_markdown && newTitle === undefined)
      return ok({ changed: false, url: postUrl(topic, post.post_number) });
    const number = post.revision_count + 1;
    await trx
      .insertInto("post_revisions")
      .values({
        post_id: post.id,
        number,
        user_id: userId,
        previous_markdown: post.body_markdown,
        next_markdown: body,
        previous_title: newTitle !== undefined ? topic.title : null,
        next_title: newTitle ?? null,
      })
      .execute();
    await trx
      .updateTable("posts")
      .set({
        body_markdown: body,
        body_html: html,
        render_version: RENDER_VERSION,
        revision_count: number,
        edited_at: new Date(),
      })
      .where("id", "=", post.id)
      .execute();
    await linkPostUploads(trx, post.id, uploadIds);
    if (newTitle !== undefined)
      await trx
        .updateTable("topics")
        .set({ title: newTitle, slug: slugify(newTitle) })
        .where("id", "=", topic.id)
        .execute();
    if (post.user_id !== userId) {
      await recordAudit(trx, {
        actorId: userId,
        action: "post.edit",
        targetType: "post",
        targetId: post.id,
        before: { body: post.body_markdown },
        after: { body },
      });
      await tellAuthor(trx, post, "edited", userId);
    }
    await enqueue(trx, "search.topic", { topicId: topic.id });
    const slug = newTitle ? slugify(newTitle) : topic.slug;
    return ok({ changed: true, url: postUrl({ id: topic.id, slug }, post.post_number) });
  });
}

/** Withdrawn by the author, or deleted by staff; the first post takes its topic with it. */
export async function deletePost({ scope, postId }: { scope: Scope; postId: number }) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  return transaction(async (trx) => {
    const post = await loadPostForChange(trx, postId);
    const topic = post && (await lockTopic(trx, post.topic_id, userId));
    if (!post || !topic || !canSeeTopic(scope, topic)) return fail(404, "post.notFound");
    if (!canEditPost(scope, post, topic.category)) return fail(403, "post.errors.notYours");
    if (post.deleted_at) return ok({ url: topicUrl(topic) });
    const now = new Date();
    await trx.updateTable("posts").set({ deleted_at: now, deleted_by: userId }).where("id", "=", post.id).execute();
    if (post.post_number === 1) {
      await trx.updateTable("topics").set({ deleted_at: now, deleted_by: userId }).where("id", "=", topic.id).execute();
    } else {
      await refreshTopicStats(trx, topic.id);
    }
    await recountCategory(trx, topic.category_id);
    if (post.user_id !== userId) {
      await recordAudit(trx, { actorId: userId, action: "post.delete", targetType: "post", targetId: post.id });
      await tellAuthor(trx, post, "deleted", userId);
    }
    await enqueue(trx, "search.topic", { topicId: topic.id });
    return ok({ url: post.post_number === 1 ? `/c/${topic.category.slug}` : topicUrl(topic) });
  });
}

/** Undoes a withdrawal (the author, for their own) or a staff deletion (staff only). */
export async function restorePost({ scope, postId }: { scope: Scope; postId: number }) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  return transaction(async (trx) => {
    const post = await loadPostForChange(trx, postId);
    const topic = post && (await lockTopic(trx, post.topic_id, userId));
    if (!post || !topic || !canSeeTopic(scope, topic)) return fail(404, "post.notFound");
    const mod = isModerator(scope, topic.category);
    if (!mod && !(post.user_id === userId && post.deleted_by === userId)) return fail(403, "post.errors.notYours");
    await trx.updateTable("posts").set({ deleted_at: null, deleted_by: null }).where("id", "=", post.id).execute();
    if (post.post_number === 1)
      await trx.updateTable("topics").set({ deleted_at: null, deleted_by: null }).where("id", "=", topic.id).execute();
    await refreshTopicStats(trx, topic.id);
    await recountCategory(trx, topic.category_id);
    if (mod && post.user_id !== userId)
      await recordAudit(trx, { actorId: userId, action: "post.restore", targetType: "post", targetId: post.id });
    await enqueue(trx, "search.topic", { topicId: topic.id });
    return ok({ url: postUrl(topic, post.post_number) });
  });
}
