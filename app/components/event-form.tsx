// The staff form for an event (create and edit share it).
import { Form } from "@remix-run/react";
import { fieldsOf } from "~/components/field";
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
  const field = fieldsOf(
    (name) => t(`events.fields.${name}`),
    (name) => values[name as keyof EventFormValues],
    fields,
  );
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
      {field("title", { type: "text", required: true })}
      <TextArea
        label={t("events.fields.description")}
        name="description"
        defaultValue={values.description}
        error={fields.description}
        rows={5}
        hint={t("events.fields.descriptionHint")}
      />
      {field("title_fr", {
        label: t("events.fields.titleFr"),
        type: "text",
        lang: "fr",
        hint: t("events.fields.frenchHint"),
      })}
      <TextArea
        label={t("events.fields.descriptionFr")}
        name="description_fr"
        lang="fr"
        defaultValue={values.description_fr}
        error={fields.description_fr}
        rows={5}
        hint={t("events.fields.descriptionHint")}
      />
      {field("startsAt", { type: "datetime-local", required: true })}
      {field("endsAt", { type: "datetime-local", required: true })}
      {field("timeZone", { type: "text", hint: t("events.fields.timeZoneHint"), required: true })}
      {field("onlineUrl", { type: "url" })}
      {field("place", { type: "text", hint: t("events.fields.placeHint") })}
      {field("capacity", { type: "number", min: 1, hint: t("events.fields.capacityHint") })}
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
