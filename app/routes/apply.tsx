// Applying for the next level (level 1: enrolment). The form follows seed 002's two routes where
// they apply: declared experience, portfolio, evidence links and referees.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field, FormError } from "~/components/field";
import { TextArea } from "~/components/form-extras";
import { readForm } from "~/web/http.server";
import { ApplicationSchema } from "~/models/journey/application.schema";
import { createApplication, getApplyState } from "~/models/journey/application.server";
import { parseForm } from "~/models/shared/forms.server";
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
  const form = await readForm(request);
  const parsed = parseForm(ApplicationSchema, form);
  const { values } = parsed;
  if (!parsed.ok)
    return data(
      { values, fields: parsed.fields, formError: parsed.formError, count: parsed.errorValues.count },
      { status: 400 },
    );
  const result = await createApplication({ userId: viewer.id, input: parsed.data });
  if (!result.ok) {
    const fields = result.fields ?? {};
    return data(
      { values, fields, formError: result.message, count: Object.keys(fields).length },
      { status: result.status },
    );
  }
  return redirect("/progress");
}

export default function Apply() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const v = (res?.values ?? {}) as Record<string, string>;
  const f = (res?.fields ?? {}) as Record<string, string | undefined>;
  if (!d.target) {
    return (
      <div className="page narrow">
        <h1>{t("progress.apply.title")}</h1>
        <p>{t("progress.topLevel")}</p>
      </div>
    );
  }
  const minFor = (field: string) => d.experience.find((e) => e.field === field)?.minYears;
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
        <>
          <FormError
            message={res?.formError === "form.fixErrors" ? (res.count ? "form.fixErrors" : null) : res?.formError}
            values={{ count: res?.count }}
          />
          <p>{d.target === 1 ? t("progress.apply.enrolIntro") : t("progress.apply.intro")}</p>
          <Form method="post" className="stack" noValidate>
            {d.target > 1 ? (
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
            ) : null}
            <Field
              label={t("progress.apply.roleTitle")}
              name="roleTitle"
              type="text"
              defaultValue={v.roleTitle}
              error={f.roleTitle}
              autoComplete="organization-title"
            />
            <Field
              label={t("progress.apply.organisation")}
              name="organisation"
              type="text"
              defaultValue={v.organisation}
              error={f.organisation}
              autoComplete="organization"
            />
            {d.target > 1 ? (
              <>
                <Field
                  label={t("progress.apply.customerFacingYears")}
                  name="customerFacingYears"
                  type="number"
                  step="0.5"
                  min="0"
                  max="60"
                  inputMode="decimal"
                  defaultValue={v.customerFacingYears}
                  error={f.customerFacingYears}
                  errorValues={{ min: minFor("customerFacingYears") }}
                  hint={
                    minFor("customerFacingYears") !== undefined
                      ? t("progress.apply.yearsNeeded", { min: minFor("customerFacingYears") })
                      : undefined
                  }
                />
                <Field
                  label={t("progress.apply.managingYears")}
                  name="managingYears"
                  type="number"
                  step="0.5"
                  min="0"
                  max="60"
                  inputMode="decimal"
                  defaultValue={v.managingYears}
                  error={f.managingYears}
                  errorValues={{ min: minFor("managingYears") }}
                  hint={
                    minFor("managingYears") !== undefined
                      ? t("progress.apply.yearsNeeded", { min: minFor("managingYears") })
                      : undefined
                  }
                />
              </>
            ) : null}
            <TextArea
              label={d.target === 1 ? t("progress.apply.motivation") : t("progress.apply.portfolio")}
              name="portfolio"
              defaultValue={v.portfolio}
              error={f.portfolio}
              hint={d.target === 1 ? undefined : t("progress.apply.portfolioHint")}
              rows={6}
            />
            {d.target > 1 ? (
              <>
                <TextArea
                  label={t("progress.apply.evidenceLinks")}
                  name="evidenceLinks"
                  defaultValue={v.evidenceLinks}
                  error={f.evidenceLinks}
                  hint={t("progress.apply.evidenceHint")}
                  rows={3}
                />
                <TextArea
                  label={t("progress.apply.referees")}
                  name="referees"
                  defaultValue={v.referees}
                  error={f.referees}
                  hint={t("progress.apply.refereesHint")}
                  rows={3}
                />
              </>
            ) : null}
            <div>
              <button type="submit">{t("progress.apply.submit")}</button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
