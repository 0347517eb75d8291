// Staff: the awards rounds, and the form to open a new yearly round (categories, criteria, deadline).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/web/page-title";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMoment } from "~/components/event-when";
import { Field, FormError } from "~/components/field";
import { TextArea } from "~/components/form-extras";
import { readForm } from "~/web/http.server";
import { RoundSchema } from "~/models/awards/award.schema";
import { createRound, listRounds } from "~/models/awards/award.server";
import { parseForm } from "~/models/shared/forms.server";
import { requireStaff } from "~/web/staff.server";
import { useTranslation } from "~/use-translation";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "awards.admin.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const rounds = await listRounds();
  return {
    rounds: rounds.map((r) => ({ ...r, submitted: Number(r.submitted ?? 0) })),
    timeZone: staff.timeZone,
    nextYear: new Date().getUTCFullYear() + 1,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const form = await readForm(request);
  const parsed = parseForm(RoundSchema, form);
  const { values } = parsed;
  if (!parsed.ok) {
    // the sentence names the category that cannot apply, and its levels
    const categoryValues = parsed.fieldValues?.categories;
    return data(
      { values, fields: parsed.fields, message: parsed.formError, errorValues: parsed.errorValues, categoryValues },
      { status: 400 },
    );
  }
  const r = await createRound({ staffId: staff.id, input: parsed.data, timeZone: staff.timeZone });
  if (!r.ok)
    return data(
      { values, fields: r.fields ?? {}, message: r.message, errorValues: r.values ?? {}, categoryValues: undefined },
      { status: r.status },
    );
  return redirect(`/admin/awards/${r.id}?done=created`);
}

export default function AdminAwards() {
  const { t } = useTranslation();
  const moment = useMoment();
  const { rounds, timeZone, nextYear } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const v = res?.values ?? { year: String(nextYear) };
  const f = (res?.fields ?? {}) as Record<string, string | undefined>;
  return (
    <div>
      <p>
        <Link to="/admin">{t("events.admin.back")}</Link>
      </p>
      <h1>{t("awards.admin.title")}</h1>
      <section aria-labelledby="rounds">
        <h2 id="rounds">{t("awards.admin.rounds")}</h2>
        {rounds.length ? (
          <ul>
            {rounds.map((r) => (
              <li key={r.id}>
                <Link to={`/admin/awards/${r.id}`}>{r.title}</Link> —{" "}
                {t("awards.deadline", { time: moment(r.deadline_at, timeZone) })} ·{" "}
                {t("awards.admin.submittedCount", { count: r.submitted })}
                {r.results_published_at ? ` · ${t("awards.admin.published")}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("awards.admin.noRounds")}</p>
        )}
      </section>
      <section aria-labelledby="new-round" className="card">
        <h2 id="new-round">{t("awards.admin.newRound")}</h2>
        <FormError message={res?.message} values={res?.errorValues} />
        <Form method="post" className="stack" noValidate>
          <Field
            label={t("awards.admin.year")}
            name="year"
            type="number"
            defaultValue={v.year}
            error={f.year}
            errorValues={res?.errorValues}
            required
          />
          <Field
            label={t("awards.admin.roundTitle")}
            name="title"
            type="text"
            defaultValue={v.title}
            error={f.title}
            required
          />
          <TextArea label={t("awards.admin.roundIntro")} name="intro" defaultValue={v.intro} error={f.intro} rows={3} />
          <Field
            label={t("awards.admin.deadline")}
            name="deadline"
            type="datetime-local"
            defaultValue={v.deadline}
            error={f.deadline}
            hint={t("awards.admin.deadlineHint", { zone: timeZone })}
            required
          />
          <TextArea
            label={t("awards.admin.categories")}
            name="categories"
            defaultValue={v.categories}
            error={f.categories}
            errorValues={res?.categoryValues}
            rows={4}
            hint={t("awards.admin.categoriesHint")}
          />
          <TextArea
            label={t("awards.admin.criteria")}
            name="criteria"
            defaultValue={v.criteria}
            error={f.criteria}
            rows={4}
            hint={t("awards.admin.criteriaHint")}
          />
          <div>
            <button type="submit">{t("awards.admin.open")}</button>
          </div>
        </Form>
      </section>
    </div>
  );
}
