// /events/:id.ics: one published (or cancelled) event as an iCalendar file; a member's copy carries
// the joining link (never a visitor's), and is then not cacheable by anyone else.
import { positiveId } from "~/web/http.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";
import { renderIcs, ICS_HEADERS, PRIVATE_ICS_HEADERS } from "~/models/events/event-calendar.server";
import { getEvent } from "~/models/events/event.server";
import { canRsvp, scopeOf } from "~/models/permissions.server";
import { getViewer } from "~/viewer.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = scopeOf(await getViewer(request));
  const event = await getEvent({ scope, id: positiveId(params.id) ?? 0 });
  if (!event || event.status === "draft")
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const joinLink = canRsvp(scope) && !!event.online_url;
  const body = renderIcs([event], { origin: env().APP_ORIGIN, name: event.title, joinLink });
  const headers = joinLink ? PRIVATE_ICS_HEADERS : { ...ICS_HEADERS, Vary: "Cookie" };
  return new Response(body, {
    headers: { ...headers, "Content-Disposition": `attachment; filename="touchpoints-event-${event.id}.ics"` },
  });
}
