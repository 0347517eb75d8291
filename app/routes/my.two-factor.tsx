// A member's two-factor sign-in: set up (QR code + key, confirmed by a first code), move to a new
// phone, new recovery codes, turn off. Staff and recruiters without it are sent here by every page.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormError } from "~/components/field";
import { OneTimeCodeField } from "~/components/one-time-code-field";
import type { PageHandle } from "~/enhance";
import { readForm } from "~/http.server";
import type { Fail } from "~/models/result";
import { TwoFactorSettingsSchema } from "~/models/two-factor.schema";
import {
  cancelEnrolment,
  confirmEnrolment,
  disableTwoFactor,
  ENROLMENT_PATH,
  getTwoFactorSettings,
  regenerateRecoveryCodes,
  startEnrolment,
} from "~/models/two-factor.server";
import { pageTitle } from "~/page-title";
import { useTranslation } from "~/use-translation";
import { requireViewer, safeRedirect } from "~/viewer.server";

export const handle: PageHandle = { hydrate: false };

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "twoFactor.settings.title") },
  { name: "robots", content: "noindex" },
];

const NO_STORE = { "Cache-Control": "private, no-store" };
// the page shows a key being enrolled and recovery codes: never kept by any cache
export const headers: HeadersFunction = () => NO_STORE;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const settings = await getTwoFactorSettings({ userId: viewer.id, username: viewer.username });
  // where "continue" leads once the recovery codes are saved (the page a staff member was sent from)
  const next = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), ENROLMENT_PATH);
  return data({ ...settings, enabledAt: settings.enabledAt?.toISOString() ?? null, next }, { headers: NO_STORE });
}

type ActionData = {
  intent?: string;
  formError?: string;
  fields?: Partial<Record<string, string>>;
  values?: Record<string, string | number>;
  recoveryCodes?: string[];
  done?: string;
};

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const parsed = TwoFactorSettingsSchema.safeParse(form);
  const answer = (body: ActionData, status = 200) => data(body, { status, headers: NO_STORE });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "");
    const intent = String(form.intent ?? "");
    if (field === "code" || field === "confirm")
      return answer(
        { intent, formError: "form.fixErrors", fields: { [field]: issue.message }, values: { count: 1 } },
        400
      );
    return answer({ formError: "twoFactor.errors.noPending" }, 400);
  }
  const input = parsed.data;
  const self = new URL(request.url);
  if (input.intent === "start") {
    await startEnrolment({ userId: viewer.id });
    throw redirect(`${ENROLMENT_PATH}${self.search}`);
  }
  if (input.intent === "cancel") {
    await cancelEnrolment({ userId: viewer.id });
    throw redirect(`${ENROLMENT_PATH}${self.search}`);
  }
  const refused = (r: Fail) =>
    answer(
      {
        intent: input.intent,
        formError: r.message,
        fields: r.fields,
        values: r.fields ? { count: Object.keys(r.fields).length } : r.values,
      },
      r.status
    );
  if (input.intent === "disable") {
    const off = await disableTwoFactor({ userId: viewer.id, confirm: input.confirm });
    return off.ok ? answer({ done: "twoFactor.settings.disabled" }) : refused(off);
  }
  const result =
    input.intent === "confirm"
      ? await confirmEnrolment({ userId: viewer.id, code: input.code })
      : await regenerateRecoveryCodes({ userId: viewer.id, confirm: input.confirm });
  if (!result.ok) return refused(result);
  return answer({
    recoveryCodes: result.recoveryCodes,
    done: input.intent === "confirm" ? "twoFactor.settings.enabled" : undefined,
  });
}

export default function TwoFactorSettings() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>() as ActionData | undefined;

  if (res?.recoveryCodes) {
    return (
      <div className="page narrow">
        <h1>{t("twoFactor.settings.title")}</h1>
        {res.done ? (
          <p className="notice" role="status">
            {t(res.done)}
          </p>
        ) : null}
        <h2>{t("twoFactor.settings.savedTitle")}</h2>
        <p>{t("twoFactor.settings.savedIntro")}</p>
        <ul className="recovery-codes" aria-label={t("twoFactor.settings.savedTitle")}>
          {res.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <p>
          <Link to={d.next} className="button">
            {t("twoFactor.settings.continue")}
          </Link>
        </p>
      </div>
    );
  }

  // regenerate and disable both ask for the password (or a code); an error shows on the form that was sent
  const confirmForm = (intent: "regenerate" | "disable", button: string) => (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <Field
        label={t("twoFactor.settings.confirmField")}
        name="confirm"
        type="password"
        autoComplete="current-password"
        required
        error={res?.intent === intent ? res.fields?.confirm : undefined}
      />
      <div>
        <button type="submit" className="secondary">
          {button}
        </button>
      </div>
    </Form>
  );

  return (
    <div className="page narrow">
      <h1>{t("twoFactor.settings.title")}</h1>
      {d.required && !d.enabled ? (
        <p className="notice" role="status">
          {t("twoFactor.settings.required")}
        </p>
      ) : null}
      {res?.done ? (
        <p className="notice" role="status">
          {t(res.done)}
        </p>
      ) : null}
      <FormError message={res?.formError} values={res?.values} />
      <p>{t("twoFactor.settings.intro")}</p>
      <p>
        {d.enabled && d.enabledAt
          ? t("twoFactor.settings.on", {
              date: new Date(d.enabledAt).toLocaleDateString(i18n.language, { dateStyle: "long", timeZone: "UTC" }),
            })
          : t("twoFactor.settings.off")}
        {d.enabled ? <> {t("twoFactor.settings.recoveryLeft", { count: d.recoveryLeft })}</> : null}
      </p>
      {d.enabled && d.required ? <p>{t("twoFactor.settings.requiredEnabled")}</p> : null}

      {d.pending ? (
        <section className="stack">
          {d.enabled ? <p>{t("twoFactor.settings.moveNote")}</p> : null}
          <p>{t("twoFactor.settings.step1")}</p>
          {/* the SVG is generated on the server from the otpauth URI: no user text in it */}
          <div
            className="qr-code"
            role="img"
            aria-label={t("twoFactor.settings.qrLabel")}
            dangerouslySetInnerHTML={{ __html: d.pending.qrSvg }}
          />
          <p>
            {t("twoFactor.settings.manual")} <code data-testid="totp-secret">{d.pending.secret}</code>
          </p>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="confirm" />
            <OneTimeCodeField label={t("twoFactor.settings.step2")} error={res?.fields?.code} />
            <div className="actions">
              <button type="submit">{t("twoFactor.settings.confirm")}</button>
            </div>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="secondary">
              {t("twoFactor.settings.cancel")}
            </button>
          </Form>
        </section>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="start" />
          <button type="submit">{d.enabled ? t("twoFactor.settings.move") : t("twoFactor.settings.start")}</button>
        </Form>
      )}

      {d.enabled ? (
        <>
          <h2>{t("twoFactor.settings.regenerateTitle")}</h2>
          <p>{t("twoFactor.settings.regenerateIntro")}</p>
          {confirmForm("regenerate", t("twoFactor.settings.regenerate"))}
          {d.required ? null : (
            <>
              <h2>{t("twoFactor.settings.disableTitle")}</h2>
              {confirmForm("disable", t("twoFactor.settings.disable"))}
            </>
          )}
        </>
      ) : null}
    </div>
  );
}
