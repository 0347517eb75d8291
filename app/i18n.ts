// One i18next instance per request (server) or per page (browser), built synchronously from
// bundled resources so the first render is already translated.
import i18next, { type i18n } from "i18next";
import en from "./locales/en";

export const supportedLocales = ["en"] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = "en";

export const resources = { en: { translation: en } };

export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: defaultLocale,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return instance;
}

/** The member's setting wins; else the best match from Accept-Language; else English. */
export function pickLocale(setting: string | null | undefined, acceptLanguage: string | null): Locale {
  const ok = (l: string | null | undefined): l is Locale => !!l && (supportedLocales as readonly string[]).includes(l);
  if (ok(setting)) return setting;
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { lang: tag.toLowerCase().split("-")[0], q: q ? Number(q) : 1 };
    })
    .filter((x) => x.lang && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q);
  for (const w of wanted) if (ok(w.lang)) return w.lang;
  return defaultLocale;
}

// One instance per language, shared by every render: building one costs about 2 ms.
const shared = new Map<Locale, i18n>();
export function sharedI18n(locale: Locale): i18n {
  let instance = shared.get(locale);
  if (!instance) shared.set(locale, (instance = createI18n(locale)));
  return instance;
}
