// Web Push on a member's devices (browser-safe: the settings form and the subscribe script use them).
import { z } from "zod";
import type { NotificationKind } from "./notification.schema";

// What may be pushed: mentions, replies, mentorship messages (tutors' answers arrive as mentorship
// notifications), application decisions and event reminders. Likes, quotes and progress stay in the app.
export const PUSH_KINDS = [
  "mention",
  "reply",
  "mentorship",
  "application",
  "reminder",
] as const satisfies readonly NotificationKind[];
export type PushKind = (typeof PUSH_KINDS)[number];

const base64url = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/);

/** What the browser's PushSubscription.toJSON() gives, as the settings page sends it. */
export const PushSubscribeSchema = z.object({
  intent: z.literal("subscribe"),
  endpoint: z.string().url().max(2000),
  // an uncompressed P-256 point (65 bytes) and a 16-byte secret
  p256dh: base64url(86, 90),
  auth: base64url(21, 26),
});

export const PushUnsubscribeSchema = z.object({ intent: z.literal("unsubscribe"), endpoint: z.string().max(2000) });

export const PushKindsSchema = z.object({
  intent: z.literal("kinds"),
  kinds: z.array(z.enum(PUSH_KINDS)).max(PUSH_KINDS.length),
});
