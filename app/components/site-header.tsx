import { Form, Link, NavLink } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { Avatar } from "./avatar";

export type HeaderViewer = { username: string; displayName: string; roles: string[]; unreadNotifications?: number; openFlags?: number | null } | null;

export function SiteHeader({ viewer }: { viewer: HeaderViewer }) {
  const { t } = useTranslation();
  const has = (role: string) => !!viewer?.roles.includes(role);
  const member = has("member");
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
          <NavLink to="/events">{t("nav.events")}</NavLink>
          <NavLink to="/awards">{t("nav.awards")}</NavLink>
          {member ? <NavLink to="/progress">{t("progress.navLink")}</NavLink> : null}
          {member ? <NavLink to="/mentorship">{t("mentorship.navLink")}</NavLink> : null}
          {has("tutor") ? <NavLink to="/tutor">{t("tutor.title")}</NavLink> : null}
          {has("judge") ? <NavLink to="/judging">{t("nav.judging")}</NavLink> : null}
          {has("recruiter") ? <NavLink to="/recruiter">{t("nav.recruiter")}</NavLink> : null}
          {has("admin") ? <NavLink to="/admin">{t("admin.navLink")}</NavLink> : null}
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
              {/* a disclosure, not an ARIA menu: it opens and closes without JavaScript, with the keyboard too */}
              <details className="account-menu">
                <summary className="me" aria-label={t("nav.account")}>
                  <Avatar name={viewer.displayName} size={28} />
                  <span className="me-name">{viewer.displayName}</span>
                </summary>
                <nav aria-label={t("nav.account")}>
                  <ul>
                    <li>
                      <a href={`/u/${viewer.username}`}>{t("nav.profile")}</a>
                    </li>
                    <li>
                      <a href="/my/profile">{t("nav.editProfile")}</a>
                    </li>
                    {member ? (
                      <>
                        <li>
                          <a href="/assessments">{t("nav.assessments")}</a>
                        </li>
                        <li>
                          <a href="/my/activities">{t("nav.activities")}</a>
                        </li>
                        <li>
                          <a href="/my/reading">{t("nav.reading")}</a>
                        </li>
                        <li>
                          <a href="/my/appeals">{t("nav.appeals")}</a>
                        </li>
                      </>
                    ) : null}
                    <li>
                      <a href="/my/bookmarks">{t("nav.bookmarks")}</a>
                    </li>
                    <li>
                      <a href="/my/contacts">{t("nav.contacts")}</a>
                    </li>
                    <li>
                      <a href="/my/notifications/settings">{t("nav.notificationSettings")}</a>
                    </li>
                    <li>
                      <a href="/language">{t("nav.language")}</a>
                    </li>
                    <li>
                      <a href="/my/data">{t("nav.myData")}</a>
                    </li>
                    <li>
                      <Form method="post" action="/logout">
                        <button type="submit" className="link-button">
                          {t("nav.signOut")}
                        </button>
                      </Form>
                    </li>
                  </ul>
                </nav>
              </details>
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
