// The in-app notification list. Every row is re-checked against what the member may see now:
// a topic that went private or was deleted since the notification disappears from the list.
import { sql } from "kysely";
import { db } from "../../db.server";
import { canSeeTopic, type Scope } from "../permissions.server";
import { notificationHref } from "./notification-text";
import { lockTopic } from "../forum/topic.server";
import { decodeCursor, encodeCursor } from "../forum/topic-list.server";

export const NOTIFICATIONS_PER_PAGE = 30;

async function visibleTopics(scope: Scope, topicIds: number[]) {
  const ok = new Set<number>();
  for (const id of new Set(topicIds)) {
    const topic = await lockTopic(db, id, scope.userId, { lock: false });
    if (topic && !topic.deleted_at && canSeeTopic(scope, topic)) ok.add(id);
  }
  return ok;
}

/** Newest first, keyset-paged on (created_at, id). */
export async function listNotifications({ scope, cursor: raw }: { scope: Scope; cursor?: string | null }) {
  if (!scope.userId) return { items: [], next: null };
  const decoded = decodeCursor(raw);
  const cursor = decoded && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(decoded.v) ? decoded : undefined;
  let q = db
    .selectFrom("notifications")
    .leftJoin("users", "users.id", "notifications.actor_id")
    .select([
      "notifications.id",
      "notifications.kind",
      "notifications.topic_id",
      "notifications.data",
      "notifications.read_at",
      "notifications.created_at",
      "users.username",
      "users.display_name",
    ])
    // microseconds kept: a millisecond cursor could skip rows created within the same millisecond
    .select(
      sql<string>`to_char(notifications.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as("at_exact"),
    )
    .where("notifications.user_id", "=", scope.userId)
    .orderBy("notifications.created_at", "desc")
    .orderBy("notifications.id", "desc")
    .limit(NOTIFICATIONS_PER_PAGE + 1);
  if (cursor)
    q = q.where(sql<boolean>`(notifications.created_at, notifications.id) < (${cursor.v}::timestamptz, ${cursor.id})`);
  const rows = await q.execute();
  const more = rows.length > NOTIFICATIONS_PER_PAGE;
  const page = rows.slice(0, NOTIFICATIONS_PER_PAGE);
  const seen = await visibleTopics(
    scope,
    page.flatMap((r) => (r.topic_id ? [r.topic_id] : [])),
  );
  const last = page[page.length - 1];
  return {
    items: page
      .filter((r) => !r.topic_id || seen.has(r.topic_id))
      .map((r) => {
        const data = (r.data ?? {}) as Record<string, unknown>;
        return {
          id: r.id,
          kind: r.kind,
          data,
          unread: !r.read_at,
          createdAt: r.created_at,
          actor: r.username ? { username: r.username, display_name: r.display_name ?? r.username } : null,
          href: notificationHref({ data, topic_id: r.topic_id }),
        };
      }),
    next: more && last ? encodeCursor({ v: last.at_exact, id: last.id }) : null,
  };
}

/** Marks one notification read and says where it leads (the list itself when it no longer may). */
export async function openNotification({ scope, id }: { scope: Scope; id: number }) {
  if (!scope.userId) return "/notifications";
  const row = await db
    .updateTable("notifications")
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where("id", "=", id)
    .where("user_id", "=", scope.userId)
    .returning(["topic_id", "data"])
    .executeTakeFirst();
  if (!row) return "/notifications";
  if (row.topic_id && !(await visibleTopics(scope, [row.topic_id])).has(row.topic_id)) return "/notifications";
  return notificationHref({ data: (row.data ?? {}) as Record<string, unknown>, topic_id: row.topic_id });
}
