// Bookmark a post, with an optional reminder (a date and time in the member's own time zone).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Field, FormError } from "~/components/field";
import { db } from "~/db.server";
import { notFound, positiveId, readForm } from "~/web/http.server";
import { getReadablePost } from "~/models/moderation/flag.server";
import { bookmarkPost, removeBookmark } from "~/models/forum/like.server";
import { dateToLocalInput, localInputToDate } from "~/models/shared/local-time";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, "bookmark.title", { number: data?.number ?? "" }) },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const postId = positiveId(params.id);
  const found = postId ? await getReadablePost(db, scopeOf(viewer), postId) : undefined;
  if (!found) notFound();
  const existing = await db
    .selectFrom("bookmarks")
    .select(["reminder_at"])
    .where("user_id", "=", viewer.id)
    .where("post_id", "=", found.post.id)
    .executeTakeFirst();
  return {
    number: found.post.post_number,
    title: found.topic.title,
    url: found.url,
    saved: !!existing,
    reminder: existing?.reminder_at ? dateToLocalInput(existing.reminder_at, viewer.timeZone) : "",
    min: dateToLocalInput(new Date(), viewer.timeZone),
    timeZone: viewer.timeZone,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const postId = positiveId(params.id);
  if (!postId) notFound();
  const form = await readForm(request);
  const reminderText = (form.reminder ?? "").slice(0, 40);
  if (form.intent === "remove") {
    await removeBookmark({ scope, postId });
    const found = await getReadablePost(db, scope, postId);
    return redirect(found?.url ?? "/my/bookmarks");
  }
  let reminderAt: Date | null = null;
  if (reminderText.trim()) {
    const parsed = localInputToDate(reminderText, viewer.timeZone);
    if (!parsed)
      return data(
        {
          formError: "form.fixErrors",
          errorValues: { count: 1 },
          fields: { reminder: "bookmark.errors.date" },
          reminder: reminderText,
        },
        { status: 422 },
      );
    reminderAt = parsed;
  }
  const result = await bookmarkPost({ scope, postId, reminderAt });
  if (!result.ok) {
    const fields = result.fields?.reminderAt ? { reminder: result.fields.reminderAt } : {};
    return data(
      { formError: result.message, errorValues: result.values, fields, reminder: reminderText },
      { status: result.status },
    );
  }
  return redirect(`/t/${result.topic.slug}/${result.topic.id}/${result.postNumber}#post-${result.postNumber}`);
}

export default function BookmarkPost() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const res = useActionData<typeof action>();
  const fields = (res?.fields ?? {}) as Record<string, string | undefined>;
  return (
    <div className="page narrow">
      <h1>{t("bookmark.title", { number: d.number })}</h1>
      <p>
        <Link to={d.url}>{t("moderation.post.heading", { number: d.number, title: d.title })}</Link>
      </p>
      {d.saved ? <p className="notice">{t("bookmark.saved")}</p> : null}
      <FormError message={res?.formError} values={res?.errorValues} />
      <Form method="post" className="stack" noValidate>
        <Field
          label={t("bookmark.reminder")}
          name="reminder"
          type="datetime-local"
          defaultValue={res?.reminder ?? d.reminder}
          min={d.min}
          error={fields.reminder}
          hint={t("moderation.bookmark.timeZone", { zone: d.timeZone })}
        />
        <div className="actions">
          <button type="submit" name="intent" value="save">
            {t("bookmark.save")}
          </button>
          {d.saved ? (
            <button type="submit" name="intent" value="remove" className="secondary">
              {t("bookmark.remove")}
            </button>
          ) : null}
          <Link to={d.url} className="button secondary">
            {t("composer.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
