// Requirement parameters, one zod schema per kind (browser-safe). The seed and the admin page
// both validate with these, so a row's params always have the shape its evaluator expects.
import { z } from "zod";
import { rowId } from "../shared/id.schema";
import { REFERENCE_SLOTS } from "./portfolio.schema";

export const REQUIREMENT_KINDS = [
  "distinct_topics",
  "field_experiences",
  "activities",
  "books",
  "webinar",
  "assessment",
  "profile",
  "experience_years",
  "mentoring",
  "award_nomination",
  "module_tasks",
  "portfolio",
] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];
export const PHASES = ["entry", "duty", "completion"] as const;
export type Phase = (typeof PHASES)[number];

export const PROFILE_FIELDS = ["displayName", "photo", "jobTitle", "organisation", "bio", "achievements"] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export const EXPERIENCES = ["customer_facing", "managing_team"] as const;
export type Experience = (typeof EXPERIENCES)[number];

const count = (max: number) =>
  z
    .number({ error: "admin.requirements.errors.number" })
    .int("admin.requirements.errors.number")
    .min(0, "admin.requirements.errors.number")
    .max(max, "admin.requirements.errors.number");
const slug = z.string().trim().min(1, "admin.requirements.errors.required").max(100);

export const paramsSchemas = {
  distinct_topics: z.strictObject({ min: count(1000), excludeCategories: z.array(slug).max(50).optional() }),
  field_experiences: z.strictObject({ min: count(1000), period: z.enum(["level", "year"]) }),
  activities: z.strictObject({ minPerYear: count(365), requireApproval: z.boolean() }),
  books: z.strictObject({ minPerTrimester: count(100), recommendedOnly: z.boolean() }),
  webinar: z.strictObject({ webinar: slug }),
  assessment: z.strictObject({
    test: slug,
    passMark: z
      .number({ error: "admin.requirements.errors.percent" })
      .min(0, "admin.requirements.errors.percent")
      .max(100, "admin.requirements.errors.percent")
      .nullable(),
  }),
  profile: z.strictObject({
    fields: z.array(z.enum(PROFILE_FIELDS)).min(1),
    optionalFields: z.array(z.enum(PROFILE_FIELDS)).optional(),
  }),
  experience_years: z.strictObject({
    experience: z.enum(EXPERIENCES),
    minYears: z
      .number({ error: "admin.requirements.errors.years" })
      .min(0, "admin.requirements.errors.years")
      .max(60, "admin.requirements.errors.years"),
  }),
  mentoring: z.strictObject({ minActiveMentees: count(20) }),
  award_nomination: z.strictObject({ perYear: count(10) }),
  module_tasks: z.strictObject({ programme: slug, modules: z.array(z.number().int().min(1).max(50)).min(1).max(50) }),
  // a panel of at least two reviewers; references who must confirm before staff may approve
  portfolio: z.strictObject({
    reviewers: count(10).min(2, "portfolio.errors.reviewersMin"),
    references: count(REFERENCE_SLOTS),
  }),
} satisfies Record<RequirementKind, z.ZodType>;

export type ParamsOf<K extends RequirementKind> = z.infer<(typeof paramsSchemas)[K]>;

export function parseParams<K extends RequirementKind>(kind: K, params: unknown): z.ZodSafeParseResult<ParamsOf<K>> {
  return paramsSchemas[kind].safeParse(params) as z.ZodSafeParseResult<ParamsOf<K>>;
}

export const isRequirementKind = (k: string): k is RequirementKind =>
  (REQUIREMENT_KINDS as readonly string[]).includes(k);

/** The admin form: a label, plus one field per parameter (numbers, booleans, comma-separated lists). */
export const RequirementEditSchema = z.object({
  id: rowId(),
  label: z
    .string({ error: "admin.requirements.errors.label" })
    .trim()
    .min(3, "admin.requirements.errors.label")
    .max(300, "admin.requirements.errors.label"),
  // empty: not translated (French readers see the English label)
  labelFr: z
    .string()
    .trim()
    .max(300, "admin.requirements.errors.labelFr")
    .refine((s) => s === "" || s.length >= 3, "admin.requirements.errors.labelFr")
    .transform((s) => s || null)
    .default(""),
});

/** Rebuilds typed params from form strings, using the current params' value types as the guide. */
export function paramsFromForm(
  current: Record<string, unknown>,
  form: Record<string, string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(current)) {
    const raw = form[`param.${key}`];
    if (typeof value === "boolean") out[key] = raw === "on" || raw === "true";
    else if (typeof value === "number" || value === null) {
      const s = (raw ?? "").trim();
      out[key] = s === "" ? null : Number(s);
      if (typeof value === "number" && s === "") out[key] = NaN;
    } else if (Array.isArray(value)) {
      const parts = (raw ?? "")
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean);
      out[key] = value.length && typeof value[0] === "number" ? parts.map(Number) : parts;
    } else out[key] = (raw ?? "").trim();
  }
  return out;
}

/** Starting parameters of a requirement staff add to a route; they set the real thresholds in its own form next. */
export const DEFAULT_PARAMS: { [K in RequirementKind]: ParamsOf<K> } = {
  distinct_topics: { min: 1 },
  field_experiences: { min: 1, period: "year" },
  activities: { minPerYear: 1, requireApproval: false },
  books: { minPerTrimester: 1, recommendedOnly: false },
  webinar: { webinar: "webinar-1.0" },
  assessment: { test: "aptitude-test-2.0", passMark: 80 },
  profile: { fields: ["displayName"] },
  experience_years: { experience: "customer_facing", minYears: 1 },
  mentoring: { minActiveMentees: 1 },
  award_nomination: { perYear: 1 },
  module_tasks: { programme: "employee-cs-training", modules: [1] },
  portfolio: { reviewers: 2, references: 2 },
};

const routeName = z
  .string({ error: "credentialRoutes.admin.errors.routeName" })
  .trim()
  .min(3, "credentialRoutes.admin.errors.routeName")
  .max(200, "credentialRoutes.admin.errors.routeName");
const routeNameFr = z
  .string()
  .trim()
  .max(200, "credentialRoutes.admin.errors.routeNameFr")
  .refine((s) => s === "" || s.length >= 3, "credentialRoutes.admin.errors.routeNameFr")
  .transform((s) => s || null)
  .default("");

/** Staff add a route to a level's completion or to a designation, name it, and fill it (admin requirements page). */
export const RouteFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("route.create"),
    target: z.string().regex(/^(level:[1-4]|designation:[A-Z0-9-]{2,20})$/, "credentialRoutes.admin.errors.target"),
    name: routeName,
    nameFr: routeNameFr,
  }),
  z.object({ intent: z.literal("route.update"), routeId: rowId(), name: routeName, nameFr: routeNameFr }),
  z.object({
    intent: z.literal("route.addRequirement"),
    routeId: rowId(),
    kind: z.enum(REQUIREMENT_KINDS, { error: "credentialRoutes.admin.errors.kind" }),
  }),
]);
export type RouteForm = z.infer<typeof RouteFormSchema>;
