import { Form } from "@remix-run/react";
import { AppLink, AppNavLink } from "./app-link";
import { useTranslation } from "~/use-translation";
import { Avatar } from "./avatar";

export type HeaderViewer = {
  username: string;
  displayName: string;
  roles: string[];
  unreadNotifications?: number;
  openFlags?: number | null;
} | null;

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
        <AppLink to="/" className="brand">
          {t("site.name")}
        </AppLink>
        <nav aria-label={t("nav.main")} className="main-nav">
          <AppNavLink to="/latest">{t("nav.forum")}</AppNavLink>
          <AppNavLink to="/directory">{t("nav.directory")}</AppNavLink>
          <AppNavLink to="/events">{t("nav.events")}</AppNavLink>
          <AppNavLink to="/awards">{t("nav.awards")}</AppNavLink>
          {member ? <AppNavLink to="/progress">{t("progress.navLink")}</AppNavLink> : null}
          {member ? <AppNavLink to="/mentorship">{t("mentorship.navLink")}</AppNavLink> : null}
          {has("tutor") ? <AppNavLink to="/tutor">{t("tutor.title")}</AppNavLink> : null}
          {has("judge") ? <AppNavLink to="/judging">{t("nav.judging")}</AppNavLink> : null}
          {has("recruiter") ? <AppNavLink to="/recruiter">{t("nav.recruiter")}</AppNavLink> : null}
          {has("admin") ? <AppNavLink to="/admin">{t("admin.navLink")}</AppNavLink> : null}
        </nav>
        <div className="account">
          {viewer ? (
            <>
              {viewer.openFlags != null ? (
                <AppLink to="/review" className="review-link">
                  {t("nav.review", { count: viewer.openFlags })}
                </AppLink>
              ) : null}
              <AppLink
                to="/notifications"
                className="bell"
                aria-label={t("notifications.navLabel", { count: viewer.unreadNotifications ?? 0 })}
              >
                {/* a drawing, not an emoji: without an emoji font the emoji shows as a box */}
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="currentColor">
                  <path
                    d={
                      "M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 " +
                      "0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
                    }
                  />
                </svg>
                {viewer.unreadNotifications ? (
                  <span className="count" aria-hidden="true">
                    {viewer.unreadNotifications}
                  </span>
                ) : null}
              </AppLink>
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
                      <a href="/messages">{t("messages.inbox")}</a>
                    </li>
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
                      <a href="/my/security">{t("accountSecurity.nav")}</a>
                    </li>
                    <li>
                      <a href="/my/two-factor">{t("twoFactor.nav")}</a>
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
              <AppLink to="/login">{t("nav.signIn")}</AppLink>
              <AppLink to="/signup" className="button small">
                {t("nav.signUp")}
              </AppLink>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
