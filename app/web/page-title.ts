// <title> in the page's language: route meta functions run outside React, so they read the
// language from the root loader's data.
import { sharedI18n, isLocale, defaultLocale } from "../i18n";

type Match = { id: string; data: unknown };

export function pageLocale(matches: Match[]) {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined)?.locale;
  return isLocale(locale) ? locale : defaultLocale;
}

/** "Your progress · Touchpoints" / "Votre progression · Touchpoints". */
export function pageTitle(matches: Match[], key: string, values?: Record<string, unknown>): string {
  return `${sharedI18n(pageLocale(matches)).t(key, values)} · Touchpoints`;
}
