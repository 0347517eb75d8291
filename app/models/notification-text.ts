// One wording for a notification, shared by the in-app list and the email (browser-safe).
import type { TFunction } from "i18next";

export type NotificationView = {
  kind: string;
  data: Record<string, unknown>;
  actor: { username: string; display_name: string } | null;
};

export function notificationText(t: TFunction, n: NotificationView): string {
  const d = n.data;
  const actor = n.actor?.display_name ?? "";
  const title = String(d.title ?? "");
  switch (n.kind) {
    case "like": {
      const others = Number(d.others ?? 0);
      const name = Array.isArray(d.names) && d.names.length ? String(d.names[0]) : actor;
      return others > 0 ? t("notifications.text.likeGrouped", { name, count: others, title }) : t("notifications.text.like", { name, title });
    }
    case "reply":
    case "mention":
    case "quote":
      return t(`notifications.text.${n.kind}`, { name: actor, title });
    case "reminder":
      return t("notifications.text.reminder", { title });
    case "moderation":
      return t(`notifications.text.moderation.${String(d.action ?? "edited")}`, { title, defaultValue: t("notifications.text.moderation.edited", { title }) });
    default:
      return String(d.message ?? t("notifications.text.generic"));
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
  if (n.topic_id && d.slug) return `/t/${String(d.slug)}/${n.topic_id}${d.postNumber ? `/${Number(d.postNumber)}#post-${Number(d.postNumber)}` : ""}`;
  // older notifications name their link `url` (progress, applications), newer ones `href`
  const href = typeof d.href === "string" ? d.href : d.url;
  return typeof href === "string" && href.startsWith("/") && !href.startsWith("//") ? href : "/notifications";
}
