// One recruiter's contact request, as the member sees it: the recruiter's messages and the
// member's answers in one thread; answer, accept (share emails), decline or block from here.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { FormError } from "~/components/field";
import { TextArea } from "~/components/form-extras";
import { ThreadMessages } from "~/components/contact-thread";
import { keepValues, notFound, positiveId, readForm } from "~/web/http.server";
import { answerAsMember, getMemberThread } from "~/models/directory/contact-thread.server";
import { THREAD_MESSAGE_MAX } from "~/models/directory/recruiter-desk.schema";
import { decideContactRequest, setRecruiterBlocked } from "~/models/directory/contact-request.server";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "recruiter.myContactsTitle") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const thread = await getMemberThread({ userId: viewer.id, id: positiveId(params.id) ?? 0 });
  if (!thread) notFound();
  return { thread };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const id = positiveId(params.id) ?? 0;
  const thread = await getMemberThread({ userId: viewer.id, id });
  if (!thread) notFound();
  const form = await readForm(request);
  const result =
    form.intent === "answer"
      ? await answerAsMember({ scope, id, body: form.body ?? "" })
      : form.intent === "accept" || form.intent === "decline"
        ? await decideContactRequest({ scope, id, decision: form.intent })
        : form.intent === "block" || form.intent === "unblock"
          ? await setRecruiterBlocked({ scope, recruiterId: thread.recruiter_id, blocked: form.intent === "block" })
          : null;
  if (!result) return data({ formError: "errors.forbidden", values: keepValues(form) }, 400);
  if (!result.ok) return data({ formError: result.message, values: keepValues(form) }, result.status);
  return redirect(`/my/contacts/${id}`);
}

export default function ContactThread() {
  const { t } = useTranslation();
  const { thread } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const from = t("recruiter.from", { name: thread.display_name, organisation: thread.organisation ?? "" });
  return (
    <div className="page">
      <p>
        <Link to="/my/contacts">{t("recruiter.myContactsTitle")}</Link>
      </p>
      <h1>{from}</h1>
      <p className="muted">
        <span className={`status status-${thread.status}`}>{t(`recruiter.status.${thread.status}`)}</span>
        {thread.website ? (
          <>
            {" · "}
            <a href={thread.website} rel="nofollow noopener">
              {thread.website}
            </a>
          </>
        ) : null}
      </p>
      {thread.email ? <p>{t("recruiter.emailLabel", { email: thread.email })}</p> : null}
      <FormError message={a?.formError} />
      <ThreadMessages messages={thread.messages} otherName={thread.display_name} />
      {thread.blocked ? (
        <p className="notice">{t("desk.blockedNote")}</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="answer" />
          <TextArea
            id="answer-body"
            label={t("desk.answerLabel")}
            hint={t("desk.answerHint")}
            name="body"
            rows={5}
            maxLength={THREAD_MESSAGE_MAX}
            required
            defaultValue={a?.values?.body}
          />
          <button type="submit">{t("desk.answer")}</button>
        </Form>
      )}
      <Form method="post" className="inline-form">
        {thread.status === "pending" && !thread.blocked ? (
          <>
            <button type="submit" name="intent" value="accept">
              {t("recruiter.accept")}
            </button>{" "}
            <button type="submit" name="intent" value="decline" className="secondary">
              {t("recruiter.decline")}
            </button>{" "}
          </>
        ) : null}
        <button type="submit" name="intent" value={thread.blocked ? "unblock" : "block"} className="secondary small">
          {thread.blocked ? t("recruiter.unblock") : t("recruiter.block")}
        </button>
      </Form>
    </div>
  );
}
