// A `datetime-local` field holds a wall-clock time with no zone: read and write it in the
// member's own time zone (browser-safe, no library needed).
import { dateTimeFormat } from "../../intl";

const pad = (n: number) => String(n).padStart(2, "0");

function partsIn(date: Date, timeZone: string) {
  const f = dateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  const p = Object.fromEntries(f.formatToParts(date).map((x) => [x.type, x.value]));
  return {
    y: Number(p.year),
    mo: Number(p.month),
    d: Number(p.day),
    h: Number(p.hour),
    mi: Number(p.minute),
    s: Number(p.second),
  };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
function offsetAt(date: Date, timeZone: string) {
  const p = partsIn(date, timeZone);
  return Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - Math.floor(date.getTime() / 1000) * 1000;
}

/** "2026-12-01T09:00" in `timeZone` -> the instant; undefined when the text is not such a time. */
export function localInputToDate(value: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  let zone = "UTC";
  try {
    dateTimeFormat("en", { timeZone });
    zone = timeZone;
  } catch {
    /* unknown zone: UTC */
  }
  // Two passes settle the offset across a daylight-saving change.
  let t = wall - offsetAt(new Date(wall), zone);
  t = wall - offsetAt(new Date(t), zone);
  const out = new Date(t);
  return Number.isNaN(out.getTime()) ? undefined : out;
}

/** The instant as a `datetime-local` value in `timeZone`. */
export function dateToLocalInput(date: Date, timeZone: string): string {
  let p;
  try {
    p = partsIn(date, timeZone);
  } catch {
    p = partsIn(date, "UTC");
  }
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}`;
}
