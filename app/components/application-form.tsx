// The application form, for the next level and for a designation: what the applicant declares
// (role, organisation, years of experience) and hands in (portfolio, evidence links, referees).
// The page puts its own choice of route above the fields.
import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field, FormError } from "~/components/field";
import { TextArea } from "~/components/form-extras";

export type ApplicationAnswer = {
  values?: Record<string, string>;
  fields?: Record<string, string | undefined>;
  formError?: string;
  count?: number;
};

const EXPERIENCE_FIELDS = ["customerFacingYears", "managingYears"] as const;

export function ApplicationForm({
  answer,
  intro,
  submit,
  chooser,
  enrolment = false,
  minYears,
}: {
  /** the action's answer after a refusal: the values as sent and each field's message */
  answer?: ApplicationAnswer;
  intro: string;
  submit: string;
  /** the route to apply by, above the fields */
  chooser?: ReactNode;
  /** level 1: a motivation only, no experience or evidence */
  enrolment?: boolean;
  /** the years a field must reach, when the application must declare it */
  minYears: (field: (typeof EXPERIENCE_FIELDS)[number]) => number | undefined;
}) {
  const { t } = useTranslation();
  const v = answer?.values ?? {};
  const f = answer?.fields ?? {};
  const formError = answer?.formError;
  return (
    <>
      <FormError
        message={formError === "form.fixErrors" ? (answer?.count ? "form.fixErrors" : null) : formError}
        values={{ count: answer?.count }}
      />
      <p>{intro}</p>
      <Form method="post" className="stack" noValidate>
        {chooser}
        <Field
          label={t("progress.apply.roleTitle")}
          name="roleTitle"
          type="text"
          defaultValue={v.roleTitle}
          error={f.roleTitle}
          autoComplete="organization-title"
        />
        <Field
          label={t("progress.apply.organisation")}
          name="organisation"
          type="text"
          defaultValue={v.organisation}
          error={f.organisation}
          autoComplete="organization"
        />
        {enrolment
          ? null
          : EXPERIENCE_FIELDS.map((field) => {
              const min = minYears(field);
              return (
                <Field
                  key={field}
                  label={t(`progress.apply.${field}`)}
                  name={field}
                  type="number"
                  step="0.5"
                  min="0"
                  max="60"
                  inputMode="decimal"
                  defaultValue={v[field]}
                  error={f[field]}
                  errorValues={{ min }}
                  hint={min !== undefined ? t("progress.apply.yearsNeeded", { min }) : undefined}
                />
              );
            })}
        <TextArea
          label={enrolment ? t("progress.apply.motivation") : t("progress.apply.portfolio")}
          name="portfolio"
          defaultValue={v.portfolio}
          error={f.portfolio}
          hint={enrolment ? undefined : t("progress.apply.portfolioHint")}
          rows={6}
        />
        {enrolment ? null : (
          <>
            <TextArea
              label={t("progress.apply.evidenceLinks")}
              name="evidenceLinks"
              defaultValue={v.evidenceLinks}
              error={f.evidenceLinks}
              hint={t("progress.apply.evidenceHint")}
              rows={3}
            />
            <TextArea
              label={t("progress.apply.referees")}
              name="referees"
              defaultValue={v.referees}
              error={f.referees}
              hint={t("progress.apply.refereesHint")}
              rows={3}
            />
          </>
        )}
        <div>
          <button type="submit">{submit}</button>
        </div>
      </Form>
    </>
  );
}
