// The matching score: a sum of named parts, each shown to the mentee as a reason, so a
// suggestion can always be explained ("covers 2 of your competencies, speaks French...").
// Browser-safe and pure: the suggestion query feeds it, the unit test checks it.
import type { Proficiency } from "../../../db/schema";
import { dateTimeFormat } from "../../intl";

export const WEIGHTS = {
  /** per requested competency the mentor can mentor; more when the mentee starts lower */
  competency: { emerging: 30, proficient: 25, advanced: 15 } satisfies Record<Proficiency, number>,
  language: 20,
  /** at most, for the same time zone; one point less per hour apart */
  timeZone: 10,
  /** per free place, up to `freePlacesCap` places */
  freePlace: 2,
  freePlacesCap: 5,
  /** per past completed mentorship, up to `completedCap` */
  completed: 3,
  completedCap: 5,
} as const;

export type Reason =
  | { kind: "competencies"; points: number; slugs: string[] }
  | { kind: "language"; points: number; language: string }
  | { kind: "timeZone"; points: number; hours: number }
  | { kind: "capacity"; points: number; free: number }
  | { kind: "experience"; points: number; completed: number };

export type MenteeNeeds = {
  competencies: { slug: string; level: Proficiency }[];
  language: string;
  utcOffsetMinutes: number;
};
export type MentorOffer = {
  competencies: string[];
  languages: string[];
  utcOffsetMinutes: number;
  free: number;
  completed: number;
};

/** Hours between two UTC offsets, the short way round the clock. */
export function hoursApart(a: number, b: number): number {
  const d = Math.abs(a - b) / 60;
  return Math.min(d, 24 - d);
}

export function scoreMentor(need: MenteeNeeds, offer: MentorOffer): { score: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const offered = new Set(offer.competencies);
  const covered = need.competencies.filter((c) => offered.has(c.slug));
  if (covered.length) {
    reasons.push({
      kind: "competencies",
      points: covered.reduce((s, c) => s + WEIGHTS.competency[c.level], 0),
      slugs: covered.map((c) => c.slug),
    });
  }
  if (offer.languages.includes(need.language))
    reasons.push({ kind: "language", points: WEIGHTS.language, language: need.language });
  const hours = hoursApart(need.utcOffsetMinutes, offer.utcOffsetMinutes);
  const tzPoints = Math.max(0, Math.round(WEIGHTS.timeZone - hours));
  if (tzPoints > 0) reasons.push({ kind: "timeZone", points: tzPoints, hours: Math.round(hours * 10) / 10 });
  const free = Math.max(0, offer.free);
  if (free > 0)
    reasons.push({ kind: "capacity", points: Math.min(free, WEIGHTS.freePlacesCap) * WEIGHTS.freePlace, free });
  if (offer.completed > 0)
    reasons.push({
      kind: "experience",
      points: Math.min(offer.completed, WEIGHTS.completedCap) * WEIGHTS.completed,
      completed: offer.completed,
    });
  return { score: reasons.reduce((s, r) => s + r.points, 0), reasons };
}

const offsets = new Map<string, number>();
/** A time zone's current UTC offset in minutes (cached: a few hundred zones at most). */
export function utcOffsetMinutes(timeZone: string, at = new Date()): number {
  const key = `${timeZone}|${at.toISOString().slice(0, 10)}`;
  const hit = offsets.get(key);
  if (hit !== undefined) return hit;
  let minutes = 0;
  try {
    const part =
      dateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
        .formatToParts(at)
        .find((p) => p.type === "timeZoneName")?.value ?? "GMT";
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(part);
    if (m) minutes = (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  } catch {
    minutes = 0;
  }
  offsets.set(key, minutes);
  return minutes;
}
