import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { startSession } from "~/auth.server";
import { Field, FormError } from "~/components/field";
import { readForm } from "~/web/http.server";
import { ResetSchema } from "~/models/account/user.schema";
import { parseForm } from "~/models/shared/forms.server";
import { isResetTokenUsable, resetPassword } from "~/models/account/user.server";
import { pageTitle } from "~/web/page-title";
import { db } from "~/db.server";

// same-origin, not no-referrer: the token in the address still reaches no other site, and the
// browser keeps sending Origin with the form (no-referrer makes it "null")
export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "reset.title") },
  { name: "referrer", content: "same-origin" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  return { usable: await isResetTokenUsable(params.token ?? "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(ResetSchema, form);
  if (!parsed.ok) return data({ error: null as string | null, fields: parsed.fields }, { status: 400 });
  const result = await resetPassword({ token: params.token ?? "", password: parsed.data.password });
  if (!result.ok)
    return data(
      { error: result.fields ? null : result.message, fields: result.fields ?? {} },
      { status: result.status },
    );
  return redirect("/", { headers: { "Set-Cookie": await startSession(db, result.userId, request) } });
}

export default function Reset() {
  const { t } = useTranslation();
  const { usable } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  if (!usable || res?.error)
    return (
      <div className="page narrow">
        <h1>{t("reset.title")}</h1>
        <FormError message="reset.invalid" />
        <Link to="/forgot-password">{t("reset.again")}</Link>
      </div>
    );
  return (
    <div className="page narrow">
      <h1>{t("reset.title")}</h1>
      <Form method="post" className="stack" noValidate>
        <Field
          label={t("reset.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          hint={t("signup.passwordHint")}
          error={(res?.fields as Record<string, string>)?.password}
          required
        />
        <div>
          <button type="submit">{t("reset.submit")}</button>
        </div>
      </Form>
    </div>
  );
}
