import { useLocation } from "@remix-run/react";
import { AppLink } from "./app-link";
import { localeNames, supportedLocales, type Locale } from "~/locale";
import { useTranslation } from "~/use-translation";

/** The language switch: a plain form, so it works without JavaScript (members: their setting; visitors: a cookie). */
function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { pathname, search } = useLocation();
  const current = i18n.language as Locale;
  return (
    <form method="post" action="/language" className="language-switch" aria-labelledby="language-switch-label">
      <input type="hidden" name="returnTo" value={pathname + search} />
      <a href="/language" id="language-switch-label">
        {t("footer.language")}
      </a>
      {supportedLocales.map((l) =>
        l === current ? (
          <span key={l} lang={l} aria-current="true">
            {localeNames[l]}
          </span>
        ) : (
          <button
            key={l}
            type="submit"
            name="locale"
            value={l}
            lang={l}
            className="link-button"
            title={t("language.switchTo", { name: localeNames[l] })}
          >
            {localeNames[l]}
          </button>
        ),
      )}
    </form>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t("footer.about")}</p>
      <p className="muted">{t("site.tagline")}</p>
      <p>
        <AppLink to="/privacy">{t("footer.privacy")}</AppLink>
      </p>
      <LanguageSwitch />
    </footer>
  );
}
