import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Select } from "./form-extras";

/** A staff list's filters: a GET form (the choices stay in the address) and its Filter button. */
export function FilterForm({ children, noValidate }: { children: ReactNode; noValidate?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="filters stack" noValidate={noValidate}>
      {children}
      <div>
        <button type="submit" className="small">
          {t("staffViews.filter")}
        </button>
      </div>
    </Form>
  );
}

/** A filter's select whose first choice, "any", leaves the list unfiltered. */
export function AnySelect({
  label,
  name,
  value,
  error,
  options,
}: {
  label: string;
  name: string;
  value: string | number | undefined;
  error?: string;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      name={name}
      defaultValue={value ?? ""}
      error={error}
      options={[{ value: "", label: t("staffViews.any") }, ...options]}
    />
  );
}
