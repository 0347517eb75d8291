// /events: upcoming published events, soonest first, with the calendar (.ics) and RSS feeds.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/web/page-title";
import { Link, useLoaderData } from "@remix-run/react";
import type { PageHandle } from "~/web/enhance";
import { useEventWhen } from "~/components/event-when";
import { listUpcomingEvents } from "~/models/events/event.server";
import { canManageEvents, scopeOf } from "~/models/permissions.server";
import { useTranslation } from "~/use-translation";
import { getViewer } from "~/viewer.server";
import { requestLocale } from "~/locale";
import { localized } from "~/models/shared/localized";

export const handle: PageHandle = { hydrate: false };

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "events.title") },
  { tagName: "link", rel: "alternate", type: "application/rss+xml", href: "/events.rss" },
  { tagName: "link", rel: "alternate", type: "text/calendar", href: "/events.ics" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const scope = scopeOf(viewer);
  const lang = requestLocale(request, viewer?.locale);
  const events = await listUpcomingEvents({ scope });
  // what the list shows, no more (the data request is readable by anyone who asks for it)
  const shown = events.map((e) => ({
    id: e.id,
    kind: e.kind,
    title: localized(e, "title", lang),
    starts_at: e.starts_at,
    ends_at: e.ends_at,
    time_zone: e.time_zone,
    place: e.place,
    online_url: e.online_url,
    seats_left: e.capacity ? Math.max(0, e.capacity - Number(e.rsvp_count ?? 0)) : null,
  }));
  return { events: shown, staff: canManageEvents(scope) };
}

export default function Events() {
  const { t } = useTranslation();
  const when = useEventWhen();
  const { events, staff } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t("events.title")}</h1>
      <p>{t("events.intro")}</p>
      <p>
        <a href="/events.ics">{t("events.subscribeIcs")}</a> · <a href="/events.rss">{t("events.subscribeRss")}</a>
        {staff ? (
          <>
            {" · "}
            <Link to="/admin/events">{t("events.manage")}</Link>
          </>
        ) : null}
      </p>
      {events.length ? (
        <ul className="event-list">
          {events.map((e) => (
            <li key={e.id} className="card">
              <h2>
                <Link to={`/events/${e.id}`}>{e.title}</Link>
              </h2>
              <p>
                <strong>{t(`events.kinds.${e.kind}`)}</strong> · {when(e.starts_at, e.ends_at, e.time_zone)}
              </p>
              <p className="muted">
                {e.place ? e.place : t("events.online")}
                {e.seats_left !== null ? ` · ${t("events.seatsLeft", { count: e.seats_left })}` : ""}
              </p>
              {e.online_url ? (
                <p>
                  <a href={e.online_url} rel="nofollow noopener noreferrer">
                    {t("events.joinOnline")}
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("events.none")}</p>
      )}
    </div>
  );
}
