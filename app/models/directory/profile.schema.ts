// The profile form (browser-safe): what a member may write about themself, checked field by field.
import { z } from "zod";

export const BIO_MAX = 600;
export const ACHIEVEMENTS_MAX = 10;
export const ACHIEVEMENT_MAX = 200;
export const LANGUAGES_MAX = 8;
export const PROFICIENCIES = ["emerging", "proficient", "advanced"] as const;
export type ProficiencyValue = (typeof PROFICIENCIES)[number];
export const VISIBILITIES = ["public", "members", "hidden"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Countries offered in forms: every African country first, then others members often work from. */
export const COUNTRIES = [
  "DZ",
  "AO",
  "BJ",
  "BW",
  "BF",
  "BI",
  "CV",
  "CM",
  "CF",
  "TD",
  "KM",
  "CG",
  "CD",
  "CI",
  "DJ",
  "EG",
  "GQ",
  "ER",
  "SZ",
  "ET",
  "GA",
  "GM",
  "GH",
  "GN",
  "GW",
  "KE",
  "LS",
  "LR",
  "LY",
  "MG",
  "MW",
  "ML",
  "MR",
  "MU",
  "MA",
  "MZ",
  "NA",
  "NE",
  "NG",
  "RW",
  "ST",
  "SN",
  "SC",
  "SL",
  "SO",
  "ZA",
  "SS",
  "SD",
  "TZ",
  "TG",
  "TN",
  "UG",
  "ZM",
  "ZW",
  "AE",
  "BE",
  "BR",
  "CA",
  "CN",
  "DE",
  "ES",
  "FR",
  "GB",
  "IE",
  "IN",
  "IT",
  "NL",
  "PT",
  "QA",
  "SA",
  "US",
] as const;
const COUNTRY_SET: ReadonlySet<string> = new Set(COUNTRIES);
export const isCountry = (c: string) => COUNTRY_SET.has(c);

/** Common languages of the community (ISO 639-1), offered as checkboxes; others can be typed. */
export const LANGUAGES = [
  "en",
  "fr",
  "pt",
  "ar",
  "sw",
  "ha",
  "yo",
  "ig",
  "am",
  "zu",
  "xh",
  "af",
  "so",
  "rw",
  "ln",
  "wo",
  "tw",
  "om",
  "sn",
  "es",
  "de",
] as const;

// Intl.DisplayNames is costly to build (a directory page names dozens of countries): one per locale and kind.
const displayNames = new Map<string, Intl.DisplayNames | null>();
function names(
  locale: string,
  type: "region" | "language",
  fallback: "code" | "none" = "code",
): Intl.DisplayNames | null {
  const key = `${locale}|${type}|${fallback}`;
  let n = displayNames.get(key);
  if (n === undefined) {
    try {
      n = new Intl.DisplayNames([locale], { type, fallback });
    } catch {
      n = null;
    }
    displayNames.set(key, n);
  }
  return n;
}

// A name costs a few µs to look up; the directory's filters show a hundred of them per page, from
// a small fixed set of codes: each is looked up once per language.
const nameCache = new Map<string, string>();
function displayName(type: "region" | "language", code: string, locale: string): string {
  const key = `${type}|${locale}|${code}`;
  let name = nameCache.get(key);
  if (name === undefined) {
    try {
      name = names(locale, type)?.of(code) ?? code;
    } catch {
      name = code;
    }
    if (nameCache.size >= 10_000) nameCache.clear();
    nameCache.set(key, name);
  }
  return name;
}

export function countryName(code: string, locale = "en"): string {
  return displayName("region", code, locale);
}

export function languageName(code: string, locale = "en"): string {
  return displayName("language", code, locale);
}

/** Languages offered by name in "Other languages" (ISO 639-1/-3), beyond the checkboxes. */
export const OTHER_LANGUAGES = [
  ...[
    "ff",
    "tw",
    "ak",
    "ee",
    "ti",
    "ny",
    "st",
    "tn",
    "ts",
    "ve",
    "ss",
    "nr",
    "lg",
    "kg",
    "rn",
    "mg",
    "bm",
    "wo",
    "ln",
    "sg",
    "kr",
  ],
  ...[
    "om",
    "so",
    "rw",
    "sn",
    "nd",
    "it",
    "zh",
    "hi",
    "ru",
    "tr",
    "nl",
    "ja",
    "ko",
    "fa",
    "he",
    "ur",
    "bn",
    "id",
    "ms",
    "pl",
    "uk",
  ],
  ...["efi", "tiv", "nup", "kcg", "fon", "gaa", "dag", "men", "tem", "kri", "luo", "kam", "kik", "mas", "nyn", "nso"],
] as const;

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim();
let byName: Map<string, string> | undefined;
/** A language code from its name in English or French ("Yoruba", "yoruba", "Haoussa"), or a code itself. */
export function languageCodeOf(entry: string): string | null {
  const s = fold(entry);
  if (!byName) {
    byName = new Map();
    for (const code of [...LANGUAGES, ...OTHER_LANGUAGES])
      for (const locale of ["en", "fr"]) byName.set(fold(languageName(code, locale)), code);
  }
  // a name first ("Twi" is also the code twi), then a code
  return byName.get(s) ?? (/^[a-z]{2,3}$/.test(s) && knownLanguage(s) ? s : null);
}

function knownLanguage(code: string): boolean {
  try {
    return !!names("en", "language", "none")?.of(code);
  } catch {
    return false;
  }
}

const text = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, { message: key })
    .transform((s) => (s === "" ? null : s));

const years = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === "") return null;
    const n = Number(s.replace(",", "."));
    if (!Number.isFinite(n) || n < 0 || n > 60) {
      ctx.addIssue({ code: "custom", message: "profile.errors.years" });
      return z.NEVER;
    }
    return Math.round(n * 10) / 10;
  });

const url = (key: string, host?: RegExp) =>
  z
    .string()
    .trim()
    .max(300, { message: key })
    .transform((s, ctx) => {
      if (s === "") return null;
      const withScheme = /^https?:\/\//i.test(s) ? s : `https://${s}`;
      try {
        const u = new URL(withScheme);
        if (!/^https?:$/.test(u.protocol) || !u.hostname.includes(".") || (host && !host.test(u.hostname)))
          throw new Error("bad");
        return u.toString();
      } catch {
        ctx.addIssue({ code: "custom", message: key });
        return z.NEVER;
      }
    });

export const ProfileSchema = z.object({
  jobTitle: text(100, "profile.errors.jobTitle"),
  organisation: text(120, "profile.errors.organisation"),
  country: z
    .string()
    .trim()
    .transform((s, ctx) => {
      if (s === "") return null;
      const c = s.toUpperCase();
      if (!isCountry(c)) {
        ctx.addIssue({ code: "custom", message: "profile.errors.country" });
        return z.NEVER;
      }
      return c;
    }),
  city: text(80, "profile.errors.city"),
  // names ("Yoruba, Igbo") or codes, separated by commas; codes are stored, names shown
  languages: z.array(z.string()).transform((list, ctx) => {
    const entries = list
      .flatMap((s) => s.split(/[,;\n]+/))
      .map((s) => s.trim())
      .filter(Boolean);
    // an entry that is no name may be codes separated by spaces ("tw ff", as the field once asked)
    const found = entries.flatMap((e) =>
      languageCodeOf(e) ? [languageCodeOf(e)] : e.split(/\s+/).map(languageCodeOf),
    );
    const codes = [...new Set(found)] as (string | null)[];
    if (codes.length > LANGUAGES_MAX || codes.some((c) => c === null)) {
      ctx.addIssue({ code: "custom", message: "profile.errors.languages" });
      return z.NEVER;
    }
    return codes as string[];
  }),
  bio: z
    .string()
    .transform((s) => s.replace(/\r\n/g, "\n").trim())
    .pipe(z.string().max(BIO_MAX, { message: "profile.errors.bio" })),
  achievements: z.string().transform((s, ctx) => {
    const items = s
      .split(/\r?\n/)
      .map((l) => l.replace(/^\s*[-*•]\s*/, "").trim())
      .filter(Boolean);
    if (items.length > ACHIEVEMENTS_MAX || items.some((i) => i.length > ACHIEVEMENT_MAX)) {
      ctx.addIssue({ code: "custom", message: "profile.errors.achievements" });
      return z.NEVER;
    }
    return items;
  }),
  yearsCustomerFacing: years,
  yearsManaging: years,
  openToOpportunities: z.boolean(),
  // owned by the mentor programme (app/models/mentorship/mentor.server.ts); the profile form does not send it
  isMentor: z.boolean().optional(),
  visibility: z.enum(VISIBILITIES, { message: "profile.errors.visibility" }),
  linkedinUrl: url("profile.errors.linkedin", /(^|\.)linkedin\.com$/i),
  websiteUrl: url("profile.errors.website"),
  phone: z
    .string()
    .trim()
    .transform((s, ctx) => {
      if (s === "") return null;
      if (!/^\+?[0-9 ()-]{6,24}$/.test(s)) {
        ctx.addIssue({ code: "custom", message: "profile.errors.phone" });
        return z.NEVER;
      }
      return s;
    }),
  competencies: z.record(z.string(), z.enum(PROFICIENCIES, { message: "profile.errors.proficiency" })),
});

export type ProfileInput = z.output<typeof ProfileSchema>;

/** Turns a submitted form into the schema's input: checkboxes, repeated fields and `competency.<slug>` selects. */
export function profileFormInput(form: FormData) {
  const s = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : "";
  };
  const competencies: Record<string, string> = {};
  for (const [k, v] of form) {
    if (k.startsWith("competency.") && typeof v === "string" && v !== "")
      competencies[k.slice("competency.".length)] = v;
  }
  return {
    jobTitle: s("jobTitle"),
    organisation: s("organisation"),
    country: s("country"),
    city: s("city"),
    languages: [...form.getAll("languages"), s("otherLanguages")].filter((v): v is string => typeof v === "string"),
    bio: s("bio"),
    achievements: s("achievements"),
    yearsCustomerFacing: s("yearsCustomerFacing"),
    yearsManaging: s("yearsManaging"),
    openToOpportunities: form.get("openToOpportunities") === "on",
    visibility: s("visibility"),
    linkedinUrl: s("linkedinUrl"),
    websiteUrl: s("websiteUrl"),
    phone: s("phone"),
    competencies,
  };
}
