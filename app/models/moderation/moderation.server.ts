// Staff actions on posts, topics and members. Each one checks the moderator, changes the rows and
// their counters, writes the audit row and queues its side effects, all in one transaction.
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { canSeeTopic, isModerator, type Scope } from "../permissions.server";
import { isFail, moderatedPost, moderatedTopic, postUrl, resolveOpenFlags, tellAuthors } from "./moderated.server";
import type { Viewer } from "../../viewer.server";
import { recordAudit } from "./audit.server";
import { getCategoryBySlug, recountCategory } from "../forum/category.server";
import { MESSAGES_CATEGORY } from "../forum/messages.schema";
import { refreshTopicStats } from "../forum/post.server";
import { SanctionSchema, SplitSchema, TOPIC_ACTIONS, type SanctionKind, type TopicAction } from "./moderation.schema";
import { fail, ok, type Result } from "../shared/result";
import { refused } from "../shared/forms.server";
import { slugify } from "../shared/slug";
import { lockTopic, topicUrl, type TopicRow } from "../forum/topic.server";

// ---- posts ---------------------------------------------------------------------------------

/** What the moderation page of a post needs: the post, its topic and the other posts to pick from. */
export async function getPostForModeration({ scope, postId }: { scope: Scope; postId: number }) {
  const post = await db
    .selectFrom("posts")
    .leftJoin("users", "users.id", "posts.user_id")
    .select([
      "posts.id",
      "posts.topic_id",
      "posts.post_number",
      "posts.body_html",
      "posts.deleted_at",
      "posts.hidden_at",
      "posts.hidden_reason",
      "users.username",
      "users.display_name",
    ])
    .where("posts.id", "=", postId)
    .executeTakeFirst();
  if (!post) return undefined;
  const topic = await lockTopic(db, post.topic_id, scope.userId, { lock: false });
  if (!topic || !canSeeTopic(scope, topic) || !isModerator(scope, topic.category)) return undefined;
  const others = await db
    .selectFrom("posts")
    .leftJoin("users", "users.id", "posts.user_id")
    .select(["posts.id", "posts.post_number", "users.display_name", "posts.deleted_at"])
    .where("posts.topic_id", "=", topic.id)
    .where("posts.post_number", ">", 1)
    .orderBy("posts.post_number")
    .limit(200)
    .execute();
  return { post, topic, others, url: postUrl(topic, post.post_number) };
}

async function setHidden({
  scope,
  postId,
  hide,
  reason,
}: {
  scope: Scope;
  postId: number;
  hide: boolean;
  reason?: string;
}) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  return db.transaction().execute(async (trx) => {
    const found = await moderatedPost(trx, scope, postId);
    if (!found) return fail(404, "post.notFound");
    const { post, topic } = found;
    const url = postUrl(topic, post.post_number);
    if (!!post.hidden_at === hide) return ok({ url });
    await trx
      .updateTable("posts")
      .set(
        hide
          ? { hidden_at: new Date(), hidden_reason: reason?.slice(0, 500) || "staff" }
          : { hidden_at: null, hidden_reason: null },
      )
      .where("id", "=", post.id)
      .execute();
    // Unhiding by hand settles the open flags too: the review queue would otherwise still list it.
    if (!hide) await resolveOpenFlags(trx, post.id, userId, "disagree");
    await recordAudit(trx, {
      actorId: userId,
      action: hide ? "post.hide" : "post.unhide",
      targetType: "post",
      targetId: post.id,
      after: hide ? { reason: reason ?? null } : undefined,
    });
    const action = hide ? "hidden" : "restored";
    await tellAuthors(trx, [post], {
      actorId: userId,
      action,
      jobKey: (id) => `${hide ? "hide" : "unhide"}:${id}:${Date.now()}`,
    });
    await enqueue(trx, "search.topic", { topicId: topic.id });
    return ok({ url });
  });
}

export const hidePost = (a: { scope: Scope; postId: number; reason?: string }) => setHidden({ ...a, hide: true });
export const unhidePost = (a: { scope: Scope; postId: number }) => setHidden({ ...a, hide: false });

type MovedPost = { id: number; post_number: number; reply_to_post_number: number | null; user_id: number | null };

/**
 * Gives posts new homes: numbered from `start` in their old order, replies re-pointed when the
 * post they answer moves with them. Likes, revisions and bookmarks hang off the post id, so they
 * follow; notifications are pointed at the new place.
 */
async function relocatePosts(
  trx: Db,
  posts: MovedPost[],
  target: { id: number; slug: string; title: string },
  start: number,
) {
  const sorted = [...posts].sort((a, b) => a.post_number - b.post_number);
  const numbers = new Map(sorted.map((p, i) => [p.post_number, start + i] as const));
  for (let i = 0; i < sorted.length; i += 500) {
    const chunk = sorted.slice(i, i + 500);
    const values = sql.join(
      chunk.map(
        (p) => sql`(${p.id}::int, ${numbers.get(p.post_number)!}::int,
              ${p.reply_to_post_number != null ? (numbers.get(p.reply_to_post_number) ?? null) : null}::int)`,
      ),
    );
    await sql`
      update posts p set topic_id = ${target.id}, post_number = v.n, reply_to_post_number = v.r
      from (values ${values}) as v(id, n, r) where p.id = v.id`.execute(trx);
    await sql`
      update notifications x set topic_id = ${target.id},
        data = x.data || jsonb_build_object('slug', ${target.slug}::text, 'title', ${target.title}::text, 'postNumber',
          v.n)
      from (values ${values}) as v(id, n, r) where x.post_id = v.id`.execute(trx);
  }
  return numbers;
}

const MOVED_COLUMNS = ["id", "topic_id", "post_number", "reply_to_post_number", "user_id"] as const;

/** Locks replies to move out of one topic: all found, all of one topic, none its first post. */
async function lockReplies(trx: Db, postIds: number[]): Promise<Result<{ posts: MovedPost[]; fromId: number }>> {
  const ids = [...new Set(postIds)];
  const posts = await trx
    .selectFrom("posts")
    .select(MOVED_COLUMNS)
    .where("id", "in", ids)
    .orderBy("id")
    .forUpdate()
    .execute();
  if (posts.length !== ids.length) return fail(404, "post.notFound");
  const fromId = posts[0].topic_id;
  if (posts.some((p) => p.topic_id !== fromId))
    return fail(422, "moderation.errors.sameTopic", { posts: "moderation.errors.sameTopic" });
  if (posts.some((p) => p.post_number === 1))
    return fail(422, "moderation.errors.firstPost", { posts: "moderation.errors.firstPost" });
  return ok({ posts, fromId });
}

/** Posts moved to the end of `to`, numbered after its last one. */
async function appendPosts(trx: Db, posts: MovedPost[], to: TopicRow) {
  const { max } = await trx
    .selectFrom("posts")
    .select(sql<number>`coalesce(max(post_number), 0)::int`.as("max"))
    .where("topic_id", "=", to.id)
    .executeTakeFirstOrThrow();
  return relocatePosts(trx, posts, to, max + 1);
}

/** Who may see a private topic may see where its posts went. */
const copyAllowedUsers = (trx: Db, fromId: number, toId: number) =>
  sql`insert into topic_allowed_users (topic_id, user_id) select ${toId}, user_id
    from topic_allowed_users where topic_id = ${fromId} on conflict do nothing`.execute(trx);

/** A category the moderator may put topics in: theirs, not archived. */
async function moderatedCategory(scope: Scope, slug: string | undefined, fallback?: TopicRow["category"]) {
  // personal messages' home takes conversations only, made as such: no topic is moved into it
  if (slug === MESSAGES_CATEGORY) return undefined;
  const category = slug ? await getCategoryBySlug(slug) : fallback;
  return category && !category.archived_at && isModerator(scope, category) ? category : undefined;
}
const badCategory = () => fail(422, "composer.errors.category", { category: "composer.errors.category" });

/** Locks topics in id order, so two moves between the same topics cannot deadlock. */
async function lockBoth(trx: Db, scope: Scope, a: number, b: number) {
  const [first, second] = a < b ? [a, b] : [b, a];
  const x = await moderatedTopic(trx, scope, first);
  const y = await moderatedTopic(trx, scope, second);
  if (isFail(x) || isFail(y)) return undefined;
  return a < b ? { from: x, to: y } : { from: y, to: x };
}

async function refreshBoth(trx: Db, a: TopicRow, b: { id: number; category_id: number }) {
  await refreshTopicStats(trx, a.id);
  await refreshTopicStats(trx, b.id);
  await recountCategory(trx, a.category_id);
  if (b.category_id !== a.category_id) await recountCategory(trx, b.category_id);
  await enqueue(trx, "search.topic", { topicId: a.id });
  await enqueue(trx, "search.topic", { topicId: b.id });
}

const tellMoved = (trx: Db, posts: MovedPost[], actorId: number) =>
  tellAuthors(trx, posts, { actorId, action: "moved", jobKey: (id) => `moved:${id}:${Date.now()}` });

/** Moves replies (never a topic's first post: that is a merge) to the end of another topic. */
export async function movePosts({ scope, postIds, toTopicId }: { scope: Scope; postIds: number[]; toTopicId: number }) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  if (!postIds.length) return fail(422, "moderation.errors.noPosts", { posts: "moderation.errors.noPosts" });
  return db.transaction().execute(async (trx) => {
    const replies = await lockReplies(trx, postIds);
    if (!replies.ok) return replies;
    const { posts, fromId } = replies;
    if (toTopicId === fromId)
      return fail(422, "moderation.errors.sameTarget", { target: "moderation.errors.sameTarget" });
    const pair = await lockBoth(trx, scope, fromId, toTopicId);
    if (!pair) return fail(404, "moderation.errors.target", { target: "moderation.errors.target" });
    const { from, to } = pair;
    if (to.deleted_at) return fail(422, "moderation.errors.target", { target: "moderation.errors.target" });
    const numbers = await appendPosts(trx, posts, to);
    await refreshBoth(trx, from, to);
    await recordAudit(trx, {
      actorId: userId,
      action: "posts.move",
      targetType: "topic",
      targetId: from.id,
      before: { topicId: from.id, postNumbers: posts.map((p) => p.post_number) },
      after: { topicId: to.id, postNumbers: [...numbers.values()] },
    });
    await tellMoved(trx, posts, userId);
    const first = Math.min(...numbers.values());
    return ok({ url: postUrl(to, first), topicId: to.id });
  });
}

/** Takes replies out into a new topic (same category unless told), numbered from 1. */
export async function splitTopic({
  scope,
  postIds,
  title,
  categorySlug,
}: {
  scope: Scope;
  postIds: number[];
  title: string;
  categorySlug?: string;
}) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  const parsed = SplitSchema.safeParse({ title });
  if (!parsed.success) return refused(422, parsed.error);
  if (!postIds.length) return fail(422, "moderation.errors.noPosts", { posts: "moderation.errors.noPosts" });
  return db.transaction().execute(async (trx) => {
    const replies = await lockReplies(trx, postIds);
    if (!replies.ok) return replies;
    const { posts, fromId } = replies;
    const from = await moderatedTopic(trx, scope, fromId);
    if (isFail(from)) return fail(404, "topic.notFound");
    const category = await moderatedCategory(scope, categorySlug, from.category);
    if (!category) return badCategory();
    const first = [...posts].sort((a, b) => a.post_number - b.post_number)[0];
    const firstRow = await trx
      .selectFrom("posts")
      .select("created_at")
      .where("id", "=", first.id)
      .executeTakeFirstOrThrow();
    const topic = await trx
      .insertInto("topics")
      .values({
        category_id: category.id,
        user_id: first.user_id,
        title: parsed.data.title,
        slug: slugify(parsed.data.title),
        tags: from.tags,
        created_at: firstRow.created_at,
        bumped_at: firstRow.created_at,
        last_posted_at: firstRow.created_at,
      })
      .returning(["id", "slug", "title", "category_id"])
      .executeTakeFirstOrThrow();
    if (category.see_rule === "participants") await copyAllowedUsers(trx, from.id, topic.id);
    await relocatePosts(trx, posts, topic, 1);
    await refreshBoth(trx, from, topic);
    await trx
      .updateTable("topics")
      .set({ bumped_at: sql`last_posted_at` })
      .where("id", "=", topic.id)
      .execute();
    await recordAudit(trx, {
      actorId: userId,
      action: "topic.split",
      targetType: "topic",
      targetId: from.id,
      before: { topicId: from.id, postNumbers: posts.map((p) => p.post_number) },
      after: { topicId: topic.id, title: topic.title },
    });
    await tellMoved(trx, posts, userId);
    return ok({ topicId: topic.id, url: topicUrl(topic) });
  });
}

/** Every post of one topic goes to the end of another; the emptied topic is deleted. */
export async function mergeTopic({
  scope,
  topicId,
  intoTopicId,
}: {
  scope: Scope;
  topicId: number;
  intoTopicId: number;
}) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  if (topicId === intoTopicId)
    return fail(422, "moderation.errors.sameTarget", { target: "moderation.errors.sameTarget" });
  return db.transaction().execute(async (trx) => {
    const pair = await lockBoth(trx, scope, topicId, intoTopicId);
    if (!pair) return fail(404, "moderation.errors.target", { target: "moderation.errors.target" });
    const { from, to } = pair;
    if (to.deleted_at) return fail(422, "moderation.errors.target", { target: "moderation.errors.target" });
    const posts = await trx
      .selectFrom("posts")
      .select(MOVED_COLUMNS)
      .where("topic_id", "=", from.id)
      .orderBy("post_number")
      .forUpdate()
      .execute();
    const numbers = await appendPosts(trx, posts, to);
    if (to.category.see_rule === "participants" && from.category.see_rule === "participants")
      await copyAllowedUsers(trx, from.id, to.id);
    await trx
      .updateTable("topics")
      .set({ deleted_at: new Date(), deleted_by: userId })
      .where("id", "=", from.id)
      .execute();
    await refreshBoth(trx, from, to);
    await recordAudit(trx, {
      actorId: userId,
      action: "topic.merge",
      targetType: "topic",
      targetId: from.id,
      before: { topicId: from.id, title: from.title },
      after: { topicId: to.id, postNumbers: [...numbers.values()] },
    });
    await tellMoved(trx, posts, userId);
    return ok({ url: topicUrl(to), topicId: to.id });
  });
}

// ---- topic states ----------------------------------------------------------------------------

function changesFor(action: TopicAction, now: Date) {
  switch (action) {
    case "close":
      return { closed_at: now };
    case "reopen":
      return { closed_at: null };
    case "pin":
      return { pinned_at: now, pinned_globally: false };
    case "pinGlobally":
      return { pinned_at: now, pinned_globally: true };
    case "unpin":
      return { pinned_at: null, pinned_globally: false };
    case "archive":
      return { archived_at: now };
    case "unarchive":
      return { archived_at: null };
    case "unlist":
      return { unlisted: true };
    case "list":
      return { unlisted: false };
  }
}

export async function updateTopicState({
  scope,
  topicId,
  action,
}: {
  scope: Scope;
  topicId: number;
  action: TopicAction;
}) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  if (!TOPIC_ACTIONS.includes(action)) return fail(422, "moderation.errors.action");
  return db.transaction().execute(async (trx) => {
    const topic = await moderatedTopic(trx, scope, topicId);
    if (isFail(topic)) return topic;
    const set = changesFor(action, new Date());
    const before = Object.fromEntries(Object.keys(set).map((k) => [k, topic[k as keyof typeof topic]]));
    await trx.updateTable("topics").set(set).where("id", "=", topic.id).execute();
    await recordAudit(trx, {
      actorId: userId,
      action: `topic.${action}`,
      targetType: "topic",
      targetId: topic.id,
      before,
      after: set,
    });
    await enqueue(trx, "search.topic", { topicId: topic.id });
    return ok({ url: topicUrl(topic) });
  });
}

export async function changeTopicCategory({
  scope,
  topicId,
  categorySlug,
}: {
  scope: Scope;
  topicId: number;
  categorySlug: string;
}) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  return db.transaction().execute(async (trx) => {
    const topic = await moderatedTopic(trx, scope, topicId);
    if (isFail(topic)) return topic;
    const category = await moderatedCategory(scope, categorySlug);
    if (!category) return badCategory();
    if (category.id === topic.category_id) return ok({ url: topicUrl(topic) });
    await trx.updateTable("topics").set({ category_id: category.id }).where("id", "=", topic.id).execute();
    // A private category is seen topic by topic: the author at least stays on the list.
    if (category.see_rule === "participants" && topic.user_id) {
      await trx
        .insertInto("topic_allowed_users")
        .values({ topic_id: topic.id, user_id: topic.user_id })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await recountCategory(trx, topic.category_id);
    await recountCategory(trx, category.id);
    await recordAudit(trx, {
      actorId: userId,
      action: "topic.category",
      targetType: "topic",
      targetId: topic.id,
      before: { category: topic.category.slug },
      after: { category: category.slug },
    });
    await enqueue(trx, "search.topic", { topicId: topic.id });
    return ok({ url: topicUrl(topic) });
  });
}

// ---- members -------------------------------------------------------------------------------

export async function getMemberForModeration({ scope, username }: { scope: Scope; username: string }) {
  if (!scope.isStaff) return undefined;
  return db
    .selectFrom("users")
    .select(["id", "username", "display_name", "silenced_until", "suspended_until", "sanction_reason", "created_at"])
    .select(
      sql<boolean>`exists (select 1 from user_roles r where r.user_id = users.id and r.role = 'admin')`.as("is_staff"),
    )
    .where(sql`lower(username)`, "=", username.toLowerCase())
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

/** Locks the member whose sanction changes (`deleted`: a deleted account's can still be lifted). */
async function lockSanctioned(trx: Db, userId: number, { deleted }: { deleted: boolean }) {
  let q = trx
    .selectFrom("users")
    .select(["id", "silenced_until", "suspended_until", "sanction_reason"])
    .where("id", "=", userId);
  if (!deleted) q = q.where("deleted_at", "is", null);
  return q.forNoKeyUpdate().executeTakeFirst();
}
type Sanctioned = NonNullable<Awaited<ReturnType<typeof lockSanctioned>>>;
const sanctionOf = (u: Sanctioned) => ({
  silenced_until: u.silenced_until,
  suspended_until: u.suspended_until,
  reason: u.sanction_reason,
});

/** Silence (read, not post) or suspend a member for some days, with a reason they are shown. */
export async function sanctionMember({
  scope,
  userId,
  kind,
  days,
  reason,
}: {
  scope: Scope;
  userId: number;
  kind: SanctionKind;
  days: number;
  reason: string;
}) {
  if (!scope.userId || !scope.isStaff) return fail(404, "moderation.sanction.errors.notFound");
  const actorId = scope.userId;
  const parsed = SanctionSchema.safeParse({ kind, days, reason });
  if (!parsed.success) return refused(422, parsed.error);
  if (userId === actorId) return fail(422, "moderation.sanction.errors.self");
  return db.transaction().execute(async (trx) => {
    const user = await lockSanctioned(trx, userId, { deleted: false });
    if (!user) return fail(404, "moderation.sanction.errors.notFound");
    const staff = await trx
      .selectFrom("user_roles")
      .select("role")
      .where("user_id", "=", userId)
      .where("role", "=", "admin")
      .executeTakeFirst();
    if (staff) return fail(422, "moderation.sanction.errors.staff");
    const until = new Date(Date.now() + parsed.data.days * 86_400_000);
    const set =
      parsed.data.kind === "silence"
        ? { silenced_until: until, sanction_reason: parsed.data.reason }
        : { suspended_until: until, sanction_reason: parsed.data.reason };
    await trx.updateTable("users").set(set).where("id", "=", userId).execute();
    await recordAudit(trx, {
      actorId,
      action: `user.${parsed.data.kind}`,
      targetType: "user",
      targetId: userId,
      before: sanctionOf(user),
      after: { until, reason: parsed.data.reason },
    });
    return ok({ until });
  });
}

export async function liftSanction({ scope, userId }: { scope: Scope; userId: number }) {
  if (!scope.userId || !scope.isStaff) return fail(404, "moderation.sanction.errors.notFound");
  const actorId = scope.userId;
  return db.transaction().execute(async (trx) => {
    const user = await lockSanctioned(trx, userId, { deleted: true });
    if (!user) return fail(404, "moderation.sanction.errors.notFound");
    await trx
      .updateTable("users")
      .set({ silenced_until: null, suspended_until: null, sanction_reason: null })
      .where("id", "=", userId)
      .execute();
    await recordAudit(trx, {
      actorId,
      action: "user.lift",
      targetType: "user",
      targetId: userId,
      before: sanctionOf(user),
    });
    return ok({});
  });
}

export type Sanction = { kind: "silenced" | "suspended"; until: string; reason: string };

/** The sanction a signed-in member is under now, for the banner that tells them why and until when. */
export function viewerSanction(
  viewer: Pick<Viewer, "silencedUntil" | "suspendedUntil" | "sanctionReason"> | null | undefined,
  now = new Date(),
): Sanction | null {
  if (!viewer) return null;
  if (viewer.suspendedUntil && viewer.suspendedUntil > now)
    return { kind: "suspended", until: viewer.suspendedUntil.toISOString(), reason: viewer.sanctionReason ?? "" };
  if (viewer.silencedUntil && viewer.silencedUntil > now)
    return { kind: "silenced", until: viewer.silencedUntil.toISOString(), reason: viewer.sanctionReason ?? "" };
  return null;
}
