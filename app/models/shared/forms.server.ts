// The form kit: one way from a submitted form and its zod schema to either the parsed data or
// what the page shows again (field errors as i18n keys, and the values exactly as they were sent).
// Nothing a member typed is cut here: an over-long value is refused by its schema with a sentence
// and echoed whole, so fixing another field never loses text.
// Schemas for route actions are re-exported from this server module so the browser bundle of those
// routes does not carry zod (the classic compiler empties *.server modules for the client).
import type { z } from "zod";
import { keepValues } from "../../web/http.server";
import { fail, type Fail } from "./result";

export { EditPostSchema, NewTopicSchema, ReplySchema } from "../forum/topic.schema";
export { AddParticipantsSchema, IgnoreSchema, NewMessageSchema } from "../forum/messages.schema";

export type FieldErrors = Partial<Record<string, string>>;

/** First message per field, as i18n keys (a refusal of the whole object lands on `form`). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? "form")] ??= issue.message;
  return out;
}

/** A model's refusal of input its schema rejected: the first message above the form, each field's beside it. */
export function refused(
  status: number,
  error: z.ZodError,
  message = error.issues[0]?.message ?? "form.fixErrors",
): Fail {
  const fields = fieldErrors(error);
  return fail(status, message, fields, { count: Object.keys(fields).length });
}

/** What a form shows again after a refusal; `formError` is an i18n key filled with `errorValues`. */
export type FormAnswer = {
  formError?: string;
  errorValues?: Record<string, string | number>;
  values: Record<string, string>;
  fields: Record<string, string | undefined>;
};

/** An action's answer to a form: a message key (filled with `errorValues`), field errors, kept values. */
export type MessageAnswer = {
  message: string;
  fields?: Partial<Record<string, string>>;
  values?: Record<string, string>;
  errorValues?: Record<string, string | number>;
};

type Refusal = {
  ok: false;
  formError: string;
  errorValues: { count: number };
  fieldValues?: Record<string, Record<string, string | number>>;
};

export type Parsed<T> = ({ ok: true; data: T } | Refusal) & {
  values: Record<string, string>;
  fields: Record<string, string | undefined>;
};

/**
 * Parses `input` with `schema`. `values` are the string fields as sent (never cut; `omit` names the
 * ones never echoed, passwords by default); on failure `fields` holds the first message per field,
 * and `fieldValues` the placeholders a refinement gave its message (`params`), by field.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  input: Record<string, unknown>,
  omit?: string[],
): Parsed<z.infer<S>> {
  const strings = Object.fromEntries(
    Object.entries(input).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const values = keepValues(strings, omit);
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data, values, fields: {} };
  const fields = fieldErrors(parsed.error);
  const refusal: Parsed<z.infer<S>> = {
    ok: false,
    formError: "form.fixErrors",
    errorValues: { count: Object.keys(fields).length },
    values,
    fields,
  };
  for (const issue of parsed.error.issues) {
    if (issue.code !== "custom" || !issue.params) continue;
    refusal.fieldValues ??= {};
    refusal.fieldValues[String(issue.path[0] ?? "form")] ??= issue.params as Record<string, string | number>;
  }
  return refusal;
}
