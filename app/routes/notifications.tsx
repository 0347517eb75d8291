// /notifications: newest first; likes on one post are already one row. Each row is re-checked
// against what the member may see now. Opening a row marks it read (a plain link, no JavaScript).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { RelativeTime } from "~/components/relative-time";
import { positiveId, readForm } from "~/web/http.server";
import { listNotifications, openNotification } from "~/models/account/notification-inbox.server";
import { markNotificationsRead } from "~/models/account/notification.server";
import { notificationNote, notificationText } from "~/models/account/notification-text";
import { scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "notifications.title") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const scope = scopeOf(viewer);
  const url = new URL(request.url);
  const open = positiveId(url.searchParams.get("open"));
  if (open) throw redirect(await openNotification({ scope, id: open }));
  const { items, next } = await listNotifications({ scope, cursor: url.searchParams.get("after") });
  return {
    items,
    nextUrl: next ? `/notifications?after=${encodeURIComponent(next)}` : null,
    unread: items.filter((i) => i.unread).length,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  if (form.intent === "read-all") await markNotificationsRead({ userId: viewer.id });
  return redirect("/notifications");
}

export default function Notifications() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("notifications.title")}</h1>
      <div className="actions notifications-actions">
        {d.unread ? (
          <Form method="post">
            <button type="submit" name="intent" value="read-all" className="secondary small">
              {t("notifications.markAllRead")}
            </button>
          </Form>
        ) : null}
        <Link to="/my/notifications/settings">{t("notifications.settings")}</Link>
      </div>
      {d.items.length ? (
        <ul className="plain-list notification-list">
          {d.items.map((n) => (
            <li key={n.id} className={`list-item notification${n.unread ? " unread" : ""}`}>
              <Link to={`/notifications?open=${n.id}`}>
                {notificationText(t, { kind: n.kind, data: n.data, actor: n.actor }, i18n.language)}
              </Link>
              {n.unread ? <span className="new-badge">{t("moderation.notifications.unread")}</span> : null}
              {notificationNote(n) ? (
                <p className="decision-note">{t("progressGuide.decisionNote", { note: notificationNote(n) })}</p>
              ) : null}
              <div className="muted small-text">
                <RelativeTime date={n.createdAt} />
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("notifications.empty")}</p>
      )}
      {d.nextUrl ? (
        <p className="pager">
          <Link to={d.nextUrl} rel="next">
            {t("moderation.notifications.older")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
