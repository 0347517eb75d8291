import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field } from "~/components/field";
import { env } from "~/env.server";
import { keepValues, readForm } from "~/http.server";
import { createI18n, pickLocale } from "~/i18n";
import { fieldErrors, ForgotSchema } from "~/models/user.schema";
import { requestPasswordReset } from "~/models/user.server";

export const meta: MetaFunction = () => [{ title: "Reset your password · Touchpoints" }];

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = ForgotSchema.safeParse(form);
  if (!parsed.success) return data({ sent: false, values: keepValues(form), fields: fieldErrors(parsed.error) }, { status: 400 });
  const i18n = createI18n(pickLocale(null, request.headers.get("Accept-Language")));
  await requestPasswordReset({ email: parsed.data.email, origin: env().APP_ORIGIN, t: i18n.t.bind(i18n) as never });
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
          <Form method="post" className="stack" noValidate>
            <Field label={t("forgot.email")} name="email" type="email" autoComplete="email" defaultValue={res?.values?.email} error={(res?.fields as Record<string, string>)?.email} required />
            <div>
              <button type="submit">{t("forgot.submit")}</button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
