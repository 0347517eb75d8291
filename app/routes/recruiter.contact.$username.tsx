// A verified recruiter writes a short contact request to a member they may see.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { FormError } from "~/components/field";
import { forbidden, keepValues, notFound, readForm } from "~/http.server";
import { getProfilePage } from "~/models/profile.server";
import { MESSAGE_MAX } from "~/models/recruiter.schema";
import { sendContactRequest } from "~/models/recruiter.server";
import { scopeOf } from "~/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "recruiter.contactSend") }, { name: "robots", content: "noindex" }];

async function load(request: Request, username: string) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  if (!scope.isRecruiter) forbidden();
  const profile = await getProfilePage({ scope, username });
  if (!profile || !profile.isMember) notFound();
  return { scope, profile };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { profile } = await load(request, params.username ?? "");
  // no form for a member who is not open to opportunities: the sentence says why
  const open = profile.openToOpportunities;
  return data({ username: profile.username, name: profile.displayName, open }, open ? 200 : 403);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, profile } = await load(request, params.username ?? "");
  const form = await readForm(request);
  const result = await sendContactRequest({ scope, username: profile.username, message: form.message ?? "" });
  if (!result.ok) return data({ formError: result.message, errorValues: result.values ?? {}, values: keepValues(form) }, result.status);
  return redirect(`/u/${profile.username}`);
}

export default function ContactRequest() {
  const { t } = useTranslation();
  const { name, open, username } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
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
        <div className="field">
          <label htmlFor="contact-message">{t("recruiter.contactMessage")}</label>
          <p className="hint" id="contact-hint">
            {t("recruiter.contactHint")}
          </p>
          <textarea id="contact-message" name="message" rows={6} maxLength={MESSAGE_MAX} required defaultValue={a?.values?.message} aria-describedby="contact-hint" />
        </div>
        <button type="submit">{t("recruiter.contactSubmit")}</button>
      </Form>
    </div>
  );
}
