// Applying for a designation (CCSM) through one of its routes: the member picks the route (the
// closest ready one is chosen for them), declares the experience it asks, and adds evidence.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field, FormError } from "~/components/field";
import { TextArea } from "~/components/form-extras";
import { notFound, readForm } from "~/web/http.server";
import { db } from "~/db.server";
import { ApplicationSchema } from "~/models/journey/application.schema";
import { createDesignationApplication, getDesignationApplyState } from "~/models/journey/designation.server";
import { localized } from "~/models/shared/localized";
import { pickRoute } from "~/models/journey/progress/routes";
import { parseForm } from "~/models/shared/forms.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "credentialRoutes.routeLegend") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const state = await getDesignationApplyState(db, { userId: viewer.id, code: String(params.code ?? "") });
  if (!state) notFound();
  const d = state.designation;
  const experience = d.requirements
    .filter((r) => r.kind === "experience_years" && r.progress.status !== "met")
    .map((r) => ({
      routeId: r.routeId ?? null,
      field: r.params.experience === "customer_facing" ? "customerFacingYears" : "managingYears",
      minYears: Number(r.params.minYears),
    }));
  return {
    code: d.code,
    name: d.name,
    name_fr: d.name_fr,
    held: !!d.held,
    pending: !!d.pending,
    eligible: d.eligible,
    canApply: d.canApply,
    routes: d.routes.map(({ id, name, name_fr, met, total, ready }) => ({ id, name, name_fr, met, total, ready })),
    preferred: pickRoute(d.routes)?.id ?? null,
    experience,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const parsed = parseForm(ApplicationSchema, form);
  const { values } = parsed;
  if (!parsed.ok) {
    const { fields } = parsed;
    return data({ values, fields, formError: parsed.formError, count: Object.keys(fields).length }, { status: 400 });
  }
  const result = await createDesignationApplication({
    userId: viewer.id,
    code: String(params.code ?? ""),
    input: parsed.data,
  });
  if (!result.ok) {
    const fields = result.fields ?? {};
    return data(
      { values, fields, formError: result.message, count: Object.keys(fields).length },
      { status: result.status },
    );
  }
  return redirect("/progress#designations");
}

export default function DesignationApply() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const v = (res?.values ?? {}) as Record<string, string>;
  const f = (res?.fields ?? {}) as Record<string, string | undefined>;
  const name = localized(d, "name", i18n.language);
  const chosen = Number(v.routeId) || d.preferred;
  const minFor = (field: string) =>
    d.experience.find((e) => e.field === field && (!e.routeId || e.routeId === chosen))?.minYears;
  const blocked = d.held
    ? "credentialRoutes.errors.held"
    : d.pending
      ? "credentialRoutes.errors.alreadyPending"
      : !d.eligible
        ? "credentialRoutes.errors.level"
        : !d.canApply
          ? "credentialRoutes.errors.notReady"
          : null;
  return (
    <div className="page narrow">
      <h1>{t("credentialRoutes.applyTitle", { name })}</h1>
      {blocked ? (
        <>
          <p className="notice">{t(blocked)}</p>
          <p>
            <Link to="/progress#designations">{t("credentialRoutes.back")}</Link>
          </p>
        </>
      ) : (
        <>
          <FormError
            message={res?.formError === "form.fixErrors" ? (res.count ? "form.fixErrors" : null) : res?.formError}
            values={{ count: res?.count }}
          />
          <p>{t("credentialRoutes.applyIntro")}</p>
          <Form method="post" className="stack" noValidate>
            <fieldset aria-describedby={f.routeId ? "routeId-error" : undefined}>
              <legend>{t("credentialRoutes.routeLegend")}</legend>
              {f.routeId ? (
                <p id="routeId-error" className="field-error">
                  {t(f.routeId)}
                </p>
              ) : null}
              {d.routes.map((r) => (
                <label key={r.id} style={{ display: "block" }}>
                  <input
                    type="radio"
                    name="routeId"
                    value={r.id}
                    defaultChecked={r.id === chosen}
                    disabled={!r.ready}
                  />{" "}
                  {t(r.ready ? "credentialRoutes.routeOption" : "credentialRoutes.routeOptionNotReady", {
                    name: localized(r, "name", i18n.language),
                    met: r.met,
                    total: r.total,
                  })}
                </label>
              ))}
            </fieldset>
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
            {(["customerFacingYears", "managingYears"] as const).map((field) => (
              <Field
                key={field}
                label={t(`progress.apply.${field}`)}
                name={field}
                type="number"
                step="0.5"
                min="0"
                max="60"
                inputMode="decimal"
                defaultValue={v[field]}
                error={f[field]}
                hint={minFor(field) !== undefined ? t("progress.apply.yearsNeeded", { min: minFor(field) }) : undefined}
              />
            ))}
            <TextArea
              label={t("progress.apply.portfolio")}
              name="portfolio"
              defaultValue={v.portfolio}
              error={f.portfolio}
              hint={t("progress.apply.portfolioHint")}
              rows={6}
            />
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
            <div>
              <button type="submit">{t("credentialRoutes.submit")}</button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
