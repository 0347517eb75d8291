// Applying for the next level (level 1: enrolment). The form follows seed 002's two routes where
// they apply: declared experience, portfolio, evidence links and referees.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { ApplicationForm } from "~/components/application-form";
import { applicationAction } from "~/web/apply.server";
import { createApplication, getApplyState } from "~/models/journey/application.server";
import { requireViewer } from "~/viewer.server";
import { requirementLabel } from "~/models/journey/requirement-label";
import { requestLocale } from "~/locale";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "progress.apply.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const lang = requestLocale(request, viewer.locale);
  const state = await getApplyState({ userId: viewer.id, lang });
  if (!state) throw redirect("/login");
  return {
    target: state.target,
    targetName: state.targetName,
    pending: !!state.pending,
    ready: state.target === 1 || state.standing.canApplyForNext,
    missing: state.standing.missingForNext.map(({ id, kind, label, label_fr, params, subject, subject_fr }) => ({
      id,
      kind,
      label,
      label_fr,
      params,
      subject,
      subject_fr,
    })),
    experience: state.experience,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  return applicationAction(request, (input) => createApplication({ userId: viewer.id, input }), "/progress");
}

export default function Apply() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const v = (res?.values ?? {}) as Record<string, string>;
  if (!d.target) {
    return (
      <div className="page narrow">
        <h1>{t("progress.apply.title")}</h1>
        <p>{t("progress.topLevel")}</p>
      </div>
    );
  }
  const title =
    d.target === 1
      ? t("progress.apply.enrolTitle")
      : t("progress.apply.titleFor", { number: d.target, name: d.targetName });
  return (
    <div className="page narrow">
      <h1>{title}</h1>
      {d.pending ? (
        <p className="notice">{t("progress.apply.errors.alreadyPending")}</p>
      ) : !d.ready ? (
        <>
          <p className="form-error">{t("progress.apply.errors.notReady")}</p>
          <ul>
            {d.missing.map((m) => (
              <li key={m.id}>{requirementLabel(t, m, i18n.language)}</li>
            ))}
          </ul>
          <p>
            <Link to="/progress">{t("progress.apply.back")}</Link>
          </p>
        </>
      ) : (
        <ApplicationForm
          answer={res}
          intro={d.target === 1 ? t("progress.apply.enrolIntro") : t("progress.apply.intro")}
          submit={t("progress.apply.submit")}
          enrolment={d.target === 1}
          minYears={(field) => d.experience.find((e) => e.field === field)?.minYears}
          chooser={
            d.target > 1 ? (
              <fieldset>
                <legend>{t("progress.apply.route")}</legend>
                <label>
                  <input type="radio" name="route" value="experience" defaultChecked={v.route === "experience"} />{" "}
                  {t("progress.apply.routeExperience")}
                </label>
                <br />
                <label>
                  <input type="radio" name="route" value="exam" defaultChecked={v.route !== "experience"} />{" "}
                  {t("progress.apply.routeExam")}
                </label>
              </fieldset>
            ) : null
          }
        />
      )}
    </div>
  );
}
