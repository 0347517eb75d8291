// Events as iCalendar (RFC 5545) and RSS: one .ics per event, and feeds of upcoming published
// events. Times are written in UTC ("Z"), so no VTIMEZONE is needed; every TEXT value is escaped
// (backslash, semicolon, comma, newline), lines end in CRLF and are folded at 75 octets.
// The subscribed feed and RSS are fetched without a session: an online event's joining link is left
// out, so it cannot spread beyond the community; one event's .ics downloaded by a member carries it.
// SEQUENCE follows the event's counter, so calendars replace their copy when it changes.
import type { TFunction } from "i18next";
import type { Feed } from "../forum/feed.server";
import { localized } from "../shared/localized";

export type CalendarEvent = {
  id: number;
  title: string;
  description_markdown: string;
  /** French beside the English; null: not translated (the English is shown) */
  title_fr?: string | null;
  description_markdown_fr?: string | null;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  place: string | null;
  status: "draft" | "published" | "cancelled";
  updated_at: Date;
  sequence: number;
  /** present only where the viewer may have it (getEvent decides) */
  online_url?: string | null;
  /** another kind of appointment (a portfolio interview): its own UID stem and page */
  uid?: string;
  url?: string;
};

// Control characters other than tab and newline are not allowed in iCalendar text.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** A TEXT value (RFC 5545 3.3.11). */
export function icsText(s: string): string {
  return s
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/** A DATE-TIME in UTC: 20261201T090000Z. */
export const icsDate = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, "utf8");
    const limit = out.length ? 74 : 75; // continuation lines start with a space
    if (octets + n > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join("\r\n ");
}

type Words = { lang: string; online: string };

function vevent(e: CalendarEvent, origin: string, host: string, joinLink: boolean, words: Words): string[] {
  const url = e.url ?? `${origin}/events/${e.id}`;
  const join = joinLink && e.online_url ? e.online_url : null;
  const text = localized(e, "description_markdown", words.lang);
  const description = [text.trim(), join, url].filter(Boolean).join("\n\n");
  return [
    "BEGIN:VEVENT",
    `UID:${e.uid ?? `event-${e.id}`}@${host}`,
    `DTSTAMP:${icsDate(e.updated_at)}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTART:${icsDate(e.starts_at)}`,
    `DTEND:${icsDate(e.ends_at)}`,
    `SUMMARY:${icsText(localized(e, "title", words.lang))}`,
    `DESCRIPTION:${icsText(description)}`,
    `LOCATION:${icsText(e.place ?? words.online)}`,
    `URL:${url}`,
    // RFC 7986: the joining link, which calendar apps show as a "Join" button
    ...(join ? [`CONFERENCE;VALUE=URI;FEATURE=VIDEO:${join.replace(/[\r\n]/g, "")}`] : []),
    `STATUS:${e.status === "cancelled" ? "CANCELLED" : "CONFIRMED"}`,
    // the event's own time zone, for clients that show it (times above are UTC)
    `X-TOUCHPOINTS-TZID:${icsText(e.time_zone)}`,
    "END:VEVENT",
  ];
}

/**
 * `joinLink` only for a viewer entitled to the joining link (a member downloading one event); titles
 * and descriptions in `lang`, `online` the LOCATION of an event without a place.
 */
export function renderIcs(
  events: CalendarEvent[],
  {
    origin,
    name,
    joinLink = false,
    lang = "en",
    online = "Online",
  }: { origin: string; name: string; joinLink?: boolean; lang?: string; online?: string },
): string {
  const host = new URL(origin).host;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Touchpoints//Events//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icsText(name)}`,
    ...events.flatMap((e) => vevent(e, origin, host, joinLink, { lang, online })),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

export const ICS_HEADERS = {
  "Content-Type": "text/calendar; charset=utf-8",
  "Cache-Control": "public, max-age=60",
  // titles in the asker's language
  Vary: "Accept-Language",
};
/** A calendar carrying a joining link is personal: no shared cache may keep it. */
export const PRIVATE_ICS_HEADERS = {
  ...ICS_HEADERS,
  "Cache-Control": "private, no-store",
  Vary: "Cookie, Accept-Language",
};

/** Upcoming events as an RSS feed (rendered by feed.server's renderRss), in `lang`. */
export function eventsFeed(
  events: CalendarEvent[],
  { t, when, lang }: { t: TFunction; when: (e: CalendarEvent) => string; lang: string },
): Feed {
  return {
    title: t("events.feed.title"),
    description: t("events.feed.description"),
    path: "/events",
    feedPath: "/events.rss",
    items: events.map((e) => ({
      title: localized(e, "title", lang),
      path: `/events/${e.id}`,
      author: null,
      publishedAt: e.updated_at,
      text: [when(e), e.place ?? t("events.online"), localized(e, "description_markdown", lang).slice(0, 400)]
        .filter(Boolean)
        .join(" · "),
    })),
  };
}
