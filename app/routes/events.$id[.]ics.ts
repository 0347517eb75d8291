// /events/:id.ics: one published (or cancelled) event as an iCalendar file.
import { positiveId } from "~/http.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";
import { renderIcs, ICS_HEADERS } from "~/models/event-calendar.server";
import { getEvent } from "~/models/event.server";
import { VISITOR } from "~/permissions.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const event = await getEvent({ scope: VISITOR, id: (positiveId(params.id) ?? 0) });
  if (!event) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const body = renderIcs([event], { origin: env().APP_ORIGIN, name: event.title });
  return new Response(body, { headers: { ...ICS_HEADERS, "Content-Disposition": `attachment; filename="touchpoints-event-${event.id}.ics"` } });
}
