// The yearly awards (browser-safe): the round staff open, the self-nomination members write,
// and the form judges fill in. Messages are i18n keys.
import { z } from "zod";
import { rowId } from "../shared/id.schema";

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export const RoundSchema = z.object({
  year: z.coerce
    .number({ error: "awards.errors.year" })
    .int("awards.errors.year")
    .min(2000, "awards.errors.year")
    .max(2100, "awards.errors.year"),
  title: z
    .string({ error: "awards.errors.title" })
    .trim()
    .min(3, "awards.errors.title")
    .max(200, "awards.errors.title"),
  intro: z.string().trim().max(5000, "awards.errors.intro").default(""),
  deadline: z
    .string({ error: "awards.errors.deadline" })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "awards.errors.deadline"),
  // one per line; a category may carry a description after " - " and the levels open to it, "[3-4]"
  categories: z
    .string({ error: "awards.errors.categories" })
    .transform(lines)
    .pipe(
      z
        .array(z.string().max(300, "awards.errors.categories"))
        .min(1, "awards.errors.categories")
        .max(20, "awards.errors.categories"),
    )
    .transform((ls, ctx) => {
      const out = ls.map(parseCategoryLine);
      const bad = out.find((c) => !c.ok) ?? out.find((c) => c.ok && !reachable(c));
      if (bad) {
        const impossible = bad.ok;
        const { min: from, max: to } = NOMINATION_LEVELS;
        ctx.addIssue({
          code: "custom",
          message: impossible ? "staffViews.awards.errors.impossible" : "staffViews.awards.errors.levels",
          params: bad.ok
            ? { name: bad.name, min: bad.minLevel, max: bad.maxLevel, from, to, top: TOP_LEVEL }
            : { name: bad.name, from, to, top: TOP_LEVEL },
        });
        return z.NEVER;
      }
      return out as CategoryLine[];
    }),
  criteria: z
    .string({ error: "awards.errors.criteria" })
    .transform(lines)
    .pipe(
      z
        .array(z.string().max(200, "awards.errors.criteria"))
        .min(1, "awards.errors.criteria")
        .max(10, "awards.errors.criteria"),
    ),
});
export type RoundInput = z.infer<typeof RoundSchema>;

export const TOP_LEVEL = 4;
/** Who may nominate themselves: members at these levels (permissions.server.ts `canNominate`). */
export const NOMINATION_LEVELS = { min: 3, max: TOP_LEVEL } as const;

export type CategoryLine = { ok: true; name: string; description: string; minLevel: number; maxLevel: number };
type BadLine = { ok: false; name: string };

/** "Service leadership - leading a team through change [3-4]": name, description, levels (all by default). */
export function parseCategoryLine(line: string): CategoryLine | BadLine {
  const m = /(?<!\s)\s*\[\s*(\d{1,3})\s*(?:[-–]\s*(\d{1,3})\s*)?\]\s*$/.exec(line);
  const text = m ? line.slice(0, m.index) : line;
  const [name, ...rest] = text.split(" - ");
  const out = { name: name.trim().slice(0, 120), description: rest.join(" - ").trim() };
  if (!m) return { ok: true, ...out, minLevel: 1, maxLevel: TOP_LEVEL };
  const minLevel = Number(m[1]);
  const maxLevel = m[2] === undefined ? minLevel : Number(m[2]);
  if (minLevel < 1 || maxLevel > TOP_LEVEL || minLevel > maxLevel) return { ok: false, name: out.name };
  return { ok: true, ...out, minLevel, maxLevel };
}

/** Can any member who may nominate themselves be at one of the category's levels? */
const reachable = (c: { minLevel: number; maxLevel: number }) =>
  c.maxLevel >= NOMINATION_LEVELS.min && c.minLevel <= NOMINATION_LEVELS.max;

/** The category is open to a member at this level. */
export const categoryOpenTo = (c: { min_level: number; max_level: number }, level: number) =>
  level >= c.min_level && level <= c.max_level;

export const DeadlineSchema = z.object({
  deadline: z
    .string({ error: "awards.errors.deadline" })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "awards.errors.deadline"),
});

export const NOMINATION_MAX_LINKS = 10;
export const NOMINATION_MAX_FILES = 5;

export const NominationSchema = z.object({
  categoryId: z.coerce.number({ error: "awards.errors.category" }).int().min(1, "awards.errors.category"),
  statement: z.string().trim().max(5000, "awards.errors.statementLong").default(""),
  achievements: z.string().trim().max(5000, "awards.errors.achievementsLong").default(""),
  evidenceLinks: z
    .string()
    .default("")
    .transform(lines)
    .pipe(
      z
        .array(z.url({ protocol: /^https?$/, error: "awards.errors.links" }).max(2000, "awards.errors.links"))
        .max(NOMINATION_MAX_LINKS, "awards.errors.tooManyLinks"),
    ),
});
export type NominationInput = z.infer<typeof NominationSchema>;

/** What a submission needs beyond a draft: a statement and the achievements it rests on. */
export function submissionProblems(n: { statement: string; achievements: string }): Record<string, string> {
  const out: Record<string, string> = {};
  if (n.statement.trim().length < 50) out.statement = "awards.errors.statementShort";
  if (n.achievements.trim().length < 20) out.achievements = "awards.errors.achievementsShort";
  return out;
}

export const JudgeSchema = z.object({
  categoryId: rowId("awards.errors.category"),
  username: z
    .string({ error: "awards.errors.username" })
    .trim()
    .min(1, "awards.errors.username")
    .max(100, "awards.errors.username"),
});
