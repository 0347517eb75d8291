// Staff: one learning group: its learners (at most 20), adding and removing them, and links to
// its private space and the tutor's view.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Field, FormError } from "~/components/field";
import { idParam, notFound, positiveId, readForm } from "~/web/http.server";
import { parseForm } from "~/models/shared/forms.server";
import { LearnerSchema } from "~/models/groups/learning-group.schema";
import { addLearner, getGroup, listLearners, removeLearner } from "~/models/groups/learning-group.server";
import { requireStaff } from "~/web/staff.server";
import progressStyles from "~/styles/progress.css";
import { pageTitle } from "~/web/page-title";
import { useTranslation } from "~/use-translation";
import { CohortDates } from "~/components/cohort-dates";
import { db } from "~/db.server";

export const links = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "groups.admin.title") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const group = await getGroup(db, idParam(params.id));
  if (!group) notFound();
  return { group, learners: await listLearners(group.id) };
}

type ActionData = {
  formError?: string;
  formValues?: Record<string, string | number>;
  fields?: Partial<Record<string, string>>;
  values?: Record<string, string>;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireStaff(request);
  const id = idParam(params.id);
  const form = await readForm(request);
  if (form.intent === "remove") {
    await removeLearner({ adminId: admin.id, groupId: id, userId: positiveId(form.userId) ?? 0 });
    return redirect(`/admin/groups/${id}?removed=1`);
  }
  const parsed = parseForm(LearnerSchema, { learner: form.learner ?? "" });
  const { values } = parsed;
  if (!parsed.ok)
    return data<ActionData>(
      { formError: parsed.formError, formValues: parsed.errorValues, fields: parsed.fields, values },
      { status: 400 },
    );
  const r = await addLearner({ adminId: admin.id, groupId: id, learner: parsed.data.learner });
  if (!r.ok)
    return data<ActionData>(
      { formError: r.message, formValues: { count: 1, ...r.values }, fields: r.fields, values },
      { status: r.status },
    );
  return redirect(`/admin/groups/${id}?added=${encodeURIComponent(r.username)}`);
}

export default function Group() {
  const { t } = useTranslation();
  const { group, learners } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const full = learners.length >= group.capacity;
  return (
    <div>
      <p>
        <Link to="/admin/groups">{t("groups.admin.title")}</Link>
      </p>
      <h1>{group.name}</h1>
      {params.get("created") ? (
        <p className="notice" role="status">
          {t("groups.admin.created")}
        </p>
      ) : null}
      {params.get("added") ? (
        <p className="notice" role="status">
          {t("groups.admin.added", { name: params.get("added") })}
        </p>
      ) : null}
      <p>
        <CohortDates from={group.starts_on} to={group.ends_on} /> ·{" "}
        {t("groups.tutorIs", { name: group.tutor_display_name })} ·{" "}
        <Link to={`/c/${group.category_slug}`}>{t("groups.space")}</Link> ·{" "}
        <Link to={`/tutor/groups/${group.id}`}>{t("tutor.groupTitle")}</Link>
      </p>
      <section aria-labelledby="learners-heading">
        <h2 id="learners-heading">{t("groups.count", { count: learners.length, max: group.capacity })}</h2>
        {learners.length ? (
          <ul className="plain-list">
            {learners.map((l) => (
              <li key={l.id}>
                <Link to={`/u/${l.username}`}>{l.display_name}</Link> (@{l.username}){" "}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="userId" value={l.id} />
                  <button
                    type="submit"
                    className="link-button"
                    aria-label={t("groups.admin.removeNamed", { name: l.display_name })}
                  >
                    {t("groups.admin.remove")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("groups.admin.noLearners")}</p>
        )}
      </section>
      <section aria-labelledby="add-heading" className="card">
        <h2 id="add-heading">{t("groups.admin.add")}</h2>
        {full ? <p>{t("groups.errors.full", { max: group.capacity })}</p> : null}
        <FormError message={res?.formError} values={res?.formValues} />
        <Form method="post" className="stack">
          <Field
            label={t("groups.fields.learner")}
            name="learner"
            defaultValue={res?.values?.learner}
            error={res?.fields?.learner}
            errorValues={res?.formValues}
            hint={t("groups.fields.userHint")}
            required
            autoComplete="off"
          />
          <div>
            <button type="submit">{t("groups.admin.addButton")}</button>
          </div>
        </Form>
      </section>
    </div>
  );
}
