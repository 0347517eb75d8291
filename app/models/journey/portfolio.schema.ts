// Portfolio with panel review (browser-safe): the member's form (projects and references in fixed
// slots, so it works without JavaScript), the reviewers' rubric, and staff's forms. Messages are
// i18n keys (portfolio.errors.*).
import { z } from "zod";
import { rowId } from "../shared/id.schema";

/** Slots on the member's form: empty ones are ignored. */
export const PROJECT_SLOTS = 3;
export const REFERENCE_SLOTS = 3;

/** The rubric, from the CCSM experience route's own criteria (seed 002). Each scored 1-5 with a comment. */
export const RUBRIC = ["leadership", "improvement", "customerExperience", "evidence"] as const;
export type Criterion = (typeof RUBRIC)[number];
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

export const RELATIONSHIPS = ["supervisor", "client", "colleague"] as const;

const text = (max: number, key: string) => z.string().trim().max(max, key).default("");

export const ProjectSchema = z
  .object({
    title: text(200, "portfolio.errors.projectTitle"),
    description: text(5000, "portfolio.errors.description"),
  })
  .refine((p) => !(p.title === "") === !(p.description === ""), {
    message: "portfolio.errors.projectHalf",
    path: ["description"],
  });

export const ReferenceSchema = z
  .object({
    name: text(200, "portfolio.errors.referenceName"),
    email: text(254, "portfolio.errors.referenceEmail"),
    phone: text(40, "portfolio.errors.referencePhone"),
    organisation: text(200, "portfolio.errors.referenceOrganisation"),
    relationship: z.enum(RELATIONSHIPS, { error: "portfolio.errors.relationship" }).or(z.literal("")).default(""),
  })
  .superRefine((r, ctx) => {
    const filled = [r.name, r.email, r.phone, r.organisation].some(Boolean);
    if (!filled) return;
    if (r.name.length < 2) ctx.addIssue({ code: "custom", message: "portfolio.errors.referenceName", path: ["name"] });
    if (!z.email().safeParse(r.email).success)
      ctx.addIssue({ code: "custom", message: "portfolio.errors.referenceEmail", path: ["email"] });
    if (r.phone && !/^[+0-9 ().-]{5,40}$/.test(r.phone))
      ctx.addIssue({ code: "custom", message: "portfolio.errors.referencePhone", path: ["phone"] });
    if (!r.relationship)
      ctx.addIssue({ code: "custom", message: "portfolio.errors.relationship", path: ["relationship"] });
  });

export type ProjectInput = z.infer<typeof ProjectSchema>;
export type ReferenceInput = z.infer<typeof ReferenceSchema>;

/** The flat form's field name of one slot's field: "project.0.title", "reference.2.email". */
export const slotField = (group: "project" | "reference", i: number, field: string) => `${group}.${i}.${field}`;

/** Reads the slots out of a flat form; field errors come back under the flat names. */
export function parseSlots(form: Record<string, unknown>) {
  const fields: Record<string, string> = {};
  const read = <S extends z.ZodType>(group: "project" | "reference", n: number, schema: S, names: string[]) => {
    const out: z.infer<S>[] = [];
    for (let i = 0; i < n; i++) {
      const raw = Object.fromEntries(names.map((f) => [f, form[slotField(group, i, f)] ?? ""]));
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          fields[slotField(group, i, String(issue.path[0] ?? names[0]))] ??= issue.message;
      } else out.push(parsed.data);
    }
    return out;
  };
  const projects = read("project", PROJECT_SLOTS, ProjectSchema, ["title", "description"]).filter((p) => p.title);
  const references = read("reference", REFERENCE_SLOTS, ReferenceSchema, [
    "name",
    "email",
    "phone",
    "organisation",
    "relationship",
  ]).filter((r) => r.name);
  return { projects, references, fields };
}

/** A reference answering the request: confirm (with an optional statement) or say they cannot. */
export const ReferenceAnswerSchema = z.object({
  answer: z.enum(["confirm", "decline"], { error: "portfolio.errors.answer" }),
  statement: z.string().trim().max(3000, "portfolio.errors.statement").default(""),
});

/** One reviewer's scores: every criterion, a whole score 1-5 and a comment each. */
export const ReviewSchema = z.object(
  Object.fromEntries(
    RUBRIC.flatMap((c) => [
      [
        `score.${c}`,
        z.coerce
          .number({ error: "portfolio.errors.score" })
          .int("portfolio.errors.score")
          .min(SCORE_MIN, "portfolio.errors.score")
          .max(SCORE_MAX, "portfolio.errors.score"),
      ],
      [
        `comment.${c}`,
        z
          .string({ error: "portfolio.errors.comment" })
          .trim()
          .min(3, "portfolio.errors.comment")
          .max(2000, "portfolio.errors.comment"),
      ],
    ]),
  ) as Record<`score.${Criterion}`, z.ZodCoercedNumber> & Record<`comment.${Criterion}`, z.ZodString>,
);

/** Stored scores (portfolio_reviews.scores), checked again when read. */
export const StoredScoresSchema = z.array(
  z.object({ criterion: z.enum(RUBRIC), score: z.number().int().min(SCORE_MIN).max(SCORE_MAX), comment: z.string() }),
);
export type Score = z.infer<typeof StoredScoresSchema>[number];

export const AssignReviewerSchema = z.object({
  intent: z.literal("assign"),
  username: z
    .string({ error: "portfolio.errors.reviewer" })
    .trim()
    .min(1, "portfolio.errors.reviewer")
    .max(60, "portfolio.errors.reviewer"),
});

export const InterviewSchema = z.object({
  intent: z.literal("interview"),
  startsAt: z
    .string({ error: "portfolio.errors.interviewStart" })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "portfolio.errors.interviewStart"),
  minutes: z.coerce
    .number({ error: "portfolio.errors.interviewMinutes" })
    .int("portfolio.errors.interviewMinutes")
    .min(15, "portfolio.errors.interviewMinutes")
    .max(240, "portfolio.errors.interviewMinutes"),
  place: z
    .string({ error: "portfolio.errors.interviewPlace" })
    .trim()
    .min(2, "portfolio.errors.interviewPlace")
    .max(300, "portfolio.errors.interviewPlace"),
});

export const DecisionSchema = z.object({
  intent: z.literal("decide"),
  decision: z.enum(["approved", "declined"], { error: "portfolio.errors.decision" }),
  reasons: z
    .string({ error: "portfolio.errors.reasons" })
    .trim()
    .min(10, "portfolio.errors.reasons")
    .max(5000, "portfolio.errors.reasons"),
});

export const StaffPortfolioSchema = z.discriminatedUnion("intent", [
  AssignReviewerSchema,
  z.object({ intent: z.literal("unassign"), reviewId: rowId() }),
  InterviewSchema,
  DecisionSchema,
]);
