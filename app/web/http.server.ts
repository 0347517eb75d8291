// Small helpers routes share to read forms safely.
import { data } from "@remix-run/node";

/** PostgreSQL cannot store NUL characters in text: they become U+FFFD, as invalid UTF-8 bytes already do. */
export const withoutNul = (s: string) => (s.includes("\u0000") ? s.replace(/\u0000/g, "\uFFFD") : s);

/** A whole number that fits an integer column (ids from forms and addresses), or undefined. */
export const positiveId = (s: unknown) =>
  typeof s === "string" && /^\d{1,9}$/.test(s) && Number(s) > 0 ? Number(s) : undefined;

/** The id in an address (`params.id`), or a 404 when it is not one. */
export const idParam = (s: unknown): number => positiveId(s) ?? notFound();

/** Form fields as strings; anything else (files, repeated keys) becomes the first string value. */
export async function readForm(request: Request): Promise<Record<string, string>> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw data("Bad form", { status: 400 });
  }
  const out: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string" && !(k in out)) out[k] = withoutNul(v);
  return out;
}

/** The form itself (for repeated keys such as checkboxes) and its first string values; null when unreadable. */
export async function readFormData(
  request: Request,
): Promise<{ form: FormData; fields: Record<string, string> } | null> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return null;
  }
  const fields: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string" && !(k in fields)) fields[k] = v;
  return { form, fields };
}

/**
 * Values echoed back into a form after an error: never passwords, and never cut (a value over its
 * field's limit is refused by the schema with a sentence, and shown whole so nothing typed is lost).
 */
export function keepValues(values: Record<string, string>, omit: string[] = ["password"]) {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !omit.includes(k)));
}

export function notFound(): never {
  throw data("Not found", { status: 404 });
}

export function forbidden(): never {
  throw data("Forbidden", { status: 403 });
}
