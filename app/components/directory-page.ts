// The directory page's content as one string: the views, the search form with its facet counts,
// the result cards and the pager: the route's only markup, for visitors and members alike.
// Every value goes through escapeHtml.
import type { TFunction } from "i18next";
import { escapeHtml as esc } from "~/html";
import { LEVEL_VIEWS, QUERY_MAX, directorySearchString } from "~/models/directory/directory.schema";
import type { DirectoryPageData } from "~/models/directory/directory-page.server";
import { COUNTRIES, PROFICIENCIES, countryName, languageName } from "~/models/directory/profile.schema";
import { SLOT, directoryCardsHtml, fill } from "./directory-cards";
import { localized } from "~/models/shared/localized";

export type PageContext = { t: TFunction; lang: string; pathname: string };

// A few lines of inlined script add search as you type: the results are fetched as HTML and swapped in.
// Allowed by its hash (app/web/inline-scripts.server.ts), so it carries no nonce.
export const LIVE_SEARCH = `(function(){
var f=document.querySelector("form.directory-form"),q=document.getElementById("directory-q"),
  r=document.getElementById("directory-results"),x=document.getElementById("directory-facets");
if(!f||!q||!r||!window.fetch||!window.DOMParser)return;
var timer,ctl;
function go(facets){
  var u=f.getAttribute("action")+"?"+new URLSearchParams(new FormData(f)).toString();
  if(ctl)ctl.abort();ctl=new AbortController();r.setAttribute("aria-busy","true");
  fetch(u,{signal:ctl.signal,credentials:"same-origin"})
  .then(function(res){return res.ok?res.text():null}).then(function(h){
    r.removeAttribute("aria-busy");if(!h)return;
    var d=new DOMParser().parseFromString(h,"text/html"),
      n=d.getElementById("directory-results"),m=d.getElementById("directory-facets");
    if(n){r.innerHTML=n.innerHTML;history.replaceState(null,"",u);}
    if(facets&&m&&x)x.innerHTML=m.innerHTML;
  }).catch(function(){});
}
r.addEventListener("submit",function(e){
  var s=e.target;if(!s.classList||!s.classList.contains("shortlist-card"))return;
  e.preventDefault();var b=s.querySelector("button");if(b)b.disabled=true;
  fetch(s.action,{method:"POST",body:new FormData(s),credentials:"same-origin"})
  .then(function(res){return res.ok?res.text():null}).then(function(h){
    var who='form.shortlist-card[data-username="'+CSS.escape(s.getAttribute("data-username"))+'"]';
    var n=h&&new DOMParser().parseFromString(h,"text/html").querySelector(who);
    if(n){s.replaceWith(n);var nb=n.querySelector("button");if(nb)nb.focus()}else s.submit();
  }).catch(function(){s.submit()});
});
q.addEventListener("input",function(){clearTimeout(timer);timer=setTimeout(function(){go(true)},250)});
f.addEventListener("change",function(e){if(e.target!==q)go(false)});
})();`;

/** The page's heading. */
export const directoryTitle = (t: TFunction, fixedLevel: number | null) =>
  fixedLevel ? t(`directory.levelTitle.${fixedLevel}`) : t("directory.title");
/** The document's title. */
export const directoryTitleTag = (t: TFunction, fixedLevel: number | null) =>
  fixedLevel ? `${t(`directory.levelTitle.${fixedLevel}`)} · ${t("directory.metaTitle")}` : t("directory.metaTitle");

const attr = (name: string, on: boolean) => (on ? ` ${name}=""` : "");

/**
 * A link of the views' nav, current as Remix's NavLink says: on its own path (and below it, unless `end`). `label` is
 * escaped already.
 */
function navLink(to: string, label: string, pathname: string, end: boolean): string {
  const active = pathname === to || (!end && pathname.startsWith(`${to}/`));
  return `<a href="${esc(to)}"${active ? ` class="active" aria-current="page"` : ""}>${label}</a>`;
}

/** `label` and the options' texts are escaped already. */
function select(
  id: string,
  name: string,
  label: string,
  selected: string,
  options: [value: string, text: string][],
): string {
  let h = `<div class="field"><label for="${id}">${label}</label><select id="${id}" name="${name}">`;
  for (const [value, text] of options)
    h += `<option value="${esc(value)}"${attr("selected", value === selected)}>${text}</option>`;
  return `${h}</select></div>`;
}

/** `label` is escaped already. */
const checkbox = (name: string, value: string, checked: boolean, label: string) =>
  `<label><input type="checkbox" name="${name}" value="${esc(value)}"${attr("checked", checked)}/> ${label}</label>`;

// Every fixed label of the page, per language: looked up once (i18next took a fifth of the page's CPU).
// Plain labels are kept escaped; templates keep their slots (see SLOT) and are escaped once filled.
function buildLabels(t: TFunction) {
  const plain = {
    intro: t("directory.intro"),
    views: t("directory.views"),
    all: t("directory.all"),
    searchLabel: t("directory.searchLabel"),
    placeholder: t("directory.placeholder"),
    submit: t("directory.submit"),
    filters: t("directory.filters"),
    level: t("directory.level"),
    anyLevel: t("directory.anyLevel"),
    country: t("directory.country"),
    anyCountry: t("directory.anyCountry"),
    language: t("directory.language"),
    anyLanguage: t("directory.anyLanguage"),
    designation: t("directory.designation"),
    anyDesignation: t("directory.anyDesignation"),
    proficiency: t("directory.proficiency"),
    sort: t("directory.sort"),
    competency: t("directory.competency"),
    openPlain: t("directory.openPlain"),
    mentorPlain: t("directory.mentorPlain"),
    evidenced: t("evidence.filter"),
    apply: t("directory.apply"),
    clear: t("directory.clear"),
    saveSearchName: t("directory.saveSearchName"),
    saveSearch: t("directory.saveSearch"),
    degraded: t("directory.degraded"),
    signInMore: t("directory.signInMore"),
    resultsLabel: t("directory.resultsLabel"),
    none: t("directory.none"),
    pages: t("directory.pages"),
    previous: t("directory.previous"),
    next: t("directory.next"),
    noneExact: t("directoryMatch.noneExact"),
    closeHeading: t("directoryMatch.closeHeading"),
  };
  return {
    html: Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, esc(v)])) as Record<keyof typeof plain, string>,
    titles: [0, 1, 2, 3, 4].map((n) => directoryTitle(t, n || null)),
    views: Object.entries(LEVEL_VIEWS)
      .filter(([, n]) => n > 1)
      .map(([slug, n]) => [`/directory/${slug}`, t(`directory.levelTitle.${n}`)] as const),
    proficiencies: PROFICIENCIES.map((p): [string, string] => [p, t(`profile.proficiency.${p}`)]),
    sorts: (["relevance", "level", "experience", "recent"] as const).map((s): [string, string] => [
      s,
      t(`directory.sorts.${s}`),
    ]),
    option: t("directory.option", { name: SLOT("name"), count: SLOT("count") as never }),
    competencyOption: t("directory.competencyOption", { name: SLOT("name"), count: SLOT("count") as never }),
    card: {
      level: t("directory.levelBadge", { level: SLOT("level") }),
      at: t("profile.at", { title: SLOT("title"), organisation: SLOT("organisation") }),
      yearOne: t("directory.years", { count: 1 }),
      years: t("directory.years", { count: 2 }).replace("2", SLOT("count")),
      mentor: t("profile.badgeMentor"),
      open: t("profile.openToOpportunities"),
      lapsed: t("cpd.lapsedPill", { name: SLOT("name") }),
      proficiency: Object.fromEntries(PROFICIENCIES.map((p) => [p, t(`profile.proficiency.${p}`)])),
      rated: t("directory.competencyRated", { name: SLOT("name"), proficiency: SLOT("proficiency") }),
    },
  };
}
const labelCache = new Map<string, ReturnType<typeof buildLabels>>();
function labelsFor(t: TFunction, lang: string) {
  let l = labelCache.get(lang);
  if (!l) labelCache.set(lang, (l = buildLabels(t)));
  return l;
}

// The few labels with a number ("1,403 profiles"), kept per language and number: plural rules and
// number formatting are the costly part of i18next.
const counted = new Map<string, string>();
function withCount(t: TFunction, lang: string, key: string, values: { count: number; pages?: number }): string {
  const k = `${lang}|${key}|${values.count}|${values.pages ?? ""}`;
  let s = counted.get(k);
  if (s === undefined) {
    if (counted.size > 5000) counted.clear();
    counted.set(
      k,
      (s = esc(
        key === "directory.page"
          ? t(key, { page: values.count, pages: values.pages })
          : t(key, { count: values.count }),
      )),
    );
  }
  return s;
}

// Countries in the order of their names, computed once per language: sorting the facet's countries
// with localeCompare on every page cost more than the rest of the form.
const countryRanks = new Map<string, Map<string, number>>();
function byCountryName(codes: string[], lang: string): string[] {
  let ranks = countryRanks.get(lang);
  if (!ranks) {
    const sorted = [...COUNTRIES].sort((a, b) => countryName(a, lang).localeCompare(countryName(b, lang), lang));
    countryRanks.set(lang, (ranks = new Map(sorted.map((c, i) => [c, i]))));
  }
  const rank = ranks;
  const known = codes.filter((c) => rank.has(c)).sort((a, b) => rank.get(a)! - rank.get(b)!);
  // a code outside the list (none today) after the known ones, by name
  const other = codes
    .filter((c) => !rank.has(c))
    .sort((a, b) => countryName(a, lang).localeCompare(countryName(b, lang), lang));
  return [...known, ...other];
}

export function directoryPageHtml(d: DirectoryPageData, { t, lang, pathname }: PageContext): string {
  const { query: q, outcome, fixedLevel, basePath } = d;
  const L = labelsFor(t, lang);
  const facets = outcome.facets;
  const count = (n: number | undefined) => (facets ? (n ?? 0) : undefined);
  const labelled = (label: string, n: number | undefined) =>
    n === undefined ? label : fill(L.option, { name: label, count: n });
  const escaped = (o: [string, string][]) => o.map(([v, text]): [string, string] => [v, esc(text)]);

  const countryKeys = facets ? byCountryName(Object.keys(facets.country), lang) : [...COUNTRIES];
  if (q.country && !countryKeys.includes(q.country)) countryKeys.unshift(q.country);
  const languageKeys = facets
    ? Object.keys(facets.languages).sort((a, b) => (facets.languages[b] ?? 0) - (facets.languages[a] ?? 0))
    : ["en", "fr", "pt", "ar", "sw"];
  if (q.language && !languageKeys.includes(q.language)) languageKeys.unshift(q.language);
  const designationKeys = facets ? Object.keys(facets.designations).sort() : q.designation ? [q.designation] : [];
  const pageUrl = (page: number) => `${basePath}${directorySearchString(q, { page }, { withLevel: !fixedLevel })}`;
  const title = L.titles[fixedLevel ?? 0];
  const H = L.html;

  let h = `<h1>${esc(title)}</h1><p>${H.intro}</p>`;
  h += `<nav aria-label="${H.views}" class="directory-views">${navLink("/directory", H.all, pathname, true)}`;
  for (const [to, label] of L.views) h += navLink(to, esc(label), pathname, false);
  h += `</nav>`;

  h += `<form method="get" action="${esc(basePath)}" role="search" class="directory-form">`;
  h += `<label for="directory-q">${H.searchLabel}</label>`;
  h += `<div class="search-row"><input id="directory-q" type="search" name="q" maxlength="${QUERY_MAX}"`;
  h += ` placeholder="${H.placeholder}" autocomplete="off" value="${esc(q.q)}"/>`;
  h += `<button type="submit">${H.submit}</button></div>`;
  h += `<details class="directory-filters" open=""><summary>${H.filters}</summary>`;
  h += `<div id="directory-facets"><div class="filter-grid">`;
  if (!fixedLevel) {
    const levels = [1, 2, 3, 4].map((n): [string, string] => [
      String(n),
      labelled(fill(L.card.level, { level: n }), count(facets?.level[String(n)])),
    ]);
    h += select("f-level", "level", H.level, q.level ? String(q.level) : "", [["", H.anyLevel], ...escaped(levels)]);
  }
  h += select("f-country", "country", H.country, q.country ?? "", [
    ["", H.anyCountry],
    ...escaped(countryKeys.map((c) => [c, labelled(countryName(c, lang), count(facets?.country[c]))])),
  ]);
  h += select("f-language", "language", H.language, q.language ?? "", [
    ["", H.anyLanguage],
    ...escaped(languageKeys.map((l) => [l, labelled(languageName(l, lang), count(facets?.languages[l]))])),
  ]);
  h += select("f-designation", "designation", H.designation, q.designation ?? "", [
    ["", H.anyDesignation],
    ...escaped(designationKeys.map((k) => [k, labelled(k, count(facets?.designations[k]))])),
  ]);
  h += select("f-proficiency", "proficiency", H.proficiency, q.proficiency, escaped(L.proficiencies));
  h += select("f-sort", "sort", H.sort, q.sort, escaped(L.sorts));
  h += `</div><fieldset class="checkbox-grid"><legend>${H.competency}</legend>`;
  for (const c of d.competencies) {
    const name = localized(c, "name", lang);
    h += checkbox(
      "competency",
      c.slug,
      q.competency.includes(c.slug),
      esc(facets ? fill(L.competencyOption, { name, count: facets.competency[c.slug] ?? 0 }) : name),
    );
  }
  h += `</fieldset><div class="checkbox-row">`;
  // only claims a passed assessment, a tagged post or an endorsement backs (competency-evidence.server.ts)
  h += checkbox("evidenced", "1", !!q.evidenced, H.evidenced);
  h += checkbox(
    "open",
    "1",
    !!q.open,
    facets ? withCount(t, lang, "directory.open", { count: facets.open_to_opportunities }) : H.openPlain,
  );
  h += checkbox(
    "mentor",
    "1",
    !!q.mentor,
    facets ? withCount(t, lang, "directory.mentor", { count: facets.is_mentor }) : H.mentorPlain,
  );
  h += `</div></div><p><button type="submit">${H.apply}</button> <a href="${esc(basePath)}">${H.clear}</a></p>`;
  h += `</details></form>`;

  const shortlist = d.isRecruiter
    ? {
        ids: new Set(d.shortlisted ?? []),
        redirectTo: `${basePath}${directorySearchString(q, {}, { withLevel: !fixedLevel })}`,
        add: t("desk.cardAdd", { name: SLOT("name") }),
        remove: t("desk.cardRemove", { name: SLOT("name") }),
      }
    : undefined;
  h += `<div id="directory-results">`;
  if (d.isRecruiter) {
    const saved = `${basePath}${directorySearchString(q, { page: 1 }, { withLevel: !fixedLevel })}`;
    h += `<form method="post" action="/recruiter/searches" class="inline-form save-search">`;
    h += `<input type="hidden" name="intent" value="save"/><input type="hidden" name="query" value="${esc(saved)}"/>`;
    h += `<label for="save-search-name">${H.saveSearchName}</label>`;
    h += `<input id="save-search-name" name="name" required="" maxlength="80" value="${esc(q.q || title)}"/>`;
    h += `<label class="checkbox"><input type="checkbox" name="alerts" value="1"/> `;
    h += `${esc(t("desk.alerts.checkbox"))}</label>`;
    h += `<button type="submit" class="secondary">${H.saveSearch}</button></form>`;
  }
  if (outcome.mode === "degraded") h += `<p class="notice search-degraded" role="status">${H.degraded}</p>`;
  if (!d.signedIn) h += `<p class="muted">${H.signInMore}</p>`;
  const close = outcome.close;
  let status = withCount(t, lang, "directory.results", { count: outcome.total });
  const closeCount = close ? withCount(t, lang, "directoryMatch.close", { count: close.total }) : "";
  if (close) status = outcome.total ? `${status} · ${closeCount}` : `${H.noneExact} ${closeCount}`;
  h += `<p class="muted" role="status">${status}</p>`;
  if (outcome.cards.length) {
    const rated = d.competencies.filter((c) => q.competency.includes(c.slug));
    // close matches (part of the words) follow the full matches under their own heading
    const split = close ? Math.min(close.firstIndex, outcome.cards.length) : outcome.cards.length;
    const cards = (from: number, to?: number) =>
      directoryCardsHtml(outcome.cards.slice(from, to), L.card, lang, rated, shortlist);
    if (split) h += `<ul class="directory-cards" aria-label="${H.resultsLabel}">${cards(0, split)}</ul>`;
    if (split < outcome.cards.length) {
      h += `<h2 class="close-matches" id="close-matches">${H.closeHeading}</h2>`;
      h += `<ul class="directory-cards" aria-labelledby="close-matches">${cards(split)}</ul>`;
    }
  } else if ((outcome.total > 0 || close) && outcome.page > outcome.totalPages) {
    // past the last page: say so rather than show an empty page or page 1 again
    const last = Math.max(outcome.totalPages, 1);
    h += `<p class="notice" role="status">${esc(t("directory.pastEnd", { page: outcome.page, pages: last }))} `;
    h += `<a href="${esc(pageUrl(last))}">${esc(t("directory.lastPage"))}</a></p>`;
  } else {
    h += `<p>${H.none}</p>`;
  }
  if (outcome.totalPages > 1) {
    h += `<nav class="pager" aria-label="${H.pages}">`;
    if (outcome.page > 1)
      h += `<a href="${esc(pageUrl(outcome.page - 1))}" rel="prev" class="button secondary">${H.previous}</a>`;
    h += `<span>${withCount(t, lang, "directory.page", { count: outcome.page, pages: outcome.totalPages })}</span>`;
    if (outcome.page < outcome.totalPages)
      h += `<a href="${esc(pageUrl(outcome.page + 1))}" rel="next" class="button secondary">${H.next}</a>`;
    h += `</nav>`;
  }
  h += `</div><script>${LIVE_SEARCH}</script>`;
  return h;
}
