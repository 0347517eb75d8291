import { Link } from "@remix-run/react";
import { useTranslation } from "~/use-translation";
import { useRootData } from "~/web/root-data";

// a reading page: plain HTML, no React bundle (the first visit on a slow connection stays light)
export const handle = { hydrate: false };

export default function Home() {
  const { t } = useTranslation();
  const root = useRootData();
  return (
    <div>
      <h1>{t("home.title")}</h1>
      {root?.viewer ? (
        <p>{t(root.viewer.returning ? "home.welcomeBack" : "home.welcome", { name: root.viewer.displayName })}</p>
      ) : null}
      <p>{t("home.intro")}</p>
      {!root?.viewer ? (
        <p>
          <Link className="button" to="/signup">
            {t("home.joinCta")}
          </Link>
        </p>
      ) : null}
      <h2>{t("home.levelsTitle")}</h2>
      <ol className="levels">
        {[1, 2, 3, 4].map((n) => (
          <li key={n} className="card">
            {t(`home.level${n}`)}
          </li>
        ))}
      </ol>
    </div>
  );
}
