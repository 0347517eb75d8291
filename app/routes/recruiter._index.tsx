// The recruiter's desk: their verification status, saved searches, shortlist and contact requests.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Avatar } from "~/components/avatar";
import { RelativeTime } from "~/components/relative-time";
import { CONTACTS_PER_DAY } from "~/models/recruiter.schema";
import { contactsSentToday, getRecruiterStatus, listContactsForRecruiter, listSavedSearches, listShortlist } from "~/models/recruiter.server";
import { scopeOf } from "~/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "recruiter.title") }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const status = await getRecruiterStatus({ userId: viewer.id });
  if (!scope.isRecruiter) return { verified: false as const, status: status ? { status: status.status, name: status.name, reason: status.decision_reason ?? "" } : null };
  const [searches, shortlist, requests, today] = await Promise.all([
    listSavedSearches({ scope }),
    listShortlist({ scope }),
    listContactsForRecruiter({ scope }),
    contactsSentToday({ scope }),
  ]);
  return { verified: true as const, name: status?.name ?? viewer.displayName, searches, shortlist, requests, today };
}

export default function RecruiterDesk() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  if (!d.verified) {
    return (
      <div className="page">
        <h1>{t("recruiter.title")}</h1>
        {d.status ? (
          <p className="notice" role="status">
            {t(`recruiter.${d.status.status === "verified" ? "pending" : d.status.status}`, { name: d.status.name, reason: d.status.reason })}
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
                <Form method="post" action="/recruiter/searches" className="inline-form">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="id" value={s.id} />
                  <button type="submit" className="secondary small">
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
        {d.shortlist.length ? (
          <ul className="shortlist">
            {d.shortlist.map((m) => (
              <li key={m.id}>
                <Avatar name={m.display_name} src={m.photo} size={32} /> <Link to={`/u/${m.username}`}>{m.display_name}</Link>
                {m.job_title ? <span className="muted"> · {m.job_title}</span> : null}
                {m.note ? <span className="muted"> · {m.note}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("recruiter.shortlistNone")}</p>
        )}
      </section>

      <section aria-labelledby="requests-title">
        <h2 id="requests-title">{t("recruiter.requests")}</h2>
        {d.requests.length ? (
          <ul className="contact-list">
            {d.requests.map((r) => (
              <li key={r.id}>
                <Link to={`/u/${r.username}`}>{r.display_name}</Link> · <span className={`status status-${r.status}`}>{t(`recruiter.status.${r.status}`)}</span> · <RelativeTime date={r.created_at} />
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
