// The second step of signing in for a member with two-factor sign-in: after the password, before any
// session. Plain forms (no JavaScript needed): a six-digit code, or a recovery code. A member with a
// passkey also gets "Use a passkey" (the page hydrates for it; without JavaScript the forms remain).
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { startSession } from "~/auth.server";
import { Field, FormError } from "~/components/field";
import { OneTimeCodeField } from "~/components/one-time-code-field";
import { PasskeySignIn } from "~/components/passkey-buttons";
import { readForm } from "~/web/http.server";
import { PasskeySignInSchema } from "~/models/account/passkeys.schema";
import { completeSecondStepWithPasskey, signInOptions } from "~/models/account/passkeys.server";
import { SecondStepSchema } from "~/models/account/two-factor.schema";
import { clearChallengeCookie, completeSecondStep, pendingSignIn } from "~/models/account/two-factor-sign-in.server";
import { pageTitle } from "~/web/page-title";
import { asPersonal } from "~/web/page-caching";
import { useTranslation } from "~/use-translation";
import { getViewer, safeRedirect } from "~/viewer.server";
import { db } from "~/db.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "twoFactor.signIn.title") },
  { name: "robots", content: "noindex" },
];

export const headers: HeadersFunction = ({ actionHeaders }) => asPersonal(actionHeaders);

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getViewer(request)) throw redirect("/");
  const pending = await pendingSignIn(request);
  // no second step begun: the password comes first. One that ended (used up, expired) says so.
  if (pending === "none") throw redirect("/login");
  // a member with passkeys gets a fresh challenge with each view of the page (kept server-side)
  const passkeyOptions = pending === "live" ? await signInOptions(request) : null;
  return data({ expired: pending === "ended", passkeyOptions }, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  // as the page: without a second step begun, the password comes first (page and data form alike)
  if ((await pendingSignIn(request)) === "none") throw redirect("/login");
  const form = await readForm(request);
  const withPasskey = form.intent === "passkey";
  const parsed = (withPasskey ? PasskeySignInSchema : SecondStepSchema).safeParse(form);
  if (!parsed.success)
    return data({ error: parsed.error.issues[0].message, values: null, expired: false }, { status: 400 });
  const result =
    "response" in parsed.data
      ? await completeSecondStepWithPasskey({ request, response: parsed.data.response })
      : await completeSecondStep({ request, code: parsed.data.code });
  if (!result.ok) {
    const headers = result.expired ? { "Set-Cookie": clearChallengeCookie() } : undefined;
    // a refused passkey is not "a wrong code": same count of tries, its own words
    const wrongPasskey = withPasskey && result.message === "twoFactor.errors.codeWrongLeft";
    const error = wrongPasskey ? "passkeys.errors.failedLeft" : result.message;
    return data(
      { error, values: result.values ?? null, expired: !!result.expired },
      { status: result.status, headers },
    );
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(db, result.userId, request));
  headers.append("Set-Cookie", clearChallengeCookie());
  return redirect(safeRedirect(result.redirectTo), { headers });
}

export default function SecondStep() {
  const { t } = useTranslation();
  const res = useActionData<typeof action>();
  const loaded = useLoaderData<typeof loader>();
  const expired = res?.expired || loaded?.expired;
  return (
    <div className="page narrow">
      <h1>{t("twoFactor.signIn.title")}</h1>
      <FormError
        message={res?.error ?? (expired ? "twoFactor.errors.expired" : null)}
        values={res?.values ?? undefined}
      />
      {expired ? (
        <p>
          <Link to="/login">{t("twoFactor.signIn.startAgain")}</Link>
        </p>
      ) : (
        <>
          <p>{t("twoFactor.signIn.intro")}</p>
          {loaded?.passkeyOptions ? <PasskeySignIn options={loaded.passkeyOptions} /> : null}
          <Form method="post" className="stack" noValidate>
            <OneTimeCodeField label={t("twoFactor.signIn.code")} />
            <div>
              <button type="submit">{t("twoFactor.signIn.submit")}</button>
            </div>
          </Form>
          <details>
            <summary>{t("twoFactor.signIn.useRecovery")}</summary>
            <Form method="post" className="stack" noValidate>
              <Field
                label={t("twoFactor.signIn.recoveryCode")}
                hint={t("twoFactor.signIn.recoveryHint")}
                name="code"
                type="text"
                autoComplete="off"
                spellCheck={false}
                required
              />
              <div>
                <button type="submit" className="secondary">
                  {t("twoFactor.signIn.recoverySubmit")}
                </button>
              </div>
            </Form>
          </details>
        </>
      )}
    </div>
  );
}
