// Searching the professional directory. The viewer's audiences (permissions.profileAudiencesOf)
// are part of every Meilisearch query, so hits and facet counts only ever cover what the viewer
// may see. When Meilisearch cannot answer, Postgres answers a plainer search, flagged "degraded".
// The index itself (documents, settings, reindexing) is directory-index.server.ts.
import { sql, type Expression, type SqlBool } from "kysely";
import { db } from "../db.server";
import { logger } from "../logger.server";
import { profileAudiencesOf, type Scope } from "../permissions.server";
import { guarded, isUnavailable, requireClient } from "../search.server";
import { MAX_PAGE, PER_PAGE, type DirectoryQuery } from "./directory.schema";
import { competencyAttribute, findable, isProfileIndexComplete, loadRows, profilesIndexUid, toProfileDocument, type ProfileDocument } from "./directory-index.server";
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
  openToOpportunities: boolean;
  isMentor: boolean;
  yearsCustomerFacing: number;
  photo: string | null;
  competencies: string[];
  /** slug -> the member's proficiency (shown when the search filters by that competency) */
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
  total: number;
  page: number;
  totalPages: number;
  facets: FacetCounts | null;
  elapsedMs: number;
};

const lit = (s: string) => JSON.stringify(s);

/** The Meilisearch filter: the viewer's audiences first, then the asked facets. */
export function directoryFilter(scope: Scope, q: DirectoryQuery): string[] {
  const f = [`audience IN [${profileAudiencesOf(scope).map(lit).join(", ")}]`];
  if (q.level) f.push(`level = ${q.level}`);
  if (q.country) f.push(`country = ${lit(q.country)}`);
  for (const c of q.competency) f.push(`${competencyAttribute(q.proficiency)} = ${lit(c)}`);
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

const CARD_ATTRIBUTES = ["id", "username", "name", "job_title", "organisation", "country", "city", "level", "badges", "designations", "open_to_opportunities", "is_mentor", "years_customer_facing", "photo", "competencies", ...PROFICIENCIES.map(competencyAttribute)];

type CardFields = "id" | "username" | "name" | "job_title" | "organisation" | "country" | "city" | "level" | "badges" | "designations" | "open_to_opportunities" | "is_mentor" | "years_customer_facing" | "photo" | "competencies";

/** Each competency's highest proficiency, from the "at least" lists the document carries. */
function proficiencyOf(h: Partial<Pick<ProfileDocument, `competency_${(typeof PROFICIENCIES)[number]}`>>) {
  const out: Record<string, string> = {};
  for (const p of PROFICIENCIES) for (const slug of h[competencyAttribute(p)] ?? []) out[slug] = p;
  return out;
}

const toCard = (h: Pick<ProfileDocument, CardFields> & Partial<ProfileDocument>): DirectoryCard => ({
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
  openToOpportunities: h.open_to_opportunities,
  isMentor: h.is_mentor,
  yearsCustomerFacing: h.years_customer_facing,
  photo: h.photo,
  competencies: h.competencies.slice(0, 4),
  proficiency: proficiencyOf(h),
});

/**
 * The facets worth asking Meilisearch for. A filter on a one-value attribute (a profile has one
 * country, and the flags are true or false) fixes that facet: every match has the asked value, so
 * its count is the total and Meilisearch need not count it. The level facet is always asked: its
 * counts add up to the total (see searchMeili). Competencies are counted at the asked proficiency.
 */
export function askedFacets(q: DirectoryQuery): string[] {
  const facets = ["level", "country", competencyAttribute(q.proficiency), "designations", "languages", "open_to_opportunities", "is_mentor"];
  return facets.filter((f) => !((f === "country" && q.country) || (f === "open_to_opportunities" && q.open) || (f === "is_mentor" && q.mentor)));
}

function facetCounts(dist: Record<string, Record<string, number>> | undefined, q: DirectoryQuery, total: number): FacetCounts {
  const d = { ...dist };
  if (q.country) d.country = { [q.country]: total };
  if (q.open) d.open_to_opportunities = { true: total };
  if (q.mentor) d.is_mentor = { true: total };
  return {
    level: d.level ?? {},
    country: d.country ?? {},
    competency: d[competencyAttribute(q.proficiency)] ?? {},
    designations: d.designations ?? {},
    languages: d.languages ?? {},
    open_to_opportunities: d.open_to_opportunities?.true ?? 0,
    is_mentor: d.is_mentor?.true ?? 0,
  };
}

/** The query exactly as the directory page sends it to Meilisearch (the benchmark sends the same). */
export function directorySearchParams(scope: Scope, q: DirectoryQuery) {
  return {
    filter: directoryFilter(scope, q),
    page: q.page,
    hitsPerPage: PER_PAGE,
    sort: sortOf(q),
    facets: askedFacets(q),
    matchingStrategy: "last" as const,
    attributesToRetrieve: CARD_ATTRIBUTES,
  };
}

async function searchMeili(scope: Scope, q: DirectoryQuery, uid: string) {
  const client = requireClient();
  const res = await guarded(client, () => client.index<ProfileDocument>(uid).search(q.q, directorySearchParams(scope, q)));
  // totalHits stops at maxTotalHits (the last page one can open); every profile has one level,
  // so the level counts add up to the exact number of matches
  const matches = Object.values(res.facetDistribution?.level ?? {}).reduce((a, n) => a + n, 0);
  const total = Math.max(res.totalHits ?? 0, matches);
  return {
    cards: res.hits.map(toCard),
    total,
    totalPages: Math.min(Math.ceil(total / PER_PAGE), MAX_PAGE),
    facets: facetCounts(res.facetDistribution, q, total),
  };
}

/** The same search on Postgres: every word must appear (no typo tolerance), filters alike, no facet counts. */
async function searchPostgres(scope: Scope, q: DirectoryQuery) {
  const audiences = profileAudiencesOf(scope);
  const conds: Expression<SqlBool>[] = [findable(), sql<SqlBool>`coalesce(p.visibility, 'members') = any(${audiences}::text[])`];
  const words = q.q.split(/\s+/).filter(Boolean).slice(0, 8);
  for (const w of words) {
    const like = `%${w.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(sql<SqlBool>`(u.display_name ilike ${like} or p.job_title ilike ${like} or p.organisation ilike ${like} or p.bio_markdown ilike ${like}
      or exists (select 1 from unnest(p.achievements) a where a ilike ${like})
      or exists (select 1 from profile_competencies pc join competencies c on c.slug = pc.competency where pc.user_id = u.id and c.name ilike ${like}))`);
  }
  if (q.level) conds.push(sql<SqlBool>`u.level = ${q.level}`);
  if (q.country) conds.push(sql<SqlBool>`p.country = ${q.country}`);
  const minRank = PROFICIENCIES.indexOf(q.proficiency);
  const okProficiencies = PROFICIENCIES.slice(minRank);
  for (const c of q.competency)
    conds.push(sql<SqlBool>`exists (select 1 from profile_competencies pc where pc.user_id = u.id and pc.competency = ${c} and pc.proficiency = any(${okProficiencies}::text[]))`);
  if (q.designation) conds.push(sql<SqlBool>`exists (select 1 from designations d where d.user_id = u.id and d.code = ${q.designation})`);
  if (q.language) conds.push(sql<SqlBool>`${q.language} = any(p.languages)`);
  if (q.open) conds.push(sql<SqlBool>`p.open_to_opportunities`);
  if (q.mentor) conds.push(sql<SqlBool>`p.is_mentor`);
  const where = sql.join(conds, sql` and `);
  const order =
    q.sort === "experience"
      ? sql`p.years_customer_facing desc nulls last, u.id`
      : q.sort === "recent"
        ? sql`coalesce(p.updated_at, u.created_at) desc, u.id`
        : sql`coalesce(u.level, 0) desc, u.id`;
  const [{ rows }, count] = await Promise.all([
    sql<{ id: number }>`select u.id from users u left join profiles p on p.user_id = u.id where ${where} order by ${order} limit ${PER_PAGE} offset ${(q.page - 1) * PER_PAGE}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from users u left join profiles p on p.user_id = u.id where ${where}`.execute(db),
  ]);
  const docs = new Map((await loadRows(db, { ids: rows.map((r) => r.id) })).map((r) => [r.id, toProfileDocument(r)] as const));
  const total = count.rows[0]?.n ?? 0;
  return {
    cards: rows.map((r) => docs.get(r.id)).filter((d): d is ProfileDocument => !!d).map(toCard),
    total,
    totalPages: Math.min(Math.ceil(total / PER_PAGE), MAX_PAGE),
    facets: null,
  };
}

/** Searches the profiles the viewer may see. `fallback: "force"` goes straight to Postgres (tests). */
export async function searchDirectory({ scope, query, fallback, uid = profilesIndexUid() }: { scope: Scope; query: DirectoryQuery; fallback?: "force"; uid?: string }): Promise<DirectoryOutcome> {
  const t0 = performance.now();
  const done = (mode: DirectoryOutcome["mode"], r: Omit<DirectoryOutcome, "mode" | "page" | "elapsedMs">): DirectoryOutcome => ({
    ...r,
    mode,
    page: query.page,
    elapsedMs: Math.round(performance.now() - t0),
  });
  if (fallback !== "force") {
    try {
      // asked side by side, so a complete index costs no extra wait
      const [complete, found] = await Promise.all([isProfileIndexComplete(), searchMeili(scope, query, uid)]);
      if (complete) return done("meili", found);
    } catch (e) {
      if (!isUnavailable(e)) throw e;
      logger.warn({ err: e }, "directory: Meilisearch unavailable, answering from Postgres");
    }
  }
  return done("degraded", await searchPostgres(scope, query));
}
