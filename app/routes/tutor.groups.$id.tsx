// A group's tutor (or staff): each learner's forum activity summarised, and the "ready for
// assessment" mark (with a note) the assessment engine reads.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError } from "~/components/field";
import { TableWrap, TextArea } from "~/components/form-extras";
import { RelativeTime } from "~/components/relative-time";
import { idParam, notFound, positiveId, readForm } from "~/web/http.server";
import { parseForm } from "~/models/shared/forms.server";
import { ReadinessSchema } from "~/models/groups/learning-group.schema";
import { canTutorGroup, getGroup } from "~/models/groups/learning-group.server";
import { listLearnerActivity, markReady, withdrawReadiness } from "~/models/assessments/readiness.server";
import { scopeOf } from "~/models/permissions.server";
import progressStyles from "~/styles/progress.css";
import { pageTitle } from "~/web/page-title";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";
import { CohortDates } from "~/components/cohort-dates";
import { db } from "~/db.server";

export const links = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "tutor.groupTitle") }];

/** The group, when the viewer tutors it or is staff; 404 otherwise (a group's existence is not told). */
async function requireTutor(request: Request, id: string | undefined) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const groupId = idParam(id);
  if (!canTutorGroup(scope, groupId)) notFound();
  const group = await getGroup(db, groupId);
  if (!group) notFound();
  return { scope, group };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, group } = await requireTutor(request, params.id);
  return { group, learners: await listLearnerActivity({ scope, groupId: group.id, categoryId: group.category_id }) };
}

type ActionData = {
  userId?: number;
  formError?: string;
  formValues?: Record<string, string | number>;
  fields?: Partial<Record<string, string>>;
  values?: Record<string, string>;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, group } = await requireTutor(request, params.id);
  const form = await readForm(request);
  const userId = positiveId(form.userId) ?? 0;
  if (form.intent === "withdraw") {
    const r = await withdrawReadiness({ scope, groupId: group.id, userId });
    if (!r.ok) return data<ActionData>({ userId, formError: r.message }, { status: r.status });
    return redirect(`/tutor/groups/${group.id}?withdrawn=${encodeURIComponent(r.name)}`);
  }
  const parsed = parseForm(ReadinessSchema, { userId: form.userId ?? "", note: form.note ?? "" });
  const { values } = parsed;
  if (!parsed.ok)
    return data<ActionData>(
      { userId, formError: parsed.formError, formValues: parsed.errorValues, fields: parsed.fields, values },
      { status: 400 },
    );
  const r = await markReady({ scope, groupId: group.id, userId: parsed.data.userId, note: parsed.data.note });
  if (!r.ok)
    return data<ActionData>({ userId, formError: r.message, formValues: r.values, values }, { status: r.status });
  return redirect(`/tutor/groups/${group.id}?ready=${encodeURIComponent(r.name)}`);
}

export default function TutorGroup() {
  const { t } = useTranslation();
  const { group, learners } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  return (
    <div>
      <p>
        <Link to="/tutor">{t("tutor.title")}</Link>
      </p>
      <h1>{group.name}</h1>
      {params.get("ready") ? (
        <p className="notice" role="status">
          {t("readiness.marked", { name: params.get("ready") })}
        </p>
      ) : null}
      {params.get("withdrawn") ? (
        <p className="notice" role="status">
          {t("readiness.withdrawn", { name: params.get("withdrawn") })}
        </p>
      ) : null}
      <p>
        <CohortDates from={group.starts_on} to={group.ends_on} /> ·{" "}
        <Link to={`/c/${group.category_slug}`}>{t("groups.space")}</Link>
      </p>
      <h2>{t("readiness.summaryTitle")}</h2>
      <TableWrap label={t("readiness.summaryTitle")}>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("readiness.cols.learner")}</th>
              <th scope="col">{t("readiness.cols.posts")}</th>
              <th scope="col">{t("readiness.cols.topics")}</th>
              <th scope="col">{t("readiness.cols.groupPosts")}</th>
              <th scope="col">{t("readiness.cols.questions")}</th>
              <th scope="col">{t("readiness.cols.lastPost")}</th>
            </tr>
          </thead>
          <tbody>
            {learners.map((l) => (
              <tr key={l.id}>
                <th scope="row">
                  <a href={`#learner-${l.id}`}>{l.display_name}</a>
                </th>
                <td>{l.posts}</td>
                <td>{l.topics}</td>
                <td>{l.group_posts}</td>
                <td>{l.questions}</td>
                <td>{l.last_post_at ? <RelativeTime date={l.last_post_at} /> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {learners.map((l) => (
        <section key={l.id} id={`learner-${l.id}`} aria-labelledby={`learner-${l.id}-heading`} className="card">
          <h2 id={`learner-${l.id}-heading`}>{l.display_name}</h2>
          <p>
            {t("readiness.activity", {
              posts: l.posts,
              topics: l.topics,
              groupTopics: l.group_topics,
              groupPosts: l.group_posts,
            })}
          </p>
          {l.recent.length ? (
            <ul className="items">
              {l.recent.map((p) => (
                <li key={`${p.topic_id}-${p.post_number}`}>
                  <Link to={`/t/${p.slug}/${p.topic_id}/${p.post_number}#post-${p.post_number}`}>{p.title}</Link> ·{" "}
                  <RelativeTime date={p.created_at} />
                </li>
              ))}
            </ul>
          ) : null}
          {res?.userId === l.id ? <FormError message={res.formError} values={res.formValues} /> : null}
          {l.ready_at ? (
            <>
              <p>
                <span className="status met">{t("readiness.ready")}</span>{" "}
                {t("readiness.readyBy", { name: l.ready_by ?? "" })} · <RelativeTime date={l.ready_at} />
              </p>
              <blockquote>{l.ready_note}</blockquote>
              <Form method="post">
                <input type="hidden" name="intent" value="withdraw" />
                <input type="hidden" name="userId" value={l.id} />
                <button type="submit">{t("readiness.withdraw")}</button>
              </Form>
            </>
          ) : (
            <Form method="post" className="stack">
              <input type="hidden" name="userId" value={l.id} />
              <TextArea
                label={t("readiness.note", { name: l.display_name })}
                name="note"
                rows={3}
                maxLength={2000}
                required
                defaultValue={res?.userId === l.id ? res.values?.note : undefined}
                error={res?.userId === l.id ? res.fields?.note : undefined}
              />
              <div>
                <button type="submit">{t("readiness.mark")}</button>
              </div>
            </Form>
          )}
        </section>
      ))}
    </div>
  );
}
