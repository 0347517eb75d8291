// A member's two-factor sign-in: set up (QR code + key, confirmed by a first code), move to a new
// phone, new recovery codes, turn off; passkeys (add with JavaScript, list, remove with the password).
// Staff and recruiters without a second factor are sent here by every page.
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
import { PasskeyAdd } from "~/components/passkey-buttons";
import { readForm } from "~/web/http.server";
import { parseForm } from "~/models/shared/forms.server";
import { PASSKEY_INTENTS, PasskeySettingsSchema } from "~/models/account/passkeys.schema";
import { addPasskey, listPasskeys, registrationOptions, removePasskey } from "~/models/account/passkeys.server";
import type { Fail } from "~/models/shared/result";
import { TwoFactorSettingsSchema } from "~/models/account/two-factor.schema";
import {
  cancelEnrolment,
  confirmEnrolment,
  disableTwoFactor,
  ENROLMENT_PATH,
  getTwoFactorSettings,
  regenerateRecoveryCodes,
  startEnrolment,
} from "~/models/account/two-factor.server";
import { pageTitle } from "~/web/page-title";
import { useTranslation } from "~/use-translation";
import { intlLocale } from "~/locale";
import { requireViewer, safeRedirect } from "~/viewer.server";

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
  const passkeys = (await listPasskeys(viewer.id)).map((p) => ({
    id: p.id,
    name: p.name,
    createdAt: p.created_at.toISOString(),
    lastUsedAt: p.last_used_at?.toISOString() ?? null,
  }));
  return data(
    { ...settings, enabledAt: settings.enabledAt?.toISOString() ?? null, next, passkeys },
    { headers: NO_STORE },
  );
}

type ActionData = {
  intent?: string;
  formError?: string;
  fields?: Partial<Record<string, string>>;
  values?: Record<string, string | number>;
  recoveryCodes?: string[];
  done?: string;
  passkeyId?: number;
};

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const answer = (body: ActionData, status = 200) => data(body, { status, headers: NO_STORE });
  if (PASSKEY_INTENTS.includes(String(form.intent))) return passkeyAction(viewer, form);
  const parsed = parseForm(TwoFactorSettingsSchema, form);
  if (!parsed.ok) {
    const field = Object.keys(parsed.fields)[0];
    const intent = String(form.intent ?? "");
    if (field === "code" || field === "confirm")
      return answer(
        { intent, formError: parsed.formError, fields: { [field]: parsed.fields[field] }, values: { count: 1 } },
        400,
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
      r.status,
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

async function passkeyAction(viewer: { id: number; username: string }, form: Record<string, unknown>) {
  const parsed = parseForm(PasskeySettingsSchema, form);
  const answer = (body: ActionData & { passkeyOptions?: unknown }, status = 200) =>
    data(body, { status, headers: NO_STORE });
  const intent = String(form.intent);
  if (!parsed.ok) {
    const field = Object.keys(parsed.fields)[0];
    if (field === "name" || field === "confirm")
      return answer(
        {
          intent,
          formError: parsed.formError,
          fields: { [field]: parsed.fields[field] },
          values: { count: 1 },
          passkeyId: Number(form.passkeyId) || undefined,
        },
        400,
      );
    const message = field ? parsed.fields[field] : undefined;
    return answer({ intent, formError: message?.includes(".") ? message : "passkeys.errors.failed" }, 400);
  }
  const input = parsed.data;
  if (input.intent === "passkey-options")
    return answer({ passkeyOptions: await registrationOptions({ userId: viewer.id, username: viewer.username }) });
  const result =
    input.intent === "passkey-add"
      ? await addPasskey({ userId: viewer.id, response: input.response, name: input.name })
      : await removePasskey({ userId: viewer.id, passkeyId: input.passkeyId, confirm: input.confirm });
  if (!result.ok)
    return answer(
      {
        intent,
        formError: result.message,
        fields: result.fields,
        values: result.fields ? { count: Object.keys(result.fields).length } : result.values,
        passkeyId: input.intent === "passkey-remove" ? input.passkeyId : undefined,
      },
      result.status,
    );
  return answer({ done: input.intent === "passkey-add" ? "passkeys.addedNotice" : "passkeys.removed" });
}

export default function TwoFactorSettings() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>() as ActionData | undefined;
  const longDate = (iso: string) =>
    new Date(iso).toLocaleDateString(intlLocale(i18n.language), { dateStyle: "long", timeZone: "UTC" });

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
      {d.required && !d.enabled && !d.passkeys.length ? (
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
              date: new Date(d.enabledAt).toLocaleDateString(intlLocale(i18n.language), {
                dateStyle: "long",
                timeZone: "UTC",
              }),
            })
          : d.passkeys.length
            ? t("passkeys.onWithPasskey")
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

      <h2>{t("passkeys.title")}</h2>
      <p>{t("passkeys.intro")}</p>
      {d.passkeys.length ? (
        <ul className="stack" aria-label={t("passkeys.listLabel")}>
          {d.passkeys.map((p) => (
            <li key={p.id} className="stack">
              <p>
                <strong>{p.name}</strong> {t("passkeys.added", { date: longDate(p.createdAt) })}
                {p.lastUsedAt ? <> {t("passkeys.lastUsed", { date: longDate(p.lastUsedAt) })}</> : null}
              </p>
              <Form method="post" className="stack" noValidate>
                <input type="hidden" name="intent" value="passkey-remove" />
                <input type="hidden" name="passkeyId" value={p.id} />
                <Field
                  label={t("passkeys.removeField", { name: p.name })}
                  name="confirm"
                  type="password"
                  autoComplete="current-password"
                  required
                  error={res?.intent === "passkey-remove" && res.passkeyId === p.id ? res.fields?.confirm : undefined}
                />
                <div>
                  <button type="submit" className="secondary">
                    {t("passkeys.remove")}
                  </button>
                </div>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("passkeys.none")}</p>
      )}
      <PasskeyAdd nameError={res?.intent === "passkey-add" ? res.fields?.name : undefined} />

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
