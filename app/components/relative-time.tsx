import { useTranslation } from "../use-translation";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 31_536_000],
  ["month", 2_592_000],
  ["week", 604_800],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

// Intl formatters cost ~40 µs to build: one per language.
const formatters = new Map<string, Intl.RelativeTimeFormat>();
function formatter(lang: string) {
  let f = formatters.get(lang);
  if (!f) formatters.set(lang, (f = new Intl.RelativeTimeFormat(lang, { numeric: "auto", style: "short" })));
  return f;
}

/** "3 hours ago", with the exact date in the title and a machine-readable datetime. */
export function RelativeTime({ date }: { date: string | Date }) {
  const { i18n } = useTranslation();
  const d = new Date(date);
  const seconds = Math.round((d.getTime() - Date.now()) / 1000);
  const rtf = formatter(i18n.language);
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
