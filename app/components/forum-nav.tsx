import { Form, Link, NavLink } from "@remix-run/react";
import { useTranslation } from "~/use-translation";

/** Latest / Top / New / Unread tabs, the category picker and the New topic button. */
export function ForumNav({ counts, signedIn, newTopicHref = "/new-topic" }: { counts: { new: number; unread: number }; signedIn: boolean; newTopicHref?: string }) {
  const { t } = useTranslation();
  return (
    <div className="forum-nav">
      <nav aria-label={t("nav.forum")} className="tabs">
        <NavLink to="/latest">{t("forum.latest")}</NavLink>
        <NavLink to="/top">{t("forum.top")}</NavLink>
        {signedIn ? <NavLink to="/new">{counts.new ? t("forum.newCount", { count: counts.new }) : t("forum.new")}</NavLink> : null}
        {signedIn ? <NavLink to="/unread">{counts.unread ? t("forum.unreadCount", { count: counts.unread }) : t("forum.unread")}</NavLink> : null}
        <NavLink to="/categories">{t("forum.categories")}</NavLink>
        {signedIn ? <NavLink to="/my/bookmarks">{t("forum.bookmarks")}</NavLink> : null}
      </nav>
      <div className="forum-actions">
        <Form method="get" action="/search" role="search" className="inline-search">
          <label htmlFor="forum-search" className="visually-hidden">
            {t("search.label")}
          </label>
          <input id="forum-search" type="search" name="q" placeholder={t("search.placeholder")} />
        </Form>
        {signedIn ? (
          <Link className="button small" to={newTopicHref}>
            {t("forum.newTopic")}
          </Link>
        ) : (
          <Link to="/login">{t("forum.signInToPost")}</Link>
        )}
      </div>
    </div>
  );
}

export function MoreLink({ href }: { href: string | null }) {
  const { t } = useTranslation();
  if (!href) return null;
  return (
    <p className="more">
      <Link to={href} rel="next" className="button secondary">
        {t("forum.more")}
      </Link>
    </p>
  );
}
