// The assessment engine's forms (browser-safe). Messages are i18n keys.
import { z } from "zod";

export const OPTION_SLOTS = 6;
/** Seconds accepted after an attempt's time limit, for the request in flight when time runs out. */
export const GRACE_SECONDS = 10;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const int = (min: number, max: number, key: string) =>
  z.coerce.number({ error: key }).int(key).min(min, key).max(max, key);
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "yes" || v === "true");

export const BankSchema = z.object({
  name: z.string().trim().min(1, "assessments.admin.errors.name").max(120, "assessments.admin.errors.name"),
  description: z.string().trim().max(2000, "assessments.admin.errors.tooLong").default(""),
});

const TAG = /^[a-z0-9][a-z0-9-]{0,39}$/;

export const QuestionSchema = z
  .object({
    prompt: z.string().trim().min(1, "assessments.admin.errors.prompt").max(2000, "assessments.admin.errors.tooLong"),
    explanation: z.string().trim().max(2000, "assessments.admin.errors.tooLong").default(""),
    tags: z
      .string()
      .default("")
      .transform((s) => [
        ...new Set(
          s
            .split(/[,\s]+/)
            .map((t) => t.trim().toLowerCase())
            .filter(Boolean),
        ),
      ])
      .pipe(z.array(z.string().regex(TAG, "assessments.admin.errors.tags")).max(10, "assessments.admin.errors.tags")),
    options: z
      .array(z.object({ text: z.string().trim().max(500, "assessments.admin.errors.tooLong"), correct: z.boolean() }))
      .length(OPTION_SLOTS),
  })
  .transform((q) => ({ ...q, options: q.options.filter((o) => o.text !== "") }))
  .superRefine((q, ctx) => {
    if (q.options.length < 2)
      ctx.addIssue({ code: "custom", path: ["options"], message: "assessments.admin.errors.twoOptions" });
    else if (!q.options.some((o) => o.correct))
      ctx.addIssue({ code: "custom", path: ["options"], message: "assessments.admin.errors.oneCorrect" });
    else if (new Set(q.options.map((o) => o.text.toLowerCase())).size !== q.options.length)
      ctx.addIssue({ code: "custom", path: ["options"], message: "assessments.admin.errors.sameOption" });
  });
export type QuestionInput = z.infer<typeof QuestionSchema>;

/** The question form's flat fields (option1..6, correct1..6) as the schema's shape. */
export function questionFromForm(f: Record<string, string>) {
  return {
    prompt: f.prompt ?? "",
    explanation: f.explanation ?? "",
    tags: f.tags ?? "",
    options: Array.from({ length: OPTION_SLOTS }, (_, i) => ({
      text: f[`option${i + 1}`] ?? "",
      correct: f[`correct${i + 1}`] === "on",
    })),
  };
}

export const DeliverySchema = z.object({
  bankId: z.preprocess(blankToUndefined, int(1, 2 ** 31 - 1, "assessments.admin.errors.bank").optional()),
  bankTag: z.preprocess(
    blankToUndefined,
    z.string().trim().toLowerCase().regex(TAG, "assessments.admin.errors.tags").optional(),
  ),
  questionCount: z.preprocess(blankToUndefined, int(1, 200, "assessments.admin.errors.questionCount").optional()),
  timeLimitMinutes: z.preprocess(blankToUndefined, int(1, 600, "assessments.admin.errors.timeLimit").optional()),
  cooldownHours: z.preprocess((v) => blankToUndefined(v) ?? "0", int(0, 8760, "assessments.admin.errors.cooldown")),
  revealMinBankRatio: z.preprocess(
    (v) => blankToUndefined(v) ?? "3",
    int(0, 100, "assessments.admin.errors.revealRatio"),
  ),
  passMark: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "assessments.admin.errors.passMark" })
      .min(0, "assessments.admin.errors.passMark")
      .max(100, "assessments.admin.errors.passMark")
      .optional(),
  ),
  readinessRequired: checkbox,
  online: checkbox,
});
export type DeliveryInput = z.infer<typeof DeliverySchema>;

/**
 * Answers as a form sends them: `q<questionId>` once per question (an empty hidden value first, so
 * a question whose boxes were all unticked still arrives, as "no answer"), then one value per
 * ticked option. Anything else in the form is ignored.
 */
export function answersFromForm(form: FormData): { ok: true; answers: Map<number, string[]> } | { ok: false } {
  const answers = new Map<number, string[]>();
  for (const [k, v] of form) {
    if (!k.startsWith("q")) continue;
    if (!/^q\d{1,9}$/.test(k) || typeof v !== "string" || v.length > 20 || answers.size > 200) return { ok: false };
    const id = Number(k.slice(1));
    const list = answers.get(id) ?? [];
    if (v !== "" && !list.includes(v)) list.push(v);
    answers.set(id, list);
  }
  return { ok: true, answers };
}
