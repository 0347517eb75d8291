import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field, FormError } from "~/components/field";
import { readForm } from "~/web/http.server";
import { requestLocale } from "~/i18n";
import { ForgotSchema } from "~/models/account/user.schema";
import { parseForm } from "~/models/shared/forms.server";
import { ipKey, rateLimit } from "~/models/account/rate-limit.server";
import { requestPasswordReset } from "~/models/account/user.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "forgot.title") }];

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(ForgotSchema, form);
  if (!parsed.ok) return data({ sent: false, values: parsed.values, fields: parsed.fields }, { status: 400 });
  const limited = await rateLimit("resetByIp", ipKey(context.clientIp));
  if (limited)
    return data(
      { sent: false, values: parsed.values, fields: {}, formError: limited.message, errorValues: limited.values },
      { status: limited.status },
    );
  // past three emails an hour to one address, the answer stays the same (it must not tell whether
  // the address has an account) but nothing more is sent
  if (await rateLimit("resetByEmail", parsed.data.email.trim().toLowerCase()))
    return data({ sent: true, values: {} as Record<string, string>, fields: {} });
  await requestPasswordReset({ email: parsed.data.email, locale: requestLocale(request) });
  return data({ sent: true, values: {} as Record<string, string>, fields: {} });
}

export default function Forgot() {
  const { t } = useTranslation();
  const res = useActionData<typeof action>();
  return (
    <div className="page narrow">
      <h1>{t("forgot.title")}</h1>
      {res?.sent ? (
        <p className="notice" role="status">
          {t("forgot.sent")}
        </p>
      ) : (
        <>
          <p>{t("forgot.intro")}</p>
          <FormError
            message={res && "formError" in res ? (res.formError as string) : null}
            values={res && "errorValues" in res ? (res.errorValues as Record<string, unknown>) : undefined}
          />
          <Form method="post" className="stack" noValidate>
            <Field
              label={t("forgot.email")}
              name="email"
              type="email"
              autoComplete="email"
              defaultValue={res?.values?.email}
              error={(res?.fields as Record<string, string>)?.email}
              required
            />
            <div>
              <button type="submit">{t("forgot.submit")}</button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
