import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { FieldParts, useDescribed, type FieldCommon } from "./field";

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
  const d = useDescribed(error, hint, id);
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
      <textarea
        id={d.id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={d.describedBy}
        {...rest}
      />
    </FieldParts>
  );
}

type SelectProps = FieldCommon &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "name"> &
  ({ options: { value: string; label: string }[]; children?: never } | { options?: never; children: ReactNode });

/** A labelled select: `options` for a plain list, or `<option>` children (placeholders, groups). */
export function Select({ label, name, error, errorValues, hint, options, children, id, ...rest }: SelectProps) {
  const d = useDescribed(error, hint, id);
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
      <select id={d.id} name={name} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} {...rest}>
        {options
          ? options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))
          : children}
      </select>
    </FieldParts>
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
