// Requirements are data: staff change labels and thresholds here, without a deploy. Each change
// is audited and applies to everyone's progress from then on.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field, FormError } from "~/components/field";
import { notFound, positiveId, readForm } from "~/web/http.server";
import {
  addRouteRequirement,
  createRoute,
  getRequirement,
  listRequirementAudit,
  listRequirementsForAdmin,
  updateRequirement,
  updateRoute,
} from "~/models/journey/level.server";
import { hasGeneratedLabel, requirementLabel } from "~/models/journey/requirement-label";
import {
  paramsFromForm,
  REQUIREMENT_KINDS,
  RequirementEditSchema,
  RouteFormSchema,
} from "~/models/journey/requirement.schema";
import { auditChanges, auditValueText } from "~/models/moderation/audit-text";
import { parseForm } from "~/models/shared/forms.server";
import { requireStaff } from "~/web/staff.server";
import { localized } from "~/models/shared/localized";
import progressStyles from "~/styles/progress.css";
import { pageTitle } from "~/web/page-title";

export const links = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin.requirements.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const [{ levels, designations }, audit] = await Promise.all([listRequirementsForAdmin(), listRequirementAudit()]);
  return { levels, designations, audit };
}

/** Routes: add one to a level or a designation, rename it (English and French), add requirements to it. */
async function routeAction(adminId: number, form: Record<string, string>) {
  const parsed = parseForm(RouteFormSchema, form);
  const { values } = parsed;
  const formId = `${form.intent ?? ""}:${form.routeId ?? form.target ?? ""}`;
  if (!parsed.ok)
    return data(
      { id: 0, formId, values, fields: parsed.fields as Record<string, string | undefined> },
      { status: 400 },
    );
  const input = parsed.data;
  const result =
    input.intent === "route.create"
      ? await createRoute({ adminId, target: input.target, name: input.name, nameFr: input.nameFr })
      : input.intent === "route.update"
        ? await updateRoute({ adminId, id: input.routeId, name: input.name, nameFr: input.nameFr })
        : await addRouteRequirement({ adminId, routeId: input.routeId, kind: input.kind });
  if (!result.ok)
    return data(
      {
        id: 0,
        formId,
        values,
        fields: { [input.intent === "route.create" ? "target" : "routeId"]: result.message } as Record<
          string,
          string | undefined
        >,
      },
      { status: result.status },
    );
  const anchor = input.intent === "route.addRequirement" ? `req-${result.id}` : `route-${result.id}`;
  return redirect(
    `/admin/requirements?saved=${input.intent === "route.addRequirement" ? result.id : `route-${result.id}`}#${anchor}`,
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireStaff(request);
  const form = await readForm(request);
  if (form.intent?.startsWith("route.")) return routeAction(admin.id, form);
  const parsed = parseForm(RequirementEditSchema, form);
  const { values } = parsed;
  const id = positiveId(form.id) ?? 0;
  if (!parsed.ok) return data({ id, values, fields: parsed.fields }, { status: 400 });
  const current = await getRequirement({ id: parsed.data.id });
  if (!current) notFound();
  const result = await updateRequirement({
    adminId: admin.id,
    id: current.id,
    label: parsed.data.label,
    labelFr: parsed.data.labelFr,
    params: paramsFromForm(current.params, form),
  });
  if (!result.ok)
    return data(
      { id, values, fields: (result.fields ?? {}) as Record<string, string | undefined> },
      { status: result.status },
    );
  return redirect(`/admin/requirements?saved=${current.id}#req-${current.id}`);
}

function ParamField({
  name,
  value,
  error,
  submitted,
}: {
  name: string;
  value: unknown;
  error?: string;
  submitted?: string;
}) {
  const { t } = useTranslation();
  const label = t(`admin.requirements.params.${name}`, { defaultValue: name });
  const fieldName = `param.${name}`;
  if (typeof value === "boolean") {
    const checked = submitted !== undefined ? submitted === "on" : value;
    return (
      <label>
        <input type="checkbox" name={fieldName} defaultChecked={checked} /> {label}
      </label>
    );
  }
  const shown = submitted ?? (Array.isArray(value) ? value.join(", ") : value === null ? "" : String(value));
  const numeric = typeof value === "number" || value === null;
  return (
    <Field
      label={label}
      name={fieldName}
      type={numeric ? "number" : "text"}
      step={numeric ? "any" : undefined}
      defaultValue={shown}
      error={error}
    />
  );
}

type AdminRequirement = ReturnType<typeof useLoaderData<typeof loader>>["levels"][number]["requirements"][number];
type AdminRoute = ReturnType<typeof useLoaderData<typeof loader>>["levels"][number]["routes"][number];
type ActionResult = {
  id: number;
  formId?: string;
  values: Record<string, string>;
  fields: Record<string, string | undefined>;
};

/** One form per requirement: its label (generated or typed), its French label and its thresholds. */
function RequirementForms({
  requirements,
  heading: Heading = "h3",
}: {
  requirements: AdminRequirement[];
  heading?: "h3" | "h4";
}) {
  const { t, i18n } = useTranslation();
  const res = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  const saved = Number(params.get("saved"));
  if (!requirements.length) return null;
  return (
    <ul className="req-list">
      {requirements.map((r) => {
        const mine = res && res.id === r.id ? res : undefined;
        const v = (mine?.values ?? {}) as Record<string, string>;
        const f = mine?.fields ?? {};
        return (
          <li key={r.id} className="req" id={`req-${r.id}`}>
            <Heading>
              {t(`admin.requirements.kinds.${r.kind}`)} · {t(`admin.requirements.phases.${r.phase}`)}
            </Heading>
            {saved === r.id ? (
              <p className="notice" role="status">
                {t("admin.requirements.saved")}
              </p>
            ) : null}
            {mine ? <FormError message="form.fixErrors" values={{ count: Object.keys(f).length }} /> : null}
            <Form method="post" className="stack">
              <input type="hidden" name="id" value={r.id} />
              {hasGeneratedLabel(r.kind) ? (
                <p>
                  <strong>{t("staffViews.requirements.generated")}</strong> {requirementLabel(t, r, i18n.language)}
                  <input type="hidden" name="label" value={r.label} />
                </p>
              ) : (
                <Field
                  label={t("admin.requirements.label")}
                  name="label"
                  type="text"
                  defaultValue={v.label ?? r.label}
                  error={f.label}
                />
              )}
              <Field
                label={t("admin.requirements.labelFr")}
                name="labelFr"
                type="text"
                lang="fr"
                defaultValue={v.labelFr ?? r.label_fr ?? ""}
                error={f.labelFr}
              />
              {Object.entries(r.params).map(([k, val]) => (
                <ParamField
                  key={k}
                  name={k}
                  value={val}
                  error={f[`param.${k}`]}
                  submitted={mine ? (v[`param.${k}`] ?? (typeof val === "boolean" ? "" : undefined)) : undefined}
                />
              ))}
              <div>
                <button type="submit" className="small">
                  {t("admin.requirements.save")}
                </button>
              </div>
            </Form>
          </li>
        );
      })}
    </ul>
  );
}

/** The routes of a level or a designation ("any of"), each an "all of" group staff name and fill. */
function RouteSections({ routes, target }: { routes: AdminRoute[]; target: string }) {
  const { t } = useTranslation();
  const res = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  const mine = (formId: string) => (res && res.formId === formId ? res : undefined);
  const created = mine(`route.create:${target}`);
  return (
    <>
      {routes.length ? <p>{t("credentialRoutes.admin.anyOf")}</p> : null}
      {routes.map((route) => {
        const renamed = mine(`route.update:${route.id}`);
        const added = mine(`route.addRequirement:${route.id}`);
        return (
          <section
            key={route.id}
            className="card route"
            id={`route-${route.id}`}
            aria-labelledby={`route-${route.id}-name`}
          >
            <h3 id={`route-${route.id}-name`}>
              {t("credentialRoutes.admin.route")}: {route.name}
              {route.name_fr ? <span lang="fr"> · {route.name_fr}</span> : null}
            </h3>
            {params.get("saved") === `route-${route.id}` ? (
              <p className="notice" role="status">
                {t("credentialRoutes.admin.routeSaved")}
              </p>
            ) : null}
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="route.update" />
              <input type="hidden" name="routeId" value={route.id} />
              <Field
                label={t("credentialRoutes.admin.routeName")}
                name="name"
                type="text"
                defaultValue={renamed?.values.name ?? route.name}
                error={renamed?.fields.name}
              />
              <Field
                label={t("credentialRoutes.admin.routeNameFr")}
                name="nameFr"
                type="text"
                lang="fr"
                defaultValue={renamed?.values.nameFr ?? route.name_fr ?? ""}
                error={renamed?.fields.nameFr}
              />
              <div>
                <button type="submit" className="small">
                  {t("credentialRoutes.admin.saveRoute")}
                </button>
              </div>
            </Form>
            {route.requirements.length ? (
              <RequirementForms requirements={route.requirements} heading="h4" />
            ) : (
              <p>{t("credentialRoutes.admin.routeEmpty")}</p>
            )}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="route.addRequirement" />
              <input type="hidden" name="routeId" value={route.id} />
              <label>
                {t("credentialRoutes.admin.kind")}{" "}
                <select name="kind" defaultValue={added?.values.kind ?? "assessment"}>
                  {REQUIREMENT_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`admin.requirements.kinds.${k}`)}
                    </option>
                  ))}
                </select>
              </label>{" "}
              <button type="submit" className="small secondary">
                {t("credentialRoutes.admin.addRequirement")}
              </button>
              {added?.fields.kind || added?.fields.routeId ? (
                <span className="field-error">{t(added.fields.kind ?? added.fields.routeId ?? "")}</span>
              ) : null}
            </Form>
          </section>
        );
      })}
      <Form method="post" className="stack card">
        <input type="hidden" name="intent" value="route.create" />
        <input type="hidden" name="target" value={target} />
        <Field
          label={t("credentialRoutes.admin.routeName")}
          name="name"
          type="text"
          defaultValue={created?.values.name}
          error={created?.fields.name ?? created?.fields.target}
        />
        <Field
          label={t("credentialRoutes.admin.routeNameFr")}
          name="nameFr"
          type="text"
          lang="fr"
          defaultValue={created?.values.nameFr}
          error={created?.fields.nameFr}
        />
        <div>
          <button type="submit" className="small">
            {t("credentialRoutes.admin.addRoute")}
          </button>
        </div>
      </Form>
    </>
  );
}

export default function Requirements() {
  const { t, i18n } = useTranslation();
  const { levels, designations, audit } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/admin">{t("admin.backToDashboard")}</Link>
      </p>
      <h1>{t("admin.requirements.title")}</h1>
      <p>{t("admin.requirements.intro")}</p>
      {levels.map((l) => (
        <section key={l.number} aria-labelledby={`level-${l.number}`}>
          <h2 id={`level-${l.number}`}>
            {t("admin.applications.levelName", { number: l.number, name: localized(l, "name", i18n.language) })}
          </h2>
          <RequirementForms requirements={l.requirements} />
          <RouteSections routes={l.routes} target={`level:${l.number}`} />
        </section>
      ))}
      {designations.map((d) => (
        <section key={d.code} aria-labelledby={`designation-${d.code}`}>
          <h2 id={`designation-${d.code}`}>
            {t("credentialRoutes.admin.designation", { code: d.code, name: localized(d, "name", i18n.language) })}
          </h2>
          <RequirementForms requirements={d.requirements} />
          <RouteSections routes={d.routes} target={`designation:${d.code}`} />
        </section>
      ))}
      <h2>{t("admin.requirements.history")}</h2>
      <ul>
        {audit.map((a) => (
          <li key={a.id}>
            {new Date(a.at).toISOString().slice(0, 16).replace("T", " ")} · @{a.username ?? "?"} · #{a.target_id}:{" "}
            {auditChanges(
              (a.before as unknown as { params?: unknown } | null)?.params,
              (a.after as unknown as { params?: unknown } | null)?.params,
            )
              .map(
                (c) =>
                  `${c.field} ${auditValueText(c.before, String) ?? "—"} → ${auditValueText(c.after, String) ?? "—"}`,
              )
              .join("; ")}
          </li>
        ))}
      </ul>
    </div>
  );
}
