// Small helpers routes share to read forms safely.
import { data } from "@remix-run/node";

/** Form fields as strings; anything else (files, repeated keys) becomes the first string value. */
export async function readForm(request: Request): Promise<Record<string, string>> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw data("Bad form", { status: 400 });
  }
  const out: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string" && !(k in out)) out[k] = v;
  return out;
}

/** Values echoed back into a form after an error: never passwords, and bounded in size. */
export function keepValues(values: Record<string, string>, omit: string[] = ["password"]) {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([k]) => !omit.includes(k))
      .map(([k, v]) => [k, v.slice(0, 20_000)]),
  );
}

export function notFound(): never {
  throw data("Not found", { status: 404 });
}

export function forbidden(): never {
  throw data("Forbidden", { status: 403 });
}
