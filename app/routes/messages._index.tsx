// /messages: the member's personal conversations, those with unread posts first; the members they
// ignore, with a way to stop. Plain links and forms: it works without JavaScript.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { RelativeTime } from "~/components/relative-time";
import { positiveId } from "~/web/http.server";
import { countUnreadConversations, listConversations, listIgnored } from "~/models/forum/messages.server";
import { canStartMessage, scopeOf } from "~/models/permissions.server";
import { requireViewer } from "~/viewer.server";
import { pageTitle } from "~/web/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "messages.inbox") },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const page = Math.min(positiveId(new URL(request.url).searchParams.get("page")) ?? 1, 10_000);
  const [{ conversations, more }, unread, ignored] = await Promise.all([
    listConversations({ userId: viewer.id, page }),
    countUnreadConversations({ userId: viewer.id }),
    listIgnored({ userId: viewer.id }),
  ]);
  return { conversations, more, page, unread, ignored, canStart: canStartMessage(scopeOf(viewer)) };
}

export default function Inbox() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="page inbox-page">
      <h1>{t("messages.inbox")}</h1>
      <p className="muted">{t("messages.unreadCount", { count: d.unread })}</p>
      {d.canStart ? (
        <p>
          <Link to="/messages/new" className="button">
            {t("messages.new")}
          </Link>
        </p>
      ) : null}
      {d.conversations.length ? (
        <ul className="plain-list conversation-list">
          {d.conversations.map((c) => (
            <li key={c.id} className={`list-item${c.unread ? " unread" : ""}`}>
              <Link to={c.url} className="topic-title">
                {c.title}
              </Link>{" "}
              {c.unread ? <span className="badge-count">{t("messages.unreadPosts", { count: c.unread })}</span> : null}
              <p className="muted">
                {t("messages.with", { names: c.participants.map((p) => p.display_name).join(", ") || "—" })} ·{" "}
                <RelativeTime date={c.bumped_at} />
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("messages.empty")}</p>
      )}
      <p className="pager">
        {d.page > 1 ? <Link to={`/messages?page=${d.page - 1}`}>{t("messages.newer")}</Link> : null}{" "}
        {d.more ? <Link to={`/messages?page=${d.page + 1}`}>{t("messages.older")}</Link> : null}
      </p>
      <h2>{t("messages.ignoredTitle")}</h2>
      <p className="muted">{t("messages.ignoredHelp")}</p>
      {d.ignored.length ? (
        <ul className="plain-list">
          {d.ignored.map((u) => (
            <li key={u.username}>
              <Link to={`/u/${encodeURIComponent(u.username)}`}>{u.display_name}</Link>{" "}
              <Form method="post" action={`/u/${encodeURIComponent(u.username)}/ignore`} className="inline-form">
                <button type="submit" name="intent" value="unignore" className="link-button">
                  {t("messages.unignore")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("messages.noneIgnored")}</p>
      )}
    </div>
  );
}
