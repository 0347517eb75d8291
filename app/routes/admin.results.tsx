// Staff record webinar attendance and assessment results: one at a time, or a CSV file that is
// previewed row by row (each problem listed) and written only when confirmed without problems.
import { withoutNul } from "~/web/http.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import type { ReactNode } from "react";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field, FormError } from "~/components/field";
import { Select, TextArea, TableWrap } from "~/components/form-extras";
import {
  CSV_COLUMNS,
  importResultsCsv,
  listCatalogue,
  previewResultsCsv,
  recordResult,
  type Preview,
  type Problem,
  type ResultKind,
} from "~/models/journey/results.server";
import { requireStaff } from "~/web/staff.server";
import progressStyles from "~/styles/progress.css";
import { pageTitle } from "~/web/page-title";

export const links = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin.results.title") }];

const MAX_FILE = 2_000_000;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return { catalogue: await listCatalogue(), columns: CSV_COLUMNS };
}

type ActionData = {
  intent: string;
  formError?: string;
  problems?: Problem[];
  preview?: Preview;
  csv?: string;
  kind?: ResultKind;
  values?: Record<string, string>;
};

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireStaff(request);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return data<ActionData>({ intent: "preview", formError: "admin.results.errors.unreadable" }, { status: 400 });
  }
  const str = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? withoutNul(v) : "";
  };
  const intent = str("intent");
  const kind: ResultKind = str("kind") === "assessment" ? "assessment" : "webinar";

  if (intent === "webinar" || intent === "assessment") {
    const cells: Record<string, string> =
      intent === "webinar"
        ? { email: str("email"), webinar: str("webinar"), date: str("date") }
        : {
            email: str("email"),
            test: str("test"),
            score: str("score"),
            date: str("date"),
            attempt: str("attempt"),
            note: str("note"),
          };
    const r = await recordResult({ adminId: admin.id, kind: intent, cells });
    if (!r.ok)
      return data<ActionData>(
        { intent, formError: r.message, problems: "problems" in r ? r.problems : [], values: cells },
        { status: r.status },
      );
    return redirect(`/admin/results?recorded=${encodeURIComponent(r.member)}`);
  }

  let text = str("csv");
  const file = form.get("file");
  if (file && typeof file !== "string" && file.size > 0) {
    if (file.size > MAX_FILE)
      return data<ActionData>({ intent: "preview", kind, formError: "admin.results.errors.tooBig" }, { status: 413 });
    text = await file.text();
  }
  if (!text.trim())
    return data<ActionData>({ intent: "preview", kind, formError: "admin.results.errors.empty" }, { status: 400 });

  if (intent === "confirm") {
    const r = await importResultsCsv({ adminId: admin.id, kind, text });
    if (r.ok) return redirect(`/admin/results?written=${r.written}`);
  }
  const p = await previewResultsCsv({ kind, text });
  if (!p.ok)
    return data<ActionData>({ intent: "preview", kind, csv: text, formError: p.message }, { status: p.status });
  return data<ActionData>(
    {
      intent: "preview",
      kind,
      csv: text,
      preview: p.preview,
      formError: intent === "confirm" ? "admin.results.errors.problems" : undefined,
    },
    { status: p.preview.problemCount ? 422 : 200 },
  );
}

function ProblemList({ problems }: { problems: Problem[] }) {
  const { t } = useTranslation();
  return (
    <ul className="items">
      {problems.map((p, i) => (
        <li key={i}>{t(p.key, p.values)}</li>
      ))}
    </ul>
  );
}

/**
 * One attendance or result for one member: the member's email, the form's own fields (`children`), the
 * date, then `afterDate`. Its errors, and the email and date typed, show only on the form that was sent.
 */
function OneResultForm({
  intent,
  answer,
  submit,
  children,
  afterDate,
}: {
  intent: "webinar" | "assessment";
  answer: ActionData | undefined;
  submit: string;
  children: ReactNode;
  afterDate?: ReactNode;
}) {
  const { t } = useTranslation();
  const mine = answer?.intent === intent ? answer : undefined;
  return (
    <section className="card" aria-labelledby={`${intent}-heading`}>
      <h2 id={`${intent}-heading`}>{t(`admin.results.${intent}Title`)}</h2>
      {mine ? (
        <>
          <FormError message={mine.formError} />
          <ProblemList problems={mine.problems ?? []} />
        </>
      ) : null}
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value={intent} />
        <Field label={t("admin.results.email")} name="email" type="email" defaultValue={mine?.values?.email} required />
        {children}
        <Field label={t("admin.results.date")} name="date" type="date" defaultValue={mine?.values?.date} required />
        {afterDate}
        <div>
          <button type="submit">{submit}</button>
        </div>
      </Form>
    </section>
  );
}

export default function Results() {
  const { t } = useTranslation();
  const { catalogue, columns } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const single = res && (res.intent === "webinar" || res.intent === "assessment") ? res : undefined;
  const csvRes = res && !single ? res : undefined;
  const v = single?.values ?? {};
  const preview = csvRes?.preview;
  return (
    <div>
      <p>
        <Link to="/admin">{t("admin.backToDashboard")}</Link>
      </p>
      <h1>{t("admin.results.title")}</h1>
      {params.get("written") ? (
        <p className="notice" role="status">
          {t("admin.results.written", { count: Number(params.get("written")) })}
        </p>
      ) : null}
      {params.get("recorded") ? (
        <p className="notice" role="status">
          {t("admin.results.recorded", { member: params.get("recorded") })}
        </p>
      ) : null}

      <div className="grid-2">
        <OneResultForm intent="webinar" answer={single} submit={t("admin.results.recordAttendance")}>
          <Select
            label={t("admin.results.webinar")}
            name="webinar"
            defaultValue={v.webinar}
            options={catalogue.webinars.map((w) => ({ value: w.slug, label: w.title }))}
          />
        </OneResultForm>
        <OneResultForm
          intent="assessment"
          answer={single}
          submit={t("admin.results.recordResult")}
          afterDate={
            <>
              <Field
                label={t("admin.results.attempt")}
                name="attempt"
                type="number"
                min="1"
                defaultValue={v.attempt}
                hint={t("admin.results.attemptHint")}
              />
              <Field label={t("admin.results.note")} name="note" type="text" defaultValue={v.note} />
            </>
          }
        >
          <Select
            label={t("admin.results.test")}
            name="test"
            defaultValue={v.test}
            options={catalogue.assessments.map((a) => ({ value: a.slug, label: a.title }))}
          />
          <Field
            label={t("admin.results.score")}
            name="score"
            type="number"
            step="0.01"
            min="0"
            max="100"
            inputMode="decimal"
            defaultValue={v.score}
            required
          />
        </OneResultForm>
      </div>

      <section aria-labelledby="csv-heading">
        <h2 id="csv-heading">{t("admin.results.csvTitle")}</h2>
        <p>
          {t("admin.results.csvIntro", {
            webinar: columns.webinar.required.join(","),
            assessment: [...columns.assessment.required, ...columns.assessment.optional].join(","),
          })}
        </p>
        {csvRes ? <FormError message={csvRes.formError} values={{ count: preview?.problemCount ?? 0 }} /> : null}
        {preview ? (
          <>
            <h3>{t("admin.results.previewTitle", { count: preview.total })}</h3>
            <p>
              {preview.problemCount
                ? t("admin.results.previewProblems", { count: preview.problemCount })
                : t("admin.results.previewOk", { count: preview.total })}
            </p>
            <TableWrap label={t("admin.results.previewTitle", { count: preview.total })}>
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t("admin.results.line")}</th>
                    <th scope="col">{t("admin.results.row")}</th>
                    <th scope="col">{t("admin.results.problemsColumn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.line} className={r.problems.length ? "problem" : undefined}>
                      <td>{r.line}</td>
                      <td>{Object.values(r.cells).join(", ")}</td>
                      <td>
                        {r.problems.length ? (
                          <ProblemList problems={r.problems} />
                        ) : (
                          t("admin.results.rowOk", { member: r.member })
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            {!preview.problemCount ? (
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="confirm" />
                <input type="hidden" name="kind" value={preview.kind} />
                <TextArea
                  label={t("admin.results.fileContent")}
                  name="csv"
                  defaultValue={csvRes?.csv}
                  readOnly
                  rows={4}
                />
                <div>
                  <button type="submit">{t("admin.results.confirm", { count: preview.total })}</button>
                </div>
              </Form>
            ) : null}
          </>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="stack">
          <input type="hidden" name="intent" value="preview" />
          <Select
            label={t("admin.results.kind")}
            name="kind"
            defaultValue={csvRes?.kind}
            options={[
              { value: "webinar", label: t("admin.results.kindWebinar") },
              { value: "assessment", label: t("admin.results.kindAssessment") },
            ]}
          />
          <Field label={t("admin.results.file")} name="file" type="file" accept=".csv,text/csv" />
          <TextArea
            label={t("admin.results.paste")}
            name="csv"
            defaultValue={preview?.problemCount ? csvRes?.csv : undefined}
            rows={5}
          />
          <div>
            <button type="submit">{t("admin.results.preview")}</button>
          </div>
        </Form>
      </section>
    </div>
  );
}
