// One question bank: its questions (with how often each was shown), a new question, and taking a
// question out of use (never deleted: attempts keep what they showed).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field, FormError, answerOf } from "~/components/field";
import { TextArea } from "~/components/form-extras";
import { idParam, keepValues, notFound, positiveId, readForm } from "~/web/http.server";
import { OPTION_SLOTS, QuestionSchema, questionFromForm } from "~/models/assessments/assessment.schema";
import { addQuestion, getBank, setQuestionArchived } from "~/models/assessments/question-bank.server";
import { parseForm } from "~/models/shared/forms.server";
import { requireStaff } from "~/web/staff.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.bank.name ?? "Question bank"} · Touchpoints` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const bank = await getBank({ id: idParam(params.id) });
  if (!bank) notFound();
  return bank;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireStaff(request);
  const bankId = idParam(params.id);
  const form = await readForm(request);
  if (form.intent === "archive" || form.intent === "restore") {
    const r = await setQuestionArchived({
      adminId: admin.id,
      bankId,
      questionId: positiveId(form.question) ?? 0,
      archived: form.intent === "archive",
    });
    if (!r.ok) return data({ values: {}, fields: {}, formError: r.message }, { status: r.status });
    return redirect(`/admin/question-banks/${bankId}`);
  }
  const parsed = parseForm(QuestionSchema, questionFromForm(form));
  if (!parsed.ok)
    return data(
      { values: keepValues(form), fields: parsed.fields, formError: "assessments.admin.errors.form" },
      { status: 400 },
    );
  const r = await addQuestion({ adminId: admin.id, bankId, input: parsed.data });
  if (!r.ok) return data({ values: keepValues(form), fields: {}, formError: r.message }, { status: r.status });
  return redirect(`/admin/question-banks/${bankId}?added=1#add-heading`);
}

export default function QuestionBank() {
  const { t } = useTranslation();
  const { bank, questions } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { values: v, fields: f } = answerOf(res);
  return (
    <div className="page narrow">
      <p>
        <Link to="/admin/question-banks">{t("assessments.admin.bankBack")}</Link>
      </p>
      <h1>{bank.name}</h1>
      {bank.description ? <p>{bank.description}</p> : null}
      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">{t("assessments.admin.questionsTitle")}</h2>
        {questions.length ? (
          <ol className="items">
            {questions.map((q) => (
              <li key={q.id} className={q.archived_at ? "card muted" : "card"}>
                <p>
                  <strong>{q.prompt}</strong>
                  {q.tags.length ? <span className="muted"> · {q.tags.join(", ")}</span> : null}
                </p>
                <ul>
                  {q.options.map((o) => (
                    <li key={o.key}>
                      {o.text} {o.correct ? <strong>{t("assessments.admin.rightMark")}</strong> : null}
                    </li>
                  ))}
                </ul>
                <Form method="post" className="inline-form">
                  <span>
                    {t("assessments.admin.shown", { count: q.times_shown ?? 0 })}
                    {q.archived_at ? ` · ${t("assessments.admin.archived")}` : ""}
                  </span>
                  <input type="hidden" name="question" value={q.id} />
                  <button
                    type="submit"
                    name="intent"
                    value={q.archived_at ? "restore" : "archive"}
                    className="secondary small"
                  >
                    {q.archived_at ? t("assessments.admin.restore") : t("assessments.admin.archive")}
                  </button>
                </Form>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("assessments.admin.noQuestions")}</p>
        )}
      </section>
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">{t("assessments.admin.addQuestion")}</h2>
        {params.get("added") ? (
          <p className="notice" role="status">
            {t("assessments.admin.questionAdded")}
          </p>
        ) : null}
        <FormError message={res?.formError} />
        {/* a new, empty form once a question is added */}
        <Form method="post" className="stack" key={questions.length}>
          <TextArea
            label={t("assessments.admin.prompt")}
            name="prompt"
            defaultValue={v.prompt}
            error={f.prompt}
            rows={3}
            required
          />
          <fieldset aria-describedby={f.options ? "options-error options-hint" : "options-hint"}>
            <legend>{t("assessments.admin.options")}</legend>
            <p className="hint" id="options-hint">
              {t("assessments.admin.optionsHint")}
            </p>
            {f.options ? (
              <p className="field-error" id="options-error">
                {t(f.options)}
              </p>
            ) : null}
            {Array.from({ length: OPTION_SLOTS }, (_, i) => (
              <div key={i} className="inline-form">
                <Field
                  label={t("assessments.admin.option", { n: i + 1 })}
                  name={`option${i + 1}`}
                  defaultValue={v[`option${i + 1}`]}
                  maxLength={500}
                />
                <label>
                  <input type="checkbox" name={`correct${i + 1}`} defaultChecked={v[`correct${i + 1}`] === "on"} />{" "}
                  {t("assessments.admin.correct", { n: i + 1 })}
                </label>
              </div>
            ))}
          </fieldset>
          <Field
            label={t("assessments.admin.tags")}
            hint={t("assessments.admin.tagsHint")}
            name="tags"
            defaultValue={v.tags}
            error={f.tags}
          />
          <TextArea
            label={t("assessments.admin.explanation")}
            name="explanation"
            defaultValue={v.explanation}
            error={f.explanation}
            rows={2}
          />
          <div>
            <button type="submit">{t("assessments.admin.saveQuestion")}</button>
          </div>
        </Form>
      </section>
    </div>
  );
}
