// Requirements are data: staff change labels and thresholds here, without a deploy. Each change
// is audited and applies to everyone's progress from then on.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field, FormError } from "~/components/field";
import { notFound, positiveId, readForm } from "~/http.server";
import { getRequirement, listRequirementAudit, listRequirementsForAdmin, updateRequirement } from "~/models/level.server";
import { hasGeneratedLabel, requirementLabel } from "~/models/requirement-label";
import { paramsFromForm, RequirementEditSchema } from "~/models/requirement.schema";
import { auditChanges, auditValueText } from "~/models/audit-text";
import { parseForm } from "~/models/forms.server";
import { requireStaff } from "~/staff.server";
import { localized } from "~/models/localized";
import progressStyles from "~/styles/progress.css";
import { pageTitle } from "~/page-title";

export const links = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin.requirements.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const [levels, audit] = await Promise.all([listRequirementsForAdmin(), listRequirementAudit()]);
  return { levels, audit };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireStaff(request);
  const form = await readForm(request);
  const parsed = parseForm(RequirementEditSchema, form);
  const { values } = parsed;
  const id = positiveId(form.id) ?? 0;
  if (!parsed.ok) return data({ id, values, fields: parsed.fields }, { status: 400 });
  const current = await getRequirement({ id: parsed.data.id });
  if (!current) notFound();
  const result = await updateRequirement({ adminId: admin.id, id: current.id, label: parsed.data.label, labelFr: parsed.data.labelFr, params: paramsFromForm(current.params, form) });
  if (!result.ok) return data({ id, values, fields: (result.fields ?? {}) as Record<string, string | undefined> }, { status: result.status });
  return redirect(`/admin/requirements?saved=${current.id}#req-${current.id}`);
}

function ParamField({ name, value, error, submitted }: { name: string; value: unknown; error?: string; submitted?: string }) {
  const { t } = useTranslation();
  const label = t(`admin.requirements.params.${name}`, { defaultValue: name });
  const fieldName = `param.${name}`;
  if (typeof value === "boolean") {
    return (
      <label>
        <input type="checkbox" name={fieldName} defaultChecked={submitted !== undefined ? submitted === "on" : value} /> {label}
      </label>
    );
  }
  const shown = submitted ?? (Array.isArray(value) ? value.join(", ") : value === null ? "" : String(value));
  const numeric = typeof value === "number" || value === null;
  return <Field label={label} name={fieldName} type={numeric ? "number" : "text"} step={numeric ? "any" : undefined} defaultValue={shown} error={error} />;
}

export default function Requirements() {
  const { t, i18n } = useTranslation();
  const { levels, audit } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = Number(params.get("saved"));
  return (
    <div>
      <p>
        <Link to="/admin">{t("admin.backToDashboard")}</Link>
      </p>
      <h1>{t("admin.requirements.title")}</h1>
      <p>{t("admin.requirements.intro")}</p>
      {levels.map((l) => (
        <section key={l.number} aria-labelledby={`level-${l.number}`}>
          <h2 id={`level-${l.number}`}>{t("admin.applications.levelName", { number: l.number, name: localized(l, "name", i18n.language) })}</h2>
          <ul className="req-list">
            {l.requirements.map((r) => {
              const mine = res && res.id === r.id ? res : undefined;
              const v = (mine?.values ?? {}) as Record<string, string>;
              const f = mine?.fields ?? {};
              return (
                <li key={r.id} className="req" id={`req-${r.id}`}>
                  <h3>
                    {t(`admin.requirements.kinds.${r.kind}`)} · {t(`admin.requirements.phases.${r.phase}`)}
                  </h3>
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
                      <Field label={t("admin.requirements.label")} name="label" type="text" defaultValue={v.label ?? r.label} error={f.label} />
                    )}
                    <Field label={t("admin.requirements.labelFr")} name="labelFr" type="text" lang="fr" defaultValue={v.labelFr ?? r.label_fr ?? ""} error={f.labelFr} />
                    {Object.entries(r.params).map(([k, val]) => (
                      <ParamField key={k} name={k} value={val} error={f[`param.${k}`]} submitted={mine ? (v[`param.${k}`] ?? (typeof val === "boolean" ? "" : undefined)) : undefined} />
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
        </section>
      ))}
      <h2>{t("admin.requirements.history")}</h2>
      <ul>
        {audit.map((a) => (
          <li key={a.id}>
            {new Date(a.at).toISOString().slice(0, 16).replace("T", " ")} · @{a.username ?? "?"} · #{a.target_id}:{" "}
            {auditChanges((a.before as unknown as { params?: unknown } | null)?.params, (a.after as unknown as { params?: unknown } | null)?.params)
              .map((c) => `${c.field} ${auditValueText(c.before, String) ?? "—"} → ${auditValueText(c.after, String) ?? "—"}`)
              .join("; ")}
          </li>
        ))}
      </ul>
    </div>
  );
}
