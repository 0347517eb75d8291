// /latest.rss (rewritten to /feeds/latest by scripts/server/server.ts): the public latest topics.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";
import { pickLocale } from "~/i18n";
import { feedT, getLatestFeed, renderRss, RSS_HEADERS } from "~/models/forum/feed.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = pickLocale(null, request.headers.get("Accept-Language"));
  const t = feedT(locale);
  const feed = await getLatestFeed({ t, lang: locale });
  return new Response(renderRss(feed, { origin: env().APP_ORIGIN, language: locale, generator: t("site.name") }), {
    headers: RSS_HEADERS,
  });
}
