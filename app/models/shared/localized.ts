// The programme's own words (levels, requirements, webinars, tests, modules, competencies,
// categories) carry an English column and a nullable French one beside it (`name` / `name_fr`).
// Browser-safe: pages and models pick the reader's language through this one function.

/** The row's `field` in the reader's language: `field_fr` in French, the English text when that is empty. */
export function localized<R extends object, K extends keyof R & string>(
  row: R,
  field: K,
  lang: string | null | undefined,
): R[K] {
  const english = row[field];
  if (lang !== "fr") return english;
  const french = (row as Record<string, unknown>)[`${field}_fr`];
  const filled = Array.isArray(french) ? french.length > 0 : typeof french === "string" && french.trim() !== "";
  return filled ? (french as R[K]) : english;
}
