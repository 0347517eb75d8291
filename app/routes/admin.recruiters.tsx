// Programme staff verify (or reject, or later revoke) recruiter organisations.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { FormError } from "~/components/field";
import { RelativeTime } from "~/components/relative-time";
import { positiveId, readForm } from "~/web/http.server";
import { countryName } from "~/models/directory/profile.schema";
import { decideRecruiter, listRecruiterApplications } from "~/models/directory/recruiter.server";
import { scopeOf } from "~/models/permissions.server";
import { requireStaff } from "~/web/staff.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "recruiter.admin.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const [pending, verified] = await Promise.all([
    listRecruiterApplications({ status: "pending" }),
    listRecruiterApplications({ status: "verified" }),
  ]);
  return { pending, verified };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireStaff(request);
  const form = await readForm(request);
  const decision =
    form.intent === "verify" || form.intent === "reject" || form.intent === "revoke" ? form.intent : null;
  if (!decision) return data({ formError: "errors.forbidden", id: 0 }, 400);
  const id = positiveId(form.id) ?? 0;
  const result = await decideRecruiter({
    scope: scopeOf(viewer),
    id,
    decision,
    reason: (form.reason ?? "").slice(0, 500),
  });
  if (!result.ok) return data({ formError: result.message, id }, result.status);
  return redirect("/admin/recruiters");
}

type Org = Awaited<ReturnType<typeof loader>>["pending"][number];

function OrgCard({ o, actions, error }: { o: Org; actions: ("verify" | "reject" | "revoke")[]; error?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="recruiter-application">
      <h3>{o.name}</h3>
      <dl>
        <dt>{t("recruiter.admin.applicant")}</dt>
        <dd>
          {o.display_name} (@{o.username}) · {o.email}
        </dd>
        <dt>{t("recruiter.fields.website")}</dt>
        <dd>
          <a href={o.website} rel="nofollow noopener">
            {o.website}
          </a>
        </dd>
        <dt>{t("recruiter.fields.country")}</dt>
        <dd>{countryName(o.country, i18n.language || "en")}</dd>
        {o.registration_number ? (
          <>
            <dt>{t("recruiter.fields.registrationNumber")}</dt>
            <dd>{o.registration_number}</dd>
          </>
        ) : null}
        <dt>{t("recruiter.fields.contactRole")}</dt>
        <dd>{o.contact_role}</dd>
        <dt>{t("recruiter.fields.description")}</dt>
        <dd>{o.description}</dd>
      </dl>
      <p className="muted">
        <RelativeTime date={o.created_at} />
      </p>
      <Form method="post" className="inline-form">
        <FormError message={error} />
        <input type="hidden" name="id" value={o.id} />
        <label htmlFor={`reason-${o.id}`}>{t("recruiter.admin.reason")}</label>
        <input id={`reason-${o.id}`} name="reason" maxLength={500} />
        {actions.map((a) => (
          <button
            key={a}
            type="submit"
            name="intent"
            value={a}
            className={a === "verify" ? undefined : "secondary"}
            aria-label={`${t(`recruiter.admin.${a}`)}: ${o.name}`}
          >
            {t(`recruiter.admin.${a}`)}
          </button>
        ))}
      </Form>
    </li>
  );
}

export default function AdminRecruiters() {
  const { t } = useTranslation();
  const { pending, verified } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  return (
    <div>
      <p>
        <Link to="/admin">{t("admin.backToDashboard")}</Link>
      </p>
      <h1>{t("recruiter.admin.title")}</h1>
      {pending.length ? (
        <ul className="recruiter-applications">
          {pending.map((o) => (
            <OrgCard key={o.id} o={o} actions={["verify", "reject"]} error={a?.id === o.id ? a.formError : undefined} />
          ))}
        </ul>
      ) : (
        <p>{t("recruiter.admin.none")}</p>
      )}
      <h2>{t("recruiter.admin.verified")}</h2>
      {verified.length ? (
        <ul className="recruiter-applications">
          {verified.map((o) => (
            <OrgCard key={o.id} o={o} actions={["revoke"]} error={a?.id === o.id ? a.formError : undefined} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
