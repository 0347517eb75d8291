// The development plan's pieces: the level chooser of /my/development, and the read-only plan a mentor
// sees on the mentorship page.
import { useTranslation } from "~/use-translation";
import type { DevelopmentPlan } from "~/models/journey/development-plan.server";
import { PROFICIENCIES } from "~/models/directory/profile.schema";
import { Select } from "./form-extras";

export function PlanLevel({ name, label, value }: { name: string; label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <Select
      id={name}
      name={name}
      label={label}
      defaultValue={value}
      options={[
        { value: "", label: t("development.notSet") },
        ...PROFICIENCIES.map((p) => ({ value: p, label: t(`profile.proficiency.${p}`) })),
      ]}
    />
  );
}

/** A mentee's plan, read-only: only the capabilities they placed themself on or aim at. */
export function MenteePlan({ name, plan }: { name: string; plan: DevelopmentPlan }) {
  const { t } = useTranslation();
  const rows = plan.rows.filter((r) => r.selfAssessed || r.target);
  const level = (p: string | null) => (p ? t(`profile.proficiency.${p}`) : t("development.notSet"));
  return (
    <section aria-label={t("development.menteeTitle", { name })} className="mentee-plan">
      <h3>{t("development.menteeTitle", { name })}</h3>
      {rows.length ? (
        <dl>
          {rows.map((r) => (
            <div key={r.slug}>
              <dt>{r.name}</dt>
              <dd>
                {t("development.now")}: {level(r.selfAssessed)} · {t("development.target")}: {level(r.target)}
                {r.target ? <p className="muted">{r.levels[r.target]}</p> : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">{t("development.menteeNone", { name })}</p>
      )}
    </section>
  );
}
