// /judging: a judge's categories and the submitted nominations in them (their own left out),
// each marked reviewed or waiting. Judges only.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/web/page-title";
import { Link, useLoaderData } from "@remix-run/react";
import type { PageHandle } from "~/web/enhance";
import { forbidden } from "~/web/http.server";
import { listJudgeQueue } from "~/models/awards/award-judging.server";
import { scopeOf } from "~/models/permissions.server";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";

export const handle: PageHandle = { hydrate: false };
export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "awards.judging.title") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  if (!scope.isJudge) forbidden();
  return { categories: await listJudgeQueue({ scope }) };
}

export default function Judging() {
  const { t } = useTranslation();
  const { categories } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("awards.judging.title")}</h1>
      <p>{t("awards.judging.intro")}</p>
      {categories.length ? (
        categories.map((c) => (
          <section key={c.categoryId} aria-labelledby={`cat-${c.categoryId}`} className="card">
            <h2 id={`cat-${c.categoryId}`}>
              {c.category} <span className="muted">({c.roundTitle})</span>
            </h2>
            <p className="muted">
              {c.published
                ? t("awards.judging.published")
                : c.open
                  ? t("awards.judging.open")
                  : t("awards.judging.notOpen")}
            </p>
            {c.nominations.length ? (
              <ul>
                {c.nominations.map((n) => (
                  <li key={n.id}>
                    <Link to={`/judging/${n.id}`}>{n.nominee}</Link>{" "}
                    <span className="muted">
                      {n.reviewed ? t("awards.judging.reviewed") : t("awards.judging.waiting")}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("awards.judging.noNominations")}</p>
            )}
          </section>
        ))
      ) : (
        <p>{t("awards.judging.noCategories")}</p>
      )}
    </div>
  );
}
