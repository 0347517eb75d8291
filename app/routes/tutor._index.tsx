// Tutors (and staff): learners' questions waiting for an answer, oldest first, with the response
// clock (due after 24 h, breached after 48 h), and the groups they tutor.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ClockStatus } from "~/components/clock-status";
import { RelativeTime } from "~/components/relative-time";
import type { PageHandle } from "~/web/enhance";
import { forbidden } from "~/web/http.server";
import { listTutoredGroups } from "~/models/groups/learning-group.server";
import { listWaitingQuestions } from "~/models/assessments/tutor-clock.server";
import { scopeOf } from "~/models/permissions.server";
import progressStyles from "~/styles/progress.css";
import { pageTitle } from "~/web/page-title";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";

export const handle: PageHandle = { hydrate: false };
export const links = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "tutor.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = scopeOf(await requireViewer(request));
  if (!scope.isStaff && !scope.tutorGroupIds.length) forbidden();
  const [questions, groups] = await Promise.all([listWaitingQuestions({ scope }), listTutoredGroups(scope)]);
  return { questions, groups };
}

export default function Tutor() {
  const { t } = useTranslation();
  const { questions, groups } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("tutor.title")}</h1>
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{t("tutor.waiting", { count: questions.length })}</h2>
        <p>{t("tutor.rule")}</p>
        {questions.length ? (
          <ol className="plain-list" data-testid="waiting-questions">
            {questions.map((q) => (
              <li key={q.id} className="list-item">
                <Link to={`/t/${q.slug}/${q.topic_id}/${q.post_number}#post-${q.post_number}`}>{q.title}</Link>
                <br />
                <ClockStatus clock={q.clock} /> ·{" "}
                {t("tutor.askedBy", { name: q.display_name ?? "", group: q.group_name })} ·{" "}
                <RelativeTime date={q.asked_at} />
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("tutor.noneWaiting")}</p>
        )}
      </section>
      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading">{t("tutor.groups")}</h2>
        <ul className="plain-list">
          {groups.map((g) => (
            <li key={g.id}>
              <Link to={`/tutor/groups/${g.id}`}>{g.name}</Link> ·{" "}
              {t("groups.count", { count: g.learner_count, max: g.capacity })} ·{" "}
              <Link to={`/c/${g.category_slug}`}>{t("groups.space")}</Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
