// Applying for a designation (CCSM) through one of its routes: the member picks the route (the
// closest ready one is chosen for them), declares the experience it asks, and adds evidence.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { ApplicationForm } from "~/components/application-form";
import { applicationAction } from "~/web/apply.server";
import { notFound } from "~/web/http.server";
import { db } from "~/db.server";
import { createDesignationApplication, getDesignationApplyState } from "~/models/journey/designation.server";
import { localized } from "~/models/shared/localized";
import { pickRoute } from "~/models/journey/progress/routes";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "credentialRoutes.routeLegend") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const state = await getDesignationApplyState(db, { userId: viewer.id, code: String(params.code ?? "") });
  if (!state) notFound();
  const d = state.designation;
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
    experience: state.experience,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const code = String(params.code ?? "");
  return applicationAction(
    request,
    (input) => createDesignationApplication({ userId: viewer.id, code, input }),
    "/progress#designations",
  );
}

export default function DesignationApply() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const v = (res?.values ?? {}) as Record<string, string>;
  const f = (res?.fields ?? {}) as Record<string, string | undefined>;
  const name = localized(d, "name", i18n.language);
  const chosen = Number(v.routeId) || d.preferred;
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
        <ApplicationForm
          answer={res}
          intro={t("credentialRoutes.applyIntro")}
          submit={t("credentialRoutes.submit")}
          minYears={(field) =>
            d.experience.find((e) => e.field === field && (!e.routeId || e.routeId === chosen))?.minYears
          }
          chooser={
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
          }
        />
      )}
    </div>
  );
}
