import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { PageHandle } from "~/web/enhance";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { ForumNav } from "~/components/forum-nav";
import { CategoryBadge } from "~/components/topic-list";
import { loadForumNav } from "~/web/forum-list.server";
import { pageTitle } from "~/web/page-title";
import { shareableHeaders } from "~/web/page-caching";

// A reading page: plain HTML, no React bundle (links and the search form work without it).
export const handle: PageHandle = { hydrate: false };
// the same for every visitor: kept a few seconds by shared caches (app/web/page-caching.ts)
export const headers = shareableHeaders;

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "forum.categories") }];

export async function loader({ request }: LoaderFunctionArgs) {
  return loadForumNav(request);
}

export default function Categories() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("forum.categories")}</h1>
      <ForumNav counts={d.counts} signedIn={d.signedIn} />
      <ul className="category-list">
        {d.categories.map((c) => (
          <li key={c.slug} className="card" style={{ borderLeftColor: c.colour }}>
            <h2>
              <CategoryBadge category={c} />
            </h2>
            <p>{c.description}</p>
            <p className="muted">{t("forum.topicCount", { count: c.topic_count })}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
