import { Link } from "@remix-run/react";
import { useTranslation } from "~/use-translation";

/** Links of a keyset-paged list: back to the first page, and the next one (hrefs from the loader). */
export function KeysetPager({
  firstHref,
  nextHref,
  nextLabel,
}: {
  firstHref: string | null;
  nextHref: string | null;
  nextLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("staffViews.pages")}>
      {firstHref ? <Link to={firstHref}>{t("staffViews.firstPage")}</Link> : null}{" "}
      {nextHref ? (
        <Link to={nextHref} rel="next">
          {nextLabel}
        </Link>
      ) : null}
    </nav>
  );
}

/** The filters as a query string, without the empty ones. */
export function filterQuery(filter: Record<string, string | number | undefined>): URLSearchParams {
  return new URLSearchParams(
    Object.entries(filter).flatMap(([k, v]) => (v === undefined || v === "" ? [] : [[k, String(v)]])),
  );
}
