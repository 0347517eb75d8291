// Activities and reading-log entries members keep (browser-safe). Messages are i18n keys.
import { z } from "zod";
import { rowId } from "../shared/id.schema";

export const ACTIVITY_KINDS = ["conference", "meetup", "training", "webinar", "other"] as const;

const day = (key: string) =>
  z
    .string({ error: key })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, key)
    .refine((d) => {
      const x = new Date(`${d}T00:00:00Z`);
      return !Number.isNaN(x.getTime()) && x.toISOString().slice(0, 10) === d;
    }, key)
    // a day of slack: "today" in Lagos can be tomorrow in UTC
    .refine((d) => d <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), "logs.errors.future");

const optionalUrl = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
  z
    .url({ protocol: /^https?$/, error: "logs.errors.url" })
    .max(2000, "logs.errors.url")
    .optional(),
);

export const ActivitySchema = z.object({
  kind: z.enum(ACTIVITY_KINDS, { error: "logs.errors.kind" }),
  title: z.string({ error: "logs.errors.title" }).trim().min(3, "logs.errors.title").max(200, "logs.errors.title"),
  occurredOn: day("logs.errors.date"),
  organiser: z.string().trim().max(200, "logs.errors.tooLong").default(""),
  evidenceUrl: optionalUrl,
  reflection: z.string().trim().max(2000, "logs.errors.reflectionLong").default(""),
});
export type ActivityInput = z.infer<typeof ActivitySchema>;

export const ReadingSchema = z
  .object({
    bookId: z.preprocess((v) => (v === "" || v === "other" ? undefined : v), rowId().optional()),
    title: z.string().trim().max(200, "logs.errors.tooLong").default(""),
    author: z.string().trim().max(200, "logs.errors.tooLong").default(""),
    finishedOn: day("logs.errors.date"),
    review: z.string().trim().max(4000, "logs.errors.reviewLong").default(""),
    share: z.preprocess((v) => v === "on" || v === "true", z.boolean()).default(false),
  })
  .superRefine((v, ctx) => {
    if (!v.bookId && v.title.length < 2)
      ctx.addIssue({ code: "custom", path: ["title"], message: "logs.errors.bookTitle" });
    if (v.share && v.review.length < 20)
      ctx.addIssue({ code: "custom", path: ["review"], message: "logs.errors.reviewShort" });
  });
export type ReadingInput = z.infer<typeof ReadingSchema>;

export const EntryDecisionSchema = z.object({
  entry: z.enum(["activity", "reading"]),
  id: rowId(),
  intent: z.enum(["approve", "reject"]),
  reason: z.string().trim().max(1000, "admin.logs.errors.reasonLong").default(""),
});
