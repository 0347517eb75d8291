import { useTranslation } from "react-i18next";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 31_536_000],
  ["month", 2_592_000],
  ["week", 604_800],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

/** "3 hours ago", with the exact date in the title and a machine-readable datetime. */
export function RelativeTime({ date }: { date: string | Date }) {
  const { i18n } = useTranslation();
  const d = new Date(date);
  const seconds = Math.round((d.getTime() - Date.now()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(i18n.language, { numeric: "auto", style: "short" });
  let text = rtf.format(0, "minute");
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      text = rtf.format(Math.trunc(seconds / size), unit);
      break;
    }
  }
  return (
    <time dateTime={d.toISOString()} title={d.toUTCString()} suppressHydrationWarning>
      {text}
    </time>
  );
}
