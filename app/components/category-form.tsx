import { useTranslation } from "~/use-translation";
import { fieldsOf } from "./field";
import { Select, TextArea } from "./form-extras";

type CategoryField =
  "slug" | "name" | "description" | "name_fr" | "description_fr" | "colour" | "see_rule" | "post_rule" | "reply_rule";
export type CategoryValues = Partial<Record<CategoryField, string | null>>;

const RULES = ["everyone", "members", "level:1", "level:2", "level:3", "level:4", "staff", "participants"];

function RuleSelect({ name, label, value, error }: { name: string; label: string; value: string; error?: string }) {
  const { t } = useTranslation();
  const rules = RULES.includes(value) ? RULES : [...RULES, value];
  const options = rules.map((r) => ({
    value: r,
    label: t(`adminForum.rules.${r.split(":")[0]}`, { n: r.split(":")[1] ?? "" }),
  }));
  return (
    <Select id={`category-${name}`} label={label} name={name} defaultValue={value} error={error} options={options} />
  );
}

/** The fields of a category (new and edit pages share them). */
export function CategoryFields({
  values,
  fields,
}: {
  values: CategoryValues;
  fields: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const field = fieldsOf(
    (name) => t(`adminForum.${name}`),
    (name) => values[name as keyof CategoryValues] ?? undefined,
    fields,
  );
  return (
    <>
      {field("name", { type: "text", maxLength: 80, required: true })}
      {field("slug", { type: "text", maxLength: 60, hint: t("adminForum.slugHint"), required: true })}
      <TextArea
        label={t("adminForum.description")}
        name="description"
        id="category-description"
        rows={3}
        maxLength={1000}
        defaultValue={values.description ?? undefined}
        error={fields.description}
      />
      {field("name_fr", {
        label: t("adminForum.nameFr"),
        type: "text",
        lang: "fr",
        maxLength: 80,
        defaultValue: values.name_fr ?? "",
        hint: t("adminForum.frHint"),
      })}
      <TextArea
        label={t("adminForum.descriptionFr")}
        name="description_fr"
        lang="fr"
        rows={3}
        maxLength={1000}
        defaultValue={values.description_fr ?? ""}
        error={fields.description_fr}
      />
      {field("colour", {
        type: "text",
        maxLength: 7,
        defaultValue: values.colour ?? "#0b5d3b",
        hint: t("adminForum.colourHint"),
        required: true,
      })}
      <RuleSelect
        name="see_rule"
        label={t("adminForum.seeRule")}
        value={values.see_rule ?? "everyone"}
        error={fields.see_rule}
      />
      <RuleSelect
        name="post_rule"
        label={t("adminForum.postRule")}
        value={values.post_rule ?? "members"}
        error={fields.post_rule}
      />
      <RuleSelect
        name="reply_rule"
        label={t("adminForum.replyRule")}
        value={values.reply_rule ?? "members"}
        error={fields.reply_rule}
      />
    </>
  );
}
