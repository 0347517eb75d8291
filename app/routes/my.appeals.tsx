// A learner appeals an assessment decision or result: a short form per decision, routed to staff;
// the decision and its reason show here once made.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError } from "~/components/field";
import { TextArea } from "~/components/form-extras";
import { RelativeTime } from "~/components/relative-time";
import { readForm } from "~/web/http.server";
import { parseForm } from "~/models/shared/forms.server";
import { createAppeal, listAppealable, listMyAppeals } from "~/models/journey/appeal.server";
import { AppealSchema } from "~/models/groups/learning-group.schema";
import progressStyles from "~/styles/progress.css";
import { pageTitle } from "~/web/page-title";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";

export const links = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "appeals.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const [subjects, appeals] = await Promise.all([listAppealable(viewer.id), listMyAppeals(viewer.id)]);
  const titles = new Map(subjects.map((s) => [`${s.type}:${s.id}`, s.title] as const));
  return {
    subjects,
    appeals: appeals.map((a) => ({ ...a, title: titles.get(`${a.subject_type}:${a.subject_id}`) ?? null })),
  };
}

type ActionData = {
  key: string;
  formError: string;
  fields?: Partial<Record<string, string>>;
  values: Record<string, string>;
};

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const parsed = parseForm(AppealSchema, await readForm(request));
  const { values } = parsed;
  const key = `${values.subjectType}:${values.subjectId}`;
  if (!parsed.ok)
    return data<ActionData>({ key, formError: parsed.formError, fields: parsed.fields, values }, { status: 400 });
  const r = await createAppeal({ userId: viewer.id, ...parsed.data });
  if (!r.ok) return data<ActionData>({ key, formError: r.message, values }, { status: r.status });
  return redirect("/my/appeals?sent=1");
}

export default function MyAppeals() {
  const { t } = useTranslation();
  const { subjects, appeals } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  return (
    <div>
      <p>
        <Link to="/progress">{t("appeals.backToProgress")}</Link>
      </p>
      <h1>{t("appeals.title")}</h1>
      <p>{t("appeals.intro")}</p>
      {params.get("sent") ? (
        <p className="notice" role="status">
          {t("appeals.sent")}
        </p>
      ) : null}
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">{t("appeals.mine")}</h2>
        {appeals.length ? (
          <ul className="plain-list">
            {appeals.map((a) => (
              <li key={a.id} className="list-item">
                <strong>{a.title ?? t("appeals.unknownSubject")}</strong> ·{" "}
                <span
                  className={`status ${a.status === "upheld" ? "met" : a.status === "pending" ? "pending" : "overdue"}`}
                >
                  {t(`appeals.status.${a.status}`)}
                </span>{" "}
                · <RelativeTime date={a.created_at} />
                {a.decision_reason ? <p>{t("appeals.reasonGiven", { reason: a.decision_reason })}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("appeals.noneYet")}</p>
        )}
      </section>
      <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">{t("appeals.decisions")}</h2>
        {subjects.length ? null : <p>{t("appeals.nothingToAppeal")}</p>}
        {subjects.map((s) => {
          const key = `${s.type}:${s.id}`;
          const mine = res?.key === key ? res : undefined;
          return (
            <div key={key} className="card">
              <h3>{s.title}</h3>
              <p>
                {s.detail} · {s.on}
              </p>
              {s.pending ? (
                <p>{t("appeals.alreadyPending")}</p>
              ) : s.closed ? (
                <p>{t("appeals.alreadyDecided")}</p>
              ) : (
                <Form method="post" className="stack">
                  <FormError message={mine?.formError} values={{ count: 1 }} />
                  <input type="hidden" name="subjectType" value={s.type} />
                  <input type="hidden" name="subjectId" value={s.id} />
                  <TextArea
                    label={t("appeals.reason", { title: s.title })}
                    hint={t("appeals.reasonHint")}
                    name="reason"
                    rows={3}
                    maxLength={2000}
                    required
                    defaultValue={mine?.values.reason}
                    error={mine?.fields?.reason ?? mine?.fields?.subjectId}
                  />
                  <div>
                    <button type="submit">{t("appeals.submit")}</button>
                  </div>
                </Form>
              )}
            </div>
          );
        })}
      </section>
    </div>
  );
}
