// One of a page's several forms, told apart by the intent it posts: its heading, the refusal of its
// last send, the hidden intent and its button.
import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import { FormError } from "~/components/field";

type Answer = { formError?: string | null; errorValues?: Record<string, unknown> };

/** The refusal of a form's last send, above it; nothing when it was not that form that was sent. */
export function AnswerError({ answer }: { answer?: Answer }) {
  return answer ? <FormError message={answer.formError} values={answer.errorValues} /> : null;
}

export function IntentForm({
  intent,
  id,
  heading,
  intro,
  answer,
  submit,
  secondary,
  noValidate = true,
  children,
}: {
  intent: string;
  id?: string;
  heading?: string;
  intro?: string;
  answer?: Answer;
  submit: string;
  secondary?: boolean;
  noValidate?: boolean;
  children?: ReactNode;
}) {
  return (
    <Form method="post" className="stack" id={id} noValidate={noValidate}>
      {heading ? <h3>{heading}</h3> : null}
      {intro ? <p>{intro}</p> : null}
      <AnswerError answer={answer} />
      <input type="hidden" name="intent" value={intent} />
      {children}
      <div>
        <button type="submit" className={secondary ? "secondary" : undefined}>
          {submit}
        </button>
      </div>
    </Form>
  );
}
