import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { useMessage } from "./use-message";

/** What every labelled control takes: `error` is an i18n key filled with `errorValues`. */
export type FieldCommon = {
  label: string;
  name: string;
  error?: string;
  errorValues?: Record<string, unknown>;
  hint?: string;
};

/** The ids that tie a control to its hint and error (an explicit `id` keeps addresses and tests stable). */
export function useDescribed(error?: string, hint?: string, explicitId?: string) {
  const generated = useId();
  const id = explicitId ?? generated;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [errorId, hintId].filter(Boolean).join(" ") || undefined };
}

/** The label, hint and error around one control; the control is the child. */
export function FieldParts({
  id,
  label,
  hint,
  hintId,
  error,
  errorId,
  errorValues,
  children,
}: Omit<FieldCommon, "name"> & { id: string; hintId?: string; errorId?: string; children: ReactNode }) {
  const message = useMessage();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={errorId}>
          {message(error, errorValues)}
        </p>
      ) : null}
    </div>
  );
}

type Props = FieldCommon & Omit<InputHTMLAttributes<HTMLInputElement>, "name">;

/** A labelled input whose error and hint are tied to it for screen readers. */
export function Field({ label, name, error, errorValues, hint, id: explicitId, ...input }: Props) {
  const d = useDescribed(error, hint, explicitId);
  return (
    <FieldParts
      id={d.id}
      label={label}
      hint={hint}
      hintId={d.hintId}
      error={error}
      errorId={d.errorId}
      errorValues={errorValues}
    >
      <input
        id={d.id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={d.describedBy}
        {...input}
      />
    </FieldParts>
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
