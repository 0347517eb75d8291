// One wording for a notification, shared by the in-app list and the email (browser-safe).
// A notification stores what happened (a message key and its parameters), not a sentence: it is
// worded when read, in the reader's language. Rows written before this kept an English `message`.
import type { TFunction } from "i18next";
import { dateTimeFormat } from "../../intl";
import { intlLocale } from "../../locale";
import { localized } from "../shared/localized";

/** A parameter: a plain value, programme text in both languages ({ text, text_fr }), a calendar day ({ day }),
 * or a message of its own ({ key, params }: a badge's name). */
export type MessageParam =
  | string
  | number
  | { text: string; text_fr: string | null }
  | { day: string }
  | { key: string; params?: Record<string, string | number> };
export type NotificationMessage = { key: string; params?: Record<string, MessageParam> };

/** What a notification stores in `data.text`; several messages are read as one paragraph. */
export function message(key: string, params?: Record<string, MessageParam>): NotificationMessage {
  return params ? { key, params } : { key };
}

/** A programme row's text in both languages (`name` and `name_fr`), as a message parameter. */
export function bothLanguages<R extends object, K extends keyof R & string>(
  row: R,
  field: K,
): { text: string; text_fr: string | null } {
  const fr = (row as Record<string, unknown>)[`${field}_fr`];
  return { text: String(row[field] ?? ""), text_fr: typeof fr === "string" ? fr : null };
}

function param(t: TFunction, value: unknown, lang: string): unknown {
  if (typeof value !== "object" || value === null) return value;
  const v = value as Record<string, unknown>;
  if (typeof v.key === "string") return String(t(v.key, (v.params ?? {}) as never));
  if (typeof v.day === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.day)) {
    return dateTimeFormat(intlLocale(lang), { day: "numeric", month: "long", timeZone: "UTC" }).format(
      new Date(`${v.day}T00:00:00Z`),
    );
  }
  return typeof v.text === "string" ? localized(v as { text: string; text_fr?: string | null }, "text", lang) : "";
}

/** Stored message(s) worded in `lang`; undefined when `text` holds none. */
export function worded(t: TFunction, text: unknown, lang: string): string | undefined {
  const list = (Array.isArray(text) ? text : [text]).filter(
    (m): m is NotificationMessage => !!m && typeof (m as NotificationMessage).key === "string",
  );
  if (!list.length) return undefined;
  return list
    .map((m) => {
      const params = Object.fromEntries(Object.entries(m.params ?? {}).map(([k, v]) => [k, param(t, v, lang)]));
      return String(t(m.key, params as never));
    })
    .join(" ");
}

export type NotificationView = {
  kind: string;
  data: Record<string, unknown>;
  actor: { username: string; display_name: string } | null;
};

export function notificationText(t: TFunction, n: NotificationView, lang: string): string {
  const d = n.data;
  const actor = n.actor?.display_name ?? "";
  const title = String(d.title ?? "");
  switch (n.kind) {
    case "like": {
      const others = Number(d.others ?? 0);
      const name = Array.isArray(d.names) && d.names.length ? String(d.names[0]) : actor;
      return others > 0
        ? t("notifications.text.likeGrouped", { name, count: others, title })
        : t("notifications.text.like", { name, title });
    }
    case "reply":
    case "posted":
    case "mention":
    case "quote":
      return t(`notifications.text.${n.kind}`, { name: actor, title });
    case "reminder":
      // a bookmark's reminder names its topic; others (an event's seat) carry their own message
      return worded(t, d.text, lang) ?? t("notifications.text.reminder", { title });
    case "moderation":
      return t(`notifications.text.moderation.${String(d.action ?? "edited")}`, {
        title,
        defaultValue: t("notifications.text.moderation.edited", { title }),
      });
    default:
      return worded(t, d.text, lang) ?? String(d.message ?? t("notifications.text.generic"));
  }
}

/** The note a staff member wrote with a decision (plain text; pages escape it, mail is plain text). */
export function notificationNote(n: Pick<NotificationView, "data">): string | null {
  const note = n.data.note;
  return typeof note === "string" && note.trim() ? note : null;
}

/** Where a notification leads: the post when there is one, else the link it carries. */
export function notificationHref(n: { data: Record<string, unknown>; topic_id: number | null }): string {
  const d = n.data;
  if (n.topic_id && d.slug) {
    const post = d.postNumber ? `/${Number(d.postNumber)}#post-${Number(d.postNumber)}` : "";
    return `/t/${String(d.slug)}/${n.topic_id}${post}`;
  }
  // older notifications name their link `url` (progress, applications), newer ones `href`
  const href = typeof d.href === "string" ? d.href : d.url;
  return typeof href === "string" && href.startsWith("/") && !href.startsWith("//") ? href : "/notifications";
}
