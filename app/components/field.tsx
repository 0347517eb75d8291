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

/** The attributes that tie a control to its label, hint and error. */
export type ControlProps = { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string };

/**
 * One labelled control: the label, hint and error around it, their ids tied to it for screen readers (an
 * explicit `id` keeps addresses and tests stable). `control` draws the input, textarea or select.
 */
export function Labelled({
  label,
  name,
  error,
  errorValues,
  hint,
  id: explicitId,
  control,
}: FieldCommon & { id?: string; control: (props: ControlProps) => ReactNode }) {
  const generated = useId();
  const message = useMessage();
  const id = explicitId ?? generated;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {control({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
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
export function Field({ label, name, error, errorValues, hint, id, ...input }: Props) {
  return <Labelled {...{ label, name, error, errorValues, hint, id }} control={(c) => <input {...c} {...input} />} />;
}

/** What a refused form's action sent back: the values as they were typed and each field's error key. */
export function answerOf(res: { values?: unknown; fields?: unknown } | undefined) {
  return {
    values: (res?.values ?? {}) as Record<string, string>,
    fields: (res?.fields ?? {}) as Record<string, string | undefined>,
  };
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

/**
 * A form's plain text fields drawn alike: `field(name, attributes)` labels each by `label(name)` and keeps
 * its value and error from a refused send.
 */
export function fieldsOf(
  label: (name: string) => string,
  value: (name: string) => string | undefined,
  errors: Record<string, string | undefined>,
) {
  return function field(name: string, input: Omit<Props, "label" | "name"> & { label?: string } = {}) {
    return <Field label={label(name)} name={name} defaultValue={value(name)} error={errors[name]} {...input} />;
  };
}
