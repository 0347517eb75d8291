import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { startSession } from "~/auth.server";
import { Field, FormError, fieldsOf } from "~/components/field";
import { readForm } from "~/web/http.server";
import { requestLocale } from "~/i18n";
import { SignupSchema } from "~/models/account/user.schema";
import { parseForm } from "~/models/shared/forms.server";
import { rateLimit, ipKey } from "~/models/account/rate-limit.server";
import { createUser } from "~/models/account/user.server";
import { getViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";
import { db } from "~/db.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "signup.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getViewer(request)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(SignupSchema, form);
  const { values } = parsed;
  if (!parsed.ok) return data({ values, fields: parsed.fields, count: parsed.errorValues.count }, { status: 400 });
  const limited = await rateLimit("signup", ipKey(context.clientIp));
  if (limited)
    return data(
      { values, fields: {}, count: 0, formError: limited.message, errorValues: limited.values },
      { status: limited.status },
    );
  const result = await createUser({ ...parsed.data, locale: requestLocale(request) });
  if (!result.ok)
    return data(
      { values, fields: result.fields ?? {}, count: Object.keys(result.fields ?? {}).length },
      { status: result.status },
    );
  const cookie = await startSession(db, result.userId, request);
  return redirect("/", { headers: { "Set-Cookie": cookie } });
}

export default function Signup() {
  const { t } = useTranslation();
  const res = useActionData<typeof action>();
  const v = res?.values ?? {};
  const f = (res?.fields ?? {}) as Record<string, string | undefined>;
  const field = fieldsOf(
    (name) => t(`signup.${name}`),
    (name) => v[name as keyof typeof v],
    f,
  );
  return (
    <div className="page narrow">
      <h1>{t("signup.title")}</h1>
      <FormError
        message={res && "formError" in res ? res.formError : res?.count ? "form.fixErrors" : null}
        values={res && "errorValues" in res ? res.errorValues : { count: res?.count }}
      />
      <Form method="post" className="stack" noValidate>
        {field("email", { type: "email", autoComplete: "email", required: true })}
        {field("username", { type: "text", autoComplete: "username", hint: t("signup.usernameHint"), required: true })}
        {field("displayName", { type: "text", autoComplete: "name", required: true })}
        <Field
          label={t("signup.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          error={f.password}
          hint={t("signup.passwordHint")}
          required
        />
        <div>
          <button type="submit">{t("signup.submit")}</button>
        </div>
      </Form>
      <p>
        {t("signup.haveAccount")} <Link to="/login">{t("nav.signIn")}</Link>
      </p>
    </div>
  );
}
