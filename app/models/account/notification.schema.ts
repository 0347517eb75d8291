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

/** How often a member's digest comes (shared with the settings page, which runs in the browser too). */
export const DIGESTS = ["daily", "weekly", "never"] as const;
export type Digest = (typeof DIGESTS)[number];
