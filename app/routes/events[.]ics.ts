// /events.ics: the upcoming published events, as a calendar to subscribe to, in the asker's language
// (Accept-Language: calendars fetch it without a session, as RSS readers do).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";
import { pickLocale, sharedI18n } from "~/i18n";
import { renderIcs, ICS_HEADERS } from "~/models/events/event-calendar.server";
import { listUpcomingEvents } from "~/models/events/event.server";
import { VISITOR } from "~/models/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = pickLocale(null, request.headers.get("Accept-Language"));
  const { t } = sharedI18n(lang);
  const events = await listUpcomingEvents({ scope: VISITOR });
  const body = renderIcs(events, {
    origin: env().APP_ORIGIN,
    name: t("events.feed.title"),
    lang,
    online: t("events.online"),
  });
  return new Response(body, { headers: ICS_HEADERS });
}
