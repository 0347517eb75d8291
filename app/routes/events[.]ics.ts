// /events.ics: the upcoming published events, as a calendar to subscribe to.
import { env } from "~/env.server";
import { sharedI18n } from "~/i18n";
import { renderIcs, ICS_HEADERS } from "~/models/events/event-calendar.server";
import { listUpcomingEvents } from "~/models/events/event.server";
import { VISITOR } from "~/models/permissions.server";

export async function loader() {
  const events = await listUpcomingEvents({ scope: VISITOR });
  return new Response(renderIcs(events, { origin: env().APP_ORIGIN, name: sharedI18n("en").t("events.feed.title") }), {
    headers: ICS_HEADERS,
  });
}
