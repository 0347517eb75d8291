// The programme dashboard: members per level, applications waiting (oldest first), members
// behind on a periodic duty, and the progress CSV export.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { TableWrap } from "~/components/form-extras";
import { ApplicationAge } from "~/components/progress-view";
import { useDay } from "~/components/use-day";
import { listPendingApplications } from "~/models/journey/application.server";
import { countDeadLetters } from "~/models/moderation/dead-letters.server";
import { listPendingLogEntries } from "~/models/moderation/log-review.server";
import { countMembersBehind, countMembersByLevel, listMembersBehind } from "~/models/journey/progress-report.server";
import { requireStaff } from "~/web/staff.server";
import progressStyles from "~/styles/progress.css";
import { pageTitle } from "~/web/page-title";
import { localized } from "~/models/shared/localized";

export const links = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin.dashboard.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const [levels, applications, behind, behindTotal, logs, deadJobs] = await Promise.all([
    countMembersByLevel(),
    listPendingApplications(),
    listMembersBehind({ limit: 20 }),
    countMembersBehind(),
    listPendingLogEntries(),
    countDeadLetters(),
  ]);
  return {
    levels,
    applications: applications.slice(0, 20),
    waiting: applications.length,
    behind: { ...behind, total: behindTotal },
    pendingLogs: logs.activities.length + logs.reading.length,
    deadJobs,
  };
}

// every staff page, reachable from here
const ADMIN_PAGES: [href: string, key: string][] = [
  ["/admin/applications", "admin.applications.title"],
  ["/admin/results", "admin.results.title"],
  ["/admin/requirements", "admin.requirements.title"],
  ["/admin/cpd", "cpd.admin.title"],
  ["/admin/programme", "programmeWords.title"],
  ["/admin/logs", "admin.logs.title"],
  ["/admin/books", "admin.books.title"],
  ["/admin/badges", "badges.admin.title"],
  ["/admin/assessments", "assessments.admin.title"],
  ["/admin/question-banks", "assessments.admin.banksTitle"],
  ["/admin/groups", "groups.admin.title"],
  ["/admin/tutor-clock", "clock.figures.title"],
  ["/admin/appeals", "appeals.staff.title"],
  ["/admin/portfolios", "portfolio.admin.title"],
  ["/admin/mentorship", "mentorship.admin.title"],
  ["/admin/events", "events.admin.title"],
  ["/admin/awards", "awards.admin.title"],
  ["/admin/categories", "adminForum.categoriesTitle"],
  ["/admin/limits", "adminForum.limits.title"],
  ["/review", "review.title"],
  ["/admin/recruiters", "recruiter.admin.title"],
  ["/admin/behind", "staffViews.behind.title"],
  ["/admin/audit", "staffViews.audit.title"],
  ["/admin/synonyms", "adminSynonyms.title"],
  ["/admin/progress.csv", "admin.dashboard.export"],
  ["/admin/jobs", "deadLetters.title"],
];

export default function AdminDashboard() {
  const { t, i18n } = useTranslation();
  const day = useDay();
  const d = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("admin.dashboard.title")}</h1>
      {d.deadJobs ? (
        <p className="notice" role="status">
          <a href="/admin/jobs">{t("deadLetters.dashboard", { count: d.deadJobs })}</a>
        </p>
      ) : null}
      <nav aria-label={t("admin.dashboard.sections")} className="admin-sections">
        <ul>
          {ADMIN_PAGES.map(([href, key]) => (
            <li key={href}>
              <a href={href}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="levels-heading">
        <h2 id="levels-heading">{t("admin.dashboard.perLevel")}</h2>
        <ul className="levels">
          {d.levels.map((l) => (
            <li key={l.level ?? 0} className="card">
              <span className="stat">{l.n}</span>
              <br />
              {l.level
                ? t("admin.applications.levelName", { number: l.level, name: localized(l, "name", i18n.language) })
                : t("admin.dashboard.notEnrolled")}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="apps-heading">
        <h2 id="apps-heading">{t("admin.dashboard.waiting", { count: d.waiting })}</h2>
        {d.applications.length ? (
          <ol>
            {d.applications.map((a) => (
              <li key={a.id}>
                <Link to={`/admin/applications/${a.id}`}>{a.display_name}</Link> ·{" "}
                {t("admin.applications.levelName", {
                  number: a.level,
                  name: localized(a, "level_name", i18n.language),
                })}{" "}
                · <ApplicationAge days={a.age_days} hours={a.age_hours} />
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("admin.applications.none")}</p>
        )}
        {d.pendingLogs ? (
          <p>
            <Link to="/admin/logs">{t("admin.dashboard.pendingLogs", { count: d.pendingLogs })}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="behind-heading">
        <h2 id="behind-heading">{t("admin.dashboard.behind", { count: d.behind.total })}</h2>
        {d.behind.rows.length ? (
          <TableWrap label={t("admin.dashboard.behind", { count: d.behind.total })}>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("admin.applications.member")}</th>
                  <th scope="col">{t("admin.dashboard.duty")}</th>
                  <th scope="col">{t("admin.dashboard.done")}</th>
                  <th scope="col">{t("admin.dashboard.dueBy")}</th>
                </tr>
              </thead>
              <tbody>
                {d.behind.rows.flatMap((r) =>
                  r.duties.map((duty) => (
                    <tr key={`${r.id}-${duty.kind}`}>
                      <td>
                        <Link to={`/u/${r.username}/progress`}>{r.display_name}</Link> (
                        {t("admin.dashboard.levelShort", { number: r.level })})
                      </td>
                      <td>{t(duty.kind === "books" ? "admin.dashboard.noBook" : "admin.dashboard.fewActivities")}</td>
                      <td>
                        {duty.done} / {duty.required}
                      </td>
                      <td>{day(duty.due_by)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p>{t("admin.dashboard.nobodyBehind")}</p>
        )}
        {d.behind.next ? (
          <p>
            <Link to="/admin/behind">{t("staffViews.behind.all")}</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
