// The page the service worker (public/sw.js) shows for an address it has no copy of while the device is
// offline. Kept at install, as any visitor sees it; reachable online too.
import type { MetaFunction } from "@remix-run/node";
import type { PageHandle } from "~/web/enhance";
import { shareableHeaders } from "~/web/page-caching";
import { pageTitle } from "~/web/page-title";
import { useTranslation } from "~/use-translation";

export const handle: PageHandle = { hydrate: false };
export const headers = shareableHeaders;

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "offline.title") },
  { name: "robots", content: "noindex" },
];

export default function Offline() {
  const { t } = useTranslation();
  return (
    <div className="page narrow">
      <h1>{t("offline.title")}</h1>
      <p>{t("offline.text")}</p>
      <p>
        <a href="/">{t("offline.retry")}</a>
      </p>
    </div>
  );
}
