// Intl formatters cost 40-100 µs each to build, and a page formats hundreds of dates and numbers:
// build each (locale, options) pair once per process. The formatters are immutable and shared.
const MAX = 1_000;
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<F>(
  map: Map<string, F>,
  locale: string | string[] | undefined,
  options: object | undefined,
  build: () => F,
): F {
  const key = `${String(locale)}\u0000${options ? JSON.stringify(options) : ""}`;
  let f = map.get(key);
  if (!f) {
    f = build(); // an invalid time zone or locale throws here, before anything is remembered
    if (map.size >= MAX) map.clear();
    map.set(key, f);
  }
  return f;
}

export function dateTimeFormat(locale?: string | string[], options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(dateFormats, locale, options, () => new Intl.DateTimeFormat(locale, options));
}

export function numberFormat(locale?: string | string[], options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone (UTC's when the zone is unknown). */
export function dayIn(timeZone: string, at = new Date()): string {
  try {
    return dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day as the page's language writes it: "6 déc. 2026", "6 Dec 2026" (`intlLocale` for `locale`).
 * A calendar day (YYYY-MM-DD) stays that day; an instant (a Date or an ISO time) is the day it was
 * in `timeZone`, the reader's when known (UTC otherwise, or for a zone Intl does not know).
 */
export function formatDay(
  value: string | Date | null | undefined,
  locale: string,
  {
    timeZone,
    withYear = true,
    month = "short",
  }: { timeZone?: string | null; withYear?: boolean; month?: "short" | "long" } = {},
): string {
  if (!value) return "";
  const calendar = typeof value === "string" && CALENDAR_DAY.test(value);
  const at = calendar ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(at.getTime())) return "";
  const options: Intl.DateTimeFormatOptions = { day: "numeric", month };
  if (withYear) options.year = "numeric";
  const zone = calendar || !timeZone ? "UTC" : timeZone;
  try {
    return dateTimeFormat(locale, { ...options, timeZone: zone }).format(at);
  } catch {
    return dateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(at);
  }
}
