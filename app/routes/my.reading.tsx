// The reading log: books from the recommended list (or any other), with an optional review
// shared in the Book Club category.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field, answerOf } from "~/components/field";
import { LogPage } from "~/components/log-page";
import { Select, TextArea } from "~/components/form-extras";
import { useDay } from "~/components/use-day";
import { readForm } from "~/web/http.server";
import { ReadingSchema } from "~/models/moderation/logs.schema";
import { createReadingEntry, listReading, listRecommendedBooks } from "~/models/journey/reading.server";
import { scopeOf } from "~/models/permissions.server";
import progressStyles from "~/styles/progress.css";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";
import { readLogEntry, logRefusal } from "~/web/log-entry.server";

export const links = () => [{ rel: "stylesheet", href: progressStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "logs.reading.title") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const [books, entries] = await Promise.all([listRecommendedBooks(), listReading({ userId: viewer.id })]);
  return { books, entries };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const entry = await readLogEntry(viewer.id, ReadingSchema, form);
  if ("refusal" in entry) return entry.refusal;
  const r = await createReadingEntry({ scope: scopeOf(viewer), input: entry.input });
  if (!r.ok) {
    const fields = r.fields ?? {};
    return logRefusal({ values: entry.values, fields, count: Object.keys(fields).length || 1 }, r.status);
  }
  return redirect(`/my/reading?added=1`);
}

export default function MyReading() {
  const { t } = useTranslation();
  const day = useDay();
  const { books, entries } = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { values: v, fields: f } = answerOf(res);
  return (
    <LogPage
      kind="reading"
      added={params.get("added") ? t("logs.reading.added") : null}
      answer={res}
      count={entries.length}
      fields={
        <>
          <Select
            label={t("logs.reading.book")}
            name="bookId"
            defaultValue={v.bookId}
            error={f.bookId}
            options={[
              { value: "other", label: t("logs.reading.otherBook") },
              ...books.map((b) => ({ value: String(b.id), label: `${b.title} (${b.author})` })),
            ]}
          />
          <Field
            label={t("logs.reading.titleField")}
            name="title"
            type="text"
            defaultValue={v.title}
            error={f.title}
            hint={t("logs.reading.titleHint")}
          />
          <Field label={t("logs.reading.author")} name="author" type="text" defaultValue={v.author} error={f.author} />
          <Field
            label={t("logs.reading.finished")}
            name="finishedOn"
            type="date"
            defaultValue={v.finishedOn}
            error={f.finishedOn}
            required
          />
          <TextArea label={t("logs.reading.review")} name="review" defaultValue={v.review} error={f.review} rows={5} />
          <div className="field">
            <label>
              <input
                type="checkbox"
                name="share"
                defaultChecked={v.share === "on"}
                aria-describedby={f.share ? "share-error" : undefined}
              />{" "}
              {t("logs.reading.share")}
            </label>
            {f.share ? (
              <p className="field-error" id="share-error">
                {t(f.share)}
              </p>
            ) : null}
          </div>
        </>
      }
    >
      {entries.map((e) => (
        <li key={e.id} id={`book-${e.id}`} className={`req ${e.status === "rejected" ? "overdue" : "met"}`}>
          <h3>{e.title}</h3>
          <p className="req-line">
            {e.status !== "approved" ? (
              <span className={`status ${e.status === "rejected" ? "overdue" : "pending"}`}>
                {t(`logs.status.${e.status}`)}
              </span>
            ) : null}
            <span>
              {e.author ? `${e.author} · ` : ""}
              {t("logs.reading.finishedOn", { date: day(e.finished_on) })}
            </span>
          </p>
          {e.topic_id ? (
            <p>
              <Link to={`/t/${e.topic_slug}/${e.topic_id}`}>{t("logs.reading.sharedLink")}</Link>
            </p>
          ) : null}
          {e.decision_reason ? <p className="muted">{t("logs.reason", { reason: e.decision_reason })}</p> : null}
        </li>
      ))}
    </LogPage>
  );
}
