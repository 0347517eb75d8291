// Staff set how each programme assessment is delivered online (bank, questions per attempt, pass
// mark, time limit, cool-down, tutor readiness) and see the latest attempts.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/web/page-title";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { useMoment } from "~/components/assessment-view";
import { Field, FormError } from "~/components/field";
import { Select, TableWrap } from "~/components/form-extras";
import { readForm } from "~/web/http.server";
import { listRecentAttempts } from "~/models/assessments/assessment-review.server";
import { DeliverySchema } from "~/models/assessments/assessment.schema";
import { configureDelivery, listAssessmentsForAdmin, listBanks } from "~/models/assessments/question-bank.server";
import { parseForm } from "~/models/shared/forms.server";
import { requireStaff } from "~/web/staff.server";
import { db } from "~/db.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "assessments.admin.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const [assessments, banks, attempts] = await Promise.all([
    listAssessmentsForAdmin(),
    listBanks(db),
    listRecentAttempts(),
  ]);
  return { assessments, banks: banks.filter((b) => !b.archived_at), attempts };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireStaff(request);
  const form = await readForm(request);
  const slug = form.slug ?? "";
  const parsed = parseForm(DeliverySchema, form);
  const { values } = parsed;
  if (!parsed.ok)
    return data(
      { slug, values, fields: parsed.fields, formError: "assessments.admin.errors.form", errorValues: null },
      { status: 400 },
    );
  const r = await configureDelivery({ adminId: admin.id, slug, input: parsed.data });
  if (!r.ok)
    return data(
      { slug, values, fields: r.fields ?? {}, formError: r.message, errorValues: r.values ?? null },
      { status: r.status },
    );
  return redirect(`/admin/assessments?saved=${encodeURIComponent(slug)}#${slug}`);
}

// The plain numeric settings, drawn alike: form name, the column holding the current value, bounds.
type NumberField = {
  name: string;
  column: "pass_mark" | "time_limit_minutes" | "cooldown_hours" | "reveal_min_bank_ratio";
  label: string;
  hint?: string;
  step?: string;
  min: number;
  max: number;
};
const numberFields: NumberField[] = [
  {
    name: "passMark",
    column: "pass_mark",
    label: "assessments.admin.passMark",
    hint: "assessments.admin.passMarkHint",
    step: "0.01",
    min: 0,
    max: 100,
  },
  {
    name: "timeLimitMinutes",
    column: "time_limit_minutes",
    label: "assessments.admin.timeLimit",
    hint: "assessments.admin.timeLimitHint",
    min: 1,
    max: 600,
  },
  { name: "cooldownHours", column: "cooldown_hours", label: "assessments.admin.cooldown", min: 0, max: 8760 },
  {
    name: "revealMinBankRatio",
    column: "reveal_min_bank_ratio",
    label: "assessments.admin.revealRatio",
    hint: "assessments.admin.revealRatioHint",
    min: 0,
    max: 100,
  },
];

export default function AdminAssessments() {
  const { t } = useTranslation();
  const moment = useMoment();
  const { assessments, banks, attempts } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="page">
      <p>
        <Link to="/admin">{t("admin.backToDashboard")}</Link> ·{" "}
        <Link to="/admin/question-banks">{t("assessments.admin.banksLink")}</Link>
      </p>
      <h1>{t("assessments.admin.title")}</h1>
      <p>{t("assessments.admin.intro")}</p>
      {assessments.map((a) => {
        const mine = res?.slug === a.slug ? res : undefined;
        const v = (mine?.values ?? {}) as Record<string, string>;
        const f = (mine?.fields ?? {}) as Record<string, string | undefined>;
        const val = (k: string, current: unknown) =>
          mine ? v[k] : current === null || current === undefined ? "" : String(current);
        const checked = (k: string, current: boolean) => (mine ? v[k] === "on" : current);
        return (
          <section key={a.slug} id={a.slug} className="card" aria-labelledby={`h-${a.slug}`}>
            <h2 id={`h-${a.slug}`}>
              {a.title}{" "}
              <span className="muted">
                · {t("assessments.admin.level", { level: a.level })} ·{" "}
                {a.online ? t("assessments.admin.status.online") : t("assessments.admin.status.offline")}
              </span>
            </h2>
            {params.get("saved") === a.slug ? (
              <p className="notice" role="status">
                {t("assessments.admin.saved")}
              </p>
            ) : null}
            {mine ? <FormError message={mine.formError} values={mine.errorValues ?? undefined} /> : null}
            <Form method="post" className="stack" aria-label={t("assessments.admin.settingsOf", { title: a.title })}>
              <input type="hidden" name="slug" value={a.slug} />
              <Select
                label={t("assessments.admin.bank")}
                name="bankId"
                defaultValue={val("bankId", a.bank_id)}
                error={f.bankId}
                options={[
                  { value: "", label: t("assessments.admin.noBank") },
                  ...banks.map((b) => ({
                    value: String(b.id),
                    label: `${b.name} (${t("assessments.admin.bankCount", { count: b.questions ?? 0 })})`,
                  })),
                ]}
              />
              <Field
                label={t("assessments.admin.bankTag")}
                hint={t("assessments.admin.bankTagHint")}
                name="bankTag"
                defaultValue={val("bankTag", a.bank_tag)}
                error={f.bankTag}
              />
              <Field
                label={t("assessments.admin.questionCount")}
                hint={a.bank_id ? t("assessments.admin.available", { count: a.available ?? 0 }) : undefined}
                name="questionCount"
                type="number"
                min={1}
                max={200}
                defaultValue={val("questionCount", a.question_count)}
                error={f.questionCount}
                errorValues={mine?.errorValues ?? undefined}
              />
              {numberFields.map((n) => (
                <Field
                  key={n.name}
                  label={t(n.label)}
                  hint={n.hint ? t(n.hint) : undefined}
                  name={n.name}
                  type="number"
                  step={n.step}
                  min={n.min}
                  max={n.max}
                  defaultValue={val(n.name, a[n.column])}
                  error={f[n.name]}
                />
              ))}
              <p>
                <label>
                  <input
                    type="checkbox"
                    name="readinessRequired"
                    defaultChecked={checked("readinessRequired", a.readiness_required)}
                  />{" "}
                  {t("assessments.admin.readiness")}
                </label>
              </p>
              <p>
                <label>
                  <input type="checkbox" name="online" defaultChecked={checked("online", a.online)} />{" "}
                  {t("assessments.admin.online")}
                </label>
              </p>
              <div>
                <button type="submit">{t("assessments.admin.save", { title: a.title })}</button>
              </div>
            </Form>
          </section>
        );
      })}
      <section aria-labelledby="attempts-heading">
        <h2 id="attempts-heading">{t("assessments.admin.attemptsTitle")}</h2>
        {attempts.length ? (
          <TableWrap label={t("assessments.admin.attemptsTitle")}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("assessments.admin.member")}</th>
                  <th scope="col">{t("assessments.admin.test")}</th>
                  <th scope="col">{t("assessments.admin.started")}</th>
                  <th scope="col">{t("assessments.admin.result")}</th>
                </tr>
              </thead>
              <tbody>
                {attempts.map((x) => (
                  <tr key={x.id}>
                    <td>@{x.username}</td>
                    <td>{x.title}</td>
                    <td>
                      <Link to={`/assessments/attempts/${x.id}`}>{moment(x.started_at)}</Link>
                    </td>
                    <td>
                      {x.status === "open"
                        ? t("assessments.statusOpen")
                        : `${x.passed ? t("assessments.result.pass") : t("assessments.result.notYet")} (${x.score}%)`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p>{t("assessments.admin.attemptsNone")}</p>
        )}
      </section>
    </div>
  );
}
