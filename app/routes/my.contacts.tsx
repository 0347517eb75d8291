// A member's contact requests from recruiters: accept (both see each other's email), decline, block.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { FormError } from "~/components/field";
import { RelativeTime } from "~/components/relative-time";
import { positiveId, readForm } from "~/web/http.server";
import {
  decideContactRequest,
  listContactsForMember,
  setRecruiterBlocked,
} from "~/models/directory/contact-request.server";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "recruiter.myContactsTitle") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { contacts: await listContactsForMember({ userId: viewer.id }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const form = await readForm(request);
  const result =
    form.intent === "accept" || form.intent === "decline"
      ? await decideContactRequest({ scope, id: positiveId(form.id) ?? 0, decision: form.intent })
      : form.intent === "block" || form.intent === "unblock"
        ? await setRecruiterBlocked({
            scope,
            recruiterId: positiveId(form.recruiterId) ?? 0,
            blocked: form.intent === "block",
          })
        : null;
  if (!result) return data({ formError: "errors.forbidden" }, 400);
  if (!result.ok) return data({ formError: result.message }, result.status);
  return redirect("/my/contacts");
}

export default function MyContacts() {
  const { t } = useTranslation();
  const { contacts } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  return (
    <div className="page">
      <h1>{t("recruiter.myContactsTitle")}</h1>
      <p>{t("recruiter.myContactsIntro")}</p>
      <FormError message={a?.formError} />
      {contacts.length ? (
        <ul className="contact-list">
          {contacts.map((c) => (
            <li key={c.id} className="contact-request">
              <h2>{t("recruiter.from", { name: c.display_name, organisation: c.organisation ?? "" })}</h2>
              <p className="muted">
                <span className={`status status-${c.status}`}>{t(`recruiter.status.${c.status}`)}</span> ·{" "}
                <RelativeTime date={c.created_at} />
                {c.website ? (
                  <>
                    {" · "}
                    <a href={c.website} rel="nofollow noopener">
                      {c.website}
                    </a>
                  </>
                ) : null}
              </p>
              <blockquote className="contact-message">{c.message}</blockquote>
              <p>
                <Link to={`/my/contacts/${c.id}`}>{t("desk.openThread")}</Link>
              </p>
              {c.email ? <p>{t("recruiter.emailLabel", { email: c.email })}</p> : null}
              {c.status === "pending" && !c.blocked ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="id" value={c.id} />
                  <button type="submit" name="intent" value="accept">
                    {t("recruiter.accept")}
                  </button>{" "}
                  <button type="submit" name="intent" value="decline" className="secondary">
                    {t("recruiter.decline")}
                  </button>
                </Form>
              ) : null}
              <Form method="post" className="inline-form">
                <input type="hidden" name="recruiterId" value={c.recruiter_id} />
                <button type="submit" name="intent" value={c.blocked ? "unblock" : "block"} className="secondary small">
                  {c.blocked ? t("recruiter.unblock") : t("recruiter.block")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("recruiter.myContactsNone")}</p>
      )}
    </div>
  );
}
