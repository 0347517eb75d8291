// Endorsements and development plans (browser-safe): what the forms send, checked before any write.
import { z } from "zod";
import { PROFICIENCIES, type ProficiencyValue } from "./profile.schema";

export const STATEMENT_MIN = 20;
export const STATEMENT_MAX = 500;
const slug = z.string().regex(/^[a-z0-9-]{2,60}$/, "evidence.errors.missing");

/** Endorsing needs the sentence on the work the endorser saw; withdrawing needs nothing else. */
export const EndorsementSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("endorse"),
    competency: slug,
    statement: z
      .string({ error: "evidence.errors.statementShort" })
      .trim()
      .min(STATEMENT_MIN, "evidence.errors.statementShort")
      .max(STATEMENT_MAX, "evidence.errors.statementLong"),
  }),
  z.object({ intent: z.literal("unendorse"), competency: slug }),
]);
export type EndorsementInput = z.output<typeof EndorsementSchema>;

const level = z
  .enum(["", ...PROFICIENCIES], { message: "development.errors.level" })
  .default("")
  .transform((v) => v || null);

/**
 * The development plan form: `self.<slug>` and `target.<slug>` for each capability of the framework,
 * empty meaning "not set". Unknown values are refused, never guessed.
 */
export function parsePlanForm(form: Record<string, string>, slugs: string[]) {
  const shape: Record<string, typeof level> = {};
  for (const s of slugs) shape[`self.${s}`] = shape[`target.${s}`] = level;
  const parsed = z.object(shape).safeParse(form);
  if (!parsed.success) return { ok: false as const };
  const v = parsed.data as Record<string, ProficiencyValue | null>;
  const plan = Object.fromEntries(slugs.map((s) => [s, { selfAssessed: v[`self.${s}`], target: v[`target.${s}`] }]));
  return { ok: true as const, plan };
}
export type PlanInput = Record<string, { selfAssessed: ProficiencyValue | null; target: ProficiencyValue | null }>;
