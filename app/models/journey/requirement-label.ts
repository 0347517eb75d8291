// A requirement's label, written from its kind and thresholds (browser-safe): "at least 5
// different topics" comes from `params.min`, so a changed threshold changes the sentence, in
// every language. A webinar has no threshold: its label stays the one staff typed.
import type { TFunction } from "i18next";
import { localized } from "../shared/localized";
import { isRequirementKind, REQUIREMENT_KINDS, type RequirementKind } from "./requirement.schema";

export type LabelSource = {
  kind: string;
  label: string;
  label_fr?: string | null;
  params: Record<string, unknown>;
  /** the assessment's or training programme's title, for the kinds that name one */
  subject?: string | null;
  subject_fr?: string | null;
};

/** Kinds whose label is generated; the others keep their typed label. */
export const GENERATED_LABEL_KINDS: readonly RequirementKind[] = REQUIREMENT_KINDS.filter((k) => k !== "webinar");

export const hasGeneratedLabel = (kind: string) => isRequirementKind(kind) && GENERATED_LABEL_KINDS.includes(kind);

/** [1, 2, 3, 5] -> "1–3, 5" */
function moduleRanges(modules: number[]): string {
  const sorted = [...new Set(modules)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return parts.join(", ");
}

type T = TFunction | ((key: string, options?: Record<string, unknown>) => string);

/** The label in the language of `t`; `lang` picks the typed label (a webinar's) and the title a label names. */
export function requirementLabel(t: T, r: LabelSource, lang = "en"): string {
  if (!hasGeneratedLabel(r.kind)) return localized(r, "label", lang);
  const p = r.params;
  const tr = t as (key: string, options?: Record<string, unknown>) => string;
  const k = (name: string, values: Record<string, unknown> = {}) => tr(`requirementLabels.${name}`, values);
  const subject = (lang === "fr" && r.subject_fr) || r.subject || String(p.test ?? p.programme ?? "");
  switch (r.kind as RequirementKind) {
    case "distinct_topics":
      return k("distinct_topics", { count: p.min });
    case "field_experiences":
      return k(p.period === "level" ? "field_experiences_level" : "field_experiences_year", { count: p.min });
    case "activities":
      return k("activities", { count: p.minPerYear });
    case "books":
      return k(p.recommendedOnly ? "books_recommended" : "books", { count: p.minPerTrimester });
    case "assessment":
      return p.passMark === null || p.passMark === undefined
        ? k("assessment_diagnostic", { subject })
        : k("assessment", { subject, passMark: p.passMark });
    case "profile": {
      const fields = ((p.fields as string[]) ?? []).map((f) => {
        const name = tr(`progress.fields.${f}`);
        return name.charAt(0).toLocaleLowerCase() + name.slice(1);
      });
      const list =
        fields.length > 1
          ? `${fields.slice(0, -1).join(", ")} ${tr("requirementLabels.and")} ${fields.at(-1)}`
          : (fields[0] ?? "");
      return k("profile", { fields: list });
    }
    case "experience_years":
      return k(p.experience === "managing_team" ? "experience_managing" : "experience_customer", { count: p.minYears });
    case "mentoring":
      return k("mentoring", { count: p.minActiveMentees });
    case "award_nomination":
      return k("award_nomination", { count: p.perYear });
    case "module_tasks": {
      const modules = (p.modules as number[]) ?? [];
      return k("module_tasks", { count: modules.length, subject, modules: moduleRanges(modules) });
    }
    case "portfolio":
      return k("portfolio", { count: p.reviewers, references: p.references });
    default:
      return r.label;
  }
}
