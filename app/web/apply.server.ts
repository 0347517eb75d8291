// The action of both application pages (the next level, a designation): the form parsed with the
// application schema, the model's refusal shown beside the fields with what was typed, else onward.
import { data, redirect } from "@remix-run/node";
import { readForm } from "~/web/http.server";
import { ApplicationSchema, type ApplicationInput } from "~/models/journey/application.schema";
import { parseForm } from "~/models/shared/forms.server";
import type { Result } from "~/models/shared/result";

export async function applicationAction(
  request: Request,
  submit: (input: ApplicationInput) => Promise<Result<object>>,
  done: string,
) {
  const parsed = parseForm(ApplicationSchema, await readForm(request));
  const { values } = parsed;
  if (!parsed.ok)
    return data(
      { values, fields: parsed.fields, formError: parsed.formError, count: parsed.errorValues.count },
      { status: 400 },
    );
  const result = await submit(parsed.data);
  if (!result.ok) {
    const fields = result.fields ?? {};
    return data(
      { values, fields, formError: result.message, count: Object.keys(fields).length },
      { status: result.status },
    );
  }
  return redirect(done);
}
