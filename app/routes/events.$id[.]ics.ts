// /events/:id.ics: one published (or cancelled) event as an iCalendar file, in the reader's language; a
// member's copy carries the joining link (never a visitor's), and is then not cacheable by anyone else.
import { positiveId } from "~/web/http.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";
import { requestLocale, sharedI18n } from "~/i18n";
import { renderIcs, ICS_HEADERS, PRIVATE_ICS_HEADERS } from "~/models/events/event-calendar.server";
import { getEvent } from "~/models/events/event.server";
import { canRsvp, scopeOf } from "~/models/permissions.server";
import { localized } from "~/models/shared/localized";
import { getViewer } from "~/viewer.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const scope = scopeOf(viewer);
  const event = await getEvent({ scope, id: positiveId(params.id) ?? 0 });
  if (!event || event.status === "draft")
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const lang = requestLocale(request, viewer?.locale);
  const joinLink = canRsvp(scope) && !!event.online_url;
  const name = localized(event, "title", lang);
  const online = sharedI18n(lang).t("events.online");
  const body = renderIcs([event], { origin: env().APP_ORIGIN, name, joinLink, lang, online });
  const headers = joinLink ? PRIVATE_ICS_HEADERS : { ...ICS_HEADERS, Vary: "Cookie, Accept-Language" };
  return new Response(body, {
    headers: { ...headers, "Content-Disposition": `attachment; filename="touchpoints-event-${event.id}.ics"` },
  });
}
