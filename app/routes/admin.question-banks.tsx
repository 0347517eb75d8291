// Question banks: the list, and a new bank.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/web/page-title";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field, FormError, answerOf } from "~/components/field";
import { TextArea } from "~/components/form-extras";
import { readForm } from "~/web/http.server";
import { BankSchema } from "~/models/assessments/assessment.schema";
import { createBank, listBanks } from "~/models/assessments/question-bank.server";
import { parseForm } from "~/models/shared/forms.server";
import { requireStaff } from "~/web/staff.server";
import { db } from "~/db.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "assessments.admin.banksTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return { banks: await listBanks(db) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireStaff(request);
  const form = await readForm(request);
  const parsed = parseForm(BankSchema, form);
  const { values } = parsed;
  if (!parsed.ok)
    return data({ values, fields: parsed.fields, formError: "assessments.admin.errors.form" }, { status: 400 });
  const r = await createBank({ adminId: admin.id, ...parsed.data });
  if (!r.ok) return data({ values, fields: r.fields ?? {}, formError: r.message }, { status: r.status });
  return redirect(`/admin/question-banks/${r.id}`);
}

export default function QuestionBanks() {
  const { t } = useTranslation();
  const { banks } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const { values: v, fields: f } = answerOf(res);
  return (
    <div className="page narrow">
      <p>
        <Link to="/admin">{t("admin.backToDashboard")}</Link> ·{" "}
        <Link to="/admin/assessments">{t("assessments.admin.title")}</Link>
      </p>
      <h1>{t("assessments.admin.banksTitle")}</h1>
      {banks.length ? (
        <ul className="items">
          {banks.map((b) => (
            <li key={b.id}>
              <Link to={`/admin/question-banks/${b.id}`}>{b.name}</Link> ·{" "}
              {t("assessments.admin.bankCount", { count: b.questions ?? 0 })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("assessments.admin.noBanks")}</p>
      )}
      <section aria-labelledby="new-bank-heading">
        <h2 id="new-bank-heading">{t("assessments.admin.newBank")}</h2>
        <FormError message={res?.formError} />
        <Form method="post" className="stack">
          <Field
            label={t("assessments.admin.bankName")}
            name="name"
            defaultValue={v.name}
            error={f.name}
            required
            maxLength={120}
          />
          <TextArea
            label={t("assessments.admin.bankDescription")}
            name="description"
            defaultValue={v.description}
            error={f.description}
            rows={3}
          />
          <div>
            <button type="submit">{t("assessments.admin.createBank")}</button>
          </div>
        </Form>
      </section>
    </div>
  );
}
