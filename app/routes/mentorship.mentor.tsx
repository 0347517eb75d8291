// A level-4 member registers as a mentor (or edits the registration).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/web/page-title";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormError } from "~/components/field";
import { CheckboxGroup } from "~/components/mentorship";
import { Select, TextArea } from "~/components/form-extras";
import { forbidden } from "~/web/http.server";
import { getMentorRegistration, saveMentorRegistration } from "~/models/mentorship/mentor.server";
import {
  CAPACITY_MAX,
  CAPACITY_MIN,
  MENTOR_LEVEL,
  MentorRegistrationSchema,
  timeZoneChoices,
} from "~/models/mentorship/mentorship.schema";
import { localized } from "~/models/shared/localized";
import { listCompetencies } from "~/models/directory/profile.server";
import { LANGUAGES, languageName } from "~/models/directory/profile.schema";
import { parseForm } from "~/models/shared/forms.server";
import { scopeOf } from "~/models/permissions.server";
import { useTranslation } from "~/use-translation";
import { requireViewer } from "~/viewer.server";
import { db } from "~/db.server";

export const handle = { hydrate: false };
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "mentorship.register.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  if ((viewer.level ?? 0) < MENTOR_LEVEL) forbidden();
  const [registration, competencies] = await Promise.all([
    getMentorRegistration(db, { userId: viewer.id }),
    listCompetencies(db),
  ]);
  return {
    registration,
    competencies,
    timeZones: timeZoneChoices(registration?.time_zone ?? viewer.timeZone),
    defaultTimeZone: viewer.timeZone,
  };
}

async function readLists(request: Request) {
  let fd: FormData;
  try {
    fd = await request.formData();
  } catch {
    throw data("Bad form", { status: 400 });
  }
  const one = (k: string) => (typeof fd.get(k) === "string" ? String(fd.get(k)) : "");
  const many = (k: string) => fd.getAll(k).filter((v): v is string => typeof v === "string");
  return {
    capacity: one("capacity"),
    competencies: many("competencies"),
    languages: many("languages"),
    timeZone: one("timeZone"),
    pitch: one("pitch"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const values = await readLists(request);
  const parsed = parseForm(MentorRegistrationSchema, values);
  if (!parsed.ok) {
    const { fields, errorValues } = parsed;
    return data(
      {
        values,
        fields,
        count: errorValues.count,
        formError: null as string | null,
        errorValues: undefined as Record<string, string | number> | undefined,
      },
      400,
    );
  }
  const r = await saveMentorRegistration({ scope: scopeOf(viewer), input: parsed.data });
  if (!r.ok)
    return data({ values, fields: r.fields ?? {}, count: 0, formError: r.message, errorValues: r.values }, r.status);
  return redirect(`/mentorship?registered=${r.created ? "new" : "saved"}`);
}

export default function MentorRegistration() {
  const { t, i18n } = useTranslation();
  const { registration: reg, competencies, timeZones, defaultTimeZone } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const v = res?.values;
  const f = (res?.fields ?? {}) as Record<string, string | undefined>;
  const chosen = new Set(v?.competencies ?? reg?.competencies ?? []);
  const langs = new Set(v?.languages ?? reg?.languages ?? []);
  return (
    <div>
      <p>
        <Link to="/mentorship">{t("mentorship.back")}</Link>
      </p>
      <h1>{t("mentorship.register.title")}</h1>
      <p>{t("mentorship.register.intro")}</p>
      <FormError
        message={res?.count ? "form.fixErrors" : (res?.formError ?? null)}
        values={res?.count ? { count: res.count } : res?.errorValues}
      />
      <Form method="post" className="stack" noValidate>
        <Field
          label={t("mentorship.register.capacity")}
          name="capacity"
          type="number"
          min={CAPACITY_MIN}
          max={CAPACITY_MAX}
          defaultValue={v?.capacity ?? reg?.capacity ?? 2}
          hint={t("mentorship.register.capacityHint")}
          error={f.capacity}
          errorValues={res?.errorValues}
          required
        />
        <CheckboxGroup
          legend={t("mentorship.register.competencies")}
          name="competencies"
          error={f.competencies}
          options={competencies.map((c) => ({
            ...{ value: c.slug, checked: chosen.has(c.slug) },
            label: localized(c, "name", i18n.language),
          }))}
        />
        <CheckboxGroup
          legend={t("mentorship.register.languages")}
          name="languages"
          error={f.languages}
          options={LANGUAGES.map((l) => ({
            value: l,
            label: languageName(l, i18n.language || "en"),
            checked: langs.has(l),
          }))}
        />
        <Select
          label={t("mentorship.register.timeZone")}
          name="timeZone"
          defaultValue={v?.timeZone ?? reg?.time_zone ?? defaultTimeZone}
          error={f.timeZone}
          options={timeZones.map((z) => ({ value: z, label: z }))}
        />
        <TextArea
          label={t("mentorship.register.pitch")}
          name="pitch"
          rows={4}
          maxLength={600}
          hint={t("mentorship.register.pitchHint")}
          defaultValue={v?.pitch ?? reg?.pitch ?? ""}
          error={f.pitch}
        />
        <div>
          <button type="submit">{t("mentorship.register.submit")}</button>
        </div>
      </Form>
    </div>
  );
}
