// Staff: one event. Edit it, publish or cancel it, show a check-in code during it, and mark who
// attended (from the RSVP list, or a walk-in by username). Every action is audited by the model.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { EventForm } from "~/components/event-form";
import { useEventWhen, useMoment } from "~/components/event-when";
import { Field, FormError } from "~/components/field";
import { TableWrap } from "~/components/form-extras";
import { keepValues, notFound, readFormData, positiveId } from "~/web/http.server";
import { CodeWindowSchema, EVENT_KINDS, EventSchema } from "~/models/events/event.schema";
import { getEvent, listWebinarCatalogue, setEventStatus, updateEvent } from "~/models/events/event.server";
import {
  createCheckinCode,
  getActiveCheckinCode,
  listEventPeople,
  markAttendance,
} from "~/models/events/event-attendance.server";
import { dateToLocalInput } from "~/models/shared/local-time";
import { parseForm, type MessageAnswer } from "~/models/shared/forms.server";
import { scopeOf } from "~/models/permissions.server";
import { requireStaff } from "~/web/staff.server";
import { useTranslation } from "~/use-translation";
import { requestLocale } from "~/locale";
import { localized } from "~/models/shared/localized";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Event"} (staff) · Touchpoints` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const id = positiveId(params.id) ?? 0;
  const event = await getEvent({ scope: scopeOf(staff), id });
  if (!event) notFound();
  const [people, webinars, code] = await Promise.all([
    listEventPeople({ eventId: id }),
    listWebinarCatalogue(),
    getActiveCheckinCode({ eventId: id }),
  ]);
  const values = {
    kind: event.kind,
    webinar: event.webinar ?? "",
    title: event.title,
    title_fr: event.title_fr ?? "",
    description: event.description_markdown,
    description_fr: event.description_markdown_fr ?? "",
    startsAt: dateToLocalInput(event.starts_at, event.time_zone),
    endsAt: dateToLocalInput(event.ends_at, event.time_zone),
    timeZone: event.time_zone,
    onlineUrl: event.online_url ?? "",
    place: event.place ?? "",
    capacity: event.capacity ? String(event.capacity) : "",
  };
  const title = localized(event, "title", requestLocale(request, staff.locale));
  return { event, title, people, webinars, code, values, timeZone: staff.timeZone };
}

type ActionData = Partial<MessageAnswer> & { intent: string; count?: number };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const id = positiveId(params.id) ?? 0;
  const read = await readFormData(request);
  if (!read) return data<ActionData>({ intent: "", message: "events.errors.unknownAction" }, { status: 400 });
  const { form, fields } = read;
  const intent = fields.intent ?? "";
  if (intent === "save") {
    const parsed = parseForm(EventSchema, fields);
    const { values } = parsed;
    if (!parsed.ok)
      return data<ActionData>(
        { intent, values, fields: parsed.fields, message: parsed.formError, count: parsed.errorValues.count },
        { status: 400 },
      );
    const r = await updateEvent({ staffId: staff.id, id, input: parsed.data });
    if (!r.ok)
      return data<ActionData>(
        { intent, values, fields: r.fields ?? {}, message: r.message, errorValues: r.values },
        { status: r.status },
      );
    return redirect(`/admin/events/${id}?done=saved`);
  }
  if (intent === "publish" || intent === "cancel" || intent === "unpublish") {
    const r = await setEventStatus({
      staffId: staff.id,
      id,
      status: intent === "publish" ? "published" : intent === "cancel" ? "cancelled" : "draft",
    });
    if (!r.ok) return data<ActionData>({ intent, message: r.message }, { status: r.status });
    return redirect(`/admin/events/${id}?done=${intent}`);
  }
  if (intent === "code") {
    const parsed = parseForm(CodeWindowSchema, fields);
    if (!parsed.ok)
      return data<ActionData>(
        { intent, message: "events.errors.minutes", fields: parsed.fields, values: parsed.values },
        { status: 400 },
      );
    const r = await createCheckinCode({ staffId: staff.id, eventId: id, minutes: parsed.data.minutes });
    if (!r.ok) return data<ActionData>({ intent, message: r.message }, { status: r.status });
    return redirect(`/admin/events/${id}?done=code#checkin`);
  }
  if (intent === "attended" || intent === "absent") {
    const userIds = form
      .getAll("userId")
      .map((v) => Number(v))
      .filter((n) => Number.isSafeInteger(n) && n > 0);
    const usernames = (fields.usernames ?? "")
      .split(/[\s,]+/)
      .filter(Boolean)
      .slice(0, 200);
    const r = await markAttendance({
      staffId: staff.id,
      eventId: id,
      userIds,
      usernames,
      attended: intent === "attended",
    });
    if (!r.ok)
      return data<ActionData>(
        { intent, message: r.message, fields: r.fields ?? {}, values: keepValues(fields), errorValues: r.values },
        { status: r.status },
      );
    return redirect(`/admin/events/${id}?done=${intent}#people`);
  }
  return data<ActionData>({ intent, message: "events.errors.unknownAction" }, { status: 400 });
}

export default function AdminEvent() {
  const { t } = useTranslation();
  const when = useEventWhen();
  const moment = useMoment();
  const { event: e, title, people, webinars, code, values, timeZone } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const err = (intent: string) => (res?.intent === intent ? (res.count ? "form.fixErrors" : res.message) : null);
  return (
    <div>
      <p>
        <Link to="/admin/events">{t("events.admin.backToList")}</Link> ·{" "}
        <Link to={`/events/${e.id}`}>{t("events.admin.publicPage")}</Link>
      </p>
      <h1>{title}</h1>
      <p>
        {t(`events.statuses.${e.status}`)} · {when(e.starts_at, e.ends_at, e.time_zone)}
      </p>
      {done ? (
        <p className="notice" role="status">
          {t(`events.admin.done.${done}`, { defaultValue: t("events.admin.done.saved") })}
        </p>
      ) : null}
      <FormError message={res && ["publish", "cancel", "unpublish"].includes(res.intent) ? res.message : null} />
      <div className="button-row">
        {e.status !== "published" ? (
          <Form method="post">
            <input type="hidden" name="intent" value="publish" />
            <button type="submit">{t("events.admin.publish")}</button>
          </Form>
        ) : null}
        {e.status !== "cancelled" ? (
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit">{t("events.admin.cancel")}</button>
          </Form>
        ) : null}
      </div>

      {e.status === "published" ? (
        <section aria-labelledby="checkin" className="card">
          <h2 id="checkin">{t("events.admin.codeTitle")}</h2>
          {code ? (
            <p>
              {t("events.admin.codeShowing")} <strong className="checkin-code">{code.code}</strong> —{" "}
              {t("events.admin.codeUntil", { time: moment(code.expires_at, e.time_zone) })}
            </p>
          ) : (
            <p>{t("events.admin.noCode")}</p>
          )}
          <Form method="post" className="stack">
            <FormError message={err("code")} />
            <input type="hidden" name="intent" value="code" />
            <Field
              label={t("events.admin.codeMinutes")}
              name="minutes"
              type="number"
              min={1}
              max={240}
              defaultValue={res?.intent === "code" ? res.values?.minutes : "15"}
              error={res?.intent === "code" ? res.fields?.minutes : undefined}
              hint={t("events.admin.codeHint")}
            />
            <div>
              <button type="submit">{t(code ? "events.admin.codeReplace" : "events.admin.codeCreate")}</button>
            </div>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="people" className="card">
        <h2 id="people">{t("events.admin.peopleTitle", { count: people.length })}</h2>
        <FormError message={err("attended") ?? err("absent")} values={res?.errorValues} />
        <Form method="post" className="stack">
          {people.length ? (
            <TableWrap label={t("events.admin.peopleTitle", { count: people.length })}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("events.admin.select")}</th>
                    <th scope="col">{t("events.admin.member")}</th>
                    <th scope="col">{t("events.admin.rsvpColumn")}</th>
                    <th scope="col">{t("events.admin.attendedColumn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {people.map((p) => (
                    <tr key={p.user_id}>
                      <td>
                        <input
                          type="checkbox"
                          name="userId"
                          value={p.user_id}
                          id={`person-${p.user_id}`}
                          aria-label={t("events.admin.selectPerson", { name: p.display_name })}
                        />
                      </td>
                      <td>
                        <label htmlFor={`person-${p.user_id}`}>
                          {p.display_name} <span className="muted">@{p.username}</span>
                        </label>
                      </td>
                      <td>{p.rsvp ? t("events.admin.yes") : t("events.admin.no")}</td>
                      <td>{p.source ? t(`events.admin.source.${p.source}`) : t("events.admin.no")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : (
            <p>{t("events.admin.nobody")}</p>
          )}
          <Field
            label={t("events.admin.walkIns")}
            name="usernames"
            type="text"
            defaultValue={res?.values?.usernames}
            error={res?.fields?.usernames}
            errorValues={res?.errorValues}
            hint={t("events.admin.walkInsHint")}
          />
          <div className="button-row">
            <button type="submit" name="intent" value="attended">
              {t("events.admin.markAttended")}
            </button>
            <button type="submit" name="intent" value="absent">
              {t("events.admin.markAbsent")}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="edit" className="card">
        <h2 id="edit">{t("events.admin.editTitle")}</h2>
        <FormError message={err("save")} values={{ count: res?.count, ...(res?.errorValues ?? {}) }} />
        <EventForm
          values={res?.intent === "save" ? (res.values ?? values) : values}
          fields={res?.intent === "save" ? (res.fields ?? {}) : {}}
          webinars={webinars}
          kinds={EVENT_KINDS}
          submitLabel={t("events.admin.save")}
          publishChoice={false}
        />
        <p className="muted">{t("events.admin.yourTimeZone", { zone: timeZone })}</p>
      </section>
    </div>
  );
}
