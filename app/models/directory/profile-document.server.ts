// A profile as the directory's index holds it: the rows read from PostgreSQL for a batch of findable
// members, and the document made of each (names searched in English and French, competencies by
// proficiency, its audience). The index itself, and writing documents to it, is directory-index.server.ts.
import { sql, type Expression, type SqlBool } from "kysely";
import type { Db } from "../../db.server";
import { PROFICIENCIES, countryName, languageName, type ProficiencyValue } from "./profile.schema";
import { localized } from "../shared/localized";
import { evidencedSql } from "./competency-evidence.server";

export type ProfileDocument = {
  id: number;
  username: string;
  name: string;
  job_title: string | null;
  organisation: string | null;
  country: string | null;
  city: string | null;
  languages: string[];
  /** searched: the city and the country's names in English and French ("Lagos", "Nigeria", "Nigéria") */
  place: string[];
  /** searched: the languages' names in English and French ("French", "français", "Yoruba") */
  language_names: string[];
  bio: string;
  achievements: string[];
  /** competency names (searched and shown on cards) */
  competencies: string[];
  /** the same in French, item for item (the English name where no French one is written) */
  competencies_fr: string[];
  /** competency slugs rated at that proficiency or above (competencyAttribute) */
  competency_emerging: string[];
  competency_proficient: string[];
  competency_advanced: string[];
  /** the same, counting only claims evidence backs (evidencedAttribute) */
  evidenced_emerging: string[];
  evidenced_proficient: string[];
  evidenced_advanced: string[];
  designations: string[];
  /** credentials whose CPD lapsed: "level-3", "CCSM" (app/models/journey/cpd) */
  lapsed: string[];
  /** valid badges: "level-2", "mentor" */
  badges: string[];
  level: number;
  /** searched: "Level 3" and "Niveau 3", for a level typed as words ("level 4 Lagos") */
  level_label: string[];
  open_to_opportunities: boolean;
  is_mentor: boolean;
  audience: "public" | "members";
  years_customer_facing: number;
  years_managing: number;
  /** sort key of "experience": customer-facing years, then managing years as a fraction */
  experience: number;
  /** Unix seconds of the last post or profile edit */
  active_at: number;
  photo: string | null;
};

export type ProfileRow = {
  id: number;
  username: string;
  display_name: string;
  level: number | null;
  job_title: string | null;
  organisation: string | null;
  country: string | null;
  city: string | null;
  languages: string[] | null;
  bio_html: string | null;
  achievements: string[] | null;
  visibility: "public" | "members" | "hidden" | null;
  open_to_opportunities: boolean | null;
  is_mentor: boolean | null;
  years_customer_facing: number | null;
  years_managing: number | null;
  photo_key: string | null;
  updated_at: Date | null;
  last_post_at: Date | null;
  created_at: Date;
  competencies:
    { slug: string; name: string; name_fr: string | null; proficiency: string; evidenced?: boolean }[] | null;
  designations: string[] | null;
  badges: string[] | null;
  lapsed: string[] | null;
};

/** Members who belong in the directory: the member role, not deleted, profile not hidden. */
export function findable(): Expression<SqlBool> {
  return sql<SqlBool>`u.deleted_at is null
    and exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'member')
    and coalesce(p.visibility, 'members') <> 'hidden'`;
}

export async function loadRows(
  trx: Db,
  where: { ids: number[] } | { afterId: number; limit: number },
): Promise<ProfileRow[]> {
  // A batch of a rebuild: the id range is also stated for profiles and roles, or PostgreSQL merged
  // both tables from their first row for every batch (a rebuild of 100,000 read 1 million rows).
  const cond =
    "ids" in where
      ? sql`u.id = any(${where.ids}::int[])`
      : sql`u.id > ${where.afterId} and exists (select 1 from user_roles r
          where r.user_id = u.id and r.user_id > ${where.afterId} and r.role = 'member')`;
  const joinRange = "ids" in where ? sql`` : sql`and p.user_id > ${where.afterId}`;
  const tail = "ids" in where ? sql`` : sql`order by u.id limit ${where.limit}`;
  const { rows } = await sql<ProfileRow>`
    select u.id, u.username, u.display_name, u.level, u.created_at,
      p.job_title, p.organisation, p.country, p.city, p.languages, p.bio_html, p.achievements, p.visibility,
      p.open_to_opportunities, p.is_mentor, p.years_customer_facing, p.years_managing, p.photo_key, p.updated_at,
      (select max(po.created_at) from posts po where po.user_id = u.id and po.deleted_at is null) as last_post_at,
      (select json_agg(json_build_object('slug', pc.competency, 'name', c.name, 'name_fr', c.name_fr,
           'proficiency', pc.proficiency,
           'evidenced', ${evidencedSql(sql.ref("u.id"), sql.ref("pc.competency"), sql.ref("pc.proficiency"))})
           order by c.position)
         from profile_competencies pc join competencies c on c.slug = pc.competency
         where pc.user_id = u.id) as competencies,
      (select array_agg(d.code order by d.code) from designations d where d.user_id = u.id) as designations,
      (select array_agg(distinct case when b.kind = 'mentor' then 'mentor' else 'level-' || b.level end)
         from badge_awards b where b.user_id = u.id and b.revoked_at is null) as badges,
      array(select 'level-' || b.level from badge_awards b where b.user_id = u.id and b.kind = 'level'
          and b.revoked_at is null and b.cpd_lapsed_on is not null
        union select d.code from designations d where d.user_id = u.id and d.cpd_lapsed_on is not null) as lapsed
    from users u left join profiles p on p.user_id = u.id ${joinRange}
    where ${cond} and ${findable()}
    ${tail}`.execute(trx);
  return rows;
}

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" };
/**
 * Words of an already-sanitised bio, for the index only (never displayed): a regex is enough and 50x cheaper than a
 * parser. Sanitised HTML has no "<" but at a tag's start (text and attributes have &lt;): a tag is `<[^<>]*>`, and
 * a run of "<" costs one pass (with `<[^>]*>` each "<" would scan to the end).
 */
function plainText(html: string): string {
  return html
    .replace(/<[^<>]*>/g, " ")
    .replace(/&(lt|gt|quot|#39|amp);/g, (m) => ENTITIES[m] ?? m)
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 700);
}

export const photoUrl = (key: string | null, size: 256 | 64 = 256) => (key ? `/uploads/${key}-${size}.webp` : null);

/** Names people use for a country beside its English and French ones (searched, never shown). */
const COUNTRY_ALIASES: Record<string, string[]> = {
  CI: ["Ivory Coast"],
  CD: ["DRC", "DR Congo", "RDC"],
  SZ: ["Swaziland"],
  GB: ["UK"],
  US: ["USA"],
  AE: ["UAE"],
};

const countryNames = (c: string) => [countryName(c, "en"), countryName(c, "fr"), ...(COUNTRY_ALIASES[c] ?? [])];

/** Names in the two interface languages, each once ("Ghana" is the same in both). */
function bilingual(values: (string | null)[]): string[] {
  const seen = new Map<string, string>();
  for (const v of values) if (v && !seen.has(v.toLowerCase())) seen.set(v.toLowerCase(), v);
  return [...seen.values()];
}

export function toProfileDocument(r: ProfileRow): ProfileDocument {
  const comps = r.competencies ?? [];
  const atLeast = (p: ProficiencyValue, list = comps) =>
    list
      .filter((c) => PROFICIENCIES.indexOf(c.proficiency as ProficiencyValue) >= PROFICIENCIES.indexOf(p))
      .map((c) => c.slug);
  const evidenced = comps.filter((c) => c.evidenced);
  const active = Math.max(r.last_post_at?.getTime() ?? 0, r.updated_at?.getTime() ?? 0, r.created_at.getTime());
  const cf = r.years_customer_facing ?? 0;
  const mg = r.years_managing ?? 0;
  return {
    id: r.id,
    username: r.username,
    name: r.display_name,
    job_title: r.job_title,
    organisation: r.organisation,
    country: r.country,
    city: r.city,
    languages: r.languages ?? [],
    place: bilingual([r.city, ...(r.country ? countryNames(r.country) : [])]),
    language_names: bilingual((r.languages ?? []).flatMap((l) => [languageName(l, "en"), languageName(l, "fr")])),
    bio: r.bio_html ? plainText(r.bio_html) : "",
    achievements: r.achievements ?? [],
    competencies: comps.map((c) => c.name),
    competencies_fr: comps.map((c) => localized(c, "name", "fr")),
    competency_emerging: atLeast("emerging"),
    competency_proficient: atLeast("proficient"),
    competency_advanced: atLeast("advanced"),
    evidenced_emerging: atLeast("emerging", evidenced),
    evidenced_proficient: atLeast("proficient", evidenced),
    evidenced_advanced: atLeast("advanced", evidenced),
    designations: r.designations ?? [],
    badges: (r.badges ?? []).filter(Boolean).sort(),
    lapsed: r.lapsed ?? [],
    level: r.level ?? 0,
    level_label: r.level ? [`Level ${r.level}`, `Niveau ${r.level}`] : [],
    open_to_opportunities: !!r.open_to_opportunities,
    is_mentor: !!r.is_mentor,
    audience: r.visibility === "public" ? "public" : "members",
    years_customer_facing: cf,
    years_managing: mg,
    experience: cf + Math.min(mg, 99) / 100,
    active_at: Math.floor(active / 1000),
    photo: photoUrl(r.photo_key, 64),
  };
}
