// The tutor response clock as pure functions of stored timestamps and `now` (browser-safe, no
// process has to stay up): a learner's question is awaiting the tutor, due after 24 hours,
// breached after 48. Weekends count unless staff exclude them.
import { dateToLocalInput, localInputToDate } from "../shared/local-time";

export const HOUR_MS = 3_600_000;
export const DUE_MS = 24 * HOUR_MS;
export const BREACH_MS = 48 * HOUR_MS;
/** The tutor is reminded this long after the question, before it falls due. */
export const TUTOR_ALERT_MS = 20 * HOUR_MS;

export type ClockSettings = { excludeWeekends: boolean; timeZone: string };
export const DEFAULT_CLOCK_SETTINGS: ClockSettings = { excludeWeekends: false, timeZone: "UTC" };

export type ClockStatus = "awaiting" | "due" | "breached" | "answered";

const nextDay = (ymd: string) => {
  const d = new Date(`${ymd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Time on the clock between two instants: all of it, or only Monday-Friday in the zone. */
export function clockElapsed(from: Date, to: Date, settings: ClockSettings = DEFAULT_CLOCK_SETTINGS): number {
  const total = to.getTime() - from.getTime();
  if (total <= 0) return 0;
  if (!settings.excludeWeekends) return total;
  let counted = 0;
  let cursor = from;
  // walk local days: at most a few hundred steps for the longest report range
  while (cursor < to) {
    const day = dateToLocalInput(cursor, settings.timeZone).slice(0, 10);
    const midnight = localInputToDate(`${nextDay(day)}T00:00`, settings.timeZone);
    const end = !midnight || midnight <= cursor ? new Date(cursor.getTime() + DUE_MS) : midnight;
    const stop = end < to ? end : to;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) counted += stop.getTime() - cursor.getTime();
    cursor = stop;
  }
  return counted;
}

export type Clock = { status: ClockStatus; elapsedMs: number; responseMs: number | null };

/** Where a question stands at `now`. An answered question keeps its response time. */
export function clockOf(
  q: { askedAt: Date; answeredAt: Date | null },
  now: Date,
  settings: ClockSettings = DEFAULT_CLOCK_SETTINGS,
): Clock {
  if (q.answeredAt && q.answeredAt <= now) {
    const responseMs = clockElapsed(q.askedAt, q.answeredAt, settings);
    return { status: "answered", elapsedMs: responseMs, responseMs };
  }
  const elapsedMs = clockElapsed(q.askedAt, now, settings);
  return {
    status: elapsedMs >= BREACH_MS ? "breached" : elapsedMs >= DUE_MS ? "due" : "awaiting",
    elapsedMs,
    responseMs: null,
  };
}

/** "25 h 03 min" style parts for display. */
export function hoursAndMinutes(ms: number) {
  const minutes = Math.floor(ms / 60_000);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export type FigureInput = { askedAt: Date; answeredAt: Date | null };
export type Figures = {
  asked: number;
  answered: number;
  waiting: number;
  medianResponseMs: number | null;
  within24hPct: number | null;
  breaches: number;
};

/** A group's figures for the questions asked in a range, as they stand at `now`. */
export function clockFigures(
  questions: FigureInput[],
  now: Date,
  settings: ClockSettings = DEFAULT_CLOCK_SETTINGS,
): Figures {
  const clocks = questions.map((q) => clockOf(q, now, settings));
  const responses = clocks.filter((c) => c.responseMs !== null).map((c) => c.responseMs as number);
  const within = responses.filter((ms) => ms < DUE_MS).length;
  // a question still inside its first 24 h may yet be answered in time: it is not counted either way
  const decided = clocks.filter((c) => c.responseMs !== null || c.elapsedMs >= DUE_MS).length;
  const breaches = clocks.filter((c) =>
    c.responseMs !== null ? c.responseMs >= BREACH_MS : c.status === "breached",
  ).length;
  return {
    asked: questions.length,
    answered: responses.length,
    waiting: questions.length - responses.length,
    medianResponseMs: median(responses),
    within24hPct: decided ? Math.round((within / decided) * 1000) / 10 : null,
    breaches,
  };
}
