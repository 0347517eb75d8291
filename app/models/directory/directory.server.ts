// Searching the professional directory. The viewer's audiences (permissions.profileAudiencesOf)
// are part of every Meilisearch query, so hits and facet counts only ever cover what the viewer
// may see. When Meilisearch cannot answer, Postgres answers a plainer search, flagged "degraded".
// The index itself (settings, reindexing) is directory-index.server.ts; its documents, profile-document.server.ts.
import { logger } from "../../logger.server";
import { profileAudiencesOf, type Scope } from "../permissions.server";
import { guarded, isUnavailable, requireClient } from "../../search.server";
import { MAX_PAGE, PER_PAGE, type DirectoryQuery } from "./directory.schema";
import {
  competencyAttribute,
  evidencedAttribute,
  profileIndexReady,
  profilesIndexUid,
  PROFILES_INDEX_SETTINGS,
} from "./directory-index.server";
import { searchPostgres } from "./directory-postgres.server";
import type { ProfileDocument } from "./profile-document.server";
import { PROFICIENCIES } from "./profile.schema";

// ---- searching -----------------------------------------------------------------------------------

export type DirectoryCard = {
  id: number;
  username: string;
  name: string;
  jobTitle: string | null;
  organisation: string | null;
  country: string | null;
  city: string | null;
  level: number;
  badges: string[];
  designations: string[];
  /** credentials whose CPD lapsed ("level-3", "CCSM"); absent from a document indexed before CPD */
  lapsed?: string[];
  openToOpportunities: boolean;
  isMentor: boolean;
  yearsCustomerFacing: number;
  photo: string | null;
  competencies: string[];
  /** the same names in French (absent from a document indexed before they were) */
  competenciesFr?: string[];
  /** filtered competency's slug -> the member's proficiency in it (shown when the search filters by competency) */
  proficiency: Record<string, string>;
};

export type FacetCounts = {
  level: Record<string, number>;
  country: Record<string, number>;
  /** slug -> members at the asked minimum proficiency or above */
  competency: Record<string, number>;
  designations: Record<string, number>;
  languages: Record<string, number>;
  open_to_opportunities: number;
  is_mentor: number;
};

export type DirectoryOutcome = {
  mode: "meili" | "degraded";
  cards: DirectoryCard[];
  /** profiles matching every word of the query (with its synonyms) and every filter */
  total: number;
  /**
   * When fewer profiles match every word than the page reaches, the list goes on with close
   * matches (some words left out, the rarest kept longest, so a place or a language stays):
   * how many there are, and where they start among this page's cards.
   */
  close: { total: number; firstIndex: number } | null;
  page: number;
  totalPages: number;
  facets: FacetCounts | null;
  elapsedMs: number;
};

const lit = (s: string) => JSON.stringify(s);

/** The attribute a competency filter and its counts use: every claim, or only evidenced ones. */
const claimsAttribute = (q: DirectoryQuery) =>
  q.evidenced ? evidencedAttribute(q.proficiency) : competencyAttribute(q.proficiency);

/** The Meilisearch filter: the viewer's audiences first, then the asked facets. */
export function directoryFilter(scope: Scope, q: DirectoryQuery): string[] {
  const f = [`audience IN [${profileAudiencesOf(scope).map(lit).join(", ")}]`];
  if (q.level) f.push(`level = ${q.level}`);
  if (q.country) f.push(`country = ${lit(q.country)}`);
  const claims = claimsAttribute(q);
  for (const c of q.competency) f.push(`${claims} = ${lit(c)}`);
  if (q.evidenced && !q.competency.length) f.push(`${claims} IS NOT EMPTY`);
  if (q.designation) f.push(`designations = ${lit(q.designation)}`);
  if (q.language) f.push(`languages = ${lit(q.language)}`);
  if (q.open) f.push("open_to_opportunities = true");
  if (q.mentor) f.push("is_mentor = true");
  return f;
}

function sortOf(q: DirectoryQuery): string[] | undefined {
  if (q.sort === "level") return ["level:desc", "experience:desc"];
  if (q.sort === "experience") return ["experience:desc"];
  if (q.sort === "recent") return ["active_at:desc"];
  if (!q.q) return ["level:desc", "active_at:desc"]; // nothing typed: most advanced, most active first
  return undefined;
}

// what every card shows; the rest depends on the query (cardAttributes)
const CARD_ATTRIBUTES = [
  "id",
  "username",
  "name",
  "job_title",
  "organisation",
  "country",
  "city",
  "level",
  "badges",
  "designations",
  "open_to_opportunities",
  "is_mentor",
  "years_customer_facing",
  "photo",
  "lapsed",
];

type CardFields =
  | "id"
  | "username"
  | "name"
  | "job_title"
  | "organisation"
  | "country"
  | "city"
  | "level"
  | "badges"
  | "designations"
  | "open_to_opportunities"
  | "is_mentor"
  | "years_customer_facing"
  | "photo";

/**
 * Only what the cards of this query show (a third less JSON to send and parse): without a
 * competency filter, the member's competency names; with one, the proficiency lists above the
 * asked minimum (every match has the filtered competencies at that minimum at least).
 */
function cardAttributes(q: DirectoryQuery): string[] {
  if (!q.competency.length) return [...CARD_ATTRIBUTES, "competencies", "competencies_fr"];
  return [
    ...CARD_ATTRIBUTES,
    ...PROFICIENCIES.slice(PROFICIENCIES.indexOf(q.proficiency) + 1).map(competencyAttribute),
  ];
}

/**
 * The highest proficiency of each filtered competency: the highest list above the minimum that holds it,
 * else the minimum.
 */
function proficiencyOf(
  h: Partial<Pick<ProfileDocument, `competency_${(typeof PROFICIENCIES)[number]}`>>,
  q: DirectoryQuery,
) {
  const out: Record<string, string> = Object.create(null);
  for (const slug of q.competency) out[slug] = q.proficiency;
  for (const p of PROFICIENCIES)
    for (const slug of h[competencyAttribute(p)] ?? []) if (Object.hasOwn(out, slug)) out[slug] = p;
  return out;
}

const toCard = (h: Pick<ProfileDocument, CardFields> & Partial<ProfileDocument>, q: DirectoryQuery): DirectoryCard => ({
  id: h.id,
  username: h.username,
  name: h.name,
  jobTitle: h.job_title,
  organisation: h.organisation,
  country: h.country,
  city: h.city,
  level: h.level,
  badges: h.badges,
  designations: h.designations,
  ...(h.lapsed?.length ? { lapsed: h.lapsed } : {}),
  openToOpportunities: h.open_to_opportunities,
  isMentor: h.is_mentor,
  yearsCustomerFacing: h.years_customer_facing,
  photo: h.photo,
  competencies: (h.competencies ?? []).slice(0, 4),
  ...(h.competencies_fr ? { competenciesFr: h.competencies_fr.slice(0, 4) } : {}),
  proficiency: proficiencyOf(h, q),
});

/**
 * The facets worth asking Meilisearch for. A filter on a one-value attribute (a profile has one
 * country, and the flags are true or false) fixes that facet: every match has the asked value, so
 * its count is the total and Meilisearch need not count it. The level facet is always asked: its
 * counts add up to the total (see searchMeili). Competencies are counted at the asked proficiency.
 */
export function askedFacets(q: DirectoryQuery): string[] {
  const facets = [
    "level",
    "country",
    claimsAttribute(q),
    "designations",
    "languages",
    "open_to_opportunities",
    "is_mentor",
  ];
  return facets.filter(
    (f) =>
      !((f === "country" && q.country) || (f === "open_to_opportunities" && q.open) || (f === "is_mentor" && q.mentor)),
  );
}

function facetCounts(
  dist: Record<string, Record<string, number>> | undefined,
  q: DirectoryQuery,
  total: number,
): FacetCounts {
  const d = { ...dist };
  if (q.country) d.country = { [q.country]: total };
  if (q.open) d.open_to_opportunities = { true: total };
  if (q.mentor) d.is_mentor = { true: total };
  return {
    level: d.level ?? {},
    country: d.country ?? {},
    competency: d[claimsAttribute(q)] ?? {},
    designations: d.designations ?? {},
    languages: d.languages ?? {},
    open_to_opportunities: d.open_to_opportunities?.true ?? 0,
    is_mentor: d.is_mentor?.true ?? 0,
  };
}

const foldWord = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
const STOP_WORDS = new Set(PROFILES_INDEX_SETTINGS.stopWords.map(foldWord));

/**
 * The query's last word is also searched as the start of longer words (search as you type), and
 * Meilisearch then matches a stop word too ("Swahili speaker" found "Speaker at the summit"): a
 * trailing stop word gets a space after it, which ends the word.
 */
export function meiliQueryText(q: string): string {
  const last = /(?<![\p{L}\p{N}])[\p{L}\p{N}]+$/u.exec(q)?.[0];
  return last && STOP_WORDS.has(foldWord(last)) ? `${q} ` : q;
}

/**
 * The query exactly as the directory page sends it to Meilisearch (the benchmark sends the same).
 * Every word must match (a synonym or a forgiven typo counts), so the count means something:
 * "customer service manager" counts managers, not every profile with "customer" in its bio.
 */
export function directorySearchParams(scope: Scope, q: DirectoryQuery) {
  return {
    q: meiliQueryText(q.q),
    filter: directoryFilter(scope, q),
    page: q.page,
    hitsPerPage: PER_PAGE,
    sort: sortOf(q),
    facets: askedFacets(q),
    matchingStrategy: "all" as const,
    attributesToRetrieve: cardAttributes(q),
  };
}

// totalHits stops at maxTotalHits (the last page one can open); every profile has one level, so
// the level counts add up to the exact number of matches
const matchCount = (res: { totalHits?: number; facetDistribution?: Record<string, Record<string, number>> }) =>
  Math.max(
    res.totalHits ?? 0,
    Object.values(res.facetDistribution?.level ?? {}).reduce((a, n) => a + n, 0),
  );

async function searchMeili(scope: Scope, q: DirectoryQuery, uid: string) {
  const client = requireClient();
  const index = client.index<ProfileDocument>(uid);
  const params = directorySearchParams(scope, q);
  const res = await guarded(client, () => index.search(params.q, params));
  const total = matchCount(res);
  const strict = {
    cards: res.hits.map((h) => toCard(h, q)),
    total,
    close: null,
    totalPages: Math.min(Math.ceil(total / PER_PAGE), MAX_PAGE),
    facets: facetCounts(res.facetDistribution, q, total),
  };
  // A chosen sort orders every match by that key; close matches would be mixed in among them.
  if (!q.q || q.sort !== "relevance" || total >= q.page * PER_PAGE) return strict;
  // Fewer matches than this page reaches: the same search with the most frequent words left out
  // first. Its first results are the strict ones, in the same order; then profiles that share the
  // query's rarest words (a city, a language) before those sharing only common ones.
  const looseParams = { ...params, matchingStrategy: "frequency" as const, facets: total ? [] : params.facets };
  const loose = await guarded(client, () => index.search(params.q, looseParams));
  const all = matchCount(loose);
  if (all <= total) return strict;
  return {
    cards: loose.hits.map((h) => toCard(h, q)),
    total,
    close: { total: all - total, firstIndex: Math.max(0, total - (q.page - 1) * PER_PAGE) },
    totalPages: Math.min(Math.ceil(all / PER_PAGE), MAX_PAGE),
    // with no strict match, the filters count the close matches shown
    facets: total ? strict.facets : facetCounts(loose.facetDistribution, q, all),
  };
}

/** Searches the profiles the viewer may see. `fallback: "force"` goes straight to Postgres (tests). */
export async function searchDirectory({
  scope,
  query,
  fallback,
  uid = profilesIndexUid(),
}: {
  scope: Scope;
  query: DirectoryQuery;
  fallback?: "force";
  uid?: string;
}): Promise<DirectoryOutcome> {
  const t0 = performance.now();
  const done = (
    mode: DirectoryOutcome["mode"],
    r: Omit<DirectoryOutcome, "mode" | "page" | "elapsedMs">,
  ): DirectoryOutcome => ({
    ...r,
    mode,
    page: query.page,
    elapsedMs: Math.round(performance.now() - t0),
  });
  if (fallback !== "force") {
    try {
      // known without a query once the index is complete (see profileIndexReady)
      if (await profileIndexReady()) return done("meili", await searchMeili(scope, query, uid));
    } catch (e) {
      if (!isUnavailable(e)) throw e;
      logger.warn({ err: e }, "directory: Meilisearch unavailable, answering from Postgres");
    }
  }
  const { docs, total } = await searchPostgres(scope, query);
  return done("degraded", {
    cards: docs.map((d) => toCard(d, query)),
    total,
    close: null,
    totalPages: Math.min(Math.ceil(total / PER_PAGE), MAX_PAGE),
    facets: null,
  });
}
