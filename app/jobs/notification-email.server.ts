// Notification emails. Checked again at send time: the email never carries anything the member
// could not see on the site right now (a post hidden or a topic made private since stays out).
import { sql } from "kysely";
import type { Db } from "../db.server";
import { env } from "../env.server";
import { createI18n, pickLocale } from "../i18n";
import { enqueueSelect, type JobHandler, type JobTable, type RecurringTable } from "../jobs.server";
import { sendMail } from "../mail.server";
import { renderPlainExcerpt } from "../markdown/excerpt.server";
import { notificationHref, notificationNote, notificationText } from "../models/account/notification-text";
import { lockTopic, topicUrl } from "../models/forum/topic.server";
import { wantsNotification } from "../models/forum/watching.server";
import {
  replyAddress,
  unsubscribeHeaders,
  UNSUBSCRIBE_KINDS,
  type UnsubscribeKind,
} from "../models/account/mail-token.server";
import { canSeeTopic } from "../models/permissions.server";
import { scopeOfUser } from "../viewer.server";

export async function loadForEmail(trx: Db, notificationId: number) {
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
export async function visibleLines(trx: Db, n: Loaded) {
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
  if (!(await wantsNotification(n.user_id, n.kind, n.topic_id, trx))) return;
  const lines = await visibleLines(trx, n);
  if (!lines) return;
  const { t, text, excerpt, url } = lines;
  await trx.updateTable("notifications").set({ emailed_at: new Date() }).where("id", "=", n.id).execute();
  const unsubscribeKind = (UNSUBSCRIBE_KINDS as readonly string[]).includes(n.kind) ? n.kind : "reply";
  const unsub = await unsubscribeHeaders(n.user_id, unsubscribeKind as UnsubscribeKind);
  // a topic's (or a mentorship thread's) mail can be answered: the reply becomes a post by this member
  const replyTo = n.topic_id ? await replyAddress(n.user_id, n.topic_id) : undefined;
  await sendMail({
    key: `notification-${n.id}`,
    to: n.email,
    subject: `${text} · ${t("site.name")}`,
    text: [
      text,
      excerpt && `\n${excerpt}\n`,
      url,
      "",
      replyTo ? t("emailReach.replyHint") : "",
      t("notifications.email.footer", { url: `${env().APP_ORIGIN}/my/notifications/settings` }),
      t("emailReach.unsubscribeLine", { url: unsub.url }),
    ]
      .filter((l) => l !== "")
      .join("\n"),
    headers: { ...unsub.headers, ...(replyTo ? { "Reply-To": replyTo } : {}) },
  });
};

/** 07:00 UTC, the morning across the continent: recruiters' saved-search alerts go out then. */
export function nextDigestAt(now = new Date()) {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 7));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

// ---- digests ----------------------------------------------------------------------------------
// At 17:00 in each member's time zone (daily, or weekly on Mondays), once per period: the topics they
// watch with new posts, the most liked new topics of their categories, and the notifications they asked
// to get in the digest. Nothing is sent when there is nothing new; the period is recorded all the same.

/** Runs every quarter of an hour: 17:00 falls on one in every time zone (Nepal's +5:45 too). */
export function nextDigestCheck(now = new Date()) {
  const next = new Date(now);
  next.setUTCSeconds(0, 0);
  next.setUTCMinutes(Math.floor(now.getUTCMinutes() / 15) * 15 + 15);
  return next;
}

/**
 * Members whose digest is due at `now` (their local time is 17:00 or later and this period's digest is not
 * out yet), each queued as its own job. `now` is passed in: tests move the clock.
 */
export async function queueDueDigests(trx: Db, now: Date) {
  const at = now.toISOString();
  await enqueueSelect(
    trx,
    "notification.digest-member",
    sql`
      with zones as (select name from pg_timezone_names),
      local as (
        select u.id, u.digest, u.digest_period, (${at}::timestamptz at time zone u.time_zone) as t
        from users u where u.digest <> 'never' and u.deleted_at is null and u.time_zone in (select name from zones))
      select jsonb_build_object('userId', id, 'period', period, 'at', ${at}::text) as payload
      from (select id, digest_period, t,
              case when digest = 'daily' then to_char(t, 'YYYY-MM-DD') else to_char(t, 'IYYY-"W"IW') end as period
            from local) l
      where extract(hour from t) >= 17 and digest_period is distinct from period`,
  );
}

const LIKED_TOPICS = 5;
const WATCHED_TOPICS = 10;

/** What is new for one member since `since`: watched topics with posts, and the most liked of their categories. */
async function digestContent(trx: Db, userId: number, since: Date) {
  const scope = await scopeOfUser(trx, userId);
  const watched = await sql<{ id: number; title: string; slug: string; posts: number }>`
    select t.id, t.title, t.slug,
      (select count(*)::int from posts p where p.topic_id = t.id and p.created_at > ${since}
        and p.deleted_at is null and p.hidden_at is null and p.user_id is distinct from ${userId}) as posts
    from topics t
    where t.bumped_at > ${since} and t.deleted_at is null
      and (exists (select 1 from topic_watches w where w.topic_id = t.id and w.user_id = ${userId}
                   and w.level = 'watching')
        or (exists (select 1 from category_watches c where c.category_id = t.category_id and c.user_id = ${userId}
                    and c.level = 'watching')
            and not exists (select 1 from topic_watches o where o.topic_id = t.id and o.user_id = ${userId})))
    order by t.bumped_at desc limit ${WATCHED_TOPICS * 3}`.execute(trx);
  // "their categories": those they watch or track, else those they have posted in
  const liked = await sql<{ id: number; title: string; slug: string; like_count: number }>`
    with mine as (
      select category_id from category_watches where user_id = ${userId} and level in ('watching', 'tracking')
      union
      select t.category_id from posts p join topics t on t.id = p.topic_id where p.user_id = ${userId}
        and not exists (select 1 from category_watches c where c.user_id = ${userId} and c.level <> 'muted'
                        and c.level <> 'normal'))
    select t.id, t.title, t.slug, t.like_count from topics t
    where t.created_at > ${since} and t.deleted_at is null and not t.unlisted and t.like_count > 0
      and t.category_id in (select category_id from mine)
      and t.category_id not in (select category_id from category_watches where user_id = ${userId} and level = 'muted')
      and not exists (select 1 from topic_watches m where m.topic_id = t.id and m.user_id = ${userId}
                      and m.level = 'muted')
    order by t.like_count desc, t.id desc limit ${LIKED_TOPICS * 3}`.execute(trx);
  const visible = async <R extends { id: number }>(rows: R[], max: number) => {
    const out: R[] = [];
    for (const r of rows) {
      const topic = await lockTopic(trx, r.id, userId, { lock: false });
      if (topic && !topic.deleted_at && canSeeTopic(scope, topic)) out.push(r);
      if (out.length >= max) break;
    }
    return out;
  };
  return {
    watched: (await visible(watched.rows, WATCHED_TOPICS)).filter((r) => r.posts > 0),
    liked: await visible(liked.rows, LIKED_TOPICS),
  };
}

const digestMember: JobHandler<"notification.digest-member"> = async ({ userId, period, at }, { trx }) => {
  const now = new Date(at);
  // the member's row is the period's lock: two runs of the same period send once
  const user = await trx
    .selectFrom("users")
    .select(["id", "email", "locale", "digest", "digest_period", "digest_sent_at", "deleted_at"])
    .where("id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
  if (!user || user.deleted_at || user.digest === "never" || user.digest_period === period) return;
  const since = user.digest_sent_at ?? new Date(now.getTime() - (user.digest === "weekly" ? 7 : 1) * 86_400_000);
  await trx.updateTable("users").set({ digest_period: period, digest_sent_at: now }).where("id", "=", userId).execute();

  const pending = await sql<{ id: number }>`
    select n.id from notifications n
    join notification_settings s on s.user_id = n.user_id and s.kind = n.kind and s.delivery = 'daily'
    where n.user_id = ${userId} and n.read_at is null and n.emailed_at is null and n.created_at > ${since}
    order by n.id`.execute(trx);
  const items: string[] = [];
  const locale = pickLocale(user.locale, null);
  const { t } = createI18n(locale);
  for (const { id } of pending.rows) {
    const n = await loadForEmail(trx, id);
    if (!n) continue;
    await trx.updateTable("notifications").set({ emailed_at: now }).where("id", "=", id).execute();
    if (!(await wantsNotification(userId, n.kind, n.topic_id, trx))) continue;
    const lines = await visibleLines(trx, n);
    if (lines) items.push(`- ${lines.text}${lines.note ? `\n  ${lines.note}` : ""}\n  ${lines.url}`);
  }
  const { watched, liked } = await digestContent(trx, userId, since);
  if (!items.length && !watched.length && !liked.length) return; // nothing new: nothing sent
  const link = (r: { id: number; slug: string }) => `${env().APP_ORIGIN}${topicUrl(r)}`;
  const sections = [
    watched.length
      ? [
          t("emailReach.digest.watched"),
          ...watched.map((r) => `- ${r.title} (${t("emailReach.digest.newPosts", { count: r.posts })})\n  ${link(r)}`),
        ]
      : [],
    liked.length
      ? [
          t("emailReach.digest.liked"),
          ...liked.map((r) => `- ${r.title} (${t("emailReach.digest.likes", { count: r.like_count })})\n  ${link(r)}`),
        ]
      : [],
    items.length ? [t("emailReach.digest.notifications"), ...items] : [],
  ].filter((s) => s.length);
  const unsub = await unsubscribeHeaders(userId, "digest");
  await sendMail({
    key: `digest-${userId}-${period}`,
    to: user.email,
    subject: `${t(`emailReach.digest.subject_${user.digest}`)} · ${t("site.name")}`,
    text: [
      ...sections.map((s) => s.join("\n")),
      t("emailReach.digest.settings", { url: `${env().APP_ORIGIN}/my/notifications/settings` }),
      t("emailReach.unsubscribeLine", { url: unsub.url }),
    ].join("\n\n"),
    headers: unsub.headers,
  });
};

const notificationDigest: JobHandler<"notification.digest"> = async (_payload, { trx }) => {
  await queueDueDigests(trx, new Date());
};

export const notificationEmailJobs = {
  "notification.email": notificationEmail,
  "notification.digest": notificationDigest,
  "notification.digest-member": digestMember,
} satisfies Partial<JobTable>;
export const notificationEmailSchedule: RecurringTable = {
  "notification.digest": (now) => nextDigestCheck(now),
};
