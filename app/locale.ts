// Which language a request is answered in, without i18next (the launcher's "starting up" page uses it too):
// the member's setting, else the visitor's choice from the footer switch (a cookie), else the
// browser's Accept-Language, else English.
export const supportedLocales = ["en", "fr"] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = "en";

/** Each language's own name for itself (shown as is in every language, with its lang attribute). */
export const localeNames: Record<Locale, string> = { en: "English", fr: "Français" };

/** The visitor's choice from the language switch; members' choice is users.locale. */
export const LOCALE_COOKIE = "tp_lang";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}

/** The member's setting wins; else the best match from Accept-Language; else English. */
export function pickLocale(setting: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(setting)) return setting;
  const wanted = (acceptLanguage ?? "")
    .slice(0, 500)
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { lang: tag.toLowerCase().split("-")[0], q: q ? Number(q) : 1 };
    })
    .filter((x) => x.lang && !Number.isNaN(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const w of wanted) if (isLocale(w.lang)) return w.lang;
  return defaultLocale;
}

/** The language chosen with the switch, from a Cookie header. */
export function cookieLocale(cookieHeader: string | null | undefined): Locale | null {
  const m = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([a-z]{2})(?:;|$)`).exec(cookieHeader ?? "");
  return m && isLocale(m[1]) ? m[1] : null;
}

/** The language of a response: member's setting, else the switch's cookie, else Accept-Language. */
export function localeFor(
  headers: { cookie?: string | null; acceptLanguage?: string | null },
  setting?: string | null,
): Locale {
  return pickLocale(isLocale(setting) ? setting : cookieLocale(headers.cookie), headers.acceptLanguage);
}

export function requestLocale(request: Request, setting?: string | null): Locale {
  return localeFor(
    { cookie: request.headers.get("Cookie"), acceptLanguage: request.headers.get("Accept-Language") },
    setting,
  );
}

/** The Set-Cookie header remembering a visitor's choice for a year. */
export function localeCookie(locale: Locale, secure: boolean): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** BCP 47 tags for Intl: dates and numbers the way each language writes them. */
export function intlLocale(locale: string | null | undefined): string {
  return locale === "fr" ? "fr-FR" : "en-GB";
}
