// The recruiter's desk: pipeline stages, note and message limits, and the forms' schemas
// (browser-safe: the pages import the limits for maxlength).
import { z } from "zod";
import type { ShortlistStage } from "../../../db/schema";

export const STAGES = [
  "new",
  "contacted",
  "interviewing",
  "hired",
  "not_fit",
] as const satisfies readonly ShortlistStage[];
export const NOTE_MAX = 2000;
export const THREAD_MESSAGE_MAX = 2000;

export const ShortlistEntrySchema = z.object({
  username: z.string().trim().min(1).max(40),
  stage: z.enum(STAGES, { message: "desk.errors.stage" }),
  note: z
    .string()
    .max(NOTE_MAX, { message: "desk.errors.noteLong" })
    .transform((s) => s.trim()),
});

export const ThreadMessageSchema = z.object({
  body: z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(2, { message: "desk.errors.messageShort" })
        .max(THREAD_MESSAGE_MAX, { message: "desk.errors.messageLong" }),
    ),
});

/** A stage read from an address (?stage=): anything else means every stage. */
export const stageFilter = (s: string | null): ShortlistStage | undefined =>
  (STAGES as readonly string[]).includes(s ?? "") ? (s as ShortlistStage) : undefined;
