import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "~/use-translation";
import { z } from "zod";
import { RelativeTime } from "~/components/relative-time";
import { CategoryBadge } from "~/components/topic-list";
import { createI18n, defaultLocale, type Locale } from "~/i18n";
import {
  listSearchableCategories,
  MAX_PAGE,
  MAX_TOTAL_HITS,
  searchPosts,
  type Segment,
} from "~/models/forum/forum-search.server";
import { parseSearchQuery, QUERY_MAX } from "~/models/forum/search-query";
import { scopeOf } from "~/models/permissions.server";
import { getViewer } from "~/viewer.server";
import { localized } from "~/models/shared/localized";

const ParamsSchema = z.object({
  // an over-long query is cut (and the parser says so), never thrown away
  q: z
    .string()
    .catch("")
    .transform((s) => s.slice(0, 4 * QUERY_MAX)),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
});

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = ((matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ??
    defaultLocale) as Locale;
  const { t } = createI18n(locale);
  return [
    { title: data?.q ? t("search.metaTitleQuery", { q: data.q }) : t("search.metaTitle") },
    { name: "robots", content: "noindex" },
  ];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const scope = scopeOf(viewer);
  const url = new URL(request.url);
  const params = ParamsSchema.parse({ q: url.searchParams.get("q") ?? "", page: url.searchParams.get("page") ?? 1 });
  const q = params.q.trim();
  const [outcome, categories] = await Promise.all([
    searchPosts({ scope, query: parseSearchQuery(q), page: params.page }),
    listSearchableCategories(scope),
  ]);
  const pageUrl = (p: number) => `/search?${new URLSearchParams({ q, ...(p > 1 ? { page: String(p) } : {}) })}`;
  return {
    q,
    mode: outcome.mode,
    hits: outcome.hits,
    total: outcome.total,
    totalCapped: outcome.total !== null && outcome.total >= MAX_TOTAL_HITS,
    problems: outcome.problems,
    page: outcome.page,
    prevUrl: outcome.page > 1 ? pageUrl(outcome.page - 1) : null,
    nextUrl: outcome.hasNext ? pageUrl(outcome.page + 1) : null,
    categories,
  };
}

/** Highlighted text: marked pieces in <mark>, every piece a text node (React escapes it). */
function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>{segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))}</>
  );
}

const TIPS: [string, string][] = [
  ["@username", "user"],
  ["#category", "category"],
  ["tags:a,b", "tags"],
  ["before:2026-01-31", "before"],
  ["after:2026-01-01", "after"],
  ["in:bookmarks", "bookmarks"],
  ["in:likes", "likes"],
  ["status:open", "status"],
  ["order:latest", "order"],
  ['"exact words"', "phrase"],
];

export default function SearchPage() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="search-page">
      <h1>{t("search.title")}</h1>
      <Form method="get" action="/search" role="search" className="search-form">
        <label htmlFor="search-q">{t("search.label")}</label>
        <div className="search-row">
          <input
            key={d.q}
            id="search-q"
            type="search"
            name="q"
            defaultValue={d.q}
            maxLength={QUERY_MAX}
            placeholder={t("search.placeholder")}
          />
          <button type="submit">{t("search.submit")}</button>
        </div>
      </Form>

      {d.problems.length ? (
        <div className="search-problems" role="status">
          <ul>
            {d.problems.map((p, i) => (
              <li key={i}>{t(p.key, p.values)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {d.mode === "degraded" ? (
        <p className="notice search-degraded" role="status">
          {t("search.degraded")}
        </p>
      ) : null}

      {d.mode === "idle" ? (
        <p>{t("search.idle")}</p>
      ) : d.hits.length ? (
        <>
          {d.total !== null ? (
            <p className="muted">
              {d.totalCapped ? t("search.resultsMany", { count: d.total }) : t("search.results", { count: d.total })}
            </p>
          ) : null}
          <ol className="search-results" aria-label={t("search.resultsLabel")}>
            {d.hits.map((h) => (
              <li key={h.postId} className="search-hit">
                <h2 className="search-hit-title">
                  <Link to={h.url}>
                    <Highlighted segments={h.title} />
                  </Link>
                </h2>
                <p className="search-hit-meta">
                  {h.category ? <CategoryBadge category={h.category} /> : null}
                  <span>
                    {h.author
                      ? t("search.by", { name: h.author.displayName })
                      : t("search.by", { name: t("search.deletedUser") })}
                  </span>
                  <RelativeTime date={h.createdAt} />
                  <span>{t("search.postNumber", { number: h.postNumber })}</span>
                  {h.likeCount ? <span>{t("search.likes", { count: h.likeCount })}</span> : null}
                </p>
                {h.snippet.length ? (
                  <p className="search-hit-snippet">
                    <Highlighted segments={h.snippet} />
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>{t("search.noResults")}</p>
      )}

      {d.prevUrl || d.nextUrl ? (
        <nav className="pager" aria-label={t("search.pages")}>
          {d.prevUrl ? (
            <Link to={d.prevUrl} rel="prev" className="button secondary">
              {t("search.previous")}
            </Link>
          ) : null}
          <span>{t("search.page", { page: d.page })}</span>
          {d.nextUrl ? (
            <Link to={d.nextUrl} rel="next" className="button secondary">
              {t("search.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}

      <details className="search-tips">
        <summary>{t("search.tips.title")}</summary>
        <p>{t("search.tips.intro")}</p>
        <dl>
          {TIPS.map(([example, key]) => (
            <div key={key}>
              <dt>
                <code>{example}</code>
              </dt>
              <dd>{t(`search.tips.${key}`)}</dd>
            </div>
          ))}
        </dl>
        {d.categories.length ? (
          <>
            <p>{t("search.tips.categories")}</p>
            <ul className="search-tip-categories">
              {d.categories.map((c) => (
                <li key={c.slug}>
                  <code>#{c.slug}</code> {localized(c, "name", i18n.language)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </details>
    </div>
  );
}
