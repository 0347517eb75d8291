// Mentor programme forms (browser-safe). Messages are i18n keys under "mentorship.errors".
import { z } from "zod";
import { rowId } from "../shared/id.schema";
import { dateTimeFormat } from "../../intl";

export const CAPACITY_MIN = 1;
export const CAPACITY_MAX = 10;
export const GROUP_MAX = 5;
export const CYCLE_MONTHS = 3;
export const MENTOR_LEVEL = 4;
export const MENTEE_LEVELS = [1, 2, 3] as const;
export const PROFICIENCIES = ["emerging", "proficient", "advanced"] as const;
export const GOAL_STATUSES = ["not_started", "in_progress", "achieved", "dropped"] as const;
export const END_REASONS = ["goals_met_early", "no_time", "not_a_fit", "other"] as const;

const E = (k: string) => `mentorship.errors.${k}`;

export function isTimeZone(tz: string): boolean {
  try {
    dateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Time zones offered in forms: the continent's, plus a few where members often work from. */
export function timeZoneChoices(current?: string): string[] {
  let all: string[] = [];
  try {
    all = (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf("timeZone");
  } catch {
    all = [];
  }
  const list = [
    "UTC",
    ...all.filter((z) => z.startsWith("Africa/")),
    "Europe/London",
    "Europe/Paris",
    "Asia/Dubai",
    "America/New_York",
  ];
  if (current && isTimeZone(current) && !list.includes(current)) list.unshift(current);
  return [...new Set(list)];
}

const trimmed = (max: number, key: string) =>
  z
    .string({ error: E(key) })
    .trim()
    .max(max, E(key));
const timeZone = z
  .string({ error: E("timeZone") })
  .trim()
  .refine(isTimeZone, E("timeZone"));
const language = z
  .string({ error: E("language") })
  .trim()
  .regex(/^[a-z]{2,3}$/, E("language"));

/** Repeated form keys (checkboxes) arrive as arrays; a single one as a string. */
const list = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().trim()),
);

export const MentorRegistrationSchema = z.object({
  capacity: z.coerce
    .number({ error: E("capacity") })
    .int(E("capacity"))
    .min(CAPACITY_MIN, E("capacity"))
    .max(CAPACITY_MAX, E("capacity")),
  competencies: list.refine((l) => l.length >= 1 && l.length <= 10, E("mentorCompetencies")),
  languages: list.refine(
    (l) => l.length >= 1 && l.length <= 8 && l.every((c) => /^[a-z]{2,3}$/.test(c)),
    E("languages"),
  ),
  timeZone,
  pitch: trimmed(600, "pitch").refine((s) => s.length >= 20, E("pitch")),
});
export type MentorRegistrationInput = z.infer<typeof MentorRegistrationSchema>;

export const MentorshipRequestSchema = z.object({
  goals: trimmed(2000, "goalsLong").refine((s) => s.length >= 10, E("goals")),
  // "competency.<slug>" = emerging|proficient|advanced|"" (not chosen): read by readRequestForm
  competencies: z
    .array(
      z.object({
        slug: z.string().regex(/^[a-z0-9-]{1,60}$/, E("competencies")),
        level: z.enum(PROFICIENCIES, { error: E("competencies") }),
      }),
    )
    .min(1, E("competencies"))
    .max(5, E("competenciesMax")),
  language,
  availability: trimmed(300, "availability"),
  timeZone,
});
export type MentorshipRequestInput = z.infer<typeof MentorshipRequestSchema>;

/** The request form sends one select per competency; the chosen ones become the list. */
export function readRequestForm(form: Record<string, string>) {
  const competencies = Object.entries(form)
    .filter(([k, v]) => k.startsWith("competency.") && v !== "")
    .map(([k, v]) => ({ slug: k.slice("competency.".length), level: v }));
  return {
    goals: form.goals,
    competencies,
    language: form.language,
    availability: form.availability ?? "",
    timeZone: form.timeZone,
  };
}

export const AskSchema = z.object({
  mentorId: z.coerce
    .number({ error: E("mentorUnavailable") })
    .int(E("mentorUnavailable"))
    .min(1, E("mentorUnavailable")),
  note: trimmed(1000, "noteLong").default(""),
});

export const DecisionSchema = z.object({
  id: rowId(),
  decision: z.enum(["accept", "decline"]),
  note: trimmed(1000, "noteLong").default(""),
  // "new" starts a new mentorship; a number joins that group mentorship (up to GROUP_MAX mentees)
  into: z.union([z.literal("new"), z.literal("group"), rowId()]).default("new"),
});

export const GoalSchema = z.object({ title: trimmed(300, "goalLong").refine((s) => s.length >= 3, E("goalTitle")) });
export const GoalStatusSchema = z.object({
  goalId: rowId(),
  status: z.enum(GOAL_STATUSES, { error: E("goalStatus") }),
});

const day = z
  .string({ error: E("date") })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, E("date"))
  .refine((d) => {
    const x = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(x.getTime()) && x.toISOString().slice(0, 10) === d;
  }, E("date"));

export const SessionSchema = z.object({
  heldOn: day,
  durationMinutes: z.coerce
    .number({ error: E("duration") })
    .int(E("duration"))
    .min(5, E("duration"))
    .max(480, E("duration")),
  notes: trimmed(4000, "notesLong").default(""),
  nextSteps: trimmed(2000, "notesLong").default(""),
});
export type SessionInput = z.infer<typeof SessionSchema>;

export const EndSchema = z.object({
  reason: z.enum(END_REASONS, { error: E("endReason") }),
  detail: trimmed(1000, "noteLong").default(""),
});

export const ExtendSchema = z.object({
  months: z.coerce
    .number({ error: E("extend") })
    .int(E("extend"))
    .min(1, E("extend"))
    .max(3, E("extend")),
});

export const FeedbackSchema = z.object({
  rating: z.coerce
    .number({ error: E("rating") })
    .int(E("rating"))
    .min(1, E("rating"))
    .max(5, E("rating")),
  comment: trimmed(1000, "commentLong").default(""),
});

export const MentorStatusSchema = z.object({
  userId: rowId(),
  status: z.enum(["active", "paused", "removed"]),
  reason: trimmed(500, "noteLong").default(""),
});

export const StaffMatchSchema = z.object({
  requestId: z.coerce
    .number({ error: E("requestId") })
    .int(E("requestId"))
    .min(1, E("requestId")),
  mentor: z
    .string({ error: E("mentorUsername") })
    .trim()
    .min(1, E("mentorUsername"))
    .max(40, E("mentorUsername")),
});
