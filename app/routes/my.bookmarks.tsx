// /my/bookmarks: the member's bookmarks, newest first (posts they can no longer see left out).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { RelativeTime } from "~/components/relative-time";
import { positiveId, readForm } from "~/web/http.server";
import { renderPlainExcerpt } from "~/markdown/excerpt.server";
import { listBookmarks, removeBookmark } from "~/models/forum/like.server";
import { scopeOf } from "~/models/permissions.server";
import { useRootData } from "~/web/root-data";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "bookmark.mine") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const rows = await listBookmarks({ scope: scopeOf(viewer) });
  return {
    bookmarks: rows.map((b) => ({
      postId: b.post_id,
      href: `/t/${b.slug}/${b.topic_id}/${b.post_number}#post-${b.post_number}`,
      title: b.title,
      number: b.post_number,
      author: b.display_name,
      excerpt: b.body_html ? renderPlainExcerpt(b.body_html, 200) : "",
      reminderAt: b.reminder_at,
      createdAt: b.created_at,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const postId = positiveId(form.postId);
  if (postId) await removeBookmark({ scope: scopeOf(viewer), postId });
  return redirect("/my/bookmarks");
}

export default function MyBookmarks() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const timeZone = useRootData()?.viewer?.timeZone ?? "UTC";
  return (
    <div className="page">
      <h1>{t("bookmark.mine")}</h1>
      {d.bookmarks.length ? (
        <ul className="plain-list">
          {d.bookmarks.map((b) => (
            <li key={b.postId} className="list-item">
              <Link to={b.href} className="topic-title">
                {t("moderation.post.heading", { number: b.number, title: b.title })}
              </Link>
              <p className="muted">
                {b.author ? `${b.author} · ` : null}
                <RelativeTime date={b.createdAt} />
              </p>
              {b.excerpt ? <p>{b.excerpt}</p> : null}
              {b.reminderAt ? (
                <p className="muted">
                  {t("bookmark.remindAt", {
                    date: new Date(b.reminderAt),
                    formatParams: { date: { dateStyle: "medium", timeStyle: "short", timeZone } },
                  })}
                </p>
              ) : null}
              <Form method="post">
                <input type="hidden" name="postId" value={b.postId} />
                <button
                  type="submit"
                  className="link-button"
                  aria-label={t("moderation.bookmark.removeLabel", { number: b.number, title: b.title })}
                >
                  {t("bookmark.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("bookmark.empty")}</p>
      )}
    </div>
  );
}
