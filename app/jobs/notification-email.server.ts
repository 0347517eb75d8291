// Notification emails. Checked again at send time: the email never carries anything the member
// could not see on the site right now (a post hidden or a topic made private since stays out).
import { sql } from "kysely";
import type { Db } from "../db.server";
import { env } from "../env.server";
import { createI18n, pickLocale } from "../i18n";
import type { JobHandler, JobTable, RecurringTable } from "../jobs.server";
import { sendMail } from "../mail.server";
import { renderPlainExcerpt } from "../markdown/excerpt.server";
import { notificationHref, notificationNote, notificationText } from "../models/account/notification-text";
import { lockTopic } from "../models/forum/topic.server";
import { canSeeTopic } from "../models/permissions.server";
import { scopeOfUser } from "../viewer.server";

async function loadForEmail(trx: Db, notificationId: number) {
  return trx
    .selectFrom("notifications as n")
    .innerJoin("users as u", "u.id", "n.user_id")
    .leftJoin("users as a", "a.id", "n.actor_id")
    .select([
      "n.id",
      "n.user_id",
      "n.kind",
      "n.data",
      "n.topic_id",
      "n.post_id",
      "n.read_at",
      "n.emailed_at",
      "u.email",
      "u.locale",
      "u.deleted_at",
      "a.username as actor_username",
      "a.display_name as actor_display_name",
    ])
    .where("n.id", "=", notificationId)
    .executeTakeFirst();
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadForEmail>>>;

/** The lines an email may show for a notification, or undefined when the member may not see it now. */
async function visibleLines(trx: Db, n: Loaded) {
  const t = createI18n(pickLocale(n.locale, null)).t;
  const data = (n.data ?? {}) as Record<string, unknown>;
  let excerpt = "";
  if (n.topic_id) {
    const scope = await scopeOfUser(trx, n.user_id);
    const topic = await lockTopic(trx, n.topic_id, n.user_id, { lock: false });
    if (!topic || topic.deleted_at || !canSeeTopic(scope, topic)) return undefined;
    if (n.post_id) {
      const post = await trx
        .selectFrom("posts")
        .select(["body_html", "deleted_at", "hidden_at"])
        .where("id", "=", n.post_id)
        .executeTakeFirst();
      if (!post || post.deleted_at || (post.hidden_at && n.kind !== "moderation")) return undefined;
      if (n.kind !== "moderation" && n.kind !== "like") excerpt = renderPlainExcerpt(post.body_html, 300);
    }
    data.title = topic.title; // the title as it is now, not as it was
  }
  const actor = n.actor_username
    ? { username: n.actor_username, display_name: n.actor_display_name ?? n.actor_username }
    : null;
  const text = notificationText(t, { kind: n.kind, data, actor }, pickLocale(n.locale, null));
  const url = `${env().APP_ORIGIN}${notificationHref({ data, topic_id: n.topic_id })}`;
  // a staff member's decision note goes in the body (and the digest), as it was written
  const written = notificationNote({ data });
  const note = written ? t("progressGuide.decisionNote", { note: written }) : "";
  return { t, text, excerpt: note || excerpt, url, note };
}

const notificationEmail: JobHandler<"notification.email"> = async ({ notificationId }, { trx }) => {
  const n = await loadForEmail(trx, notificationId);
  if (!n || n.emailed_at || n.read_at || n.deleted_at) return;
  const lines = await visibleLines(trx, n);
  if (!lines) return;
  const { t, text, excerpt, url } = lines;
  await trx.updateTable("notifications").set({ emailed_at: new Date() }).where("id", "=", n.id).execute();
  await sendMail({
    key: `notification-${n.id}`,
    to: n.email,
    subject: `${text} · ${t("site.name")}`,
    text: [
      text,
      excerpt && `\n${excerpt}\n`,
      url,
      "",
      t("notifications.email.footer", { url: `${env().APP_ORIGIN}/my/notifications/settings` }),
    ]
      .filter((l) => l !== "")
      .join("\n"),
  });
};

// Daily digest: unread, un-emailed notifications of the kinds a member asked to get daily.
/** The next digest time: 07:00 UTC (morning across the continent's time zones). */
export function nextDigestAt(now = new Date()) {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 7));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

const notificationDigest: JobHandler<"notification.digest"> = async (_payload, { trx }) => {
  const due = await sql<{ id: number; user_id: number }>`
    select n.id, n.user_id from notifications n
    join notification_settings s on s.user_id = n.user_id and s.kind = n.kind and s.delivery = 'daily'
    where n.read_at is null and n.emailed_at is null and n.created_at > now() - interval '2 days'
    order by n.user_id, n.id`.execute(trx);
  const byUser = new Map<number, number[]>();
  for (const r of due.rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r.id]);
  for (const ids of byUser.values()) {
    const items = [];
    let email = "";
    let tf: ReturnType<typeof createI18n>["t"] | undefined;
    for (const id of ids) {
      const n = await loadForEmail(trx, id);
      if (!n || n.deleted_at) continue;
      const lines = await visibleLines(trx, n);
      await trx.updateTable("notifications").set({ emailed_at: new Date() }).where("id", "=", id).execute();
      if (!lines) continue;
      email = n.email;
      tf = lines.t;
      items.push(`- ${lines.text}${lines.note ? `\n  ${lines.note}` : ""}\n  ${lines.url}`);
    }
    if (!items.length || !tf) continue;
    await sendMail({
      to: email,
      subject: `${tf("notifications.email.digestSubject", { count: items.length })} · ${tf("site.name")}`,
      text: items.join("\n"),
    });
  }
};

export const notificationEmailJobs = {
  "notification.email": notificationEmail,
  "notification.digest": notificationDigest,
} satisfies Partial<JobTable>;
export const notificationEmailSchedule: RecurringTable = {
  "notification.digest": (now) => nextDigestAt(new Date(now.getTime() + 60_000)),
};
