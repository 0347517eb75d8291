// In-app notifications and their emails. Every feature notifies through `notify`, inside its own
// transaction; the email (when the member wants it now) is an outbox job that re-checks, at send
// time, that the member may still see what the notification points to.
import { sql, type ExpressionBuilder } from "kysely";
import type { Database } from "../../../db/schema";
import { db, type Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { queuePushes } from "./push.server";

import { NOTIFICATION_KINDS, type Digest, type NotificationKind } from "./notification.schema";
export { NOTIFICATION_KINDS, type NotificationKind };
export type Delivery = "immediately" | "daily" | "never";

// What a member gets before they change anything (Discourse: replies and mentions by email).
export const DEFAULT_DELIVERY: Record<NotificationKind, Delivery> = {
  reply: "immediately",
  mention: "immediately",
  quote: "immediately",
  like: "never",
  moderation: "immediately",
  progress: "immediately",
  application: "immediately",
  mentorship: "immediately",
  reminder: "immediately",
  // a new post in a topic the member watches (app/models/forum/watching.server.ts)
  posted: "immediately",
};

export type NewNotification = {
  userId: number;
  kind: NotificationKind;
  topicId?: number | null;
  postId?: number | null;
  actorId?: number | null;
  /**
   * shown in the list: e.g. { title } or { text: message(key, params) }, worded when read — never anything the
   * recipient may not see
   */
  data?: Record<string, unknown>;
  /** one notification per (user, sourceKey): a retried job does not notify twice */
  sourceKey?: string;
};

/** Records a notification (idempotent per sourceKey) and queues its email when the member wants it now. */
export async function notify(trx: Db, n: NewNotification): Promise<number | undefined> {
  if (n.actorId && n.actorId === n.userId) return undefined; // never notify people about themselves
  const row = await trx
    .insertInto("notifications")
    .values({
      user_id: n.userId,
      kind: n.kind,
      topic_id: n.topicId ?? null,
      post_id: n.postId ?? null,
      actor_id: n.actorId ?? null,
      data: JSON.stringify(n.data ?? {}),
      source_key: n.sourceKey ?? null,
    })
    .onConflict((oc) => oc.columns(["user_id", "source_key"]).where("source_key", "is not", null).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!row) return undefined;
  await queuePushes(trx, { id: row.id, userId: n.userId, kind: n.kind });
  if ((await deliveryFor(trx, n.userId, n.kind)) === "immediately")
    await enqueue(trx, "notification.email", { notificationId: row.id });
  return row.id;
}

export async function deliveryFor(trx: Db, userId: number, kind: NotificationKind): Promise<Delivery> {
  const row = await trx
    .selectFrom("notification_settings")
    .select("delivery")
    .where("user_id", "=", userId)
    .where("kind", "=", kind)
    .executeTakeFirst();
  return row?.delivery ?? DEFAULT_DELIVERY[kind];
}

export async function listDeliverySettings(userId: number): Promise<Record<NotificationKind, Delivery>> {
  const rows = await db
    .selectFrom("notification_settings")
    .select(["kind", "delivery"])
    .where("user_id", "=", userId)
    .execute();
  const out = { ...DEFAULT_DELIVERY };
  for (const r of rows)
    if ((NOTIFICATION_KINDS as readonly string[]).includes(r.kind)) out[r.kind as NotificationKind] = r.delivery;
  return out;
}

export async function updateDeliverySettings(userId: number, settings: Partial<Record<NotificationKind, Delivery>>) {
  await db.transaction().execute(async (trx) => {
    for (const [kind, delivery] of Object.entries(settings)) {
      await trx
        .insertInto("notification_settings")
        .values({ user_id: userId, kind, delivery: delivery as Delivery })
        .onConflict((oc) => oc.columns(["user_id", "kind"]).doUpdateSet({ delivery: delivery as Delivery }))
        .execute();
    }
  });
}

export { DIGESTS, type Digest } from "./notification.schema";

/** How often the member's digest comes (at 17:00 in their time zone; app/jobs/notification-email.server.ts). */
export async function getDigest(userId: number): Promise<Digest> {
  const row = await db.selectFrom("users").select("digest").where("id", "=", userId).executeTakeFirst();
  return row?.digest ?? "daily";
}

export async function updateDigest(userId: number, digest: Digest) {
  await db.updateTable("users").set({ digest }).where("id", "=", userId).execute();
}

export async function countUnreadNotifications(userId: number): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return row.n;
}

// the topic page's address; its posts start at the asked number (a little context above it)
const TOPIC_PATH = /^\/t\/[^/]+\/(\d{1,9})(?:\/(\d{1,9}))?\/?$/;
const PAGE_OF_POSTS = 20;

/**
 * A member who opens what a notification points to has acted on it: opening a topic (at a post)
 * acts on the notifications about the posts that page shows; any other page on those that link to
 * it (an application's result on /progress, a badge, a contact request...).
 */
function actedOn(pathname: string) {
  const topic = TOPIC_PATH.exec(pathname);
  return (eb: ExpressionBuilder<Database, "notifications">) => {
    if (!topic)
      return eb.and([
        eb("topic_id", "is", null),
        eb.or([eb(sql`data->>'href'`, "=", pathname), eb(sql`data->>'url'`, "=", pathname)]),
      ]);
    const topicId = Number(topic[1]);
    const from = Math.max(1, Number(topic[2] ?? 1) - 2);
    const shown = eb
      .selectFrom("posts")
      .select("id")
      .where("topic_id", "=", topicId)
      .where("post_number", ">=", from)
      .where("post_number", "<", from + PAGE_OF_POSTS);
    return eb.and([eb("topic_id", "=", topicId), eb.or([eb("post_id", "is", null), eb("post_id", "in", shown)])]);
  };
}

/**
 * The header's count for a page view: the member's unread notifications, less those that opening
 * `pathname` acts on (marked read here). One query when the page acts on none, which is most pages.
 */
export async function unreadNotificationsAfterVisit({
  userId,
  pathname,
}: {
  userId: number;
  pathname: string;
}): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => [
      eb.fn.countAll<number>().as("unread"),
      eb.fn.countAll<number>().filterWhere(actedOn(pathname)).as("acted"),
    ])
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  const [unread, acted] = [Number(row.unread), Number(row.acted)];
  if (!acted) return unread;
  return unread - (await markActedNotificationsRead({ userId, pathname }));
}

export async function markActedNotificationsRead({ userId, pathname }: { userId: number; pathname: string }) {
  const { numUpdatedRows } = await db
    .updateTable("notifications")
    .set({ read_at: new Date() })
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .where(actedOn(pathname))
    .executeTakeFirst();
  return Number(numUpdatedRows);
}

export async function markNotificationsRead({ userId, ids }: { userId: number; ids?: number[] }) {
  let q = db
    .updateTable("notifications")
    .set({ read_at: new Date() })
    .where("user_id", "=", userId)
    .where("read_at", "is", null);
  if (ids) q = q.where("id", "in", ids.length ? ids : [-1]);
  await q.execute();
}
