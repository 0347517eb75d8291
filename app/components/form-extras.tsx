import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useMessage } from "./use-message";

type Common = { label: string; name: string; error?: string; errorValues?: Record<string, unknown>; hint?: string };

function useDescribed(error?: string, hint?: string) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [errorId, hintId].filter(Boolean).join(" ") || undefined };
}

function Parts({ id, label, hint, hintId, error, errorId, errorValues, children }: Common & { id: string; hintId?: string; errorId?: string; children: ReactNode }) {
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

/** A labelled textarea, errors and hint tied to it like Field. */
export function TextArea({ label, name, error, errorValues, hint, ...rest }: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  const d = useDescribed(error, hint);
  return (
    <Parts id={d.id} label={label} name={name} hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} errorValues={errorValues}>
      <textarea id={d.id} name={name} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} {...rest} />
    </Parts>
  );
}

/** A labelled select. */
export function Select({ label, name, error, errorValues, hint, options, ...rest }: Common & { options: { value: string; label: string }[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name">) {
  const d = useDescribed(error, hint);
  return (
    <Parts id={d.id} label={label} name={name} hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} errorValues={errorValues}>
      <select id={d.id} name={name} aria-invalid={error ? true : undefined} aria-describedby={d.describedBy} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Parts>
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
