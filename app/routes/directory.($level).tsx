// The directory: /directory (all levels) and /directory/professionals|managers|leaders (one level).
// A plain GET form without JavaScript; with it, results follow the typing. Visibility is enforced
// inside the Meilisearch query (directory.server), so hits and counts only cover what the viewer may see.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AppLink, AppNavLink } from "~/components/app-link";
import type { PageHandle } from "~/enhance";
import { useNonce } from "~/request-context";
import { useTranslation } from "~/use-translation";
import { Avatar } from "~/components/avatar";
import { notFound } from "~/http.server";
import { LEVEL_VIEWS, QUERY_MAX, directorySearchString, parseDirectoryQuery } from "~/models/directory.schema";
import { searchDirectory } from "~/models/directory.server";
import { listCompetencies } from "~/models/profile.server";
import { COUNTRIES, PROFICIENCIES, countryName, languageName } from "~/models/profile.schema";
import { scopeOf } from "~/permissions.server";
import { getViewer } from "~/viewer.server";
import { sharedI18n } from "~/i18n";
import { pageLocale } from "~/page-title";

let competencyCache: { at: number; list: Promise<{ slug: string; name: string }[]> } | undefined;
function competencies() {
  if (!competencyCache || Date.now() - competencyCache.at > 60_000) {
    const list = listCompetencies().then((l) => l.map(({ slug, name }) => ({ slug, name })));
    competencyCache = { at: Date.now(), list };
    list.catch(() => (competencyCache = undefined));
  }
  return competencyCache.list;
}

// A plain HTML page (no React bundle): the forms work as they are, and a few lines of inlined
// script add search as you type (the results are fetched as HTML and swapped in).
export const handle: PageHandle = { hydrate: false };

const LIVE_SEARCH = `(function(){
var f=document.querySelector("form.directory-form"),q=document.getElementById("directory-q"),r=document.getElementById("directory-results"),x=document.getElementById("directory-facets");
if(!f||!q||!r||!window.fetch||!window.DOMParser)return;
var timer,ctl;
function go(facets){
  var u=f.getAttribute("action")+"?"+new URLSearchParams(new FormData(f)).toString();
  if(ctl)ctl.abort();ctl=new AbortController();r.setAttribute("aria-busy","true");
  fetch(u,{signal:ctl.signal,credentials:"same-origin"}).then(function(res){return res.ok?res.text():null}).then(function(h){
    r.removeAttribute("aria-busy");if(!h)return;
    var d=new DOMParser().parseFromString(h,"text/html"),n=d.getElementById("directory-results"),m=d.getElementById("directory-facets");
    if(n){r.innerHTML=n.innerHTML;history.replaceState(null,"",u);}
    if(facets&&m&&x)x.innerHTML=m.innerHTML;
  }).catch(function(){});
}
q.addEventListener("input",function(){clearTimeout(timer);timer=setTimeout(function(){go(true)},250)});
f.addEventListener("change",function(e){if(e.target!==q)go(false)});
})();`;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = sharedI18n(pageLocale(matches)).t;
  return [{ title: data?.fixedLevel ? `${t(`directory.levelTitle.${data.fixedLevel}`)} · ${t("directory.metaTitle")}` : t("directory.metaTitle") }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  let fixedLevel: number | undefined;
  if (params.level) {
    fixedLevel = LEVEL_VIEWS[params.level];
    if (!fixedLevel) notFound();
  }
  const viewer = await getViewer(request);
  const scope = scopeOf(viewer);
  const query = parseDirectoryQuery(new URL(request.url).searchParams, fixedLevel);
  const [outcome, comps] = await Promise.all([searchDirectory({ scope, query }), competencies()]);
  return {
    query,
    fixedLevel: fixedLevel ?? null,
    basePath: params.level ? `/directory/${params.level}` : "/directory",
    outcome,
    competencies: comps,
    signedIn: !!viewer,
    isRecruiter: !!scope.isRecruiter,
  };
}

// Lists render dozens of labels: translate each pattern once per page, then fill it in (i18next's
// t() was a tenth of the page's server time when called per option and per card).
const SLOT = (k: string) => `\u0001${k}\u0002`;
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\u0001(\w+)\u0002/g, (_, k: string) => String(values[k] ?? ""));
}

function Option({ value, label, count, template }: { value: string; label: string; count?: number; template: string }) {
  return <option value={value}>{count === undefined ? label : fill(template, { name: label, count })}</option>;
}

export default function Directory() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const nonce = useNonce();
  const { query: q, outcome, fixedLevel, basePath } = d;
  const lang = i18n.language || "en";
  const facets = outcome.facets;
  const countryKeys = facets ? Object.keys(facets.country).sort((a, b) => countryName(a, lang).localeCompare(countryName(b, lang))) : [...COUNTRIES];
  if (q.country && !countryKeys.includes(q.country)) countryKeys.unshift(q.country);
  const languageKeys = facets ? Object.keys(facets.languages).sort((a, b) => (facets.languages[b] ?? 0) - (facets.languages[a] ?? 0)) : ["en", "fr", "pt", "ar", "sw"];
  if (q.language && !languageKeys.includes(q.language)) languageKeys.unshift(q.language);
  const designationKeys = facets ? Object.keys(facets.designations).sort() : q.designation ? [q.designation] : [];
  const pageUrl = (page: number) => `${basePath}${directorySearchString(q, { page }, { withLevel: !fixedLevel })}`;
  const title = fixedLevel ? t(`directory.levelTitle.${fixedLevel}`) : t("directory.title");
  const tpl = {
    option: t("directory.option", { name: SLOT("name"), count: SLOT("count") as never }),
    competency: t("directory.competencyOption", { name: SLOT("name"), count: SLOT("count") as never }),
    level: t("directory.levelBadge", { level: SLOT("level") }),
    at: t("profile.at", { title: SLOT("title"), organisation: SLOT("organisation") }),
    yearOne: t("directory.years", { count: 1 }),
    years: t("directory.years", { count: 2 }).replace("2", SLOT("count")),
    mentor: t("profile.badgeMentor"),
    open: t("profile.openToOpportunities"),
  };

  return (
    <div className="page directory-page">
      <h1>{title}</h1>
      <p>{t("directory.intro")}</p>
      <nav aria-label={t("directory.views")} className="directory-views">
        <AppNavLink to="/directory" end>
          {t("directory.all")}
        </AppNavLink>
        {Object.entries(LEVEL_VIEWS)
          .filter(([, n]) => n > 1)
          .map(([slug, n]) => (
            <AppNavLink key={slug} to={`/directory/${slug}`}>
              {t(`directory.levelTitle.${n}`)}
            </AppNavLink>
          ))}
      </nav>

      <form method="get" action={basePath} role="search" className="directory-form">
        <label htmlFor="directory-q">{t("directory.searchLabel")}</label>
        <div className="search-row">
          <input id="directory-q" type="search" name="q" defaultValue={q.q} maxLength={QUERY_MAX} placeholder={t("directory.placeholder")} autoComplete="off" />
          <button type="submit">{t("directory.submit")}</button>
        </div>
        <details className="directory-filters" open>
          <summary>{t("directory.filters")}</summary>
          <div id="directory-facets">
          <div className="filter-grid">
            {!fixedLevel ? (
              <div className="field">
                <label htmlFor="f-level">{t("directory.level")}</label>
                <select id="f-level" name="level" defaultValue={q.level ? String(q.level) : ""}>
                  <option value="">{t("directory.anyLevel")}</option>
                  {[1, 2, 3, 4].map((n) => (
                    <Option key={n} value={String(n)} label={fill(tpl.level, { level: n })} count={facets ? (facets.level[String(n)] ?? 0) : undefined} template={tpl.option} />
                  ))}
                </select>
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="f-country">{t("directory.country")}</label>
              <select id="f-country" name="country" defaultValue={q.country ?? ""}>
                <option value="">{t("directory.anyCountry")}</option>
                {countryKeys.map((c) => (
                  <Option key={c} value={c} label={countryName(c, lang)} count={facets ? (facets.country[c] ?? 0) : undefined} template={tpl.option} />
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-language">{t("directory.language")}</label>
              <select id="f-language" name="language" defaultValue={q.language ?? ""}>
                <option value="">{t("directory.anyLanguage")}</option>
                {languageKeys.map((l) => (
                  <Option key={l} value={l} label={languageName(l, lang)} count={facets ? (facets.languages[l] ?? 0) : undefined} template={tpl.option} />
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-designation">{t("directory.designation")}</label>
              <select id="f-designation" name="designation" defaultValue={q.designation ?? ""}>
                <option value="">{t("directory.anyDesignation")}</option>
                {designationKeys.map((k) => (
                  <Option key={k} value={k} label={k} count={facets ? (facets.designations[k] ?? 0) : undefined} template={tpl.option} />
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-proficiency">{t("directory.proficiency")}</label>
              <select id="f-proficiency" name="proficiency" defaultValue={q.proficiency}>
                {PROFICIENCIES.map((p) => (
                  <option key={p} value={p}>
                    {t(`profile.proficiency.${p}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-sort">{t("directory.sort")}</label>
              <select id="f-sort" name="sort" defaultValue={q.sort}>
                {(["relevance", "level", "experience", "recent"] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`directory.sorts.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <fieldset className="checkbox-grid">
            <legend>{t("directory.competency")}</legend>
            {d.competencies.map((c) => (
              <label key={c.slug}>
                <input type="checkbox" name="competency" value={c.slug} defaultChecked={q.competency.includes(c.slug)} />{" "}
                {facets ? fill(tpl.competency, { name: c.name, count: facets.competency[c.slug] ?? 0 }) : c.name}
              </label>
            ))}
          </fieldset>
          <div className="checkbox-row">
            <label>
              <input type="checkbox" name="open" value="1" defaultChecked={!!q.open} />{" "}
              {facets ? t("directory.open", { count: facets.open_to_opportunities }) : t("directory.openPlain")}
            </label>
            <label>
              <input type="checkbox" name="mentor" value="1" defaultChecked={!!q.mentor} />{" "}
              {facets ? t("directory.mentor", { count: facets.is_mentor }) : t("directory.mentorPlain")}
            </label>
          </div>
          </div>
          <p>
            <button type="submit">{t("directory.apply")}</button> <AppLink to={basePath}>{t("directory.clear")}</AppLink>
          </p>
        </details>
      </form>

      <div id="directory-results">
      {d.isRecruiter ? (
        <form method="post" action="/recruiter/searches" className="inline-form save-search">
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="query" value={`${basePath}${directorySearchString(q, { page: 1 }, { withLevel: !fixedLevel })}`} />
          <label htmlFor="save-search-name">{t("directory.saveSearchName")}</label>
          <input id="save-search-name" name="name" required maxLength={80} defaultValue={q.q || title} />
          <button type="submit" className="secondary">
            {t("directory.saveSearch")}
          </button>
        </form>
      ) : null}

      {outcome.mode === "degraded" ? (
        <p className="notice search-degraded" role="status">
          {t("directory.degraded")}
        </p>
      ) : null}
      {!d.signedIn ? <p className="muted">{t("directory.signInMore")}</p> : null}

      <p className="muted" role="status">
        {t("directory.results", { count: outcome.total })}
      </p>
      {outcome.cards.length ? (
        <ul className="directory-cards" aria-label={t("directory.resultsLabel")}>
          {outcome.cards.map((c) => (
            <li key={c.id} className="directory-card">
              <Avatar name={c.name} src={c.photo} size={56} />
              <div>
                <h2 className="card-name">
                  <AppLink to={`/u/${c.username}`}>{c.name}</AppLink>
                </h2>
                {c.jobTitle || c.organisation ? <p>{c.jobTitle && c.organisation ? fill(tpl.at, { title: c.jobTitle, organisation: c.organisation }) : (c.jobTitle ?? c.organisation)}</p> : null}
                <p className="muted">
                  {[c.city, c.country ? countryName(c.country, lang) : null].filter(Boolean).join(", ")}
                  {c.yearsCustomerFacing ? ` · ${c.yearsCustomerFacing === 1 ? tpl.yearOne : fill(tpl.years, { count: c.yearsCustomerFacing })}` : ""}
                </p>
                <p className="card-pills">
                  {c.level && c.badges.includes(`level-${c.level}`) ? <span className="level-pill">{fill(tpl.level, { level: c.level })}</span> : null}
                  {c.badges.includes("mentor") ? <span className="flag-pill">{tpl.mentor}</span> : null}
                  {c.designations.map((x) => (
                    <span key={x} className="flag-pill designation">
                      {x}
                    </span>
                  ))}
                  {c.openToOpportunities ? <span className="flag-pill">{tpl.open}</span> : null}
                </p>
                {c.competencies.length ? <p className="muted small">{c.competencies.join(" · ")}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("directory.none")}</p>
      )}

      {outcome.totalPages > 1 ? (
        <nav className="pager" aria-label={t("directory.pages")}>
          {outcome.page > 1 ? (
            <AppLink to={pageUrl(outcome.page - 1)} rel="prev" className="button secondary">
              {t("directory.previous")}
            </AppLink>
          ) : null}
          <span>{t("directory.page", { page: outcome.page, pages: outcome.totalPages })}</span>
          {outcome.page < outcome.totalPages ? (
            <AppLink to={pageUrl(outcome.page + 1)} rel="next" className="button secondary">
              {t("directory.next")}
            </AppLink>
          ) : null}
        </nav>
      ) : null}
      </div>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: LIVE_SEARCH }} />
    </div>
  );
}
