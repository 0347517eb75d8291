// A member at levels 1-3 asks for a mentor: goals, competencies to grow with their level today
// (prefilled from their profile's self-assessment), language, availability, time zone.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/web/page-title";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { FormError, answerOf } from "~/components/field";
import { Select, TextArea } from "~/components/form-extras";
import { keepValues, readForm } from "~/web/http.server";
import { createRequest, getOpenRequest } from "~/models/mentorship/mentorship-requests.server";
import {
  MENTEE_LEVELS,
  MentorshipRequestSchema,
  PROFICIENCIES,
  readRequestForm,
  timeZoneChoices,
} from "~/models/mentorship/mentorship.schema";
import { getOwnProfile, listCompetencies } from "~/models/directory/profile.server";
import { LANGUAGES, languageName } from "~/models/directory/profile.schema";
import { parseForm } from "~/models/shared/forms.server";
import { scopeOf } from "~/models/permissions.server";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";
import { localized } from "~/models/shared/localized";
import { db } from "~/db.server";

export const handle = { hydrate: false };
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "mentorship.request.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  if (await getOpenRequest(db, { menteeId: viewer.id })) throw redirect("/mentorship/suggestions");
  const [competencies, profile] = await Promise.all([listCompetencies(db), getOwnProfile({ userId: viewer.id })]);
  return {
    allowed: (MENTEE_LEVELS as readonly number[]).includes(viewer.level ?? 0),
    competencies,
    selfAssessed: profile.competencies,
    languages: profile.languages,
    timeZones: timeZoneChoices(viewer.timeZone),
    timeZone: viewer.timeZone,
    locale: viewer.locale,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const values = keepValues(form);
  const parsed = parseForm(MentorshipRequestSchema, readRequestForm(form));
  if (!parsed.ok)
    return data(
      { values, fields: parsed.fields, count: parsed.errorValues.count, formError: null as string | null },
      400,
    );
  const r = await createRequest({ scope: scopeOf(viewer), input: parsed.data });
  if (!r.ok) return data({ values, fields: r.fields ?? {}, count: 0, formError: r.message }, r.status);
  return redirect("/mentorship/suggestions");
}

export default function MentorshipRequest() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const { values: v, fields: f } = answerOf(res);
  const compErrorId = `${useId()}-error`;
  const lang = i18n.language || "en";
  const languages = [...new Set([...d.languages, ...LANGUAGES])];
  if (!d.allowed) {
    return (
      <div>
        <h1>{t("mentorship.request.title")}</h1>
        <p>{t("mentorship.menteeOnlyLevels")}</p>
        <p>
          <Link to="/mentorship">{t("mentorship.back")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div>
      <p>
        <Link to="/mentorship">{t("mentorship.back")}</Link>
      </p>
      <h1>{t("mentorship.request.title")}</h1>
      <p>{t("mentorship.request.intro")}</p>
      <FormError message={res?.count ? "form.fixErrors" : (res?.formError ?? null)} values={{ count: res?.count }} />
      <Form method="post" className="stack" noValidate>
        <TextArea
          label={t("mentorship.request.goals")}
          name="goals"
          rows={5}
          maxLength={2000}
          hint={t("mentorship.request.goalsHint")}
          defaultValue={v.goals}
          error={f.goals}
          required
        />
        <fieldset aria-describedby={f.competencies ? compErrorId : undefined}>
          <legend>{t("mentorship.request.competencies")}</legend>
          {d.competencies.map((c) => (
            <Select
              key={c.slug}
              label={localized(c, "name", i18n.language)}
              name={`competency.${c.slug}`}
              defaultValue={v[`competency.${c.slug}`] ?? ""}
              options={[
                { value: "", label: t("mentorship.request.notChosen") },
                ...PROFICIENCIES.map((p) => ({ value: p, label: t(`profile.proficiency.${p}`) })),
              ]}
              hint={d.selfAssessed[c.slug] ? t(`profile.proficiency.${d.selfAssessed[c.slug]}`) : undefined}
            />
          ))}
          {f.competencies ? (
            <p className="field-error" id={compErrorId}>
              {t(f.competencies)}
            </p>
          ) : null}
        </fieldset>
        <Select
          label={t("mentorship.request.language")}
          name="language"
          defaultValue={v.language ?? d.languages[0] ?? d.locale ?? "en"}
          error={f.language}
          options={languages.map((l) => ({ value: l, label: languageName(l, lang) }))}
        />
        <TextArea
          label={t("mentorship.request.availability")}
          name="availability"
          rows={2}
          maxLength={300}
          hint={t("mentorship.request.availabilityHint")}
          defaultValue={v.availability}
          error={f.availability}
        />
        <Select
          label={t("mentorship.request.timeZone")}
          name="timeZone"
          defaultValue={v.timeZone ?? d.timeZone}
          error={f.timeZone}
          options={d.timeZones.map((z) => ({ value: z, label: z }))}
        />
        <div>
          <button type="submit">{t("mentorship.request.submit")}</button>
        </div>
      </Form>
    </div>
  );
}
