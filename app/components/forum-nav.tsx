import { Form } from "@remix-run/react";
import { AppLink, AppNavLink } from "./app-link";
import { useTranslation } from "~/use-translation";

/** Latest / Top / New / Unread tabs, the category picker and the New topic button. */
export function ForumNav({
  counts,
  signedIn,
  newTopicHref = "/new-topic",
}: {
  counts: { new: number; unread: number };
  signedIn: boolean;
  newTopicHref?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="forum-nav">
      <nav aria-label={t("nav.forum")} className="tabs">
        <AppNavLink to="/latest">{t("forum.latest")}</AppNavLink>
        <AppNavLink to="/top">{t("forum.top")}</AppNavLink>
        {signedIn ? (
          <AppNavLink to="/new">{counts.new ? t("forum.newCount", { count: counts.new }) : t("forum.new")}</AppNavLink>
        ) : null}
        {signedIn ? (
          <AppNavLink to="/unread">
            {counts.unread ? t("forum.unreadCount", { count: counts.unread }) : t("forum.unread")}
          </AppNavLink>
        ) : null}
        <AppNavLink to="/categories">{t("forum.categories")}</AppNavLink>
        {signedIn ? <AppNavLink to="/my/bookmarks">{t("forum.bookmarks")}</AppNavLink> : null}
      </nav>
      <div className="forum-actions">
        <Form method="get" action="/search" role="search" className="inline-search">
          <label htmlFor="forum-search" className="visually-hidden">
            {t("search.label")}
          </label>
          <input id="forum-search" type="search" name="q" placeholder={t("search.placeholder")} />
        </Form>
        {signedIn ? (
          <AppLink className="button small" to={newTopicHref}>
            {t("forum.newTopic")}
          </AppLink>
        ) : (
          <AppLink to="/login">{t("forum.signInToPost")}</AppLink>
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
      <AppLink to={href} rel="next" className="button secondary">
        {t("forum.more")}
      </AppLink>
    </p>
  );
}
