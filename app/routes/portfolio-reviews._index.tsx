// /portfolio-reviews: the portfolios staff asked the viewer to review, those to score first.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listMyReviews } from "~/models/journey/portfolio-panel.server";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "portfolio.myReviews") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { reviews: await listMyReviews(viewer.id) };
}

export default function MyReviews() {
  const { t } = useTranslation();
  const { reviews } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("portfolio.myReviews")}</h1>
      {reviews.length ? (
        <ul>
          {reviews.map((r) => (
            <li key={r.id}>
              <Link to={`/portfolio-reviews/${r.id}`}>{t("portfolio.reviewTitle", { name: r.display_name })}</Link> (
              {t(`portfolio.state.${r.status}`)})
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("portfolio.noReviews")}</p>
      )}
    </div>
  );
}
