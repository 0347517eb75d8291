import { Field } from "./field";

/** The six-digit code field: numeric keypad on phones, and the code the phone received offered to fill it. */
export function OneTimeCodeField({ label, error }: { label: string; error?: string }) {
  return (
    <Field
      label={label}
      name="code"
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 ]*"
      maxLength={7}
      required
      error={error}
    />
  );
}
