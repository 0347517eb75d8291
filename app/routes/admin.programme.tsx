// Staff reword the programme (levels, competencies, webinars, tests, training modules) in English
// and in French, each French field beside its English one; one form per row.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Field, FormError } from "~/components/field";
import { TextArea } from "~/components/form-extras";
import { keepValues, readForm } from "~/web/http.server";
import { listProgrammeWords, parseProgrammeWords, updateProgrammeWords } from "~/models/journey/programme-words.server";
import { PROGRAMME_KINDS, type ProgrammeKind } from "~/models/journey/programme-words.schema";
import { pageTitle } from "~/web/page-title";
import { requireStaff } from "~/web/staff.server";
import { useTranslation } from "~/use-translation";
import { db } from "~/db.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "programmeWords.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return { rows: await listProgrammeWords(db) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireStaff(request);
  const form = await readForm(request);
  const row = { kind: String(form.kind ?? ""), key: String(form.key ?? ""), values: keepValues(form) };
  const parsed = parseProgrammeWords(form);
  if (!parsed.ok) return data({ ...row, formError: "form.fixErrors", fields: parsed.fields }, { status: 400 });
  const result = await updateProgrammeWords({ adminId: admin.id, input: parsed.input });
  if (!result.ok)
    return data({ ...row, formError: result.message, fields: {} as Record<string, string> }, { status: result.status });
  const anchor = `${parsed.input.kind}-${parsed.input.key}`;
  return redirect(`/admin/programme?saved=${encodeURIComponent(anchor)}#${encodeURIComponent(anchor)}`);
}

const LONG = new Set(["description", "criteria_narrative", "emerging", "proficient", "advanced"]);

export default function ProgrammeWords() {
  const { t } = useTranslation();
  const { rows } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  return (
    <div className="stack">
      <p>
        <Link to="/admin">{t("admin.backToDashboard")}</Link>
      </p>
      <h1>{t("programmeWords.title")}</h1>
      <p>{t("programmeWords.intro")}</p>
      {(Object.keys(PROGRAMME_KINDS) as ProgrammeKind[]).map((kind) => (
        <section key={kind} aria-labelledby={`kind-${kind}`} className="stack">
          <h2 id={`kind-${kind}`}>{t(`programmeWords.kinds.${kind}`)}</h2>
          {rows[kind].map((r) => {
            const anchor = `${kind}-${r.key}`;
            const mine = res && res.kind === kind && res.key === r.key ? res : null;
            return (
              <Form method="post" key={r.key} id={anchor} className="stack card" aria-labelledby={`${anchor}-h`}>
                <h3 id={`${anchor}-h`}>{r.label}</h3>
                {saved === anchor ? <p role="status">{t("programmeWords.saved")}</p> : null}
                <FormError message={mine?.formError} />
                <input type="hidden" name="kind" value={kind} />
                <input type="hidden" name="key" value={r.key} />
                {Object.entries(PROGRAMME_KINDS[kind].fields).map(([field, max]) => {
                  const value = (name: string) => mine?.values[name] ?? r.values[name] ?? "";
                  const Input = LONG.has(field) ? TextArea : Field;
                  return (
                    <div key={field} className="field-pair">
                      <Input
                        label={t(`programmeWords.fields.${field}`)}
                        name={field}
                        maxLength={max}
                        defaultValue={value(field)}
                        error={mine?.fields[field]}
                      />
                      <Input
                        label={t(`programmeWords.fieldsFr.${field}`)}
                        name={`${field}_fr`}
                        lang="fr"
                        maxLength={max}
                        defaultValue={value(`${field}_fr`)}
                        error={mine?.fields[`${field}_fr`]}
                      />
                    </div>
                  );
                })}
                <div>
                  <button type="submit">{t("programmeWords.save")}</button>
                </div>
              </Form>
            );
          })}
        </section>
      ))}
    </div>
  );
}
