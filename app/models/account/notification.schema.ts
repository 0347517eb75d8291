// The kinds of notification a member can tune (browser-safe: the settings page builds its form from them).
export const NOTIFICATION_KINDS = [
  "reply",
  "mention",
  "quote",
  "like",
  "moderation",
  "progress",
  "application",
  "mentorship",
  "reminder",
  "posted",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
