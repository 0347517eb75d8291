// Forms of learning groups, readiness, appeals and the tutor clock report (browser-safe).
import { z } from "zod";
import { rowId } from "../shared/id.schema";
import { dateTimeFormat } from "../../intl";

const ymd = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "groups.errors.date")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "groups.errors.date");
const login = z.string().trim().min(1, "form.required").max(254, "groups.errors.unknownUser");

export const GroupSchema = z
  .object({
    name: z.string().trim().min(3, "groups.errors.name").max(120, "groups.errors.name"),
    startsOn: ymd,
    endsOn: ymd,
    tutor: login,
  })
  .refine((g) => g.endsOn >= g.startsOn, { message: "groups.errors.endBeforeStart", path: ["endsOn"] });

export const LearnerSchema = z.object({ learner: login });

export const ReadinessSchema = z.object({
  userId: rowId(),
  note: z.string().trim().min(10, "readiness.errors.note").max(2000, "readiness.errors.note"),
});

export const AppealSchema = z.object({
  subjectType: z.string().regex(/^[a-z_]{1,30}$/, "appeals.errors.subject"),
  subjectId: rowId("appeals.errors.subject"),
  reason: z.string().trim().min(20, "appeals.errors.reason").max(2000, "appeals.errors.reason"),
});

export const AppealDecisionSchema = z.object({
  appealId: rowId(),
  decision: z.enum(["upheld", "dismissed"], { message: "appeals.errors.decision" }),
  reason: z.string().trim().min(10, "appeals.errors.decisionReason").max(2000, "appeals.errors.decisionReason"),
  // what an upheld appeal of a result changes (required then, checked by the model)
  remedy: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(["retake", "regrade", "annul"], { message: "appeals.errors.remedy" }).optional(),
  ),
  score: z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : v),
    z.coerce
      .number({ error: "appeals.errors.score" })
      .min(0, "appeals.errors.score")
      .max(100, "appeals.errors.score")
      .optional(),
  ),
});

export const FiguresRangeSchema = z
  .object({ from: ymd, to: ymd })
  .refine((r) => r.to >= r.from, { message: "clock.errors.range", path: ["to"] })
  .refine((r) => Date.parse(`${r.to}T00:00:00Z`) - Date.parse(`${r.from}T00:00:00Z`) <= 3 * 366 * 86_400_000, {
    message: "clock.errors.rangeLong",
    path: ["to"],
  });

export const ClockSettingsSchema = z.object({
  excludeWeekends: z.enum(["on", "off"]).transform((v) => v === "on"),
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine((tz) => {
      try {
        dateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "clock.errors.timeZone"),
});
