// Entries waiting for a staff decision (when a requirement asks for approval): approve, or reject with a reason.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field, FormError } from "~/components/field";
import { useDay } from "~/components/use-day";
import { readForm } from "~/web/http.server";
import { decideLogEntry, listPendingLogEntries } from "~/models/moderation/log-review.server";
import { EntryDecisionSchema } from "~/models/moderation/logs.schema";
import { requireStaff } from "~/web/staff.server";
import progressStyles from "~/styles/progress.css";
import { pageTitle } from "~/web/page-title";

export const links = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin.logs.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return listPendingLogEntries();
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireStaff(request);
  const parsed = EntryDecisionSchema.safeParse(await readForm(request));
  if (!parsed.success) return data({ key: "", error: "form.fixErrors" }, { status: 400 });
  const r = await decideLogEntry({
    adminId: admin.id,
    entry: parsed.data.entry,
    id: parsed.data.id,
    decision: parsed.data.intent,
    reason: parsed.data.reason,
  });
  if (!r.ok)
    return data(
      { key: `${parsed.data.entry}-${parsed.data.id}`, error: r.fields?.reason ?? r.message },
      { status: r.status },
    );
  return redirect("/admin/logs");
}

function Decide({ entry, id, error }: { entry: "activity" | "reading"; id: number; error?: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="entry" value={entry} />
      <input type="hidden" name="id" value={id} />
      <Field label={t("admin.logs.reason")} name="reason" type="text" error={error} />
      <button type="submit" name="intent" value="approve" className="small">
        {t("admin.logs.approve")}
      </button>
      <button type="submit" name="intent" value="reject" className="small secondary">
        {t("admin.logs.reject")}
      </button>
    </Form>
  );
}

export default function AdminLogs() {
  const { t } = useTranslation();
  const day = useDay();
  const { activities, reading } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  return (
    <div>
      <p>
        <Link to="/admin">{t("admin.backToDashboard")}</Link>
      </p>
      <h1>{t("admin.logs.title")}</h1>
      <FormError message={res && !res.key ? res.error : null} values={{ count: 1 }} />
      <h2>{t("admin.logs.activities", { count: activities.length })}</h2>
      {activities.length ? (
        <ul className="req-list">
          {activities.map((a) => (
            <li key={a.id} className="req pending">
              <h3>{a.title}</h3>
              <p>
                <Link to={`/u/${a.username}/progress`}>{a.display_name}</Link> · {t(`logs.kinds.${a.kind}`)} ·{" "}
                {day(a.on)}
                {a.organiser ? ` · ${a.organiser}` : ""}
                {a.evidence_url ? (
                  <>
                    {" · "}
                    <a href={a.evidence_url} rel="nofollow noopener noreferrer">
                      {t("logs.activities.evidenceLink")}
                    </a>
                  </>
                ) : null}
              </p>
              <Decide entry="activity" id={a.id} error={res?.key === `activity-${a.id}` ? res.error : undefined} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("admin.logs.none")}</p>
      )}
      <h2>{t("admin.logs.books", { count: reading.length })}</h2>
      {reading.length ? (
        <ul className="req-list">
          {reading.map((b) => (
            <li key={b.id} className="req pending">
              <h3>{b.title}</h3>
              <p>
                <Link to={`/u/${b.username}/progress`}>{b.display_name}</Link> · {day(b.on)}
              </p>
              <Decide entry="reading" id={b.id} error={res?.key === `reading-${b.id}` ? res.error : undefined} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("admin.logs.none")}</p>
      )}
    </div>
  );
}
