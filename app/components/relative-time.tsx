import { useTranslation } from "../use-translation";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 31_536_000],
  ["month", 2_592_000],
  ["week", 604_800],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

// Intl formatters cost ~40 µs to build: one per language. Formatting costs a few µs each, and a
// page shows dozens of dates that fall on a handful of phrases ("4 days ago"): each phrase is
// formatted once per language.
const formatters = new Map<string, Intl.RelativeTimeFormat>();
const phrases = new Map<string, string>();
function phrase(lang: string, value: number, unit: Intl.RelativeTimeFormatUnit) {
  const key = `${lang}|${value}|${unit}`;
  let text = phrases.get(key);
  if (text === undefined) {
    let f = formatters.get(lang);
    if (!f) formatters.set(lang, (f = new Intl.RelativeTimeFormat(lang, { numeric: "auto", style: "short" })));
    text = f.format(value, unit);
    if (phrases.size >= 5_000) phrases.clear();
    phrases.set(key, text);
  }
  return text;
}

/** The phrase ("3 hr. ago"), the machine-readable instant and the exact date of a moment. */
export function relativeTime(date: string | Date, lang: string): { text: string; iso: string; exact: string } {
  const d = new Date(date);
  const seconds = Math.round((d.getTime() - Date.now()) / 1000);
  let text: string | undefined;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      text = phrase(lang, Math.trunc(seconds / size), unit);
      break;
    }
  }
  return { text: text ?? phrase(lang, 0, "minute"), iso: d.toISOString(), exact: d.toUTCString() };
}

/** "3 hours ago", with the exact date in the title and a machine-readable datetime. */
export function RelativeTime({ date }: { date: string | Date }) {
  const { i18n } = useTranslation();
  const { text, iso, exact } = relativeTime(date, i18n.language);
  return (
    <time dateTime={iso} title={exact} suppressHydrationWarning>
      {text}
    </time>
  );
}
