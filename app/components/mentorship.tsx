// Small pieces the mentorship pages share: a checkbox group with its error tied to it, and the
// reasons behind a suggested mentor's score.
import { useId } from "react";
import type { Reason } from "~/models/mentorship/mentorship-score";
import { useTranslation } from "~/use-translation";

export function CheckboxGroup({
  legend,
  name,
  options,
  error,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string; checked: boolean }[];
  error?: string;
}) {
  const { t } = useTranslation();
  const errorId = `${useId()}-error`;
  return (
    <fieldset
      className="checkbox-grid"
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input type="checkbox" name={name} value={o.value} defaultChecked={o.checked} /> {o.label}
        </label>
      ))}
      {error ? (
        <p className="field-error" id={errorId}>
          {t(error)}
        </p>
      ) : null}
    </fieldset>
  );
}

export function ReasonList({
  reasons,
  competencyNames,
  languageName,
}: {
  reasons: Reason[];
  competencyNames: Record<string, string>;
  languageName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const text = (r: Reason) => {
    switch (r.kind) {
      case "competencies":
        return t("mentorship.suggestions.reason.competencies", {
          list: r.slugs.map((s) => competencyNames[s] ?? s).join(", "),
          points: r.points,
        });
      case "language":
        return t("mentorship.suggestions.reason.language", { language: languageName(r.language), points: r.points });
      case "timeZone":
        return t("mentorship.suggestions.reason.timeZone", { hours: r.hours, points: r.points });
      case "capacity":
        return t("mentorship.suggestions.reason.capacity", { count: r.free, points: r.points });
      case "experience":
        return t("mentorship.suggestions.reason.experience", { count: r.completed, points: r.points });
    }
  };
  return (
    <ul className="mentor-reasons">
      {reasons.map((r) => (
        <li key={r.kind}>{text(r)}</li>
      ))}
    </ul>
  );
}
