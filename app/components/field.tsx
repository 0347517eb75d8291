import { useId, type InputHTMLAttributes } from "react";
import { useMessage } from "./use-message";

type Props = {
  label: string;
  name: string;
  error?: string; // i18n key
  errorValues?: Record<string, unknown>;
  hint?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name">;

/** A labelled input whose error and hint are tied to it for screen readers. */
export function Field({ label, name, error, errorValues, hint, ...input }: Props) {
  const message = useMessage();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
        {...input}
      />
      {error ? (
        <p className="field-error" id={errorId}>
          {message(error, errorValues)}
        </p>
      ) : null}
    </div>
  );
}

/** The sentence above a form saying what to fix; announced when it appears. */
export function FormError({ message, values }: { message?: string | null; values?: Record<string, unknown> }) {
  const text = useMessage()(message, values);
  if (!text) return null;
  return (
    <div className="form-error" role="alert">
      {text}
    </div>
  );
}
