import { useTranslation } from "~/use-translation";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t("footer.about")}</p>
      <p className="muted">{t("site.tagline")}</p>
    </footer>
  );
}
