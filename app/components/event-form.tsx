// The staff form for an event (create and edit share it).
import { Form } from "@remix-run/react";
import { Field } from "~/components/field";
import { Select, TextArea } from "~/components/form-extras";
import { useTranslation } from "~/use-translation";
import { localized } from "~/models/shared/localized";

export type EventFormValues = Partial<
  Record<
    | "kind"
    | "webinar"
    | "title"
    | "title_fr"
    | "description"
    | "description_fr"
    | "startsAt"
    | "endsAt"
    | "timeZone"
    | "onlineUrl"
    | "place"
    | "capacity",
    string
  >
>;

export function EventForm({
  values,
  fields,
  webinars,
  kinds,
  submitLabel,
  publishChoice,
}: {
  values: EventFormValues;
  fields: Partial<Record<string, string>>;
  webinars: { slug: string; title: string; title_fr: string | null }[];
  kinds: readonly string[];
  submitLabel: string;
  publishChoice: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="intent" value="save" />
      <Select
        label={t("events.fields.kind")}
        name="kind"
        defaultValue={values.kind}
        error={fields.kind}
        options={kinds.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
      />
      <Select
        label={t("events.fields.webinar")}
        name="webinar"
        defaultValue={values.webinar ?? ""}
        error={fields.webinar}
        hint={t("events.fields.webinarHint")}
        options={[
          { value: "", label: t("events.fields.noWebinar") },
          ...webinars.map((w) => ({ value: w.slug, label: localized(w, "title", i18n.language) })),
        ]}
      />
      <Field
        label={t("events.fields.title")}
        name="title"
        type="text"
        defaultValue={values.title}
        error={fields.title}
        required
      />
      <TextArea
        label={t("events.fields.description")}
        name="description"
        defaultValue={values.description}
        error={fields.description}
        rows={5}
        hint={t("events.fields.descriptionHint")}
      />
      <Field
        label={t("events.fields.titleFr")}
        name="title_fr"
        type="text"
        lang="fr"
        defaultValue={values.title_fr}
        error={fields.title_fr}
        hint={t("events.fields.frenchHint")}
      />
      <TextArea
        label={t("events.fields.descriptionFr")}
        name="description_fr"
        lang="fr"
        defaultValue={values.description_fr}
        error={fields.description_fr}
        rows={5}
        hint={t("events.fields.descriptionHint")}
      />
      <Field
        label={t("events.fields.startsAt")}
        name="startsAt"
        type="datetime-local"
        defaultValue={values.startsAt}
        error={fields.startsAt}
        required
      />
      <Field
        label={t("events.fields.endsAt")}
        name="endsAt"
        type="datetime-local"
        defaultValue={values.endsAt}
        error={fields.endsAt}
        required
      />
      <Field
        label={t("events.fields.timeZone")}
        name="timeZone"
        type="text"
        defaultValue={values.timeZone}
        error={fields.timeZone}
        hint={t("events.fields.timeZoneHint")}
        required
      />
      <Field
        label={t("events.fields.onlineUrl")}
        name="onlineUrl"
        type="url"
        defaultValue={values.onlineUrl}
        error={fields.onlineUrl}
      />
      <Field
        label={t("events.fields.place")}
        name="place"
        type="text"
        defaultValue={values.place}
        error={fields.place}
        hint={t("events.fields.placeHint")}
      />
      <Field
        label={t("events.fields.capacity")}
        name="capacity"
        type="number"
        min={1}
        defaultValue={values.capacity}
        error={fields.capacity}
        hint={t("events.fields.capacityHint")}
      />
      {publishChoice ? (
        <div className="field">
          <label>
            <input
              type="checkbox"
              name="publish"
              value="on"
              defaultChecked={(values as Record<string, string>).publish === "on"}
            />{" "}
            {t("events.fields.publishNow")}
          </label>
        </div>
      ) : null}
      <div>
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
