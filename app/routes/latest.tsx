import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { PageHandle } from "~/web/enhance";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { ForumNav, MoreLink } from "~/components/forum-nav";
import { TopicList } from "~/components/topic-list";
import { loadTopicList } from "~/web/forum-list.server";
import { pageTitle } from "~/web/page-title";
import { shareableHeaders } from "~/web/page-caching";

// A reading page: plain HTML, no React bundle (links and the search form work without it).
export const handle: PageHandle = { hydrate: false };
// the same for every visitor: kept a few seconds by shared caches (app/web/page-caching.ts)
export const headers = shareableHeaders;

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "forum.listTitle.latest") },
  { tagName: "link", rel: "alternate", type: "application/rss+xml", href: "/latest.rss" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return loadTopicList(request, { kind: "latest" });
}

export default function Latest() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("forum.listTitle.latest")}</h1>
      <ForumNav counts={d.counts} signedIn={d.signedIn} />
      {d.topics.length ? <TopicList topics={d.topics} signedIn={d.signedIn} /> : <p>{t("forum.empty")}</p>}
      <MoreLink href={d.nextUrl} />
    </div>
  );
}
