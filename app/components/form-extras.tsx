import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { Labelled, type FieldCommon } from "./field";

/** A labelled textarea, errors and hint tied to it like Field. */
export function TextArea({
  label,
  name,
  error,
  errorValues,
  hint,
  id,
  ...rest
}: FieldCommon & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  return <Labelled {...{ label, name, error, errorValues, hint, id }} control={(c) => <textarea {...c} {...rest} />} />;
}

type SelectProps = FieldCommon &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "name"> &
  ({ options: { value: string; label: string }[]; children?: never } | { options?: never; children: ReactNode });

/** A labelled select: `options` for a plain list, or `<option>` children (placeholders, groups). */
export function Select({ label, name, error, errorValues, hint, options, children, id, ...rest }: SelectProps) {
  const items = options
    ? options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))
    : children;
  return (
    <Labelled
      {...{ label, name, error, errorValues, hint, id }}
      control={(c) => (
        <select {...c} {...rest}>
          {items}
        </select>
      )}
    />
  );
}

/** A horizontally scrollable table area that keyboard users can focus and scroll. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- scrolling regions take focus (keyboard)
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
