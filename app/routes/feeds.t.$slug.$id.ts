// /t/:slug/:id.rss (rewritten to /feeds/t/:slug/:id): a public topic's newest posts; 404 otherwise.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { env } from "~/env.server";
import { notFound } from "~/web/http.server";
import { pickLocale } from "~/i18n";
import { feedT, getTopicFeed, renderRss, RSS_HEADERS } from "~/models/forum/feed.server";

const Params = z.object({
  slug: z.string().max(300),
  id: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) notFound();
  const locale = pickLocale(null, request.headers.get("Accept-Language"));
  const t = feedT(locale);
  const feed = await getTopicFeed({ topicId: parsed.data.id, t, lang: locale });
  if (!feed) notFound();
  // an old slug (the title was edited) moves to the current address, as the topic page does
  if (feed.path !== `/t/${parsed.data.slug}/${parsed.data.id}`) throw redirect(feed.feedPath, 301);
  return new Response(renderRss(feed, { origin: env().APP_ORIGIN, language: locale, generator: t("site.name") }), {
    headers: RSS_HEADERS,
  });
}
