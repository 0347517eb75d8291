// When an event happens, in the event's own time zone (named), e.g. "Tue 1 December 2026, 10:00–11:30 WAT".
import { useTranslation } from "~/use-translation";
import { dateTimeFormat } from "../intl";
import { intlLocale } from "../locale";

export function useEventWhen() {
  const { i18n } = useTranslation();
  return (startsAt: Date | string, endsAt: Date | string, timeZone: string) => {
    const start = new Date(startsAt);
    const end = new Date(endsAt);
    let zone = timeZone;
    try {
      dateTimeFormat("en", { timeZone: zone });
    } catch {
      zone = "UTC";
    }
    const day = dateTimeFormat(intlLocale(i18n.language), {
      weekday: "short",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: zone,
    });
    const time = dateTimeFormat(intlLocale(i18n.language), { hour: "2-digit", minute: "2-digit", timeZone: zone });
    const zoneName =
      dateTimeFormat(intlLocale(i18n.language), { timeZone: zone, timeZoneName: "short" })
        .formatToParts(start)
        .find((p) => p.type === "timeZoneName")?.value ?? zone;
    const sameDay = day.format(start) === day.format(end);
    return sameDay
      ? `${day.format(start)}, ${time.format(start)}–${time.format(end)} ${zoneName}`
      : `${day.format(start)} ${time.format(start)} – ${day.format(end)} ${time.format(end)} ${zoneName}`;
  };
}

/** A moment in the viewer's time zone, with the zone named. */
export function useMoment() {
  const { i18n } = useTranslation();
  return (at: Date | string, timeZone: string) => {
    let zone = timeZone;
    try {
      dateTimeFormat("en", { timeZone: zone });
    } catch {
      zone = "UTC";
    }
    return dateTimeFormat(intlLocale(i18n.language), {
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: zone,
      timeZoneName: "short",
    }).format(new Date(at));
  };
}
