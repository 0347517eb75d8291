// Shared by the composer and its actions (browser-safe). Messages are i18n keys.
import { z } from "zod";

export const TITLE_MIN = 15;
export const TITLE_MAX = 255;
export const BODY_MIN = 20;
export const BODY_MAX = 32_000;

const body = z
  .string({ error: "composer.errors.bodyShort" })
  .refine((s) => s.trim().length >= BODY_MIN, "composer.errors.bodyShort")
  .refine((s) => s.length <= BODY_MAX, "composer.errors.bodyLong");

/** The random key a composer form carries, so a repeated submit of it finds the post it made. */
const submissionKey = z.uuid().optional().catch(undefined);

export const NewTopicSchema = z.object({
  title: z
    .string({ error: "composer.errors.titleShort" })
    .transform((s) => s.trim().replace(/\s+/g, " "))
    .refine((s) => s.length >= TITLE_MIN, "composer.errors.titleShort")
    .refine((s) => s.length <= TITLE_MAX, "composer.errors.titleLong"),
  category: z
    .string({ error: "composer.errors.category" })
    .min(1, "composer.errors.category")
    .max(100, "composer.errors.category"),
  tags: z.array(z.string().max(60)).max(5, "composer.errors.tooManyTags").default([]),
  body,
  submissionKey,
});

export const ReplySchema = z.object({
  body,
  replyTo: z.coerce.number().int().min(1).max(1_000_000).optional(),
  submissionKey,
});

export const EditPostSchema = z.object({
  body,
  title: z
    .string()
    .trim()
    .min(TITLE_MIN, "composer.errors.titleShort")
    .max(TITLE_MAX, "composer.errors.titleLong")
    .optional(),
});

/** A draft: anything up to the post's limits (no minimum: it is not finished). */
export const DraftSchema = z.object({
  body: z.string().max(BODY_MAX, "composer.errors.bodyLong").default(""),
  // more room than a title may have: an over-long title is refused when posting, not lost here
  title: z
    .string()
    .max(TITLE_MAX * 8, "composer.errors.titleLong")
    .optional(),
  category: z.string().max(100).optional(),
  tags: z.array(z.string().max(60)).max(5, "composer.errors.tooManyTags").optional(),
  replyTo: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
  submissionKey,
  // the saving page and its count of saves (FORMS_SCRIPT): saves can arrive out of order
  page: z
    .string()
    .regex(/^[a-z0-9]{1,24}$/)
    .optional()
    .catch(undefined),
  seq: z.coerce.number().int().min(0).max(1_000_000_000).optional().catch(undefined),
});
export type DraftInput = z.infer<typeof DraftSchema>;

/** Images in posts (app/models/forum/uploads.server.ts): the largest file accepted, in MB, and the long side kept. */
export const POST_IMAGE_MAX_MB = 10;
export const POST_IMAGE_MAX_SIDE = 1600;
