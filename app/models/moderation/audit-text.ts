// An audit entry's before/after, as lines a person reads: one per field, old value then new
// (browser-safe). Fields that did not change are left out when both sides are given.
export type ChangeLine = { field: string; before?: unknown; after?: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** Nested objects become dotted fields ("params.min"), so a change names the value that moved. */
function flatten(v: Record<string, unknown>, prefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (isRecord(x) && Object.keys(x).length) Object.assign(out, flatten(x, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = x;
  }
  return out;
}

export function auditChanges(before: unknown, after: unknown): ChangeLine[] {
  const b = before == null ? {} : isRecord(before) ? flatten(before) : { value: before };
  const a = after == null ? {} : isRecord(after) ? flatten(after) : { value: after };
  const both = before != null && after != null;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .filter((f) => !both || JSON.stringify(b[f]) !== JSON.stringify(a[f]))
    .map((field) => ({
      field,
      ...(field in b ? { before: b[field] } : {}),
      ...(field in a ? { after: a[field] } : {}),
    }));
}

/** A value as text; `null` is for the caller to name ("none"). */
export function auditValueText(v: unknown, formatInstant: (d: Date) => string): string | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "string")
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v)
      ? formatInstant(new Date(v))
      : v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== "object"))
    return v.map((x) => String(x)).join(", ");
  return JSON.stringify(v);
}
