// The member's self-assessment against the competency framework and their development plan: for each
// capability the framework's three descriptions, where they place themself and their target. Private:
// only they and their mentor (on the mentorship page) see it. A plain form: works without JavaScript.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { FormError } from "~/components/field";
import { PlanLevel } from "~/components/development-plan";
import { parsePlanForm } from "~/models/directory/competency-evidence.schema";
import { PROFICIENCIES } from "~/models/directory/profile.schema";
import { getDevelopmentPlan, listPlanSlugs, saveDevelopmentPlan } from "~/models/journey/development-plan.server";
import { scopeOf } from "~/models/permissions.server";
import { requestLocale } from "~/locale";
import { requireViewer } from "~/viewer.server";
import { forbidden, readForm } from "~/web/http.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "development.title") }];

async function requireMemberViewer(request: Request) {
  const viewer = await requireViewer(request);
  // recruiters keep no plan: they are not on the journey
  if (!viewer.roles.includes("member")) forbidden();
  return viewer;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireMemberViewer(request);
  const lang = requestLocale(request, viewer.locale);
  const plan = await getDevelopmentPlan({ scope: scopeOf(viewer), userId: viewer.id, lang });
  return { plan: plan! };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireMemberViewer(request);
  const form = await readForm(request);
  const parsed = parsePlanForm(form, await listPlanSlugs());
  if (!parsed.ok) return data({ formError: "development.errors.level", values: form }, { status: 400 });
  await saveDevelopmentPlan({ userId: viewer.id, plan: parsed.plan });
  return redirect("/my/development?saved=1");
}

export default function MyDevelopment() {
  const { t } = useTranslation();
  const { plan } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const kept = (res?.values ?? {}) as Record<string, string>;
  return (
    <div className="page">
      <p>
        <Link to="/my/profile">{t("profile.edit")}</Link>
      </p>
      <h1>{t("development.title")}</h1>
      <p>{t("development.intro")}</p>
      <p className="muted">{t("development.mentorNote")}</p>
      {params.get("saved") && !res ? <p role="status">{t("development.saved")}</p> : null}
      <Form method="post">
        <FormError message={res?.formError} />
        {plan.rows.map((r) => (
          <fieldset key={r.slug} id={`plan-${r.slug}`} className="plan-row">
            <legend>{r.name}</legend>
            {r.claimed ? (
              <p className="muted">
                {t(r.evidenced ? "development.claimedEvidenced" : "development.claimed", {
                  proficiency: t(`profile.proficiency.${r.claimed}`),
                })}
              </p>
            ) : null}
            <dl className="framework-levels">
              {PROFICIENCIES.map((p) => (
                <div key={p}>
                  <dt>{t(`profile.proficiency.${p}`)}</dt>
                  <dd>{r.levels[p]}</dd>
                </div>
              ))}
            </dl>
            <PlanLevel
              name={`self.${r.slug}`}
              label={t("development.now")}
              value={kept[`self.${r.slug}`] ?? r.selfAssessed ?? ""}
            />
            <PlanLevel
              name={`target.${r.slug}`}
              label={t("development.target")}
              value={kept[`target.${r.slug}`] ?? r.target ?? ""}
            />
          </fieldset>
        ))}
        <button type="submit">{t("development.save")}</button>
      </Form>
    </div>
  );
}
