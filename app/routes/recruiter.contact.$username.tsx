// A verified recruiter and a member they may see: the first contact request, then the thread
// (the recruiter's messages and the member's answers in one place) with a form to write again
// when the member's choices allow it (app/models/directory/contact-thread.server.ts says when).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { FormError } from "~/components/field";
import { TextArea } from "~/components/form-extras";
import { ThreadMessages } from "~/components/contact-thread";
import { forbidden, keepValues, notFound, readForm } from "~/web/http.server";
import { getProfilePage } from "~/models/directory/profile.server";
import { getRecruiterThread, writeAsRecruiter } from "~/models/directory/contact-thread.server";
import { MESSAGE_MAX } from "~/models/directory/recruiter.schema";
import { THREAD_MESSAGE_MAX } from "~/models/directory/recruiter-desk.schema";
import { sendContactRequest } from "~/models/directory/contact-request.server";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "recruiter.contactSend") },
  { name: "robots", content: "noindex" },
];

async function load(request: Request, username: string) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  if (!scope.isRecruiter) forbidden();
  const profile = await getProfilePage({ scope, username });
  if (!profile || !profile.isMember) notFound();
  return { scope, profile };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, profile } = await load(request, params.username ?? "");
  const thread = await getRecruiterThread({ scope, username: profile.username });
  const open = profile.openToOpportunities;
  const base = { username: profile.username, name: profile.displayName, open };
  if (thread?.request)
    return { ...base, thread: { status: thread.request.status, messages: thread.messages, refusal: thread.refusal } };
  // no form for a member who is not open to opportunities: the sentence says why
  return data({ ...base, thread: null }, open ? 200 : 403);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, profile } = await load(request, params.username ?? "");
  const form = await readForm(request);
  const result =
    form.intent === "reply"
      ? await writeAsRecruiter({ scope, username: profile.username, body: form.body ?? "" })
      : await sendContactRequest({ scope, username: profile.username, message: form.message ?? "" });
  if (!result.ok)
    return data(
      { formError: result.message, errorValues: result.values ?? {}, values: keepValues(form) },
      result.status,
    );
  return redirect(
    form.intent === "reply" ? `/recruiter/contact/${profile.username}#thread-end` : `/u/${profile.username}`,
  );
}

export default function ContactRequest() {
  const { t } = useTranslation();
  const { name, open, username, thread } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  if (thread) {
    return (
      <div className="page">
        <h1>{t("desk.threadTitle", { name })}</h1>
        <p className="muted">
          <span className={`status status-${thread.status}`}>{t(`recruiter.status.${thread.status}`)}</span> ·{" "}
          <Link to={`/u/${username}`}>{name}</Link>
        </p>
        <ThreadMessages messages={thread.messages} otherName={name} />
        <span id="thread-end" />
        {thread.refusal ? (
          <p className="notice" role="status">
            {t(thread.refusal)}
          </p>
        ) : (
          <Form method="post">
            <FormError message={a?.formError} values={a?.errorValues} />
            <input type="hidden" name="intent" value="reply" />
            <TextArea
              id="thread-body"
              label={t("desk.writeLabel", { name })}
              name="body"
              rows={5}
              maxLength={THREAD_MESSAGE_MAX}
              required
              defaultValue={a?.values?.body}
            />
            <button type="submit">{t("desk.send")}</button>
          </Form>
        )}
      </div>
    );
  }
  if (!open) {
    return (
      <div className="page">
        <h1>{t("recruiter.contactTitle", { name })}</h1>
        <p className="form-error">{t("recruiter.errors.notOpen")}</p>
        <p>
          <Link to={`/u/${username}`}>{name}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page">
      <h1>{t("recruiter.contactTitle", { name })}</h1>
      <p>{t("recruiter.contactIntro", { name })}</p>
      <Form method="post">
        <FormError message={a?.formError} values={a?.errorValues} />
        <TextArea
          id="contact-message"
          label={t("recruiter.contactMessage")}
          hint={t("recruiter.contactHint")}
          name="message"
          rows={6}
          maxLength={MESSAGE_MAX}
          required
          defaultValue={a?.values?.message}
        />
        <button type="submit">{t("recruiter.contactSubmit")}</button>
      </Form>
    </div>
  );
}
