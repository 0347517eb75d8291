// /events.rss: the upcoming published events as an RSS feed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";
import { pickLocale } from "~/i18n";
import { eventsFeed } from "~/models/events/event-calendar.server";
import { listUpcomingEvents } from "~/models/events/event.server";
import { VISITOR } from "~/models/permissions.server";
import { feedT, renderRss, RSS_HEADERS } from "~/models/forum/feed.server";
import { dateTimeFormat } from "~/intl";

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = pickLocale(null, request.headers.get("Accept-Language"));
  const t = feedT(locale);
  const when = (e: { starts_at: Date; time_zone: string }) =>
    dateTimeFormat(locale, {
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: e.time_zone,
      timeZoneName: "short",
    }).format(e.starts_at);
  const feed = eventsFeed(await listUpcomingEvents({ scope: VISITOR }), { t, when, lang: locale });
  return new Response(renderRss(feed, { origin: env().APP_ORIGIN, language: locale, generator: t("site.name") }), {
    headers: RSS_HEADERS,
  });
}
