// Staff: the tutor response clock's figures per group for any date range (median first response,
// share answered within 24 hours, breaches), and whether weekends stop the clock.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Duration } from "~/components/clock-status";
import { Field, FormError } from "~/components/field";
import { TableWrap } from "~/components/form-extras";
import { readForm } from "~/web/http.server";
import { parseForm } from "~/models/shared/forms.server";
import { ClockSettingsSchema, FiguresRangeSchema } from "~/models/groups/learning-group.schema";
import { getClockFigures, updateClockSettings } from "~/models/assessments/tutor-clock.server";
import { requireStaff } from "~/web/staff.server";
import progressStyles from "~/styles/progress.css";
import { pageTitle } from "~/web/page-title";
import { useTranslation } from "~/use-translation";

export const links = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "clock.figures.title") }];

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const url = new URL(request.url);
  const now = new Date();
  const defaults = { from: day(new Date(now.getTime() - 29 * 86_400_000)), to: day(now) };
  const asked = { from: url.searchParams.get("from") ?? defaults.from, to: url.searchParams.get("to") ?? defaults.to };
  const parsed = parseForm(FiguresRangeSchema, asked);
  const range = parsed.ok ? parsed.data : defaults;
  return { range: asked, rangeErrors: parsed.fields, ...(await getClockFigures({ ...range, now })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireStaff(request);
  const form = await readForm(request);
  const parsed = parseForm(ClockSettingsSchema, {
    excludeWeekends: form.excludeWeekends === "on" ? "on" : "off",
    timeZone: form.timeZone ?? "",
  });
  if (!parsed.ok)
    return data(
      { formError: parsed.formError, field: parsed.fields.timeZone, timeZone: form.timeZone ?? "" },
      { status: 400 },
    );
  await updateClockSettings({ actorId: admin.id, settings: parsed.data });
  return redirect("/admin/tutor-clock?saved=1");
}

function Pct({ value }: { value: number | null }) {
  return <>{value === null ? "—" : `${value}%`}</>;
}

export default function TutorClock() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const rows = [
    ...d.groups.map((g) => ({ key: String(g.id), name: g.name, tutor: g.tutor, f: g.figures })),
    { key: "all", name: t("clock.figures.all"), tutor: "", f: d.overall },
  ];
  return (
    <div>
      <p>
        <Link to="/admin/groups">{t("groups.admin.title")}</Link>
      </p>
      <h1>{t("clock.figures.title")}</h1>
      {params.get("saved") ? (
        <p className="notice" role="status">
          {t("clock.settings.saved")}
        </p>
      ) : null}
      <Form method="get" className="inline-form">
        <Field
          label={t("clock.figures.from")}
          name="from"
          type="date"
          defaultValue={d.range.from}
          error={d.rangeErrors.from}
        />
        <Field label={t("clock.figures.to")} name="to" type="date" defaultValue={d.range.to} error={d.rangeErrors.to} />
        <button type="submit">{t("clock.figures.show")}</button>
      </Form>
      <p>
        {d.settings.excludeWeekends
          ? t("clock.settings.weekendsExcluded", { zone: d.settings.timeZone })
          : t("clock.settings.weekendsCount")}
      </p>
      <TableWrap label={t("clock.figures.title")}>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("clock.figures.group")}</th>
              <th scope="col">{t("clock.figures.asked")}</th>
              <th scope="col">{t("clock.figures.waiting")}</th>
              <th scope="col">{t("clock.figures.median")}</th>
              <th scope="col">{t("clock.figures.within24")}</th>
              <th scope="col">{t("clock.figures.breaches")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">
                  {r.name}
                  {r.tutor ? <span className="muted"> · {r.tutor}</span> : null}
                </th>
                <td>{r.f.asked}</td>
                <td>{r.f.waiting}</td>
                <td>
                  <Duration ms={r.f.medianResponseMs} />
                </td>
                <td>
                  <Pct value={r.f.within24hPct} />
                </td>
                <td>{r.f.breaches}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <section aria-labelledby="settings-heading" className="card">
        <h2 id="settings-heading">{t("clock.settings.title")}</h2>
        <FormError message={res?.formError} values={{ count: 1 }} />
        <Form method="post" className="stack">
          <div className="checkbox-row">
            <input
              type="checkbox"
              id="excludeWeekends"
              name="excludeWeekends"
              defaultChecked={d.settings.excludeWeekends}
            />
            <label htmlFor="excludeWeekends">{t("clock.settings.excludeWeekends")}</label>
          </div>
          <Field
            label={t("clock.settings.timeZone")}
            name="timeZone"
            defaultValue={res?.timeZone ?? d.settings.timeZone}
            error={res?.field}
            hint={t("clock.settings.timeZoneHint")}
            required
          />
          <div>
            <button type="submit">{t("clock.settings.save")}</button>
          </div>
        </Form>
      </section>
    </div>
  );
}
