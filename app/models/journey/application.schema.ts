// The application for the next level (browser-safe). Messages are i18n keys.
import { z } from "zod";
import { rowId } from "../shared/id.schema";

const years = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.coerce
    .number({ error: "progress.apply.errors.years" })
    .min(0, "progress.apply.errors.years")
    .max(60, "progress.apply.errors.years")
    .optional(),
);
const text = (max: number, key: string) => z.string().trim().max(max, key).default("");

export const ApplicationSchema = z.object({
  route: z.enum(["experience", "exam"], { error: "progress.apply.errors.route" }).optional(),
  /** the alternative route the applicant uses (empty: the closest ready one) */
  routeId: z.preprocess((v) => (v === "" ? undefined : v), rowId("credentialRoutes.errors.route").optional()),
  roleTitle: text(200, "progress.apply.errors.tooLong"),
  organisation: text(200, "progress.apply.errors.tooLong"),
  customerFacingYears: years,
  managingYears: years,
  portfolio: text(10_000, "progress.apply.errors.portfolioLong"),
  evidenceLinks: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.url({ protocol: /^https?$/, error: "progress.apply.errors.link" }))
        .max(10, "progress.apply.errors.tooManyLinks"),
    ),
  referees: text(2000, "progress.apply.errors.tooLong"),
});
export type ApplicationInput = z.infer<typeof ApplicationSchema>;

/** The form field in which an applicant declares the years an `experience_years` requirement asks for. */
export const experienceField = (experience: unknown) =>
  experience === "customer_facing" ? ("customerFacingYears" as const) : ("managingYears" as const);

/** What an applicant declares and hands in, for a level or a designation. */
export const applicationEvidence = (input: ApplicationInput) => ({
  role_title: input.roleTitle || null,
  organisation: input.organisation || null,
  customer_facing_years: input.customerFacingYears ?? null,
  managing_years: input.managingYears ?? null,
  portfolio: input.portfolio,
  evidence_links: input.evidenceLinks,
  referees: input.referees,
});

export const DecisionSchema = z.object({
  intent: z.enum(["approve", "reject"]),
  reason: z.string().trim().max(2000, "admin.applications.errors.reasonLong").default(""),
  confirmUnmet: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
});
