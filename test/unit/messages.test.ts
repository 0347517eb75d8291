// Every message of both languages, filled with sample values, reads as a sentence: no `{{` left,
// dates written in the reader's language and time zone; and no page asks for a message that needs
// values without giving any.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { createI18n, supportedLocales } from "~/i18n";
import en from "~/locales/en";
import fr from "~/locales/fr";

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

const AT = new Date("2026-12-07T22:30:00Z"); // 23:30 in Lagos, already the 8th in Nairobi

/** Sample values for the placeholders of a message: dates for `, datetime`, numbers for `, number` and counts. */
function samples(text: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const m of text.matchAll(/\{\{\s*([^,}\s]+)\s*(?:,\s*([^}]+?))?\s*\}\}/g)) {
    const [, name, format] = m;
    values[name] = format?.startsWith("datetime")
      ? AT
      : format?.startsWith("number") || name === "count"
        ? 3
        : `«${name}»`;
  }
  return values;
}

const trees = { en, fr } as Record<string, Tree>;

describe("every message filled", () => {
  for (const locale of supportedLocales) {
    test(`${locale}: every key renders with sample values, with no {{ left`, () => {
      const i18n = createI18n(locale);
      const left: string[] = [];
      const all = leaves(trees[locale]);
      for (const [key, text] of all) {
        const base = key.replace(PLURAL, "");
        // a plural's forms may name different values ("{{done}} books… {{count}} more"): give them all
        const values = Object.assign(
          {},
          ...all.filter(([k]) => k.replace(PLURAL, "") === base).map(([, t]) => samples(t)),
          samples(text),
        );
        const out = String(i18n.t(base, { ...values, count: PLURAL.test(key) ? 3 : values.count } as never));
        if (/\{\{|\}\}/.test(out)) left.push(`${key}: ${out}`);
        if (/GMT|Coordinated Universal Time|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(out))
          left.push(`${key} shows a raw date: ${out}`);
      }
      expect(left).toEqual([]);
    });
  }

  test("a date in a message follows the member's time zone and language", () => {
    const values = {
      until: AT,
      topicsPerDay: 3,
      repliesPerDay: 10,
      linksPerPost: 2,
      imagesPerPost: 1,
      mentionsPerPost: 2,
      secondsBetweenTopics: 60,
      secondsBetweenPosts: 20,
    };
    const inZone = (timeZone: string) => ({
      formatParams: { until: { dateStyle: "medium", timeStyle: "short", timeZone } },
    });
    const english = createI18n("en").t("composer.newMemberLimits", { ...values, ...inZone("Africa/Nairobi") });
    expect(english).toContain("8 Dec 2026, 01:30");
    const french = createI18n("fr").t("composer.newMemberLimits", { ...values, ...inZone("Africa/Lagos") });
    expect(french).toContain("7 déc. 2026, 23:30");
  });
});

describe("call sites", () => {
  test("no page asks for a message with placeholders without giving values", () => {
    const english = new Map(leaves(en as Tree).map(([k, v]) => [k.replace(PLURAL, ""), v]));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = path.join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f) && !p.includes(`${path.sep}locales${path.sep}`)) files.push(p);
      }
    };
    walk(path.resolve(__dirname, "../../app"));
    const bare: string[] = [];
    for (const file of files) {
      const src = readFileSync(file, "utf8");
      for (const m of src.matchAll(/\bt\(\s*"([\w.]+)"\s*\)/g)) {
        const text = english.get(m[1]);
        if (text && /\{\{/.test(text))
          bare.push(`${path.relative(process.cwd(), file)}:${src.slice(0, m.index).split("\n").length} t("${m[1]}")`);
      }
    }
    expect(bare).toEqual([]);
  });
});
