import { useTranslation } from "~/use-translation";
import { dateTimeFormat } from "../intl";
import { intlLocale } from "../locale";

/** A cohort's calendar days in the reader's language ("1 March 2026 to 31 May 2026"). */
export function CohortDates({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation();
  // the days are calendar dates, not instants: read them in UTC so no time zone shifts them
  const day = dateTimeFormat(intlLocale(i18n.language), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const show = (ymd: string) => {
    const d = new Date(`${ymd}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? ymd : day.format(d);
  };
  return <>{t("groups.cohort", { from: show(from), to: show(to) })}</>;
}
