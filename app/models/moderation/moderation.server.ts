// Staff actions on a post or a topic where it stands: hiding a post, a topic's states (closed, pinned,
// archived, unlisted) and its category. Each one checks the moderator, changes the rows and their
// counters, writes the audit row and queues its side effects, all in one transaction. Moving posts is
// post-moves.server.ts; members' sanctions are sanctions.server.ts.
import { db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { canSeeTopic, isModerator, type Scope } from "../permissions.server";
import {
  badCategory,
  isFail,
  moderatedCategory,
  moderatedPost,
  moderatedTopic,
  postUrl,
  resolveOpenFlags,
  tellAuthors,
} from "./moderated.server";
import { recordAudit } from "./audit.server";
import { recountCategory } from "../forum/category.server";
import { TOPIC_ACTIONS, type TopicAction } from "./moderation.schema";
import { fail, ok } from "../shared/result";
import { lockTopic, topicUrl } from "../forum/topic.server";

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
