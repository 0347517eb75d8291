// The directory's search when Meilisearch cannot answer (directory.server.ts flags the result "degraded"): the
// same audiences and filters in SQL, every word required, no typo tolerance and no facet counts.
import { sql, type Expression, type SqlBool } from "kysely";
import { db } from "../../db.server";
import { profileAudiencesOf, type Scope } from "../permissions.server";
import { evidencedSql } from "./competency-evidence.server";
import { PER_PAGE, type DirectoryQuery } from "./directory.schema";
import { findable, loadRows, toProfileDocument, type ProfileDocument } from "./profile-document.server";
import { COUNTRIES, LANGUAGES, OTHER_LANGUAGES, PROFICIENCIES, countryName, languageName } from "./profile.schema";

const foldName = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
let names: { countries: [string, string][]; languages: [string, string][] } | undefined;
/** Countries and languages whose English or French name holds the word (the Postgres search's places and languages). */
function codesNamed(word: string): { countries: string[]; languages: string[] } {
  names ??= {
    countries: COUNTRIES.flatMap((c) => ["en", "fr"].map((l): [string, string] => [c, foldName(countryName(c, l))])),
    languages: [...LANGUAGES, ...OTHER_LANGUAGES].flatMap((c) =>
      ["en", "fr"].map((l): [string, string] => [c, foldName(languageName(c, l))]),
    ),
  };
  const w = foldName(word);
  if (w.length < 3) return { countries: [], languages: [] };
  const pick = (list: [string, string][]) => [...new Set(list.filter(([, n]) => n.includes(w)).map(([c]) => c))];
  return { countries: pick(names.countries), languages: pick(names.languages) };
}

/**
 * The same search on Postgres: every word must appear (no typo tolerance), filters alike, no facet counts. The
 * page's profile documents in order, and how many match.
 */
export async function searchPostgres(
  scope: Scope,
  q: DirectoryQuery,
): Promise<{ docs: ProfileDocument[]; total: number }> {
  const audiences = profileAudiencesOf(scope);
  const conds: Expression<SqlBool>[] = [
    findable(),
    sql<SqlBool>`coalesce(p.visibility, 'members') = any(${audiences}::text[])`,
  ];
  const words = q.q.split(/\s+/).filter(Boolean).slice(0, 8);
  for (const w of words) {
    const like = `%${w.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const named = codesNamed(w);
    conds.push(sql<SqlBool>`(u.display_name ilike ${like} or p.job_title ilike ${like} or p.organisation ilike
        ${like} or p.bio_markdown ilike ${like}
      or p.city ilike ${like} or p.country = any(${named.countries}::text[])
      or p.languages && ${named.languages}::text[]
      or exists (select 1 from unnest(p.achievements) a where a ilike ${like})
      or exists (select 1 from profile_competencies pc join competencies c on c.slug = pc.competency
        where pc.user_id = u.id and c.name ilike ${like}))`);
  }
  if (q.level) conds.push(sql<SqlBool>`u.level = ${q.level}`);
  if (q.country) conds.push(sql<SqlBool>`p.country = ${q.country}`);
  const minRank = PROFICIENCIES.indexOf(q.proficiency);
  const okProficiencies = PROFICIENCIES.slice(minRank);
  const evidenced = q.evidenced
    ? sql`and ${evidencedSql(sql.ref("u.id"), sql.ref("pc.competency"), sql.ref("pc.proficiency"))}`
    : sql``;
  for (const c of q.competency)
    conds.push(sql<SqlBool>`exists (select 1 from profile_competencies pc where pc.user_id = u.id
          and pc.competency = ${c} and pc.proficiency = any(${okProficiencies}::text[]) ${evidenced})`);
  if (q.evidenced && !q.competency.length)
    conds.push(sql<SqlBool>`exists (select 1 from profile_competencies pc where pc.user_id = u.id
          and pc.proficiency = any(${okProficiencies}::text[]) ${evidenced})`);
  if (q.designation)
    conds.push(
      sql<SqlBool>`exists (select 1 from designations d where d.user_id = u.id and d.code = ${q.designation})`,
    );
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
    sql<{ id: number }>`select u.id from users u left join profiles p on p.user_id = u.id
        where ${where} order by ${order} limit ${PER_PAGE} offset ${(q.page - 1) * PER_PAGE}`.execute(db),
    sql<{
      n: number;
    }>`select count(*)::int as n from users u left join profiles p on p.user_id = u.id where ${where}`.execute(db),
  ]);
  const docs = new Map(
    (await loadRows(db, { ids: rows.map((r) => r.id) })).map((r) => [r.id, toProfileDocument(r)] as const),
  );
  return {
    docs: rows.map((r) => docs.get(r.id)).filter((d): d is ProfileDocument => !!d),
    total: count.rows[0]?.n ?? 0,
  };
}
