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

export const NewTopicSchema = z.object({
  title: z
    .string({ error: "composer.errors.titleShort" })
    .transform((s) => s.trim().replace(/\s+/g, " "))
    .refine((s) => s.length >= TITLE_MIN, "composer.errors.titleShort")
    .refine((s) => s.length <= TITLE_MAX, "composer.errors.titleLong"),
  category: z.string({ error: "composer.errors.category" }).min(1, "composer.errors.category").max(100, "composer.errors.category"),
  tags: z.array(z.string().max(60)).max(5, "composer.errors.tooManyTags").default([]),
  body,
});

export const ReplySchema = z.object({
  body,
  replyTo: z.coerce.number().int().min(1).max(1_000_000).optional(),
});

export const EditPostSchema = z.object({ body, title: z.string().trim().min(TITLE_MIN, "composer.errors.titleShort").max(TITLE_MAX, "composer.errors.titleLong").optional() });
