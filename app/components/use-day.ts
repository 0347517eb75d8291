import { useTranslation } from "~/use-translation";
import { useRootData } from "~/web/root-data";
import { formatDay } from "../intl";
import { intlLocale } from "../locale";

/**
 * Days in the page's language ("6 déc. 2026", or "6 décembre 2026" with `month = "long"`): 'YYYY-MM-DD'
 * as that calendar day (no time zone shift), an instant as the day it was in the viewer's time zone.
 */
export function useDay(month: "short" | "long" = "short") {
  const { i18n } = useTranslation();
  const timeZone = useRootData()?.viewer?.timeZone;
  return (d: string | Date | undefined | null, withYear = true) =>
    formatDay(d, intlLocale(i18n.language), { timeZone, withYear, month });
}
