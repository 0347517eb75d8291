// Events staff publish (programme webinars, conferences, meet-ups, trainings): writing, publishing and
// listing them, and one event as a viewer may see it. Taking part is in event-seats.server.ts (RSVPs
// within a capacity, the waitlist) and event-attendance.server.ts (attendance, check-in codes).
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { canManageEvents, canRsvp, type Scope } from "../permissions.server";
import { recordAudit } from "../moderation/audit.server";
import type { EventInput } from "./event.schema";
import { localInputToDate } from "../shared/local-time";
import { renderMarkdownField } from "../forum/render.server";
import { fail, ok, type Result } from "../shared/result";
import { lockEvent, promoteFromWaitlist, waitlistPosition } from "./event-seats.server";

export type EventStatus = "draft" | "published" | "cancelled";

const EVENT_COLUMNS = [
  "e.id",
  "e.kind",
  "e.webinar",
  "e.title",
  "e.title_fr",
  "e.description_markdown",
  "e.description_html",
  "e.description_markdown_fr",
  "e.description_html_fr",
  "e.starts_at",
  "e.ends_at",
  "e.time_zone",
  "e.online_url",
  "e.place",
  "e.capacity",
  "e.status",
  "e.updated_at",
  "e.sequence",
] as const;

/**
 * The joining link of an online event, for those who may take part (members and staff) and no one
 * else: a public link invites strangers into the room. `online` says there is one either way.
 */
const joiningLink = (scope: Scope) =>
  canRsvp(scope) ? sql<string | null>`e.online_url`.as("online_url") : sql<null>`null`.as("online_url");
const isOnline = sql<boolean>`e.online_url is not null`.as("online");
const rsvpCount = sql<number>`(select count(*)::int from event_rsvps r where r.event_id = e.id)`.as("rsvp_count");
/** What lists and feeds show of an event: EVENT_COLUMNS without the joining link. */
type EventColumn = (typeof EVENT_COLUMNS)[number];
const LISTED_COLUMNS = EVENT_COLUMNS.filter((c): c is Exclude<EventColumn, "e.online_url"> => c !== "e.online_url");

export const listWebinarCatalogue = () =>
  db.selectFrom("webinars").select(["slug", "title", "title_fr", "level"]).orderBy("level").execute();

/** The event's row from the form: its descriptions (English and French) rendered, its times read in its time zone. */
async function prepareEvent(input: EventInput) {
  const description = await renderMarkdownField(input.description ?? "", "description");
  if (!description.ok) return description;
  const descriptionFr = await renderMarkdownField(input.description_fr ?? "", "description_fr");
  if (!descriptionFr.ok) return descriptionFr;
  const starts = localInputToDate(input.startsAt, input.timeZone);
  const ends = localInputToDate(input.endsAt, input.timeZone);
  if (!starts) return fail(400, "events.errors.startsAt", { startsAt: "events.errors.startsAt" });
  if (!ends) return fail(400, "events.errors.endsAt", { endsAt: "events.errors.endsAt" });
  return ok({
    row: {
      starts_at: starts,
      ends_at: ends,
      kind: input.kind,
      webinar: input.kind === "webinar" ? (input.webinar ?? null) : null,
      title: input.title,
      title_fr: input.title_fr,
      description_markdown: input.description,
      description_html: description.html,
      description_markdown_fr: input.description_fr,
      description_html_fr: input.description_fr ? descriptionFr.html : null,
      time_zone: input.timeZone,
      online_url: input.onlineUrl ?? null,
      place: input.place ?? null,
      capacity: input.capacity ?? null,
    },
  });
}

type EventRow = Extract<Awaited<ReturnType<typeof prepareEvent>>, { ok: true }>["row"];

/** Staff write an event: the form prepared, then one transaction that checks its webinar and runs `write`. */
async function writeEvent(
  input: EventInput,
  write: (trx: Db, row: EventRow) => Promise<Result<{ id: number }>>,
): Promise<Result<{ id: number }>> {
  const prepared = await prepareEvent(input);
  if (!prepared.ok) return prepared;
  const { row } = prepared;
  return db.transaction().execute(async (trx) => {
    // a webinar event names a webinar of the catalogue
    if (
      row.webinar &&
      !(await trx.selectFrom("webinars").select("slug").where("slug", "=", row.webinar).executeTakeFirst())
    )
      return fail(400, "events.errors.webinar", { webinar: "events.errors.webinar" });
    return write(trx, row);
  });
}

/** Staff create an event, as a draft or published at once. */
export async function createEvent({
  staffId,
  input,
  publish,
}: {
  staffId: number;
  input: EventInput;
  publish: boolean;
}): Promise<Result<{ id: number }>> {
  return writeEvent(input, async (trx, row) => {
    const { id } = await trx
      .insertInto("events")
      .values({ ...row, status: publish ? "published" : "draft", created_by: staffId })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: staffId,
      action: "event.create",
      targetType: "event",
      targetId: id,
      after: {
        ...row,
        description_html: undefined,
        description_html_fr: undefined,
        status: publish ? "published" : "draft",
      },
    });
    return ok({ id });
  });
}

export async function updateEvent({
  staffId,
  id,
  input,
}: {
  staffId: number;
  id: number;
  input: EventInput;
}): Promise<Result<{ id: number }>> {
  return writeEvent(input, async (trx, row) => {
    const before = await trx
      .selectFrom("events as e")
      .select(EVENT_COLUMNS)
      .where("e.id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return fail(404, "events.errors.notFound");
    if (row.capacity !== null) {
      const { n } = await trx
        .selectFrom("event_rsvps")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("event_id", "=", id)
        .executeTakeFirstOrThrow();
      if (Number(n) > row.capacity)
        return fail(
          409,
          "events.errors.capacityBelowRsvps",
          { capacity: "events.errors.capacityBelowRsvps" },
          { count: Number(n) },
        );
    }
    // SEQUENCE goes up with every change so calendars replace their copy (RFC 5545 3.8.7.4)
    await trx
      .updateTable("events")
      .set({ ...row, updated_at: new Date(), sequence: sql`sequence + 1` })
      .where("id", "=", id)
      .execute();
    await promoteFromWaitlist(trx, id);
    const { description_html: _b, description_html_fr: _f, ...b } = before;
    await recordAudit(trx, {
      actorId: staffId,
      action: "event.update",
      targetType: "event",
      targetId: id,
      before: b,
      after: { ...row, description_html: undefined, description_html_fr: undefined },
    });
    return ok({ id });
  });
}

export async function setEventStatus({
  staffId,
  id,
  status,
}: {
  staffId: number;
  id: number;
  status: EventStatus;
}): Promise<Result<{ id: number }>> {
  return db.transaction().execute(async (trx) => {
    const before = await lockEvent(trx, id);
    if (!before) return fail(404, "events.errors.notFound");
    if (before.status === status) return ok({ id });
    await trx
      .updateTable("events")
      .set({ status, updated_at: new Date(), sequence: sql`sequence + 1` })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      actorId: staffId,
      action: `event.${status === "published" ? "publish" : status === "cancelled" ? "cancel" : "unpublish"}`,
      targetType: "event",
      targetId: id,
      before: { status: before.status },
      after: { status },
    });
    return ok({ id });
  });
}

/** One event as the viewer may see it: drafts only for staff, the joining link only for members and staff. */
export async function getEvent({ scope, id }: { scope: Scope; id: number }) {
  if (!Number.isSafeInteger(id) || id < 1) return undefined;
  const e = await db
    .selectFrom("events as e")
    .select(LISTED_COLUMNS)
    .select([joiningLink(scope), isOnline])
    .select(rsvpCount)
    .where("e.id", "=", id)
    .executeTakeFirst();
  if (!e || (e.status === "draft" && !canManageEvents(scope))) return undefined;
  const [mine, attended, waiting] = scope.userId
    ? await Promise.all([
        db
          .selectFrom("event_rsvps")
          .select("created_at")
          .where("event_id", "=", id)
          .where("user_id", "=", scope.userId)
          .executeTakeFirst(),
        db
          .selectFrom("event_attendance")
          .select(["source", "created_at"])
          .where("event_id", "=", id)
          .where("user_id", "=", scope.userId)
          .executeTakeFirst(),
        waitlistPosition(db, id, scope.userId),
      ])
    : [undefined, undefined, null];
  return {
    ...e,
    rsvp_count: Number(e.rsvp_count ?? 0),
    going: !!mine,
    attended: !!attended,
    waitlistPosition: waiting,
  };
}

/**
 * Published events that have not ended, soonest first (events page and feeds), as `scope` may see
 * them: feeds and calendars are fetched without a session, so they ask as a visitor.
 */
type UpcomingQuery = { scope: Scope; now?: Date; limit?: number };
export async function listUpcomingEvents({ scope, now = new Date(), limit = 100 }: UpcomingQuery) {
  return db
    .selectFrom("events as e")
    .select(LISTED_COLUMNS)
    .select([joiningLink(scope), isOnline])
    .select(rsvpCount)
    .where("e.status", "=", "published")
    .where("e.ends_at", ">", now)
    .orderBy("e.starts_at")
    .limit(limit)
    .execute();
}

/** Staff list: every event, newest start first. */
export async function listAllEvents({ limit = 200 }: { limit?: number } = {}) {
  return db
    .selectFrom("events as e")
    .select(EVENT_COLUMNS)
    .select(rsvpCount)
    .select(sql<number>`(select count(*)::int from event_attendance a where a.event_id = e.id)`.as("attendance_count"))
    .orderBy("e.starts_at", "desc")
    .limit(limit)
    .execute();
}
