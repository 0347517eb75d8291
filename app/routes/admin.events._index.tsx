// Staff: every event (drafts included) and the form to create one.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/web/page-title";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EventForm } from "~/components/event-form";
import { useEventWhen } from "~/components/event-when";
import { FormError } from "~/components/field";
import { TableWrap } from "~/components/form-extras";
import { readForm } from "~/web/http.server";
import { EVENT_KINDS, EventSchema } from "~/models/events/event.schema";
import { createEvent, listAllEvents, listWebinarCatalogue } from "~/models/events/event.server";
import { parseForm } from "~/models/shared/forms.server";
import { requireStaff } from "~/web/staff.server";
import { useTranslation } from "~/use-translation";
import { localized } from "~/models/shared/localized";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "events.admin.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const [events, webinars] = await Promise.all([listAllEvents(), listWebinarCatalogue()]);
  return {
    events: events.map((e) => ({
      ...e,
      rsvp_count: Number(e.rsvp_count ?? 0),
      attendance_count: Number(e.attendance_count ?? 0),
    })),
    webinars,
    timeZone: staff.timeZone,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const form = await readForm(request);
  const parsed = parseForm(EventSchema, form);
  const { values } = parsed;
  if (!parsed.ok)
    return data(
      { values, fields: parsed.fields, message: parsed.formError, count: parsed.errorValues.count },
      { status: 400 },
    );
  const r = await createEvent({ staffId: staff.id, input: parsed.data, publish: form.publish === "on" });
  if (!r.ok)
    return data(
      { values, fields: r.fields ?? {}, message: r.message, count: Object.keys(r.fields ?? {}).length },
      { status: r.status },
    );
  return redirect(`/admin/events/${r.id}?done=created`);
}

export default function AdminEvents() {
  const { t, i18n } = useTranslation();
  const when = useEventWhen();
  const { events, webinars, timeZone } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  return (
    <div>
      <p>
        <Link to="/admin">{t("events.admin.back")}</Link>
      </p>
      <h1>{t("events.admin.title")}</h1>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t("events.admin.listTitle")}</h2>
        {events.length ? (
          <TableWrap label={t("events.admin.listTitle")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("events.fields.title")}</th>
                  <th scope="col">{t("events.fields.when")}</th>
                  <th scope="col">{t("events.admin.status")}</th>
                  <th scope="col">{t("events.admin.rsvps")}</th>
                  <th scope="col">{t("events.admin.attended")}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <Link to={`/admin/events/${e.id}`}>{localized(e, "title", i18n.language)}</Link>
                    </td>
                    <td>{when(e.starts_at, e.ends_at, e.time_zone)}</td>
                    <td>{t(`events.statuses.${e.status}`)}</td>
                    <td>{e.capacity ? `${e.rsvp_count} / ${e.capacity}` : e.rsvp_count}</td>
                    <td>{e.attendance_count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p>{t("events.none")}</p>
        )}
      </section>
      <section aria-labelledby="new-heading" className="card">
        <h2 id="new-heading">{t("events.admin.newTitle")}</h2>
        <FormError message={res ? (res.count ? "form.fixErrors" : res.message) : null} values={{ count: res?.count }} />
        <EventForm
          values={res?.values ?? { timeZone, kind: "webinar" }}
          fields={res?.fields ?? {}}
          webinars={webinars}
          kinds={EVENT_KINDS}
          submitLabel={t("events.admin.create")}
          publishChoice
        />
      </section>
    </div>
  );
}
