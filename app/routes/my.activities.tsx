// The activities a member logs (conferences, meet-ups, trainings, webinars...) toward the yearly duty.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field, FormError } from "~/components/field";
import { Select, TextArea } from "~/components/form-extras";
import { useDay } from "~/components/use-day";
import { positiveId, readForm } from "~/web/http.server";
import { createActivity, deleteActivity, listActivities } from "~/models/journey/activity.server";
import { ACTIVITY_KINDS, ActivitySchema } from "~/models/moderation/logs.schema";
import { rateLimit, userKey } from "~/models/account/rate-limit.server";
import { parseForm } from "~/models/shared/forms.server";
import progressStyles from "~/styles/progress.css";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const links = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "logs.activities.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { activities: await listActivities({ userId: viewer.id }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  if (form.intent === "delete") {
    await deleteActivity({ userId: viewer.id, id: positiveId(form.id) ?? 0 });
    return redirect("/my/activities");
  }
  const parsed = parseForm(ActivitySchema, form);
  const { values } = parsed;
  if (!parsed.ok) return data({ values, fields: parsed.fields, count: parsed.errorValues.count }, { status: 400 });
  const limited = await rateLimit("logEntry", userKey(viewer.id));
  if (limited)
    return data(
      { values, fields: {}, count: 0, formError: limited.message, errorValues: limited.values },
      { status: limited.status },
    );
  const r = await createActivity({ userId: viewer.id, input: parsed.data });
  return redirect(`/my/activities?added=${r.ok ? r.status : ""}`);
}

export default function MyActivities() {
  const { t } = useTranslation();
  const day = useDay();
  const { activities } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const v = (res?.values ?? {}) as Record<string, string>;
  const f = (res?.fields ?? {}) as Record<string, string | undefined>;
  return (
    <div>
      <p>
        <Link to="/progress">{t("progress.apply.back")}</Link>
      </p>
      <h1>{t("logs.activities.title")}</h1>
      <p>{t("logs.activities.intro")}</p>
      {params.get("added") ? (
        <p className="notice" role="status">
          {t(params.get("added") === "pending" ? "logs.activities.addedPending" : "logs.activities.added")}
        </p>
      ) : null}
      <div className="grid-2">
        <section className="card" aria-labelledby="add-heading">
          <h2 id="add-heading">{t("logs.activities.add")}</h2>
          <FormError
            message={res && "formError" in res ? (res.formError as string) : res?.count ? "form.fixErrors" : null}
            values={res && "errorValues" in res ? (res.errorValues as Record<string, unknown>) : { count: res?.count }}
          />
          <Form method="post" className="stack" noValidate>
            <Select
              label={t("logs.activities.kind")}
              name="kind"
              defaultValue={v.kind}
              error={f.kind}
              options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`logs.kinds.${k}`) }))}
            />
            <Field
              label={t("logs.activities.titleField")}
              name="title"
              type="text"
              defaultValue={v.title}
              error={f.title}
              required
            />
            <Field
              label={t("logs.activities.date")}
              name="occurredOn"
              type="date"
              defaultValue={v.occurredOn}
              error={f.occurredOn}
              required
            />
            <Field
              label={t("logs.activities.organiser")}
              name="organiser"
              type="text"
              defaultValue={v.organiser}
              error={f.organiser}
            />
            <Field
              label={t("logs.activities.evidence")}
              name="evidenceUrl"
              type="url"
              defaultValue={v.evidenceUrl}
              error={f.evidenceUrl}
              hint={t("logs.activities.evidenceHint")}
            />
            <TextArea
              label={t("logs.activities.reflection")}
              name="reflection"
              defaultValue={v.reflection}
              error={f.reflection}
              rows={4}
            />
            <div>
              <button type="submit">{t("logs.activities.submit")}</button>
            </div>
          </Form>
        </section>
        <section aria-labelledby="list-heading">
          <h2 id="list-heading">{t("logs.activities.listTitle", { count: activities.length })}</h2>
          {activities.length ? (
            <ul className="req-list">
              {activities.map((a) => (
                <li
                  key={a.id}
                  id={`activity-${a.id}`}
                  className={`req ${a.status === "approved" ? "met" : a.status === "pending" ? "pending" : "overdue"}`}
                >
                  <h3>{a.title}</h3>
                  <p className="req-line">
                    <span
                      className={
                        "status " + (a.status === "approved" ? "met" : a.status === "pending" ? "pending" : "overdue")
                      }
                    >
                      {t(`logs.status.${a.status}`)}
                    </span>
                    <span>
                      {t(`logs.kinds.${a.kind}`)} · {day(a.occurred_on)}
                      {a.organiser ? ` · ${a.organiser}` : ""}
                    </span>
                  </p>
                  {a.evidence_url ? (
                    <p>
                      <a href={a.evidence_url} rel="nofollow noopener noreferrer">
                        {t("logs.activities.evidenceLink")}
                      </a>
                    </p>
                  ) : null}
                  {a.reflection ? <p style={{ whiteSpace: "pre-wrap" }}>{a.reflection}</p> : null}
                  {a.decision_reason ? (
                    <p className="muted">{t("logs.reason", { reason: a.decision_reason })}</p>
                  ) : null}
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="id" value={a.id} />
                    <button type="submit" className="link-button">
                      {t("logs.delete")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("logs.activities.none")}</p>
          )}
        </section>
      </div>
    </div>
  );
}
