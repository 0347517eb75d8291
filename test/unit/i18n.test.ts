import { describe, expect, test } from "vitest";
import { completePlurals, createI18n, pickLocale, resources, supportedLocales } from "~/i18n";
import en from "~/locales/en";
import fr from "~/locales/fr";
import {
  assessmentsFr,
  categoriesFr,
  competenciesFr,
  competencyLevelsFr,
  frenchSpacing,
  levelsFr,
  requirementsFr,
  trainingProgrammesFr,
  webinarsFr,
} from "../../scripts/seed/programme-fr";

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** "a.b.c" → text, for every leaf of a message tree. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Keys with their plural forms folded together: "search.results" → ["{{count}} result", "{{count}} results"]. */
function byKey(tree: Tree): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [path, text] of flatten(tree)) {
    const key = path.replace(PLURAL, "");
    out.set(key, [...(out.get(key) ?? []), text]);
  }
  return out;
}

/** Interpolation variables ({{name}}, {{date, datetime}}) and nested keys ($t(key)) of a text. */
function variables(texts: string[], plural: boolean): string {
  const names = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)) names.add(m[1]);
    for (const m of text.matchAll(/\$t\(([^),]+)/g)) names.add(`$t(${m[1]})`);
  }
  if (plural) names.delete("count"); // always passed to a plural; one form may spell the number out
  return [...names].sort().join(", ");
}

const languages = { en: byKey(en), fr: byKey(fr) } as const;
const englishLeaves = flatten(en);

describe("translations", () => {
  test("every supported language has a message file", () => {
    expect(Object.keys(resources).sort()).toEqual([...supportedLocales].sort());
  });

  test("no key is missing in either language", () => {
    const missing: string[] = [];
    for (const [lang, other] of [
      ["fr", "en"],
      ["en", "fr"],
    ] as const) {
      for (const key of languages[other].keys())
        if (!languages[lang].has(key)) missing.push(`${key} (missing in ${lang})`);
    }
    expect(missing).toEqual([]);
  });

  test("plural keys have their one and other forms in both languages", () => {
    const incomplete: string[] = [];
    for (const [lang, tree] of Object.entries({ en, fr })) {
      const paths = new Set(flatten(tree).keys());
      for (const path of paths) {
        const m = path.match(PLURAL);
        if (!m) continue;
        const base = path.slice(0, -m[0].length);
        for (const form of ["one", "other"])
          if (!paths.has(`${base}_${form}`)) incomplete.push(`${base}_${form} (missing in ${lang})`);
      }
    }
    expect([...new Set(incomplete)]).toEqual([]);
  });

  test("every key takes the same interpolation variables in both languages", () => {
    const differ: string[] = [];
    for (const [key, english] of languages.en) {
      const french = languages.fr.get(key);
      if (!french) continue; // reported by the test above
      const plural = !englishLeaves.has(key);
      const a = variables(english, plural);
      const b = variables(french, plural);
      if (a !== b) differ.push(`${key}: en {${a}} ≠ fr {${b}}`);
    }
    expect(differ).toEqual([]);
  });

  test("no French text is left empty or identical to a long English sentence", () => {
    const untranslated: string[] = [];
    const english = englishLeaves;
    for (const [path, text] of flatten(fr)) {
      if (!text.trim()) untranslated.push(`${path} (empty)`);
      // short labels ("Forum", "Touchpoints", "{{q}} · Touchpoints") may legitimately be the same
      else if (
        english.get(path) === text &&
        text.split(/\s+/).length > 3 &&
        /[a-z]{3}/.test(text.replace(/\{\{[^}]*\}\}/g, ""))
      )
        untranslated.push(`${path}: “${text}”`);
    }
    expect(untranslated).toEqual([]);
  });

  test("French typography is consistent: a space before : ; ? ! and inside « »", () => {
    const wrong: string[] = [];
    for (const [path, text] of flatten(fr)) {
      // addresses and code keep their own colons
      const plain = text.replace(/https?:\/\/\S*/g, "").replace(/`[^`]*`/g, "");
      if (/[\p{L}\d)}»]([;?!]|:(\s|$))/u.test(plain) || /«\S|\S»/u.test(plain)) wrong.push(`${path}: “${text}”`);
    }
    expect(wrong).toEqual([]);
  });

  test("no “(s)” plural shortcut in either language: counts use _one / _other forms", () => {
    const shortcuts: string[] = [];
    for (const [lang, tree] of Object.entries({ en, fr })) {
      for (const [path, text] of flatten(tree))
        if (/\((s|e|es|x)\)/i.test(text)) shortcuts.push(`${lang} ${path}: “${text}”`);
    }
    expect(shortcuts).toEqual([]);
  });

  test("a count agrees with its noun in French: 1 champ rempli, 2 champs remplis; mentors' free places", () => {
    const t = createI18n("fr").t;
    expect(t("progress.sentence.profile", { done: 1, required: 5, count: 1 })).toBe("1 champ du profil rempli sur 5");
    expect(t("progress.sentence.profile", { done: 2, required: 5, count: 2 })).toBe("2 champs du profil remplis sur 5");
    expect(t("mentorship.intoExisting", { names: "Ada", count: 1 })).toBe(
      "le mentorat de groupe avec Ada (1 place libre)",
    );
    expect(createI18n("en").t("mentorship.intoExisting", { names: "Ada", count: 2 })).toBe(
      "the group mentorship with Ada (2 places left)",
    );
  });

  test("the French programme seed follows French typography: a non-breaking space before : ; ? ! and in « »", () => {
    const texts = [
      ...Object.values(levelsFr).flatMap((l) => [
        l.name,
        l.shortName,
        l.badgeInscription,
        l.description,
        l.criteriaNarrative,
        l.entryConditions,
        ...l.untrackedDuties,
      ]),
      ...Object.values(webinarsFr),
      ...Object.values(assessmentsFr),
      ...Object.values(trainingProgrammesFr).flatMap((p) => [p.title, ...Object.values(p.modules)]),
      ...Object.values(requirementsFr),
      ...Object.values(competenciesFr).flatMap((c) => [c.name, c.description]),
      ...Object.values(competencyLevelsFr).flatMap((l) => Object.values(l)),
      ...Object.values(categoriesFr).flatMap((c) => [c.name, c.description]),
    ].map(frenchSpacing);
    const wrong = texts.filter(
      (text) =>
        /[^\u00a0]([;?!»]|:(\s|$))/u.test(text.replace(/\*\*/g, "")) || /«[^\u00a0]/u.test(text) || /\(s\)/.test(text),
    );
    expect(wrong).toEqual([]);
  });
});

describe("language choice", () => {
  test("the member's setting wins, then Accept-Language, then English", () => {
    expect(pickLocale("en", "fr-FR,fr;q=0.9")).toBe("en");
    expect(pickLocale("fr", "en-GB,en;q=0.9")).toBe("fr");
    expect(pickLocale(null, "fr-CI,fr;q=0.9,en;q=0.5")).toBe("fr");
    expect(pickLocale(null, "de-DE,de;q=0.9,fr;q=0.8,en;q=0.5")).toBe("fr");
    expect(pickLocale(null, "de-DE,de;q=0.9,en;q=0.5")).toBe("en");
    expect(pickLocale(null, null)).toBe("en");
    expect(pickLocale("xx", "garbage;;q=")).toBe("en");
  });

  test("strings are interpolated and pluralised", () => {
    const i18n = createI18n("en");
    expect(i18n.t("home.welcomeBack", { name: "Ada" })).toBe("Welcome back, Ada.");
    expect(i18n.t("form.fixErrors", { count: 1 })).toBe("Please fix the field marked below.");
    expect(i18n.t("form.fixErrors", { count: 3 })).toBe("Please fix the 3 fields marked below.");
  });

  test("French plurals: 0 and 1 take the singular, big round numbers the plural, never English", () => {
    const i18n = createI18n("fr");
    expect(i18n.t("home.welcomeBack", { name: "Awa" })).toBe("Bon retour, Awa.");
    expect(i18n.t("search.results", { count: 0 })).toBe("0 résultat");
    expect(i18n.t("search.results", { count: 1 })).toBe("1 résultat");
    expect(i18n.t("search.results", { count: 2 })).toBe("2 résultats");
    // "many" reads "other"
    expect(i18n.t("search.results", { count: 1_000_000 })).toBe("1\u202f000\u202f000 résultats");
    expect(i18n.t("form.fixErrors", { count: 3 })).toBe("Veuillez corriger les 3 champs signalés ci-dessous.");
  });

  test("counts and dates are written the way each language writes them", () => {
    const en = createI18n("en");
    const fr = createI18n("fr");
    expect(en.t("search.results", { count: 12345 })).toBe("12,345 results");
    expect(fr.t("search.results", { count: 12345 })).toBe("12\u202f345 résultats");
    // other numbers (years, post numbers) are left as they are
    expect(en.t("topic.postLink", { number: 12345 })).toBe("Post #12345");
    const until = new Date("2026-11-23T10:00:00Z");
    expect(fr.t("bookmark.remindAt", { date: until })).toMatch(/^Rappel : 23\/11\/2026$/);
    expect(en.t("bookmark.remindAt", { date: until })).toMatch(/^Reminder: 23\/11\/2026$/);
  });

  test("completePlurals adds only the categories a language has", () => {
    expect(completePlurals({ a_one: "1", a_other: "n" }, "fr")).toEqual({ a_one: "1", a_other: "n", a_many: "n" });
    expect(completePlurals({ a_one: "1", a_other: "n", a_many: "m" }, "fr")).toEqual({
      a_one: "1",
      a_other: "n",
      a_many: "m",
    });
    expect(completePlurals({ x: { a_one: "1", a_other: "n" } }, "en")).toEqual({ x: { a_one: "1", a_other: "n" } });
  });
});
