// Personal messages, as Discourse keeps them: a topic of the 'private_message' archetype in the one
// private "messages" category, its participants in topic_allowed_users. Being unlisted and private
// keeps them out of every list, search, feed and count; replies, notifications, email and reply by
// email are the forum's own (createReply, post.created). Members may ignore a member: no new
// conversation from them, their posts collapsed. Adding people leaves an "X added Y" line in the
// conversation (topic_actions: no post, so nothing that counts or indexes posts sees it).
import { sql } from "kysely";
import { db, transaction, type Db } from "../../db.server";
import {
  canAddParticipants,
  canIgnoreMember,
  canMessageMember,
  canOfferMessage,
  canStartMessage,
  type Scope,
} from "../permissions.server";
import { fail, ok } from "../shared/result";
import { ignoredEitherWay } from "./ignores.server";
import { checkSanction } from "./limits.server";
import { createTopic } from "./post.server";
import { lockTopic, topicUrl } from "./topic.server";
import { notify } from "../account/notification.server";
import { renderPlainExcerpt } from "../../markdown/excerpt.server";
import {
  CONVERSATIONS_PER_DAY,
  MAX_PARTICIPANTS,
  MESSAGES_CATEGORY,
  parseRecipients,
  type NewMessage,
} from "./messages.schema";

export { MAX_PARTICIPANTS };
export const INBOX_PAGE = 30;
const DAY_MS = 86_400_000;

type Recipient = {
  id: number;
  username: string;
  visibility: "public" | "members" | "hidden" | null;
  is_member: boolean;
  /** ignores the sender; when adding to a conversation, ignores or is ignored by any of its participants */
  ignored: boolean;
  suspended: boolean;
};

/** `present`: the participants of the conversation they would join (none for a new one). */
async function findRecipients(conn: Db, senderId: number, names: string[], present?: number[]) {
  if (!names.length) return [];
  const ignored = present
    ? ignoredEitherWay(sql.ref("u.id"), present)
    : sql<boolean>`exists (select 1 from user_ignores i where i.user_id = u.id and i.ignored_user_id = ${senderId})`;
  return conn
    .selectFrom("users as u")
    .leftJoin("profiles as p", "p.user_id", "u.id")
    .select(["u.id", "u.username", "p.visibility"])
    .select([
      sql<boolean>`exists (select 1 from user_roles r where r.user_id = u.id and r.role in ('member', 'admin'))`.as(
        "is_member",
      ),
      ignored.as("ignored"),
      sql<boolean>`coalesce(u.suspended_until > now(), false)`.as("suspended"),
    ])
    .where(sql<boolean>`lower(u.username) = any(${names}::text[])`)
    .where("u.deleted_at", "is", null)
    .execute() as Promise<Recipient[]>;
}

/**
 * Why the sender may not write to these usernames (the first refusal, naming the member), or the ids.
 * `present`: the participants of the conversation they are added to (none when it starts).
 */
async function checkRecipients(conn: Db, scope: Scope, names: string[], present?: number[]) {
  if (names.length + (present?.length ?? 1) > MAX_PARTICIPANTS)
    return fail(422, "messages.errors.tooMany", { to: "messages.errors.tooMany" }, { max: MAX_PARTICIPANTS });
  const recipients = await findRecipients(conn, scope.userId!, names, present);
  const found = new Map(recipients.map((r) => [r.username.toLowerCase(), r]));
  // one sentence whatever the reason (ignored by someone, or suspended): it names no one else and no reason
  const unavailable = present ? "messages.errors.cannotAdd" : "messages.errors.unavailable";
  const ids: number[] = [];
  for (const name of names) {
    const r = found.get(name);
    const refusal = r
      ? canMessageMember(scope, {
          userId: r.id,
          visibility: r.visibility ?? "members",
          isMember: r.is_member,
          ignoresSender: r.ignored,
          suspended: r.suspended,
        })
      : "unknown";
    if (refusal === "unknown")
      return fail(422, "messages.errors.unknown", { to: "messages.errors.unknown" }, { username: name });
    if (refusal === "ignored" || refusal === "suspended")
      return fail(422, unavailable, { to: unavailable }, { username: r!.username });
    if (refusal === "self") return fail(422, "messages.errors.self", { to: "messages.errors.self" });
    ids.push(r!.id);
  }
  return ok({ ids });
}

/** Starts a conversation: the checks, then one transaction for the topic, its first post and its participants. */
export async function createConversation({ scope, input }: { scope: Scope; input: NewMessage }) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  if (!canStartMessage(scope)) return fail(403, "messages.errors.cannotStart");
  const userId = scope.userId;
  const sanction = await checkSanction(db, userId, "message");
  if (sanction) return sanction;
  const checked = await checkRecipients(db, scope, parseRecipients(input.to));
  if (!checked.ok) return checked;
  return transaction(async (trx) => {
    // the author's row lock makes two parallel sends count one after the other
    await trx.selectFrom("users").select("id").where("id", "=", userId).forNoKeyUpdate().execute();
    const since = new Date(Date.now() - DAY_MS);
    const { n, first } = await trx
      .selectFrom("topics")
      .select([sql<number>`count(*)::int`.as("n"), sql<Date | null>`min(created_at)`.as("first")])
      .where("user_id", "=", userId)
      .where("archetype", "=", "private_message")
      .where("created_at", ">", since)
      .executeTakeFirstOrThrow();
    if (n >= CONVERSATIONS_PER_DAY && first && !scope.isStaff)
      return fail(429, "messages.errors.perDay", undefined, {
        max: CONVERSATIONS_PER_DAY,
        until: new Date(first.getTime() + DAY_MS).toISOString(),
      });
    return createTopic(trx, {
      scope,
      categorySlug: MESSAGES_CATEGORY,
      archetype: "private_message",
      title: input.title,
      body: input.body,
      tags: [],
      participantIds: checked.ids,
      submissionKey: input.submissionKey,
    });
  });
}

/** A conversation the viewer may add people to, with its participants; undefined when they may not. */
export async function getConversationForAdding({ scope, topicId }: { scope: Scope; topicId: number }) {
  const topic = await lockTopic(db, topicId, scope.userId, { lock: false });
  if (!topic || !canAddParticipants(scope, topic)) return undefined;
  const participants = await listParticipants(topic.id);
  return {
    id: topic.id,
    title: topic.title,
    url: topicUrl(topic),
    participants,
    room: MAX_PARTICIPANTS - participants.length,
  };
}

/**
 * Adds members to a conversation, under the rules of a new message (no one suspended or hidden from the
 * adder; at most MAX_PARTICIPANTS in all) and one more: no one who ignores, or is ignored by, anyone already
 * in it. Those added hear of it as of a new message; the conversation shows "X added Y" (topic_actions).
 */
export async function addParticipants({ scope, topicId, to }: { scope: Scope; topicId: number; to: string }) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  if (!canStartMessage(scope)) return fail(403, "messages.errors.cannotStart");
  const userId = scope.userId;
  const sanction = await checkSanction(db, userId, "message");
  if (sanction) return sanction;
  return transaction(async (trx) => {
    // the topic's row lock makes two parallel additions count one after the other
    const topic = await lockTopic(trx, topicId, userId);
    if (!topic || !canAddParticipants(scope, topic)) return fail(404, "topic.notFound");
    const present = await trx
      .selectFrom("topic_allowed_users as a")
      .innerJoin("users as u", "u.id", "a.user_id")
      .select(["u.id", "u.username"])
      .where("a.topic_id", "=", topicId)
      .execute();
    const inIt = new Set(present.map((p) => p.username.toLowerCase()));
    const names = parseRecipients(to).filter((n) => !inIt.has(n));
    if (!names.length) return fail(422, "messages.errors.alreadyIn", { to: "messages.errors.alreadyIn" });
    const checked = await checkRecipients(
      trx,
      scope,
      names,
      present.map((p) => p.id),
    );
    if (!checked.ok) return checked;
    await trx
      .insertInto("topic_allowed_users")
      .values(checked.ids.map((id) => ({ topic_id: topicId, user_id: id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .insertInto("topic_actions")
      .values(
        checked.ids.map((id) => ({
          topic_id: topicId,
          kind: "participant_added" as const,
          user_id: userId,
          target_user_id: id,
          after_post_number: topic.highest_post_number,
        })),
      )
      .execute();
    const first = await trx
      .selectFrom("posts")
      .select(["id", "body_html"])
      .where("topic_id", "=", topicId)
      .where("post_number", "=", 1)
      .executeTakeFirstOrThrow();
    // told as participants of a new message are (post.created's "reply" to its first post), once each
    const data = {
      title: topic.title,
      slug: topic.slug,
      postNumber: 1,
      excerpt: renderPlainExcerpt(first.body_html, 160),
    };
    for (const id of checked.ids)
      await notify(trx, {
        userId: id,
        kind: "reply",
        topicId,
        postId: first.id,
        actorId: userId,
        data,
        sourceKey: `reply:${first.id}`,
      });
    return ok({ url: topicUrl(topic), added: checked.ids.length });
  });
}

/** The member's conversations, those with unread posts first, then the most recently active. */
export async function listConversations({ userId, page = 1 }: { userId: number; page?: number }) {
  const { rows } = await sql<{
    id: number;
    slug: string;
    title: string;
    highest_post_number: number;
    bumped_at: Date;
    unread: number;
    participants: { username: string; display_name: string }[];
  }>`
    select t.id, t.slug, t.title, t.highest_post_number, t.bumped_at,
      greatest(t.highest_post_number - greatest(coalesce(r.last_read_post_number, 0),
        coalesce(r.dismissed_post_number, 0)), 0)::int as unread,
      (select coalesce(json_agg(json_build_object('username', u.username, 'display_name', u.display_name)
          order by u.display_name), '[]'::json)
         from topic_allowed_users o join users u on u.id = o.user_id
        where o.topic_id = t.id and o.user_id <> ${userId}) as participants
    from topic_allowed_users a
    join topics t on t.id = a.topic_id
    left join topic_reads r on r.user_id = a.user_id and r.topic_id = t.id
    where a.user_id = ${userId} and t.archetype = 'private_message' and t.deleted_at is null
    order by (t.highest_post_number > greatest(coalesce(r.last_read_post_number, 0),
        coalesce(r.dismissed_post_number, 0))) desc, t.bumped_at desc, t.id desc
    limit ${INBOX_PAGE + 1} offset ${(Math.max(1, page) - 1) * INBOX_PAGE}`.execute(db);
  return {
    conversations: rows.slice(0, INBOX_PAGE).map((r) => ({ ...r, url: topicUrl(r) })),
    more: rows.length > INBOX_PAGE,
  };
}

/** Conversations with unread posts, for the inbox's heading. */
export async function countUnreadConversations({ userId }: { userId: number }) {
  const row = await sql<{ n: number }>`
    select count(*)::int as n
    from topic_allowed_users a
    join topics t on t.id = a.topic_id
    left join topic_reads r on r.user_id = a.user_id and r.topic_id = t.id
    where a.user_id = ${userId} and t.archetype = 'private_message' and t.deleted_at is null
      and t.highest_post_number >
        greatest(coalesce(r.last_read_post_number, 0), coalesce(r.dismissed_post_number, 0))`.execute(db);
  return row.rows[0]?.n ?? 0;
}

/**
 * The small actions ("X added Y") of a conversation the viewer may read (the caller asked the permission
 * module), from post `from` on: each is shown after the post that was the last when it happened. A
 * conversation has a few at most (one per member added), so the page takes those after its first post.
 */
export async function listTopicActions({ topicId, from }: { topicId: number; from: number }) {
  return db
    .selectFrom("topic_actions as a")
    .leftJoin("users as u", "u.id", "a.user_id")
    .leftJoin("users as target", "target.id", "a.target_user_id")
    .select(["a.id", "a.kind", "a.after_post_number", "a.created_at"])
    .select(["u.username as by_username", "target.username as target_username"])
    .where("a.topic_id", "=", topicId)
    .where("a.after_post_number", ">=", from)
    .orderBy("a.after_post_number")
    .orderBy("a.id")
    .execute();
}

/** The other participants of a conversation the viewer may read (the caller asked the permission module). */
export async function listParticipants(topicId: number) {
  return db
    .selectFrom("topic_allowed_users as a")
    .innerJoin("users as u", "u.id", "a.user_id")
    .select(["u.username", "u.display_name"])
    .where("a.topic_id", "=", topicId)
    .orderBy("u.display_name")
    .execute();
}

// ---- ignoring a member ----------------------------------------------------------------------------

export async function setIgnored({ scope, username, ignore }: { scope: Scope; username: string; ignore: boolean }) {
  if (!scope.userId) return fail(401, "composer.errors.signIn");
  const userId = scope.userId;
  const target = await db
    .selectFrom("users")
    .select(["id", "username"])
    .select(
      sql<boolean>`exists (select 1 from user_roles r where r.user_id = users.id and r.role = 'admin')`.as("is_staff"),
    )
    .where(sql<boolean>`lower(username) = ${username.toLowerCase()}`)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!target) return fail(404, "messages.errors.unknown", undefined, { username });
  if (!ignore) {
    await db
      .deleteFrom("user_ignores")
      .where("user_id", "=", userId)
      .where("ignored_user_id", "=", target.id)
      .execute();
    return ok({ ignored: false, username: target.username });
  }
  const refusal = canIgnoreMember(scope, { userId: target.id, isStaff: target.is_staff });
  if (refusal) return fail(422, `messages.errors.${refusal}`);
  await db
    .insertInto("user_ignores")
    .values({ user_id: userId, ignored_user_id: target.id })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return ok({ ignored: true, username: target.username });
}

/**
 * The profile's messaging block: does the viewer ignore this member, and is the "Send a message" link
 * offered (not when either is suspended or either ignores the other: the send would be refused).
 */
export async function getMessagingState({
  scope,
  viewerSuspendedUntil,
  otherId,
}: {
  scope: Scope;
  viewerSuspendedUntil: Date | null;
  otherId: number;
}) {
  const viewerId = scope.userId ?? -1;
  const row = await db
    .selectFrom("users as u")
    .select([
      sql<boolean>`coalesce(u.suspended_until > now(), false)`.as("suspended"),
      sql<boolean>`exists (select 1 from user_ignores i where i.user_id = ${viewerId} and i.ignored_user_id = u.id)`.as(
        "ignored",
      ),
      ignoredEitherWay(sql.ref("u.id"), viewerId).as("ignored_either_way"),
    ])
    .where("u.id", "=", otherId)
    .executeTakeFirst();
  if (!row) return { ignored: false, offer: false };
  const viewerSuspended = !!viewerSuspendedUntil && viewerSuspendedUntil > new Date();
  const target = { userId: otherId, suspended: row.suspended, ignoredEitherWay: row.ignored_either_way };
  return { ignored: row.ignored, offer: canOfferMessage(scope, target, viewerSuspended) };
}

export async function listIgnored({ userId }: { userId: number }) {
  return db
    .selectFrom("user_ignores as i")
    .innerJoin("users as u", "u.id", "i.ignored_user_id")
    .select(["u.username", "u.display_name", "i.created_at"])
    .where("i.user_id", "=", userId)
    .orderBy("u.display_name")
    .execute();
}
