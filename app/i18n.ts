// One i18next instance per request (server) or per page (browser), built synchronously from
// bundled resources so the first render is already translated.
import i18next, { type i18n } from "i18next";
import en from "./locales/en";
import fr from "./locales/fr";

import { defaultLocale, intlLocale, type Locale } from "./locale";
import { dateTimeFormat, numberFormat } from "./intl";

export {
  defaultLocale,
  intlLocale,
  isLocale,
  pickLocale,
  requestLocale,
  supportedLocales,
  type Locale,
} from "./locale";

type Tree = { [key: string]: string | Tree };

/** i18next looks for every plural category of the language (French has "many", for 1 000 000 and up):
 * a category the translators did not write reads the "_other" form rather than falling back to English. */
export function completePlurals<T extends Tree>(tree: T, locale: string): T {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const out: Tree = {};
  for (const [key, value] of Object.entries(tree)) {
    out[key] = typeof value === "string" ? value : completePlurals(value, locale);
    const base = key.endsWith("_other") ? key.slice(0, -"_other".length) : null;
    if (base === null || typeof value !== "string") continue;
    for (const category of categories) if (!(`${base}_${category}` in tree)) out[`${base}_${category}`] = value;
  }
  return out as T;
}

export const resources = {
  en: { translation: completePlurals(en, "en") },
  fr: { translation: completePlurals(fr, "fr") },
};

type Format = (
  value: unknown,
  format: string | undefined,
  lng: string | undefined,
  options: Record<string, unknown>,
) => unknown;

export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: defaultLocale,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false, alwaysFormat: true }, // React escapes
    returnNull: false,
  });
  // {{x, datetime}} and {{x, number}}: British English (day before month), not the US defaults of "en"
  instance.services.formatter?.add("datetime", (value, lng, options) =>
    dateTimeFormat(intlLocale(lng), options as Intl.DateTimeFormatOptions).format(value as Date),
  );
  instance.services.formatter?.add("number", (value, lng, options) =>
    numberFormat(intlLocale(lng), options as Intl.NumberFormatOptions).format(value as number),
  );
  // Counts read the way the language writes numbers ("1 234" in French, "1,234" in English). Only
  // {{count}}: other numbers in messages are years, post numbers or levels, written as they are.
  const interpolator = instance.services.interpolator as unknown as { format: Format };
  const base = interpolator.format;
  interpolator.format = (value, format, lng, options) => {
    if (format !== undefined || typeof value !== "number" || options?.interpolationkey !== "count")
      return base(value, format, lng, options);
    const tag = intlLocale(lng);
    return numberFormat(tag).format(value);
  };
  return instance;
}

// One instance per language, shared by every render: building one costs about 2 ms.
const shared = new Map<Locale, i18n>();
export function sharedI18n(locale: Locale): i18n {
  let instance = shared.get(locale);
  if (!instance) shared.set(locale, (instance = createI18n(locale)));
  return instance;
}
