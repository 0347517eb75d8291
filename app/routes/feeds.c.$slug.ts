// /c/:slug.rss (rewritten to /feeds/c/:slug): a public category's latest topics; 404 otherwise.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { env } from "~/env.server";
import { notFound } from "~/web/http.server";
import { pickLocale } from "~/i18n";
import { feedT, getCategoryFeed, renderRss, RSS_HEADERS } from "~/models/forum/feed.server";

const Params = z.object({ slug: z.string().min(1).max(100) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) notFound();
  const locale = pickLocale(null, request.headers.get("Accept-Language"));
  const t = feedT(locale);
  const feed = await getCategoryFeed({ slug: parsed.data.slug, t, lang: locale });
  if (!feed) notFound();
  return new Response(renderRss(feed, { origin: env().APP_ORIGIN, language: locale, generator: t("site.name") }), {
    headers: RSS_HEADERS,
  });
}
