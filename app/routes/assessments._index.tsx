// The online assessments of the learner's level, each with where they stand.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/web/page-title";
import { Link, useLoaderData } from "@remix-run/react";
import { AvailabilityLine, Narrow } from "~/components/assessment-view";
import type { PageHandle } from "~/web/enhance";
import { listAssessmentsForLearner } from "~/models/assessments/assessment-availability.server";
import assessmentStyles from "~/styles/assessments.css";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";

export const handle: PageHandle = { hydrate: false };
export const links = () => [{ rel: "stylesheet", href: assessmentStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "assessments.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { enrolled: !!viewer.level, assessments: await listAssessmentsForLearner({ userId: viewer.id }) };
}

export default function Assessments() {
  const { t } = useTranslation();
  const { enrolled, assessments } = useLoaderData<typeof loader>();
  return (
    <Narrow>
      <h1>{t("assessments.title")}</h1>
      <p>{t("assessments.intro")}</p>
      {!enrolled ? (
        <p>
          <Link to="/progress">{t("assessments.notEnrolled")}</Link>
        </p>
      ) : assessments.length ? (
        <ul className="items">
          {assessments.map((a) => (
            <li key={a.slug} className="card">
              <h2>
                <Link to={`/assessments/${a.slug}`}>{a.title}</Link>
              </h2>
              <AvailabilityLine availability={a.availability} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("assessments.none")}</p>
      )}
    </Narrow>
  );
}
