import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { PageHandle } from "~/web/enhance";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { ForumNav, MoreLink } from "~/components/forum-nav";
import { TopicList } from "~/components/topic-list";
import { loadTopicList } from "~/web/forum-list.server";
import { notFound } from "~/web/http.server";
import { getTagNames } from "~/models/forum/tag.server";
import { shareableHeaders } from "~/web/page-caching";
import { requestLocale } from "~/locale";
import { getViewer } from "~/viewer.server";

// A reading page: plain HTML, no React bundle (links and the search form work without it).
export const handle: PageHandle = { hydrate: false };
// the same for every visitor: kept a few seconds by shared caches (app/web/page-caching.ts)
export const headers = shareableHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `#${data?.tagName ?? ""} · Touchpoints` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const tag = params.tag ?? "";
  const tagName = (await getTagNames(requestLocale(request, (await getViewer(request))?.locale))).get(tag);
  if (!tagName) notFound();
  return { ...(await loadTopicList(request, { kind: "latest", tag })), tag, tagName };
}

export default function TagPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("forum.listTitle.tag", { tag: d.tagName })}</h1>
      <ForumNav counts={d.counts} signedIn={d.signedIn} />
      {d.topics.length ? <TopicList topics={d.topics} signedIn={d.signedIn} /> : <p>{t("forum.empty")}</p>}
      <MoreLink href={d.nextUrl} />
    </div>
  );
}
