import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { startSession } from "~/auth.server";
import { Field, FormError } from "~/components/field";
import { keepValues, readForm } from "~/web/http.server";
import { LoginSchema } from "~/models/account/user.schema";
import { authenticate } from "~/models/account/user.server";
import { SECOND_STEP_PATH, startSecondStep } from "~/models/account/two-factor-sign-in.server";
import { getViewer, safeRedirect } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";
import { db } from "~/db.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "login.title") }];

export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getViewer(request)) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const values = keepValues(form);
  const parsed = LoginSchema.safeParse(form);
  if (!parsed.success) return data({ values, error: "login.missing", retryAt: null as string | null }, { status: 400 });
  const result = await authenticate({
    identifier: parsed.data.email,
    password: parsed.data.password,
    ip: context.clientIp,
  });
  if (!result.ok) {
    const retryAt = result.retryAt ? result.retryAt.toISOString() : null;
    const headers: HeadersInit = result.retryAt
      ? { "Retry-After": String(Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 1000))) }
      : {};
    return data({ values, error: result.message, retryAt }, { status: result.status, headers });
  }
  // a member with two-factor sign-in gets the second step, and no session yet
  const secondStep = await startSecondStep({ userId: result.userId, redirectTo: safeRedirect(parsed.data.redirectTo) });
  if (secondStep) return redirect(SECOND_STEP_PATH, { headers: { "Set-Cookie": secondStep } });
  const cookie = await startSession(db, result.userId, request);
  return redirect(safeRedirect(parsed.data.redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const { t, i18n } = useTranslation();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const retry = res?.retryAt
    ? new Date(res.retryAt).toLocaleTimeString(i18n.language, {
        hour: "2-digit",
        minute: "2-digit",
        timeZoneName: "short",
      })
    : "";
  return (
    <div className="page narrow">
      <h1>{t("login.title")}</h1>
      <FormError message={res?.error} values={{ time: retry }} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={res?.values?.redirectTo ?? params.get("redirectTo") ?? "/"} />
        <Field
          label={t("login.email")}
          name="email"
          type="text"
          autoComplete="username"
          defaultValue={res?.values?.email}
          required
        />
        <Field label={t("login.password")} name="password" type="password" autoComplete="current-password" required />
        <div>
          <button type="submit">{t("login.submit")}</button>
        </div>
      </Form>
      <p>
        <Link to="/forgot-password">{t("login.forgot")}</Link>
      </p>
      <p>
        {t("login.noAccount")} <Link to="/signup">{t("nav.signUp")}</Link>
      </p>
    </div>
  );
}
