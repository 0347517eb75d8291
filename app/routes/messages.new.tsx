// /messages/new?to=USERNAME: start a personal conversation with up to nine members. Recruiters keep
// the consented-contact flow (/recruiter/contact) and are refused here.
import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Composer } from "~/components/composer";
import { Field, FormError } from "~/components/field";
import { db } from "~/db.server";
import { forbidden, readForm } from "~/web/http.server";
import { createConversation, MAX_PARTICIPANTS } from "~/models/forum/messages.server";
import { renderPostBody } from "~/models/forum/render.server";
import { NewMessageSchema, parseForm, type FormAnswer } from "~/models/shared/forms.server";
import { canStartMessage, scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "messages.new") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  if (!canStartMessage(scopeOf(viewer))) forbidden();
  // only a username's characters are kept from the address (other helpers link here)
  const to = (new URL(request.url).searchParams.get("to") ?? "").replace(/[^A-Za-z0-9_,@ ]/g, "").slice(0, 400);
  return { to, submissionKey: randomUUID(), others: MAX_PARTICIPANTS - 1 };
}

type Answer = FormAnswer & { preview?: string };

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  if (!canStartMessage(scope)) forbidden();
  const { intent, ...input } = await readForm(request);
  const parsed = parseForm(NewMessageSchema, input);
  const { values } = parsed;
  if (!parsed.ok) return data<Answer>(parsed, 400);
  if (intent === "preview") {
    const rendered = await renderPostBody(db, parsed.data.body, scope);
    if (!rendered.ok) return data<Answer>({ formError: rendered.message, values, fields: rendered.fields ?? {} }, 422);
    return data<Answer>({ preview: rendered.html, values, fields: {} });
  }
  const result = await createConversation({ scope, input: parsed.data });
  if (!result.ok)
    return data<Answer>(
      { formError: result.message, errorValues: result.values, values, fields: result.fields ?? {} },
      result.status,
    );
  return redirect(result.url);
}

export default function NewMessage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const v: Record<string, string | undefined> = res?.values ?? { to: d.to };
  const f = res?.fields ?? {};
  return (
    <div className="page">
      <h1>{t("messages.new")}</h1>
      <p className="muted">{t("messages.privacyNote")}</p>
      <FormError message={res?.formError} values={res?.errorValues} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="submissionKey" value={d.submissionKey} />
        <Field
          label={t("messages.to")}
          name="to"
          type="text"
          defaultValue={v.to}
          error={f.to}
          errorValues={res?.errorValues}
          hint={t("messages.toHint", { max: d.others })}
          autoComplete="off"
          required
        />
        <Field
          label={t("composer.title")}
          name="title"
          type="text"
          defaultValue={v.title}
          error={f.title}
          errorValues={res?.errorValues}
          required
        />
        <Composer defaultValue={v.body ?? ""} error={f.body} errorValues={res?.errorValues} preview={res?.preview} />
        <div className="actions">
          <button type="submit" name="intent" value="send">
            {t("messages.sendButton")}
          </button>
          <button type="submit" name="intent" value="preview" className="secondary">
            {t("composer.preview")}
          </button>
        </div>
      </Form>
    </div>
  );
}
