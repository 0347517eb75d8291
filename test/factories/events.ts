// Events for tests: datetime-local values in UTC and a published meet-up made through the model.
import { EventSchema } from "~/models/events/event.schema";
import { createEvent } from "~/models/events/event.server";

const pad = (n: number) => String(n).padStart(2, "0");
/** A `datetime-local` value of the instant, read in UTC. */
export const localInputUtc = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
  `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

/** A `datetime-local` value in UTC, `hours` from now (negative: in the past). */
export const inHours = (hours: number) => localInputUtc(new Date(Date.now() + hours * 3_600_000));

/** A meet-up's parsed form in UTC, tomorrow for two hours unless `fields` (the staff form's) say otherwise. */
export const eventInput = (fields: Record<string, string> = {}) =>
  EventSchema.parse({
    kind: "meetup",
    title: "Lagos CX meet-up",
    startsAt: inHours(24),
    endsAt: inHours(26),
    timeZone: "UTC",
    place: "Yaba, Lagos",
    ...fields,
  });

/** A published meet-up (see eventInput). */
export async function publishEvent(staffId: number, fields: Record<string, string> = {}) {
  const r = await createEvent({ staffId, input: eventInput(fields), publish: true });
  if (!r.ok) throw new Error(r.message);
  return r.id;
}
