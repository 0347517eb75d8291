// The activities a member logs (conferences, meet-ups, trainings, webinars...) toward the yearly duty.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { answerOf, fieldsOf } from "~/components/field";
import { LogPage } from "~/components/log-page";
import { Select, TextArea } from "~/components/form-extras";
import { useDay } from "~/components/use-day";
import { positiveId, readForm } from "~/web/http.server";
import { createActivity, deleteActivity, listActivities } from "~/models/journey/activity.server";
import { ACTIVITY_KINDS, ActivitySchema } from "~/models/moderation/logs.schema";
import progressStyles from "~/styles/progress.css";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";
import { readLogEntry } from "~/web/log-entry.server";

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
  const entry = await readLogEntry(viewer.id, ActivitySchema, form);
  if ("refusal" in entry) return entry.refusal;
  const r = await createActivity({ userId: viewer.id, input: entry.input });
  return redirect(`/my/activities?added=${r.ok ? r.status : ""}`);
}

export default function MyActivities() {
  const { t } = useTranslation();
  const day = useDay();
  const { activities } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { values: v, fields: f } = answerOf(res);
  const field = fieldsOf(
    (name) => t(`logs.activities.${name}`),
    (name) => v[name],
    f,
  );
  return (
    <LogPage
      kind="activities"
      added={
        params.get("added")
          ? t(params.get("added") === "pending" ? "logs.activities.addedPending" : "logs.activities.added")
          : null
      }
      answer={res}
      count={activities.length}
      fields={
        <>
          <Select
            label={t("logs.activities.kind")}
            name="kind"
            defaultValue={v.kind}
            error={f.kind}
            options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`logs.kinds.${k}`) }))}
          />
          {field("title", { label: t("logs.activities.titleField"), type: "text", required: true })}
          {field("occurredOn", { label: t("logs.activities.date"), type: "date", required: true })}
          {field("organiser", { type: "text" })}
          {field("evidenceUrl", {
            label: t("logs.activities.evidence"),
            type: "url",
            hint: t("logs.activities.evidenceHint"),
          })}
          <TextArea
            label={t("logs.activities.reflection")}
            name="reflection"
            defaultValue={v.reflection}
            error={f.reflection}
            rows={4}
          />
        </>
      }
    >
      {activities.map((a) => (
        <li
          key={a.id}
          id={`activity-${a.id}`}
          className={`req ${a.status === "approved" ? "met" : a.status === "pending" ? "pending" : "overdue"}`}
        >
          <h3>{a.title}</h3>
          <p className="req-line">
            <span
              className={"status " + (a.status === "approved" ? "met" : a.status === "pending" ? "pending" : "overdue")}
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
          {a.decision_reason ? <p className="muted">{t("logs.reason", { reason: a.decision_reason })}</p> : null}
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="id" value={a.id} />
            <button type="submit" className="link-button">
              {t("logs.delete")}
            </button>
          </Form>
        </li>
      ))}
    </LogPage>
  );
}
