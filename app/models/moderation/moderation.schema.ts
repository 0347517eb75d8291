// Moderation forms' choices and schemas, shared by pages and models (browser-safe).
import { z } from "zod";
import { TITLE_MAX, TITLE_MIN } from "../forum/topic.schema";

export const FLAG_REASONS = ["off_topic", "inappropriate", "spam", "other"] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
export const FLAG_NOTE_MAX = 1000;

export const FlagSchema = z
  .object({
    reason: z.enum(FLAG_REASONS, { error: "moderation.flag.errors.reason" }),
    note: z
      .string()
      .trim()
      .max(FLAG_NOTE_MAX, "moderation.flag.errors.noteLong")
      .optional()
      .transform((s) => s || undefined),
  })
  .refine((f) => f.reason !== "other" || !!f.note, { path: ["note"], message: "moderation.flag.errors.noteRequired" });

export const REVIEW_DECISIONS = ["agree", "agree_delete", "disagree", "ignore"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const TOPIC_ACTIONS = [
  "close",
  "reopen",
  "pin",
  "pinGlobally",
  "unpin",
  "archive",
  "unarchive",
  "unlist",
  "list",
] as const;
export type TopicAction = (typeof TOPIC_ACTIONS)[number];

export const SANCTION_KINDS = ["silence", "suspend"] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

export const SanctionSchema = z.object({
  kind: z.enum(SANCTION_KINDS, { error: "moderation.sanction.errors.kind" }),
  days: z.coerce
    .number({ error: "moderation.sanction.errors.days" })
    .int("moderation.sanction.errors.days")
    .min(1, "moderation.sanction.errors.days")
    .max(3650, "moderation.sanction.errors.days"),
  reason: z
    .string({ error: "moderation.sanction.errors.reason" })
    .trim()
    .min(3, "moderation.sanction.errors.reason")
    .max(500, "moderation.sanction.errors.reasonLong"),
});

export const SplitSchema = z.object({
  title: z
    .string({ error: "composer.errors.titleShort" })
    .transform((s) => s.trim().replace(/\s+/g, " "))
    .refine((s) => s.length >= TITLE_MIN, "composer.errors.titleShort")
    .refine((s) => s.length <= TITLE_MAX, "composer.errors.titleLong"),
});

/** "123", "#123" or a topic link ("https://…/t/some-slug/123/4") -> 123. */
export function parseTopicRef(text: string | undefined): number | undefined {
  const s = (text ?? "").trim().slice(0, 500);
  const link = /\/t\/[^/\s]+\/(\d{1,9})(?:[/?#]|$)/.exec(s);
  if (link) return Number(link[1]);
  const bare = /^#?(\d{1,9})$/.exec(s);
  return bare ? Number(bare[1]) : undefined;
}
