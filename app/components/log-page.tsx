// The frame of a member's own log (activities, reading): what it is, the form to add an entry, and the
// entries so far. Each log brings its fields and its entry cards.
import type { ReactNode } from "react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { FormError } from "./field";

/** What the log's action answered after a refusal (see readLogEntry). */
export type LogAnswer = { count: number; formError?: string; errorValues?: Record<string, unknown> } | undefined;

export function LogPage({
  kind,
  added,
  answer,
  fields,
  count,
  children,
}: {
  kind: "activities" | "reading";
  /** the notice after an entry was added, or null */
  added: string | null;
  answer: LogAnswer;
  fields: ReactNode;
  count: number;
  /** the entries' <li> cards */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <p>
        <Link to="/progress">{t("progress.apply.back")}</Link>
      </p>
      <h1>{t(`logs.${kind}.title`)}</h1>
      <p>{t(`logs.${kind}.intro`)}</p>
      {added ? (
        <p className="notice" role="status">
          {added}
        </p>
      ) : null}
      <div className="grid-2">
        <section className="card" aria-labelledby="add-heading">
          <h2 id="add-heading">{t(`logs.${kind}.add`)}</h2>
          <FormError
            message={answer?.formError ?? (answer?.count ? "form.fixErrors" : null)}
            values={answer?.errorValues ?? { count: answer?.count }}
          />
          <Form method="post" className="stack" noValidate>
            {fields}
            <div>
              <button type="submit">{t(`logs.${kind}.submit`)}</button>
            </div>
          </Form>
        </section>
        <section aria-labelledby="list-heading">
          <h2 id="list-heading">{t(`logs.${kind}.listTitle`, { count })}</h2>
          {count ? <ul className="req-list">{children}</ul> : <p>{t(`logs.${kind}.none`)}</p>}
        </section>
      </div>
    </div>
  );
}
