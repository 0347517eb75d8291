// The directory: /directory (all levels) and /directory/professionals|managers|leaders (one level).
// A plain GET form without JavaScript; with it, results follow the typing. Visibility is enforced
// inside the Meilisearch query (directory.server), so hits and counts only cover what the viewer may see.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { directoryPageHtml, directoryTitleTag } from "~/components/directory-page";
import type { PageHandle } from "~/web/enhance";
import { useTranslation } from "~/use-translation";
import { notFound } from "~/web/http.server";
import { LEVEL_VIEWS } from "~/models/directory/directory.schema";
import { loadDirectoryPage } from "~/models/directory/directory-page.server";
import { getViewer } from "~/viewer.server";
import { sharedI18n } from "~/i18n";
import { pageLocale } from "~/web/page-title";

// A plain HTML page (no React bundle): the forms work as they are, and a few lines of inlined
// script add search as you type.
export const handle: PageHandle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: directoryTitleTag(sharedI18n(pageLocale(matches)).t, data?.fixedLevel ?? null) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  let fixedLevel: number | undefined;
  if (params.level) {
    fixedLevel = LEVEL_VIEWS[params.level];
    if (!fixedLevel) notFound();
  }
  return loadDirectoryPage(await getViewer(request), new URL(request.url).searchParams, params.level);
}

export default function Directory() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const { pathname } = useLocation();
  const html = directoryPageHtml(d, { t, lang: i18n.language || "en", pathname });
  return <div className="page directory-page" dangerouslySetInnerHTML={{ __html: html }} />;
}
