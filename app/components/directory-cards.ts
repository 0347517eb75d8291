// The directory's result cards, written as one string (as the forum's topic rows: React's server
// renderer was about a third of the page's time). Every value goes through escapeHtml.
import { escapeHtml as esc } from "~/html";
import type { DirectoryCard } from "~/models/directory/directory.server";
import { localized } from "~/models/shared/localized";
import { countryName } from "~/models/directory/profile.schema";
import { avatarClass, initials } from "./avatar";

// Labels are translated once per page with slots, then filled in per card.
export const SLOT = (k: string) => `\u0001${k}\u0002`;
// a template split once at its slots (odd places are slot names): a regex replace per call was a
// sixth of the page's string building
const compiled = new Map<string, string[]>();
export function fill(template: string, values: Record<string, string | number>): string {
  let parts = compiled.get(template);
  if (!parts) {
    if (compiled.size > 500) compiled.clear();
    compiled.set(template, (parts = template.split(/\u0001(\w+)\u0002/)));
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += String(values[parts[i]] ?? "") + parts[i + 1];
  return out;
}

/** Templates with slots (see SLOT): "{{title}} at {{organisation}}", "{{count}} years", "Level {{level}}". */
export type CardLabels = {
  at: string;
  yearOne: string;
  years: string;
  level: string;
  mentor: string;
  open: string;
  /** "{{name}} (lapsed)": a credential whose CPD lapsed */
  lapsed?: string;
  proficiency?: Record<string, string>;
  /** "{{name}}: {{proficiency}}" */
  rated?: string;
};

/** A recruiter's "Shortlist" button on each card: labels with a {{name}} slot, and where to come back. */
export type CardShortlist = { ids: Set<number>; redirectTo: string; add: string; remove: string };

/** `filtered`: the competencies the search filters by, whose proficiency each card states. */
export function directoryCardsHtml(
  cards: DirectoryCard[],
  l: CardLabels,
  lang: string,
  filtered: { slug: string; name: string; name_fr?: string | null }[] = [],
  shortlist?: CardShortlist,
): string {
  let h = "";
  for (const c of cards) {
    h += `<li class="directory-card">`;
    h += c.photo
      ? `<img class="avatar" src="${esc(c.photo)}" alt="" width="56" height="56" loading="lazy" decoding="async"/>`
      : `<span class="${avatarClass(c.name, 56)}" aria-hidden="true">${esc(initials(c.name))}</span>`;
    h += `<div><h2 class="card-name"><a href="/u/${esc(c.username)}">${esc(c.name)}</a></h2>`;
    if (c.jobTitle || c.organisation) {
      const { jobTitle: title, organisation } = c;
      h += `<p>${esc(title && organisation ? fill(l.at, { title, organisation }) : (title ?? organisation ?? ""))}</p>`;
    }
    const place = [c.city, c.country ? countryName(c.country, lang) : null].filter(Boolean).join(", ");
    // whole years: "11 years", never "11.6"
    const whole = Math.floor(c.yearsCustomerFacing ?? 0);
    const years = whole >= 1 ? ` · ${whole === 1 ? l.yearOne : fill(l.years, { count: whole })}` : "";
    h += `<p class="muted">${esc(place + years)}</p><p class="card-pills">`;
    const lapsed = (name: string, key: string) =>
      l.lapsed && c.lapsed?.includes(key) ? fill(l.lapsed, { name }) : name;
    if (c.level && c.badges.includes(`level-${c.level}`))
      h += `<span class="level-pill">${esc(lapsed(fill(l.level, { level: c.level }), `level-${c.level}`))}</span>`;
    if (c.badges.includes("mentor")) h += `<span class="flag-pill">${esc(l.mentor)}</span>`;
    for (const x of c.designations) h += `<span class="flag-pill designation">${esc(lapsed(x, x))}</span>`;
    if (c.openToOpportunities) h += `<span class="flag-pill">${esc(l.open)}</span>`;
    h += `</p>`;
    const rated = filtered
      .filter((f) => c.proficiency?.[f.slug])
      .map((f) => {
        const values = { name: localized(f, "name", lang), proficiency: l.proficiency?.[c.proficiency[f.slug]] ?? "" };
        return l.rated ? fill(l.rated, values) : `${values.name}: ${values.proficiency}`;
      });
    if (rated.length) h += `<p class="small">${esc(rated.join(" · "))}</p>`;
    const names = lang === "fr" && c.competenciesFr?.length ? c.competenciesFr : c.competencies;
    if (!rated.length && names.length) h += `<p class="muted small">${esc(names.join(" · "))}</p>`;
    if (shortlist) h += shortlistFormHtml(c, shortlist);
    h += `</div></li>`;
  }
  return h;
}

/** A plain POST form (no JavaScript needed); the page's script submits it in place when it can. */
function shortlistFormHtml(c: DirectoryCard, s: CardShortlist): string {
  const on = s.ids.has(c.id);
  let h = `<form method="post" action="/recruiter/shortlist" class="shortlist-card"`;
  h += ` data-username="${esc(c.username)}"><input type="hidden" name="username" value="${esc(c.username)}"/>`;
  h += `<input type="hidden" name="intent" value="${on ? "remove" : "add"}"/>`;
  h += `<input type="hidden" name="redirectTo" value="${esc(s.redirectTo)}"/>`;
  const label = esc(fill(on ? s.remove : s.add, { name: c.name }));
  h += `<button type="submit" class="small${on ? " secondary" : ""}">${label}</button></form>`;
  return h;
}
