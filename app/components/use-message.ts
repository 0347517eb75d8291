import { useTranslation } from "~/use-translation";
import { useRootData } from "~/web/root-data";

/**
 * Turns a model's refusal (an i18n key and its values) into a sentence; an `until` value is shown as
 * a date and time in the member's time zone ("you can post again at 23 Nov 2026, 14:05").
 */
export function useMessage() {
  const { t } = useTranslation();
  const timeZone = useRootData()?.viewer?.timeZone ?? "UTC";
  return (key: string | null | undefined, values?: Record<string, unknown> | null): string | null => {
    if (!key) return null;
    const v: Record<string, unknown> = { ...(values ?? {}) };
    if (typeof v.until === "string") v.until = new Date(v.until);
    return t(key, { ...v, formatParams: { until: { dateStyle: "medium", timeStyle: "short", timeZone } } });
  };
}
