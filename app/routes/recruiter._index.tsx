// The recruiter's desk: their verification status, saved searches (with daily alerts), the
// shortlist with a private note and a pipeline stage per candidate (and its CSV export), and the
// contact threads. Plain forms that work without JavaScript; Remix submits them without a reload.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Avatar } from "~/components/avatar";
import { FormError } from "~/components/field";
import { Select, TextArea } from "~/components/form-extras";
import { RelativeTime } from "~/components/relative-time";
import { keepValues, readForm } from "~/web/http.server";
import { CONTACTS_PER_DAY } from "~/models/directory/recruiter.schema";
import { NOTE_MAX, STAGES, stageFilter } from "~/models/directory/recruiter-desk.schema";
import { contactsSentToday, listContactsForRecruiter } from "~/models/directory/contact-request.server";
import { getRecruiterStatus } from "~/models/directory/recruiter.server";
import { listSavedSearches } from "~/models/directory/saved-search.server";
import { listShortlist, setShortlisted, updateShortlistEntry } from "~/models/directory/shortlist.server";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "recruiter.title") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const status = await getRecruiterStatus({ userId: viewer.id });
  if (!scope.isRecruiter)
    return {
      verified: false as const,
      status: status ? { status: status.status, name: status.name, reason: status.decision_reason ?? "" } : null,
    };
  const stage = stageFilter(new URL(request.url).searchParams.get("stage"));
  const [searches, shortlist, requests, today] = await Promise.all([
    listSavedSearches({ scope }),
    listShortlist({ scope, stage }),
    listContactsForRecruiter({ scope }),
    contactsSentToday({ scope }),
  ]);
  return {
    verified: true as const,
    name: status?.name ?? viewer.displayName,
    searches,
    shortlist,
    stage: stage ?? null,
    requests,
    today,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  if (!scope.isRecruiter) throw data("Forbidden", { status: 403 });
  const form = await readForm(request);
  const username = (form.username ?? "").slice(0, 40);
  const result =
    form.intent === "remove"
      ? await setShortlisted({ scope, username, shortlisted: false })
      : form.intent === "update"
        ? await updateShortlistEntry({ scope, input: { username, stage: form.stage ?? "", note: form.note ?? "" } })
        : null;
  if (!result) return data({ formError: "errors.forbidden", username, values: keepValues(form) }, 400);
  if (!result.ok) return data({ formError: result.message, username, values: keepValues(form) }, result.status);
  // back to the same stage filter (Remix adds ?index to an index route's form posts)
  const stage = new URL(request.url).searchParams.get("stage");
  return redirect(`/recruiter${stage ? `?stage=${encodeURIComponent(stage)}` : ""}#candidate-${username}`);
}

export default function RecruiterDesk() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const [params] = useSearchParams();
  if (!d.verified) {
    return (
      <div className="page">
        <h1>{t("recruiter.title")}</h1>
        {d.status ? (
          <p className="notice" role="status">
            {t(`recruiter.${d.status.status === "verified" ? "pending" : d.status.status}`, {
              name: d.status.name,
              reason: d.status.reason,
            })}
          </p>
        ) : (
          <p>{t("recruiter.notRecruiter")}</p>
        )}
        {!d.status || d.status.status === "rejected" || d.status.status === "revoked" ? (
          <p>
            <Link to="/recruiter/apply">{t("recruiter.apply")}</Link>
          </p>
        ) : null}
      </div>
    );
  }
  const stageLink = (stage: string | null) => {
    const p = new URLSearchParams(params);
    if (stage) p.set("stage", stage);
    else p.delete("stage");
    const s = p.toString();
    return `/recruiter${s ? `?${s}` : ""}`;
  };
  return (
    <div className="page recruiter-desk">
      <h1>{t("recruiter.title")}</h1>
      <p>{t("recruiter.verified", { name: d.name })}</p>
      <p>
        <Link to="/directory">{t("directory.title")}</Link>
      </p>
      <p className="muted">{t("recruiter.sentToday", { count: d.today, max: CONTACTS_PER_DAY })}</p>

      <section aria-labelledby="saved-title">
        <h2 id="saved-title">{t("recruiter.savedSearches")}</h2>
        {d.searches.length ? (
          <ul>
            {d.searches.map((s) => (
              <li key={s.id}>
                <Link to={s.query}>{s.name}</Link>{" "}
                <span className="muted">· {t(s.alerts ? "desk.alerts.on" : "desk.alerts.off")}</span>{" "}
                <Form method="post" action="/recruiter/searches" className="inline-form">
                  <input type="hidden" name="id" value={s.id} />
                  <button
                    type="submit"
                    name="intent"
                    value={s.alerts ? "alerts-off" : "alerts-on"}
                    className="secondary small"
                  >
                    {t(s.alerts ? "desk.alerts.turnOff" : "desk.alerts.turnOn", { name: s.name })}
                  </button>{" "}
                  <button type="submit" name="intent" value="delete" className="secondary small">
                    {t("recruiter.deleteSearch", { name: s.name })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("recruiter.savedNone")}</p>
        )}
      </section>

      <section aria-labelledby="shortlist-title">
        <h2 id="shortlist-title">{t("recruiter.shortlist")}</h2>
        <nav aria-label={t("desk.stageFilter")} className="stage-filter">
          <Link to={stageLink(null)} aria-current={d.stage ? undefined : "page"}>
            {t("desk.allStages")}
          </Link>
          {STAGES.map((s) => (
            <span key={s}>
              {" · "}
              <Link to={stageLink(s)} aria-current={d.stage === s ? "page" : undefined}>
                {t(`desk.stage.${s}`)}
              </Link>
            </span>
          ))}
        </nav>
        <p>
          <a href="/recruiter/shortlist.csv" download>
            {t("desk.export")}
          </a>
        </p>
        {d.shortlist.length ? (
          <ul className="shortlist">
            {d.shortlist.map((m) => {
              const failed = a && a.username === m.username ? a : undefined;
              return (
                <li key={m.id} id={`candidate-${m.username}`} className="shortlist-entry">
                  <h3>
                    <Avatar name={m.display_name} src={m.photo} size={32} />{" "}
                    <Link to={`/u/${m.username}`}>{m.display_name}</Link>
                    {m.job_title ? <span className="muted"> · {m.job_title}</span> : null}
                  </h3>
                  <Form method="post" className="shortlist-form">
                    <FormError message={failed?.formError} />
                    <input type="hidden" name="username" value={m.username} />
                    <Select
                      id={`stage-${m.username}`}
                      label={t("desk.stageLabel", { name: m.display_name })}
                      name="stage"
                      defaultValue={failed?.values?.stage ?? m.stage}
                      options={STAGES.map((s) => ({ value: s, label: t(`desk.stage.${s}`) }))}
                    />
                    <TextArea
                      id={`note-${m.username}`}
                      label={t("desk.noteLabel", { name: m.display_name })}
                      name="note"
                      rows={3}
                      maxLength={NOTE_MAX}
                      defaultValue={failed?.values?.note ?? m.note}
                    />
                    <button type="submit" name="intent" value="update">
                      {t("desk.save", { name: m.display_name })}
                    </button>{" "}
                    <button type="submit" name="intent" value="remove" className="secondary">
                      {t("desk.remove", { name: m.display_name })}
                    </button>{" "}
                    <Link to={`/recruiter/contact/${m.username}`}>{t("desk.thread", { name: m.display_name })}</Link>
                  </Form>
                </li>
              );
            })}
          </ul>
        ) : (
          <p>{d.stage ? t("desk.stageNone") : t("recruiter.shortlistNone")}</p>
        )}
      </section>

      <section aria-labelledby="requests-title">
        <h2 id="requests-title">{t("recruiter.requests")}</h2>
        {d.requests.length ? (
          <ul className="contact-list">
            {d.requests.map((r) => (
              <li key={r.id}>
                <Link to={`/u/${r.username}`}>{r.display_name}</Link> ·{" "}
                <span className={`status status-${r.status}`}>{t(`recruiter.status.${r.status}`)}</span> ·{" "}
                <RelativeTime date={r.created_at} /> ·{" "}
                <Link to={`/recruiter/contact/${r.username}`}>{t("desk.thread", { name: r.display_name })}</Link>
                {r.email ? <p>{t("recruiter.emailLabel", { email: r.email })}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("recruiter.requestsNone")}</p>
        )}
      </section>
    </div>
  );
}
