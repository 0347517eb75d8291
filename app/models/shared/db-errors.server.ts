// PostgreSQL errors a model expects and turns into a refusal (a race two requests can lose).

/** A unique index refused the row: `index` names the one, none means any. */
export function isUniqueViolation(e: unknown, index?: string): boolean {
  if (typeof e !== "object" || e === null) return false;
  const { code, constraint } = e as { code?: string; constraint?: string };
  return code === "23505" && (index === undefined || constraint === index);
}
