import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { PageHandle } from "~/web/enhance";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { ForumNav, MoreLink } from "~/components/forum-nav";
import { TopicList } from "~/components/topic-list";
import { loadTopicList } from "~/web/forum-list.server";
import type { TopPeriod } from "~/models/forum/topic-list.server";
import { pageTitle } from "~/web/page-title";
import { shareableHeaders } from "~/web/page-caching";

const PERIODS: TopPeriod[] = ["day", "week", "month", "year", "all"];

// A reading page: plain HTML, no React bundle (links and the search form work without it).
export const handle: PageHandle = { hydrate: false };
// the same for every visitor: kept a few seconds by shared caches (app/web/page-caching.ts)
export const headers = shareableHeaders;

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "forum.listTitle.top") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get("period") as TopPeriod | null;
  const period = asked && PERIODS.includes(asked) ? asked : "month";
  return { ...(await loadTopicList(request, { kind: "top", period })), period };
}

export default function Top() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("forum.listTitle.top")}</h1>
      <ForumNav counts={d.counts} signedIn={d.signedIn} />
      <nav aria-label={t("forum.top")} className="periods">
        {PERIODS.map((p) => (
          <Link key={p} to={`/top?period=${p}`} aria-current={p === d.period ? "page" : undefined}>
            {t(`forum.periods.${p}`)}
          </Link>
        ))}
      </nav>
      {d.topics.length ? <TopicList topics={d.topics} signedIn={d.signedIn} /> : <p>{t("forum.empty")}</p>}
      <MoreLink href={d.nextUrl} />
    </div>
  );
}
