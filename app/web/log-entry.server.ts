// The first steps of adding to a member's own log (activities, reading): parse with the log's schema,
// then the shared rate limit. A refusal is the answer that shows the form again with what was typed.
import { data } from "@remix-run/node";
import type { z } from "zod";
import { rateLimit, userKey } from "~/models/account/rate-limit.server";
import { parseForm } from "~/models/shared/forms.server";

export type LogRefusal = {
  values: Record<string, string>;
  fields: Record<string, string | undefined>;
  count: number;
  formError?: string;
  errorValues?: Record<string, string | number>;
};

export function logRefusal(answer: LogRefusal, status: number) {
  return data<LogRefusal>(answer, { status });
}

export async function readLogEntry<S extends z.ZodType>(userId: number, schema: S, form: Record<string, string>) {
  const parsed = parseForm(schema, form);
  const { values } = parsed;
  if (!parsed.ok)
    return { refusal: logRefusal({ values, fields: parsed.fields, count: parsed.errorValues.count }, 400) };
  const limited = await rateLimit("logEntry", userKey(userId));
  if (limited) {
    const answer = { values, fields: {}, count: 0, formError: limited.message, errorValues: limited.values };
    return { refusal: logRefusal(answer, limited.status) };
  }
  return { input: parsed.data as z.infer<S>, values };
}
