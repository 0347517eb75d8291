// Staff: learning groups (name, cohort dates, tutor, learners) and a form to create one; the
// group's private forum space is created with it.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormError } from "~/components/field";
import { TableWrap } from "~/components/form-extras";
import { readForm } from "~/web/http.server";
import { parseForm } from "~/models/shared/forms.server";
import { GroupSchema } from "~/models/groups/learning-group.schema";
import { createGroup, listGroups, MAX_LEARNERS } from "~/models/groups/learning-group.server";
import { requireStaff } from "~/web/staff.server";
import progressStyles from "~/styles/progress.css";
import { pageTitle } from "~/web/page-title";
import { useTranslation } from "~/use-translation";
import { CohortDates } from "~/components/cohort-dates";

export const links = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "groups.admin.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return { groups: await listGroups(), max: MAX_LEARNERS };
}

type ActionData = { formError?: string; fields?: Partial<Record<string, string>>; values?: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireStaff(request);
  const form = await readForm(request);
  const parsed = parseForm(GroupSchema, {
    name: form.name ?? "",
    startsOn: form.startsOn ?? "",
    endsOn: form.endsOn ?? "",
    tutor: form.tutor ?? "",
  });
  const { values } = parsed;
  if (!parsed.ok)
    return data<ActionData>({ formError: parsed.formError, fields: parsed.fields, values }, { status: 400 });
  const r = await createGroup({ adminId: admin.id, ...parsed.data });
  if (!r.ok) return data<ActionData>({ formError: r.message, fields: r.fields, values }, { status: r.status });
  return redirect(`/admin/groups/${r.groupId}?created=1`);
}

export default function Groups() {
  const { t } = useTranslation();
  const { groups, max } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>() as ActionData | undefined;
  const f = res?.fields ?? {};
  const v = res?.values ?? {};
  return (
    <div>
      <p>
        <Link to="/admin">{t("admin.backToDashboard")}</Link> ·{" "}
        <Link to="/admin/tutor-clock">{t("clock.figures.title")}</Link>
      </p>
      <h1>{t("groups.admin.title")}</h1>
      <p>{t("groups.admin.intro", { max })}</p>
      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading">{t("groups.admin.list")}</h2>
        {groups.length ? (
          <TableWrap label={t("groups.admin.list")}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("groups.fields.name")}</th>
                  <th scope="col">{t("groups.fields.cohort")}</th>
                  <th scope="col">{t("groups.fields.tutor")}</th>
                  <th scope="col">{t("groups.fields.learners")}</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <tr key={g.id}>
                    <td>
                      <Link to={`/admin/groups/${g.id}`}>{g.name}</Link>
                    </td>
                    <td>
                      <CohortDates from={g.starts_on} to={g.ends_on} />
                    </td>
                    <td>{g.tutor_display_name}</td>
                    <td>{t("groups.count", { count: g.learner_count, max: g.capacity })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p>{t("groups.admin.none")}</p>
        )}
      </section>
      <section aria-labelledby="new-group-heading" className="card">
        <h2 id="new-group-heading">{t("groups.admin.create")}</h2>
        <FormError message={res?.formError} values={{ count: Object.keys(f).length }} />
        <Form method="post" className="stack">
          <Field
            label={t("groups.fields.name")}
            name="name"
            defaultValue={v.name}
            error={f.name}
            required
            maxLength={120}
          />
          <Field
            label={t("groups.fields.startsOn")}
            name="startsOn"
            type="date"
            defaultValue={v.startsOn}
            error={f.startsOn}
            required
          />
          <Field
            label={t("groups.fields.endsOn")}
            name="endsOn"
            type="date"
            defaultValue={v.endsOn}
            error={f.endsOn}
            required
          />
          <Field
            label={t("groups.fields.tutor")}
            name="tutor"
            defaultValue={v.tutor}
            error={f.tutor}
            hint={t("groups.fields.userHint")}
            required
            autoComplete="off"
          />
          <div>
            <button type="submit">{t("groups.admin.createButton")}</button>
          </div>
        </Form>
      </section>
    </div>
  );
}
