// What the platform keeps about members, why, and what download and deletion do. Public.
import type { MetaFunction } from "@remix-run/node";
import { Link, useSearchParams } from "@remix-run/react";
import type { PageHandle } from "~/web/enhance";
import { sharedI18n } from "~/i18n";
import type { RootData } from "~/web/root-data";
import { useTranslation } from "~/use-translation";

export const handle: PageHandle = { hydrate: false };

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as RootData | undefined;
  return [{ title: `${sharedI18n(root?.locale ?? "en").t("privacy.page.title")} · Touchpoints` }];
};

const KEPT = ["account", "profile", "forum", "progress", "contacts", "mentorships", "security"] as const;
const ERASED = ["identity", "profile", "badges", "recruiters", "mentorships", "words", "likes"] as const;
const KEPT_AFTER = ["posts", "mentions", "badges", "audit", "flags", "emails"] as const;

export default function Privacy() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <div className="page narrow prose">
      <h1>{t("privacy.page.title")}</h1>
      {params.get("deleted") === "1" ? (
        <p className="notice" role="status">
          {t("privacy.page.deletedNotice")}
        </p>
      ) : null}
      <p>{t("privacy.page.intro")}</p>

      <h2>{t("privacy.page.keptTitle")}</h2>
      <ul>
        {KEPT.map((k) => (
          <li key={k}>{t(`privacy.page.kept.${k}`)}</li>
        ))}
      </ul>

      <h2>{t("privacy.page.sharedTitle")}</h2>
      <p>{t("privacy.page.shared")}</p>

      <h2>{t("privacy.page.exportTitle")}</h2>
      <p>
        {t("privacy.page.export")} <Link to="/my/data">{t("privacy.page.exportLink")}</Link>
      </p>

      <h2>{t("privacy.page.deleteTitle")}</h2>
      <p>{t("privacy.page.delete")}</p>
      <ul>
        {ERASED.map((k) => (
          <li key={k}>{t(`privacy.page.erased.${k}`)}</li>
        ))}
      </ul>
      <p>
        <Link to="/my/delete-account">{t("privacy.page.deleteLink")}</Link>
      </p>

      <h2 id="after-deletion">{t("privacy.page.keptAfterTitle")}</h2>
      <ul>
        {KEPT_AFTER.map((k) => (
          <li key={k}>{t(`privacy.page.keptAfter.${k}`)}</li>
        ))}
      </ul>

      <h2>{t("privacy.page.contactTitle")}</h2>
      <p>{t("privacy.page.contact")}</p>
    </div>
  );
}
