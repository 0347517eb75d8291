import { Form, Link, NavLink } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Avatar } from "./avatar";

export type HeaderViewer = { username: string; displayName: string; roles: string[]; unreadNotifications?: number; openFlags?: number | null } | null;

export function SiteHeader({ viewer }: { viewer: HeaderViewer }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="bar">
        <Link to="/" className="brand">
          {t("site.name")}
        </Link>
        <nav aria-label={t("nav.main")} className="main-nav">
          <NavLink to="/latest">{t("nav.forum")}</NavLink>
          <NavLink to="/directory">{t("nav.directory")}</NavLink>
          {viewer ? <NavLink to="/progress">{t("progress.navLink")}</NavLink> : null}
          {viewer?.roles.includes("admin") ? <NavLink to="/admin">{t("admin.navLink")}</NavLink> : null}
        </nav>
        <div className="account">
          {viewer ? (
            <>
              {viewer.openFlags != null ? (
                <Link to="/review" className="review-link">
                  {t("nav.review", { count: viewer.openFlags })}
                </Link>
              ) : null}
              <Link to="/notifications" className="bell" aria-label={t("notifications.navLabel", { count: viewer.unreadNotifications ?? 0 })}>
                <span aria-hidden="true">🔔</span>
                {viewer.unreadNotifications ? <span className="count" aria-hidden="true">{viewer.unreadNotifications}</span> : null}
              </Link>
              <Link to={`/u/${viewer.username}`} className="me" aria-label={t("nav.account")}>
                <Avatar name={viewer.displayName} size={28} />
                <span className="me-name">{viewer.displayName}</span>
              </Link>
              <Form method="post" action="/logout">
                <button type="submit" className="link-button">
                  {t("nav.signOut")}
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/login">{t("nav.signIn")}</Link>
              <Link to="/signup" className="button small">
                {t("nav.signUp")}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
