// The audit log's filters (browser-safe). Filters are a GET form: a bad value is reported beside
// its field and the rest of the form is kept.
import { z } from "zod";
import { rowId } from "../shared/id.schema";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
// a real calendar day: 2026-02-30 is refused, not rolled over into March
const isDay = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const day = z.preprocess(blank, z.string().trim().refine(isDay, "staffViews.audit.errors.date").optional());

export const AuditFilterSchema = z
  .object({
    staff: z.preprocess(blank, rowId("staffViews.audit.errors.staff").optional()),
    member: z.preprocess(blank, z.string().trim().max(100, "staffViews.audit.errors.member").optional()),
    kind: z.preprocess(
      blank,
      z
        .string()
        .regex(/^[a-z_]{1,40}$/, "staffViews.audit.errors.kind")
        .optional(),
    ),
    from: day,
    to: day,
    before: z
      .preprocess(blank, z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional())
      .catch(undefined),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "staffViews.audit.errors.range", path: ["to"] });
export type AuditFilterInput = z.infer<typeof AuditFilterSchema>;
