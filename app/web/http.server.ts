// Small helpers routes share to read forms safely.
import { data, unstable_parseMultipartFormData } from "@remix-run/node";

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

/**
 * The text fields of a form in order, repeated names kept, files dropped (urlencoded or multipart); `tooBig`
 * when its text passes `maxBytes` (UTF-8), read no further; null when it is no form or unreadable. Reads
 * the body given: pass a clone to leave the request to its action.
 */
export async function readTextFields(
  request: Request,
  maxBytes: number,
): Promise<{ fields: [string, string][] } | { tooBig: true } | null> {
  const type = request.headers.get("Content-Type") ?? "";
  const fields: [string, string][] = [];
  let bytes = 0;
  let over = false;
  const add = (name: string, value: string) => {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
    fields.push([withoutNul(name), withoutNul(value)]);
    return bytes <= maxBytes;
  };
  try {
    if (/^application\/x-www-form-urlencoded/i.test(type)) {
      // percent-encoding triples a byte at most
      const raw = await readCapped(request, maxBytes * 3 + 1024);
      if (raw === null) return { tooBig: true };
      for (const [k, v] of new URLSearchParams(raw)) if (!add(k, v)) return { tooBig: true };
      return { fields };
    }
    if (/^multipart\/form-data/i.test(type)) {
      // files are read through and dropped, but not without end (an upload's own limit is 10 MB)
      const body = request.body?.pipeThrough(byteCap(MULTIPART_MAX_BYTES, () => (over = true)));
      const capped = new Request(request.url, {
        method: request.method,
        headers: request.headers,
        body,
        duplex: "half",
      });
      await unstable_parseMultipartFormData(capped, async (part) => {
        const chunks: Uint8Array[] = [];
        for await (const chunk of part.data) if (!part.filename && !over) chunks.push(chunk);
        if (!part.filename && !over) over = !add(part.name, Buffer.concat(chunks).toString("utf8"));
        return undefined;
      });
      return over ? { tooBig: true } : { fields };
    }
  } catch {
    return over ? { tooBig: true } : null;
  }
  return null;
}

const MULTIPART_MAX_BYTES = 16 * 1024 * 1024;

/** Passes bytes through until `max`, then fails the stream (after calling `onOver`). */
function byteCap(max: number, onOver: () => void) {
  let size = 0;
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      size += chunk.byteLength;
      if (size > max) {
        onOver();
        controller.error(new Error("body too large"));
      } else controller.enqueue(chunk);
    },
  });
}

/** The body as text, or null past `maxBytes`. */
async function readCapped(request: Request, maxBytes: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
