// One assessment: its rules, where the learner stands (cool-down end in their time zone) and the
// button that starts (or resumes) an attempt.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AssessmentRules, AvailabilityLine, Narrow, useMoment } from "~/components/assessment-view";
import { FormError } from "~/components/field";
import type { PageHandle } from "~/web/enhance";
import { notFound } from "~/web/http.server";
import { getAssessmentForLearner } from "~/models/assessments/assessment-availability.server";
import { startAttempt } from "~/models/assessments/assessment-attempt.server";
import assessmentStyles from "~/styles/assessments.css";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";

export const handle: PageHandle = { hydrate: false };
export const links = () => [{ rel: "stylesheet", href: assessmentStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.assessment.title ?? "Assessment"} · Touchpoints` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = await getAssessmentForLearner({ userId: viewer.id, slug: params.slug ?? "" });
  if (!page) notFound();
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const r = await startAttempt({ userId: viewer.id, slug: params.slug ?? "" });
  if (!r.ok) return data({ formError: r.message, values: r.values ?? null }, { status: r.status });
  return redirect(`/assessments/attempts/${r.attemptId}`);
}

export default function AssessmentPage() {
  const { t } = useTranslation();
  const moment = useMoment();
  const { assessment: a, availability, attempts } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const canStart = availability.state === "available" || availability.state === "open";
  return (
    <Narrow>
      <p>
        <Link to="/assessments">{t("assessments.title")}</Link>
      </p>
      <h1>{a.title}</h1>
      <FormError message={res?.formError} values={res?.values ?? undefined} />
      <AvailabilityLine availability={availability} />
      {/* not open online: the line above says so; its rules are not set yet */}
      {availability.state === "offline" ? null : (
        <section aria-labelledby="rules-heading">
          <h2 id="rules-heading">{t("assessments.rules.title")}</h2>
          <AssessmentRules a={a} />
        </section>
      )}
      {availability.state === "open" ? (
        <p>
          <Link to={`/assessments/attempts/${availability.attemptId}`} className="button">
            {t("assessments.resume")}
          </Link>
        </p>
      ) : canStart ? (
        <form method="post">
          <button type="submit">{t("assessments.start")}</button>
        </form>
      ) : availability.state === "cooldown" ? (
        // disabled until the cool-down ends, saying when (in the learner's language and time zone)
        <p>
          <button type="button" disabled aria-describedby="start-from">
            {t("assessments.start")}
          </button>{" "}
          <span id="start-from" data-start-from={availability.until}>
            {t("assessments.startFrom", { until: moment(availability.until) })}
          </span>
        </p>
      ) : null}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("assessments.historyTitle")}</h2>
        {attempts.length ? (
          <ul className="items">
            {attempts.map((x) => (
              <li key={x.id}>
                <Link to={`/assessments/attempts/${x.id}`}>
                  {t("assessments.attemptLine", { date: moment(x.started_at) })}
                </Link>{" "}
                ·{" "}
                {x.annulled_at
                  ? t("assessments.statusAnnulled")
                  : x.status === "open"
                    ? t("assessments.statusOpen")
                    : `${x.passed ? t("assessments.result.pass") : t("assessments.result.notYet")} (${x.score}%)`}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("assessments.historyNone")}</p>
        )}
      </section>
    </Narrow>
  );
}
