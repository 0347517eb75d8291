// Events staff publish and what members send about them (browser-safe). Messages are i18n keys.
import { z } from "zod";
import { dateTimeFormat } from "../../intl";

export const EVENT_KINDS = ["webinar", "conference", "meetup", "training"] as const;

const text = (max: number, key: string) => z.string({ error: key }).trim().max(max, key);
const optionalText = (max: number, key: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z.string().max(max, key).optional(),
  );
const localTime = (key: string) =>
  z
    .string({ error: key })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, key);

export const isTimeZone = (tz: string) => {
  try {
    dateTimeFormat("en", { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
};

export const EventSchema = z
  .object({
    kind: z.enum(EVENT_KINDS, { error: "events.errors.kind" }),
    webinar: optionalText(100, "events.errors.webinar"),
    title: text(200, "events.errors.title").min(3, "events.errors.title"),
    description: text(10_000, "events.errors.description").default(""),
    // French beside the English: empty means "not translated", French readers see the English
    title_fr: text(200, "events.errors.titleFr")
      .refine((s) => s === "" || s.length >= 3, "events.errors.titleFr")
      .default("")
      .transform((s) => s || null),
    description_fr: text(10_000, "events.errors.description")
      .default("")
      .transform((s) => s || null),
    startsAt: localTime("events.errors.startsAt"),
    endsAt: localTime("events.errors.endsAt"),
    timeZone: text(64, "events.errors.timeZone").refine(isTimeZone, "events.errors.timeZone"),
    onlineUrl: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
      z
        .url({ protocol: /^https?$/, error: "events.errors.onlineUrl" })
        .max(2000, "events.errors.onlineUrl")
        .optional(),
    ),
    place: optionalText(300, "events.errors.place"),
    capacity: z.preprocess(
      (v) => (v === "" || v == null ? undefined : v),
      z.coerce
        .number({ error: "events.errors.capacity" })
        .int("events.errors.capacity")
        .min(1, "events.errors.capacity")
        .max(100_000, "events.errors.capacity")
        .optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (!v.onlineUrl && !v.place) ctx.addIssue({ code: "custom", path: ["place"], message: "events.errors.where" });
    if (v.kind === "webinar" && !v.webinar)
      ctx.addIssue({ code: "custom", path: ["webinar"], message: "events.errors.webinar" });
    if (v.endsAt <= v.startsAt)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "events.errors.endsBeforeStart" });
  });
export type EventInput = z.infer<typeof EventSchema>;

export const CheckinSchema = z.object({
  code: z
    .string({ error: "events.errors.code" })
    .trim()
    .transform((s) => s.toUpperCase().replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^[A-Z0-9]{4,12}$/, "events.errors.code")),
});

export const CodeWindowSchema = z.object({
  minutes: z.coerce
    .number({ error: "events.errors.minutes" })
    .int("events.errors.minutes")
    .min(1, "events.errors.minutes")
    .max(240, "events.errors.minutes"),
});
