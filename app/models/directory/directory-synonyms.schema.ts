// The directory's synonym list as staff write it (browser-safe): one group of equivalent terms per
// line, separated by commas ("call centre, contact centre, call center"). Each term finds the others.
import { z } from "zod";

export const SYNONYMS_TEXT_MAX = 20_000;
export const SYNONYM_GROUPS_MAX = 200;
export const SYNONYM_TERMS_MAX = 12;
export const SYNONYM_TERM_MAX = 60;
// Meilisearch looks a query's words up as synonyms one to three words at a time: a longer term
// would never be found from the query side.
export const SYNONYM_TERM_WORDS_MAX = 3;

export type SynonymGroup = string[];

const TERM = /^[\p{L}\p{N}][\p{L}\p{N} '’.&-]*$/u;
const key = (term: string) => term.normalize("NFC").toLocaleLowerCase("en");

/** One issue per line at most, so the form can say which line to fix. */
export type SynonymIssue = { message: string; line: number; term?: string };

/** Splits the text into groups: lines, then commas; blank lines and empty terms are left out. */
export function splitSynonymText(text: string): { line: number; terms: string[] }[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({
      line: i + 1,
      terms: raw
        .split(/[,;]/)
        .map((t) => t.replace(/\s+/g, " ").trim())
        .filter(Boolean),
    }))
    .filter((g) => g.terms.length);
}

export const SynonymTextSchema = z
  .string()
  .max(SYNONYMS_TEXT_MAX, { message: "adminSynonyms.errors.tooLong" })
  .transform((text, ctx): SynonymGroup[] => {
    const groups = splitSynonymText(text);
    if (groups.length > SYNONYM_GROUPS_MAX) {
      ctx.addIssue({
        code: "custom",
        message: "adminSynonyms.errors.tooManyGroups",
        params: { line: groups[SYNONYM_GROUPS_MAX].line },
      });
      return z.NEVER;
    }
    const seen = new Map<string, number>();
    const out: SynonymGroup[] = [];
    for (const { line, terms } of groups) {
      const issue = (message: string, term?: string) =>
        ctx.addIssue({ code: "custom", message, params: { line, term } });
      const distinct = [...new Map(terms.map((t) => [key(t), t] as const)).values()];
      const bad = distinct.find((t) => t.length > SYNONYM_TERM_MAX || !TERM.test(t));
      const long = distinct.find((t) => t.split(" ").length > SYNONYM_TERM_WORDS_MAX);
      const twice = distinct.find((t) => seen.has(key(t)));
      if (bad) issue("adminSynonyms.errors.term", bad.slice(0, SYNONYM_TERM_MAX));
      else if (long) issue("adminSynonyms.errors.words", long);
      else if (distinct.length < 2) issue("adminSynonyms.errors.alone", distinct[0]);
      else if (distinct.length > SYNONYM_TERMS_MAX) issue("adminSynonyms.errors.tooManyTerms");
      else if (twice) issue("adminSynonyms.errors.twice", twice);
      for (const t of distinct) seen.set(key(t), line);
      out.push(distinct);
    }
    return out;
  });

/** The form's issues, each with the line it is on (zod keeps them in `params`). */
export function synonymIssues(error: z.ZodError): SynonymIssue[] {
  return error.issues.map((i) => {
    const p = ((i as { params?: { line?: number; term?: string } }).params ?? {}) as { line?: number; term?: string };
    return { message: i.message, line: p.line ?? 0, ...(p.term ? { term: p.term } : {}) };
  });
}

/** The text of a list of groups, as the form shows it. */
export const synonymText = (groups: SynonymGroup[]) => groups.map((g) => g.join(", ")).join("\n");

/** Meilisearch's synonym map: each term of a group points at the others (mutual synonyms). */
export function toMeiliSynonyms(groups: SynonymGroup[]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const g of groups) {
    for (const t of g) {
      const k = key(t);
      map[k] = [...new Set([...(map[k] ?? []), ...g.map(key).filter((o) => o !== k)])];
    }
  }
  return map;
}
