// Staff set a credential's CPD policy on /admin/cpd (browser-safe schema).
import { z } from "zod";

const points = (max: number) =>
  z.coerce
    .number({ error: "cpd.admin.errors.number" })
    .int("cpd.admin.errors.number")
    .min(0, "cpd.admin.errors.number")
    .max(max, "cpd.admin.errors.number");

export const CPD_KINDS = ["activity", "event", "course", "book"] as const;
export type CpdKind = (typeof CPD_KINDS)[number];

export const CpdPolicySchema = z.object({
  intent: z.literal("save"),
  target: z.string().regex(/^(level:[1-4]|designation:[A-Z0-9-]{2,20})$/, "cpd.admin.errors.target"),
  // 0 turns the requirement off
  pointsPerYear: points(1000),
  activityPoints: points(100),
  eventPoints: points(100),
  coursePoints: points(100),
  bookPoints: points(100),
  countsFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "cpd.admin.errors.date")
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(+d) && d.toISOString().startsWith(s);
    }, "cpd.admin.errors.date"),
});
export type CpdPolicyInput = z.infer<typeof CpdPolicySchema>;
