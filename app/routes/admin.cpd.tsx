// Staff set the CPD each credential asks for: points a year, points per kind, from when it counts.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field, FormError } from "~/components/field";
import { db } from "~/db.server";
import { listCpdTargets, saveCpdPolicy } from "~/models/journey/cpd/cpd.server";
import { localized } from "~/models/shared/localized";
import { readForm } from "~/web/http.server";
import { requireStaff } from "~/web/staff.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "cpd.admin.title") },
  { name: "robots", content: "noindex" },
];

const FIELDS = ["pointsPerYear", "activityPoints", "eventPoints", "coursePoints", "bookPoints"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return { targets: await listCpdTargets(db), today: new Date().toISOString().slice(0, 10) };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireStaff(request);
  const form = await readForm(request);
  const r = await saveCpdPolicy({ staffId: viewer.id, input: form });
  if (!r.ok)
    return data(
      { target: form.target ?? "", formError: r.message, errorValues: r.values, fields: r.fields ?? {}, values: form },
      { status: r.status },
    );
  return redirect(`/admin/cpd?saved=${encodeURIComponent(r.target)}#${r.target.replace(":", "-")}`);
}

export default function AdminCpd() {
  const { t, i18n } = useTranslation();
  const { targets, today } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get("saved");
  return (
    <div className="page narrow">
      <h1>{t("cpd.admin.title")}</h1>
      <p>{t("cpd.admin.intro")}</p>
      {targets.map((target) => {
        const name = localized(target, "name", i18n.language);
        const mine = res?.target === target.target ? res : undefined;
        const p = target.policy;
        const current: Record<string, string> = {
          pointsPerYear: String(p?.pointsPerYear ?? 0),
          activityPoints: String(p?.points.activity ?? 2),
          eventPoints: String(p?.points.event ?? 2),
          coursePoints: String(p?.points.course ?? 3),
          bookPoints: String(p?.points.book ?? 1),
          countsFrom: p?.countsFrom ?? today,
        };
        const values = (mine?.values ?? current) as Record<string, string>;
        const fields = (mine?.fields ?? {}) as Record<string, string | undefined>;
        const id = target.target.replace(":", "-");
        return (
          <section key={target.target} id={id} className="card" aria-labelledby={`${id}-heading`}>
            <h2 id={`${id}-heading`}>
              {name} ({p ? t("cpd.admin.perYear", { count: p.pointsPerYear }) : t("cpd.admin.none")})
            </h2>
            {saved === target.target && !mine ? (
              <p className="notice" role="status">
                {t("cpd.admin.saved", { target: name })}
              </p>
            ) : null}
            {mine ? <FormError message={mine.formError} values={mine.errorValues} /> : null}
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="save" />
              <input type="hidden" name="target" value={target.target} />
              {FIELDS.map((f) => (
                <Field
                  key={f}
                  id={`${id}-${f}`}
                  label={t(`cpd.admin.${f}`)}
                  name={f}
                  type="number"
                  min={0}
                  inputMode="numeric"
                  defaultValue={values[f]}
                  error={fields[f]}
                  required
                />
              ))}
              <Field
                id={`${id}-countsFrom`}
                label={t("cpd.admin.countsFrom")}
                name="countsFrom"
                type="date"
                defaultValue={values.countsFrom}
                error={fields.countsFrom}
                required
              />
              <div className="actions">
                <button type="submit">{t("cpd.admin.save")}</button>
              </div>
            </Form>
          </section>
        );
      })}
    </div>
  );
}
