// The member's password and sessions: change the password (the current one required), see where they
// are signed in, end one session or all of them. Plain forms: works without JavaScript.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { endAllSessions, endSession, endSessionByHandle, listSessions, startSession } from "~/auth.server";
import { RelativeTime } from "~/components/relative-time";
import { Field, FormError } from "~/components/field";
import type { PageHandle } from "~/web/enhance";
import { readForm } from "~/web/http.server";
import { SecurityActionSchema } from "~/models/account/user.schema";
import { parseForm } from "~/models/shared/forms.server";
import { changePassword } from "~/models/account/user.server";
import { deviceOf } from "~/models/account/user-agent";
import { pageTitle } from "~/web/page-title";
import { asPersonal } from "~/web/page-caching";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";
import { db } from "~/db.server";

export const handle: PageHandle = { hydrate: false };

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "accountSecurity.title") },
  { name: "robots", content: "noindex" },
];

// personal: never kept by a browser, proxy or shared cache
export const headers: HeadersFunction = ({ parentHeaders }) => asPersonal(parentHeaders);

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const sessions = await listSessions(viewer.id, request);
  return data(
    {
      sessions: sessions.map((s) => ({
        handle: s.handle,
        ...deviceOf(s.userAgent),
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        current: s.current,
      })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const parsed = parseForm(SecurityActionSchema, await readForm(request));
  if (!parsed.ok) return data({ formError: parsed.formError, fields: parsed.fields }, { status: 400 });
  const input = parsed.data;
  if (input.intent === "everywhere") {
    await endAllSessions(db, viewer.id);
    return redirect("/", { headers: { "Set-Cookie": await endSession(request) } });
  }
  if (input.intent === "end") {
    const ended = await endSessionByHandle(viewer.id, input.session);
    return redirect(`/my/security?done=${ended ? "ended" : "gone"}`);
  }
  const result = await changePassword({
    userId: viewer.id,
    currentPassword: input.currentPassword,
    password: input.password,
    ip: context.clientIp,
  });
  if (!result.ok)
    return data(
      {
        formError: result.status === 429 ? "accountSecurity.errors.throttled" : "form.fixErrors",
        fields: result.fields ?? {},
      },
      { status: result.status },
    );
  // every session ended with the change; this browser gets a fresh one
  return redirect("/my/security?done=password", {
    headers: { "Set-Cookie": await startSession(db, viewer.id, request) },
  });
}

export default function Security() {
  const { t } = useTranslation();
  const { sessions } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const f = (res?.fields ?? {}) as Record<string, string | undefined>;
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="page narrow">
      <h1>{t("accountSecurity.title")}</h1>
      {done === "password" || done === "ended" || done === "gone" ? (
        <p className="notice" role="status">
          {t(`accountSecurity.done.${done}`)}
        </p>
      ) : null}

      <section aria-labelledby="change-password">
        <h2 id="change-password">{t("accountSecurity.password.title")}</h2>
        <p>{t("accountSecurity.password.intro")}</p>
        <FormError message={res?.formError} values={{ count: Object.keys(f).length }} />
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="password" />
          <Field
            label={t("accountSecurity.password.current")}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            error={f.currentPassword}
            required
          />
          <Field
            label={t("accountSecurity.password.new")}
            name="password"
            type="password"
            autoComplete="new-password"
            hint={t("signup.passwordHint")}
            error={f.password}
            required
          />
          <div>
            <button type="submit">{t("accountSecurity.password.submit")}</button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="sessions">
        <h2 id="sessions">{t("accountSecurity.sessions.title")}</h2>
        <p>{t("accountSecurity.sessions.intro")}</p>
        <ul className="session-list">
          {sessions.map((s) => (
            <li key={s.handle}>
              <strong>
                {t("accountSecurity.sessions.device", {
                  browser: s.browser ?? t("accountSecurity.sessions.unknownBrowser"),
                  os: s.os ?? t("accountSecurity.sessions.unknownSystem"),
                })}
              </strong>
              {s.current ? <> · {t("accountSecurity.sessions.current")}</> : null}
              <br />
              {t("accountSecurity.sessions.lastSeen")} <RelativeTime date={s.lastSeenAt} /> ·{" "}
              {t("accountSecurity.sessions.started")} <RelativeTime date={s.createdAt} />
              {s.current ? null : (
                <Form method="post" className="inline">
                  <input type="hidden" name="intent" value="end" />
                  <input type="hidden" name="session" value={s.handle} />
                  <button type="submit" className="secondary">
                    {t("accountSecurity.sessions.end")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        <Form method="post">
          <input type="hidden" name="intent" value="everywhere" />
          <p className="hint">{t("accountSecurity.sessions.everywhereHint", { count: others })}</p>
          <button type="submit">{t("accountSecurity.sessions.everywhere")}</button>
        </Form>
      </section>
    </div>
  );
}
