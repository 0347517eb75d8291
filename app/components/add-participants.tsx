// The small "add people" form of a personal message: a plain form posting to /messages/:id/participants,
// so it works without JavaScript. Drawn on that page, and ready for the conversation's own page.
import { Form } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field } from "./field";

export function AddParticipantsForm({
  topicId,
  room,
  value,
  error,
  errorValues,
}: {
  topicId: number;
  /** how many more people the conversation takes */
  room: number;
  value?: string;
  error?: string;
  errorValues?: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  if (room <= 0) return <p className="muted">{t("messages.addFull")}</p>;
  return (
    <Form method="post" action={`/messages/${topicId}/participants`} className="stack add-participants" noValidate>
      <Field
        label={t("messages.addLabel")}
        name="to"
        type="text"
        defaultValue={value}
        error={error}
        errorValues={errorValues}
        hint={t("messages.addHint", { count: room })}
        autoComplete="off"
        required
      />
      <div className="actions">
        <button type="submit">{t("messages.addButton")}</button>
      </div>
    </Form>
  );
}
