// /events/:id: one event. Members RSVP (within capacity) or cancel, and check in with the code
// shown during the event; anyone may add it to a calendar (.ics).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { PageHandle } from "~/web/enhance";
import { Field, FormError } from "~/components/field";
import { useEventWhen } from "~/components/event-when";
import { notFound, readForm, positiveId } from "~/web/http.server";
import { CheckinSchema } from "~/models/events/event.schema";
import { getEvent } from "~/models/events/event.server";
import { cancelRsvp, joinWaitlist, leaveWaitlist, rsvpToEvent } from "~/models/events/event-seats.server";
import { checkInToEvent } from "~/models/events/event-attendance.server";
import { parseForm } from "~/models/shared/forms.server";
import { canManageEvents, canRsvp, scopeOf } from "~/models/permissions.server";
import { useTranslation } from "~/use-translation";
import { getViewer, requireViewer } from "~/viewer.server";
import { requestLocale } from "~/locale";
import { localized } from "~/models/shared/localized";

export const handle: PageHandle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.event.title ?? "Event"} · Touchpoints` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const scope = scopeOf(viewer);
  const lang = requestLocale(request, viewer?.locale);
  const event = await getEvent({ scope, id: positiveId(params.id) ?? 0 });
  if (!event) notFound();
  // the model keeps the joining link for members; the page shows the reader's language only
  const {
    description_markdown: _m,
    description_markdown_fr: _mf,
    title_fr: _tf,
    description_html_fr: _hf,
    ...shown
  } = event;
  return {
    event: {
      ...shown,
      title: localized(event, "title", lang),
      description_html: localized(event, "description_html", lang),
    },
    signedIn: !!viewer,
    mayRsvp: canRsvp(scope),
    staff: canManageEvents(scope),
    over: event.ends_at <= new Date(),
    started: event.starts_at.getTime() - 30 * 60_000 <= Date.now(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const eventId = positiveId(params.id) ?? 0;
  const form = await readForm(request);
  if (form.intent === "rsvp") {
    const r = await rsvpToEvent({ scope, eventId });
    if (!r.ok)
      return data(
        { intent: "rsvp", message: r.message, values: r.values ?? {}, fields: {} as Record<string, string>, code: "" },
        { status: r.status },
      );
    return redirect(`/events/${eventId}?done=rsvp`);
  }
  if (form.intent === "waitlist") {
    const r = await joinWaitlist({ scope, eventId });
    if (!r.ok)
      return data(
        { intent: "rsvp", message: r.message, values: r.values ?? {}, fields: {} as Record<string, string>, code: "" },
        { status: r.status },
      );
    return redirect(`/events/${eventId}?done=waitlist`);
  }
  if (form.intent === "leave-waitlist") {
    await leaveWaitlist({ userId: viewer.id, eventId });
    return redirect(`/events/${eventId}`);
  }
  if (form.intent === "cancel") {
    await cancelRsvp({ userId: viewer.id, eventId });
    return redirect(`/events/${eventId}?done=cancelled`);
  }
  if (form.intent === "checkin") {
    const parsed = parseForm(CheckinSchema, form);
    if (!parsed.ok)
      return data(
        { intent: "checkin", message: "events.errors.code", values: {}, fields: parsed.fields, code: form.code ?? "" },
        { status: 400 },
      );
    const r = await checkInToEvent({ scope, eventId, code: parsed.data.code });
    if (!r.ok)
      return data(
        {
          intent: "checkin",
          message: r.message,
          values: r.values ?? {},
          fields: (r.fields ?? {}) as Record<string, string>,
          code: form.code ?? "",
        },
        { status: r.status },
      );
    return redirect(`/events/${eventId}?done=checkin`);
  }
  return data(
    { intent: "", message: "events.errors.unknownAction", values: {}, fields: {} as Record<string, string>, code: "" },
    { status: 400 },
  );
}

export default function EventPage() {
  const { t } = useTranslation();
  const when = useEventWhen();
  const { event: e, signedIn, mayRsvp, staff, over, started } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const full = e.capacity !== null && e.rsvp_count >= e.capacity;
  return (
    <article>
      <p>
        <Link to="/events">{t("events.back")}</Link>
        {staff ? (
          <>
            {" · "}
            <Link to={`/admin/events/${e.id}`}>{t("events.manageThis")}</Link>
          </>
        ) : null}
      </p>
      <h1>{e.title}</h1>
      {e.status === "cancelled" ? (
        <p className="form-error" role="status">
          {t("events.cancelledNotice")}
        </p>
      ) : null}
      {e.status === "draft" ? <p className="notice">{t("events.draftNotice")}</p> : null}
      {done ? (
        <p className="notice" role="status">
          {t(`events.done.${done === "rsvp" || done === "checkin" || done === "waitlist" ? done : "cancelled"}`)}
        </p>
      ) : null}
      <dl>
        <dt>{t("events.fields.kind")}</dt>
        <dd>{t(`events.kinds.${e.kind}`)}</dd>
        <dt>{t("events.fields.when")}</dt>
        <dd>{when(e.starts_at, e.ends_at, e.time_zone)}</dd>
        <dt>{t("events.fields.where")}</dt>
        <dd>
          {e.place ? <span>{e.place}</span> : null}
          {e.place && e.online ? " · " : null}
          {e.online_url ? (
            <a href={e.online_url} rel="nofollow noopener noreferrer">
              {t("events.joinOnline")}
            </a>
          ) : e.online ? (
            <span>{t("events.onlineMembersOnly")}</span>
          ) : null}
        </dd>
        {e.capacity ? (
          <>
            <dt>{t("events.fields.capacity")}</dt>
            <dd>{t("events.capacityLine", { count: e.rsvp_count, capacity: e.capacity })}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={`/events/${e.id}.ics`}>{t("events.addToCalendar")}</a>
      </p>
      {e.description_html ? <div className="prose" dangerouslySetInnerHTML={{ __html: e.description_html }} /> : null}

      {e.status === "published" && !over ? (
        <section aria-labelledby="rsvp-heading" className="card">
          <h2 id="rsvp-heading">{t("events.rsvpTitle")}</h2>
          {!signedIn ? (
            <p>
              <Link to={`/login?redirectTo=/events/${e.id}`}>{t("events.signInToRsvp")}</Link>
            </p>
          ) : !mayRsvp ? (
            <p>{t("events.errors.membersOnly")}</p>
          ) : e.going ? (
            <Form method="post">
              <p>{t("events.going")}</p>
              <input type="hidden" name="intent" value="cancel" />
              <button type="submit">{t("events.cancelRsvp")}</button>
            </Form>
          ) : e.waitlistPosition !== null ? (
            <Form method="post">
              <p>{t("events.waiting", { position: e.waitlistPosition })}</p>
              <input type="hidden" name="intent" value="leave-waitlist" />
              <button type="submit">{t("events.leaveWaitlist")}</button>
            </Form>
          ) : (
            <Form method="post">
              <FormError message={res?.intent === "rsvp" ? res.message : null} values={res?.values} />
              {full ? <p>{t("events.errors.full", { capacity: e.capacity })}</p> : null}
              {/* a full event offers its waitlist instead of a disabled RSVP */}
              <input type="hidden" name="intent" value={full ? "waitlist" : "rsvp"} />
              <button type="submit">{full ? t("events.joinWaitlist") : t("events.rsvp")}</button>
            </Form>
          )}
        </section>
      ) : null}

      {e.status === "published" && signedIn && mayRsvp && started ? (
        <section aria-labelledby="checkin-heading" className="card">
          <h2 id="checkin-heading">{t("events.checkinTitle")}</h2>
          {/* said once: beside the field when the form is shown, above it otherwise */}
          <FormError
            message={res?.intent === "checkin" && (e.attended || !res.fields?.code) ? res.message : null}
            values={res?.values}
          />
          {e.attended ? (
            <p>{t("events.attended")}</p>
          ) : (
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="checkin" />
              <Field
                label={t("events.codeLabel")}
                name="code"
                type="text"
                autoComplete="off"
                defaultValue={res?.code}
                error={res?.fields?.code}
                hint={t("events.codeHint")}
                required
              />
              <div>
                <button type="submit">{t("events.checkin")}</button>
              </div>
            </Form>
          )}
        </section>
      ) : null}
    </article>
  );
}
