// One application beside the applicant's progress; approve or reject with a reason. Approving an
// application whose requirements are no longer met asks the admin to confirm.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { FormError } from "~/components/field";
import { TextArea } from "~/components/form-extras";
import { ProgressPage } from "~/components/progress-view";
import { useDay } from "~/components/use-day";
import { notFound, readForm, positiveId } from "~/web/http.server";
import { parseForm } from "~/models/shared/forms.server";
import { DecisionSchema } from "~/models/journey/application.schema";
import { decideApplication, getApplication, listApplicationAudit } from "~/models/journey/application.server";
import { getProgressPage } from "~/models/journey/progress/page.server";
import { requireStaff } from "~/web/staff.server";
import progressStyles from "~/styles/progress.css";
import { pageTitle } from "~/web/page-title";
import { localized } from "~/models/shared/localized";
import { requirementLabel, type LabelSource } from "~/models/journey/requirement-label";

export const links = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin.applications.details") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const application = await getApplication({ id: positiveId(params.id) ?? 0 });
  if (!application) notFound();
  const [progress, audit] = await Promise.all([
    getProgressPage({ userId: application.user_id, itemLimit: 100 }),
    listApplicationAudit({ applicationId: application.id }),
  ]);
  if (!progress) notFound();
  return { application, progress, audit };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireStaff(request);
  const form = await readForm(request);
  const parsed = parseForm(DecisionSchema, form);
  const { values } = parsed;
  if (!parsed.ok)
    return data(
      {
        values,
        formError: parsed.formError,
        fields: parsed.fields as Record<string, string>,
        unmet: [] as LabelSource[],
      },
      { status: 400 },
    );
  const result = await decideApplication({
    adminId: admin.id,
    applicationId: positiveId(params.id) ?? 0,
    decision: parsed.data.intent,
    reason: parsed.data.reason,
    confirmUnmet: parsed.data.confirmUnmet,
  });
  if (!result.ok) {
    return data(
      {
        values,
        formError: result.message,
        fields: (result.fields ?? {}) as Record<string, string>,
        unmet: "unmet" in result ? (result.unmet ?? []) : [],
      },
      { status: result.status },
    );
  }
  return redirect(`/admin/applications/${params.id}`);
}

export default function ApplicationReview() {
  const { t, i18n } = useTranslation();
  const day = useDay();
  const { application: a, progress, audit } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  // params come back as JSON: the label sources as the model made them
  const unmet = (res?.unmet ?? []) as LabelSource[];
  return (
    <div>
      <p>
        <Link to="/admin/applications">{t("admin.applications.backToQueue")}</Link>
      </p>
      <h1>
        {t("admin.applications.reviewTitle", {
          name: a.display_name,
          number: a.level,
          level: localized(a, "level_name", i18n.language),
        })}
      </h1>
      <div className="grid-2">
        <section className="card" aria-labelledby="app-heading">
          <h2 id="app-heading">{t("admin.applications.details")}</h2>
          <dl>
            <dt>{t("admin.applications.status")}</dt>
            <dd>{t(`admin.applications.statuses.${a.status}`)}</dd>
            <dt>{t("admin.applications.submitted")}</dt>
            <dd>{new Date(a.created_at).toISOString().slice(0, 10)}</dd>
            {a.route ? (
              <>
                <dt>{t("progress.apply.route")}</dt>
                <dd>{t(a.route === "experience" ? "progress.apply.routeExperience" : "progress.apply.routeExam")}</dd>
              </>
            ) : null}
            <dt>{t("progress.apply.roleTitle")}</dt>
            <dd>{[a.role_title, a.organisation].filter(Boolean).join(", ") || "—"}</dd>
            <dt>{t("progress.apply.customerFacingYears")}</dt>
            <dd>{a.customer_facing_years ?? "—"}</dd>
            <dt>{t("progress.apply.managingYears")}</dt>
            <dd>{a.managing_years ?? "—"}</dd>
            <dt>{t("progress.apply.portfolio")}</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{a.portfolio || "—"}</dd>
            <dt>{t("progress.apply.evidenceLinks")}</dt>
            <dd>
              {a.evidence_links.length ? (
                <ul>
                  {a.evidence_links.map((l) => (
                    <li key={l}>
                      <a href={l} rel="nofollow noopener noreferrer">
                        {l}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : (
                "—"
              )}
            </dd>
            <dt>{t("progress.apply.referees")}</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{a.referees || "—"}</dd>
            {a.decided_at ? (
              <>
                <dt>{t("admin.applications.decidedBy")}</dt>
                <dd>
                  @{a.decided_by_username} · {new Date(a.decided_at).toISOString().slice(0, 10)}
                  {a.decision_reason ? ` · ${a.decision_reason}` : ""}
                </dd>
              </>
            ) : null}
          </dl>

          {a.status === "pending" ? (
            <>
              <FormError
                message={res?.formError === "admin.applications.warnUnmet" ? null : res?.formError}
                values={{ count: 1 }}
              />
              {unmet.length ? (
                <div className="form-error" role="alert">
                  <p>{t("admin.applications.warnUnmet")}</p>
                  <ul>
                    {unmet.map((u, i) => (
                      <li key={i}>{requirementLabel(t, u, i18n.language)}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <Form method="post" className="stack">
                <TextArea
                  label={t("admin.applications.reason")}
                  name="reason"
                  hint={t("admin.applications.reasonHint")}
                  defaultValue={res?.values?.reason}
                  error={res?.fields?.reason}
                  rows={3}
                />
                {unmet.length ? (
                  <label>
                    <input type="checkbox" name="confirmUnmet" value="yes" /> {t("admin.applications.confirmUnmet")}
                  </label>
                ) : null}
                <div className="inline-form">
                  <button type="submit" name="intent" value="approve">
                    {t("admin.applications.approve")}
                  </button>
                  <button type="submit" name="intent" value="reject" className="secondary">
                    {t("admin.applications.reject")}
                  </button>
                </div>
              </Form>
            </>
          ) : null}

          <h3>{t("admin.applications.auditTitle")}</h3>
          <ul>
            {audit.map((e) => (
              <li key={e.id}>
                {t(`admin.audit.${e.action}`, { defaultValue: e.action })} · @{e.username ?? "?"} · {day(e.at)}
              </li>
            ))}
          </ul>
        </section>
        <section aria-label={t("admin.applications.applicantProgress")}>
          <ProgressPage data={progress} self={false} headingLevel={2} />
        </section>
      </div>
    </div>
  );
}
