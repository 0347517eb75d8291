// An award as an Open Badges 3.0 credential (OpenBadgeCredential, VC Data Model 2.0 contexts),
// secured as a VC-JWT: the JWT payload is the credential itself plus the registered claims OB 3.0
// asks for (iss, jti, nbf, sub), signed EdDSA (Ed25519) with the platform key whose public JWK is
// at the `kid` URL and in /.well-known/jwks.json. Nothing here needs us to be asked: a verifier
// takes the JWT, fetches the public key and checks it; /badges/:id/status says if it was revoked.
import type { TFunction } from "i18next";
import type { Db } from "../../db.server";
import { sharedI18n } from "../../i18n";
import { renderMarkdown } from "../../markdown/index.server";
import type { BadgeAward } from "./badge.server";
import { signJwt } from "./signing-key.server";

export const VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
export const FRAMEWORK_NAME = "Touchpoints Competency Framework";

/** Credentials are issued documents: always worded in English, whoever asks. */
export const credentialT = (): TFunction => sharedI18n("en").t;

export function badgeUrls(origin: string, publicId: string) {
  const base = `${origin}/badges/${publicId}`;
  return {
    page: base,
    credential: `${base}.json`,
    jwt: `${base}.jwt`,
    image: `${base}.svg`,
    png: `${base}.png`,
    baked: `${base}/baked.svg`,
    bakedPng: `${base}/baked.png`,
    status: `${base}/status`,
  };
}

export const issuerId = (origin: string) => `${origin}/badges/issuer.json`;

/** The issuer Profile, embedded in every credential and served at /badges/issuer.json. */
export function issuerProfile(origin: string, t: TFunction = credentialT()) {
  return {
    id: issuerId(origin),
    type: ["Profile"],
    name: t("site.name"),
    url: `${origin}/`,
    description: t("badges.issuer.description"),
    image: { id: `${origin}/favicon.svg`, type: "Image" },
  };
}

type Competency = { slug: string; name: string; description: string } & {
  name_fr: string | null;
  description_fr: string | null;
} & { emerging?: string; proficient?: string; advanced?: string };

let competencyCache: { at: number; rows: Competency[] } | undefined;
/** The framework changes with a deploy, not per request: cached for a minute. */
export async function listFrameworkCompetencies(conn: Db): Promise<Competency[]> {
  if (competencyCache && Date.now() - competencyCache.at < 60_000) return competencyCache.rows;
  const rows = await conn
    .selectFrom("competencies")
    .select(["slug", "name", "description", "name_fr", "description_fr", "emerging", "proficient", "advanced"])
    .orderBy("position")
    .orderBy("slug")
    .execute();
  competencyCache = { at: Date.now(), rows };
  return rows;
}

/** A level's French words beside the English ones (pages in French show them; credentials never do). */
type LevelFrench = {
  level_name_fr?: string | null;
  level_short_name_fr?: string | null;
  badge_inscription_fr?: string | null;
  level_description_fr?: string | null;
  criteria_narrative_fr?: string | null;
};

/**
 * What the badge recognises, in words: the level (from the levels table) or the Mentor badge, in the
 * language of `t`; `lang` "fr" picks the level's French words where staff wrote them.
 */
export function achievementText(
  award: Pick<BadgeAward, "kind" | "level" | "level_name" | "level_short_name" | "badge_inscription"> &
    Pick<BadgeAward, "level_description" | "criteria_narrative"> &
    LevelFrench & { award_year?: number | null; award_categories?: string | null },
  t: TFunction = credentialT(),
  lang = "en",
) {
  if (award.kind === "award") {
    const year = award.award_year ?? "";
    const category = award.award_categories;
    return {
      name: category ? t("badges.award.nameCategory", { year, category }) : t("badges.award.name", { year }),
      shortName: t("badges.award.shortName", { year }),
      inscription: t("badges.award.inscription", { year }),
      description:
        t("badges.award.description", { year }) + (category ? ` ${t("badges.award.categoryLine", { category })}` : ""),
      criteria: t("badges.award.criteria", { year }),
      anchor: `award-${year}`,
    };
  }
  if (award.kind === "mentor") {
    return {
      name: t("badges.mentor.name"),
      shortName: t("badges.mentor.shortName"),
      inscription: t("badges.mentor.inscription"),
      description: t("badges.mentor.description"),
      criteria: t("badges.mentor.criteria"),
      anchor: "mentor",
    };
  }
  const pick = (english: string | null, french: string | null | undefined) =>
    lang === "fr" && french?.trim() ? french : (english ?? "");
  return {
    name: pick(award.level_name, award.level_name_fr),
    shortName: pick(award.level_short_name, award.level_short_name_fr),
    inscription: pick(award.badge_inscription, award.badge_inscription_fr),
    description: pick(award.level_description, award.level_description_fr),
    criteria: pick(award.criteria_narrative, award.criteria_narrative_fr),
    anchor: `level-${award.level}`,
  };
}

/** The OpenBadgeCredential JSON-LD document of an award: exactly what the VC-JWT carries (less iss/jti/nbf/sub). */
export function buildCredential({
  award,
  competencies,
  origin,
  t = credentialT(),
  evidenced = [],
}: {
  award: BadgeAward;
  competencies: Competency[];
  origin: string;
  t?: TFunction;
  /** the holder's claims evidence backs (competency-evidence.server.ts): their alignments say so */
  evidenced?: EvidencedClaim[];
}) {
  const urls = badgeUrls(origin, award.public_id);
  const a = achievementText(award, t);
  return {
    "@context": [VC_CONTEXT, OB_CONTEXT],
    id: urls.page,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: a.name,
    issuer: issuerProfile(origin, t),
    validFrom: award.awarded_at.toISOString(),
    credentialSubject: {
      // the member's profile address: stable, and says nothing the badge page does not
      id: `${origin}/u/${award.username}`,
      type: ["AchievementSubject"],
      identifier: [{ type: "IdentityObject", identityType: "name", hashed: false, identityHash: award.display_name }],
      achievement: {
        id: `${origin}/badges#${a.anchor}`,
        type: ["Achievement"],
        achievementType: "Badge",
        name: a.name,
        description: a.description,
        criteria: { id: `${origin}/badges#${a.anchor}`, narrative: a.criteria },
        image: { id: `${origin}/badges/${award.public_id}.svg`, type: "Image", caption: a.name },
        creator: { id: issuerId(origin), type: ["Profile"], name: t("site.name") },
        alignment: competencies.map(
          (c) =>
            evidencedAlignment(c, award, origin, evidenced) ?? {
              type: ["Alignment"],
              targetName: c.name,
              targetDescription: c.description,
              targetUrl: `${origin}/badges#competency-${c.slug}`,
              targetCode: c.slug,
              targetFramework: FRAMEWORK_NAME,
            },
        ),
      },
    },
    credentialStatus: { id: urls.status, type: "1EdTechRevocationList" },
  };
}

export type OpenBadgeCredential = ReturnType<typeof buildCredential>;

export type EvidencedClaim = { slug: string; proficiency: "emerging" | "proficient" | "advanced" };
const PROFICIENCY_NAMES = { emerging: "Emerging", proficient: "Proficient", advanced: "Advanced" } as const;

/**
 * An evidenced capability's alignment: its description is the framework's words for the claimed
 * proficiency, it points at the evidence on the holder's profile, and its type marks it a competency
 * shown (OB 3.0 `targetType`); the framework's other capabilities keep the plain alignment.
 */
function evidencedAlignment(
  c: Competency & Partial<Record<EvidencedClaim["proficiency"], string>>,
  award: BadgeAward,
  origin: string,
  evidenced: EvidencedClaim[],
) {
  const claim = evidenced.find((e) => e.slug === c.slug);
  if (!claim) return undefined;
  const level = PROFICIENCY_NAMES[claim.proficiency];
  return {
    type: ["Alignment"],
    targetName: `${c.name}: ${level} (evidenced)`,
    targetDescription: c[claim.proficiency] || c.description,
    targetUrl: `${origin}/u/${award.username}#competency-${c.slug}`,
    targetCode: c.slug,
    targetFramework: FRAMEWORK_NAME,
    targetType: "ceasn:Competency",
  };
}

/** The compact JWS (VC-JWT) of a credential. */
export async function signCredential(
  conn: Db,
  { credential, origin }: { credential: OpenBadgeCredential; origin: string },
): Promise<string> {
  const payload = {
    ...credential,
    iss: credential.issuer.id,
    jti: credential.id,
    nbf: Math.floor(Date.parse(credential.validFrom) / 1000),
    sub: credential.credentialSubject.id,
  };
  return signJwt(conn, { payload, origin });
}

/**
 * The status of one credential, as a 1EdTech Revocation List with zero or one entry, plus a plain
 * `status` for people reading it. One list per credential: nothing to enumerate. A credential whose
 * CPD lapsed is listed the same way, with its own reason, until the holder catches up (then it is
 * valid again); a revocation is final and wins.
 */
export function credentialStatusDocument({
  award,
  origin,
}: {
  award: Pick<BadgeAward, "public_id" | "revoked_at" | "revoke_reason"> & { cpd_lapsed_on?: string | null };
  origin: string;
}) {
  const urls = badgeUrls(origin, award.public_id);
  const lapsed = !award.revoked_at && !!award.cpd_lapsed_on;
  const status = award.revoked_at ? "revoked" : lapsed ? "lapsed" : "valid";
  const reason = award.revoked_at ? (award.revoke_reason ?? "") : lapsed ? CPD_LAPSE_REASON : "";
  return {
    id: urls.status,
    issuer: issuerId(origin),
    credential: urls.page,
    status,
    ...(award.revoked_at ? { revokedAt: award.revoked_at.toISOString() } : {}),
    ...(lapsed ? { lapsedOn: award.cpd_lapsed_on } : {}),
    revokedCredentials: status === "valid" ? [] : [{ id: urls.page, revoked: true, revocationReason: reason }],
  };
}

/** The reason a lapsed credential is listed with (credentials are worded in English). */
export const CPD_LAPSE_REASON =
  "CPD lapsed: the holder did not earn the continuing professional development points this credential requires " +
  "each year. It is valid again once they catch up.";

/** The four level badges, as the about page (/badges) describes them. */
export async function listBadgeLevels(conn: Db) {
  return conn
    .selectFrom("levels")
    .select(["number", "slug", "name", "short_name", "badge_inscription", "description", "criteria_narrative"])
    .select(["name_fr", "short_name_fr", "badge_inscription_fr", "description_fr", "criteria_narrative_fr"])
    .orderBy("number")
    .execute();
}

// Criteria change with a deploy or a staff edit, not per request: rendered once per text.
const criteriaCache = new Map<string, string>();
/** A criteria narrative (markdown) as HTML, through the one markdown pipeline. */
export function criteriaHtml(markdown: string): string {
  let html = criteriaCache.get(markdown);
  if (html === undefined) {
    if (criteriaCache.size >= 32) criteriaCache.delete(criteriaCache.keys().next().value!);
    criteriaCache.set(markdown, (html = renderMarkdown(markdown)));
  }
  return html;
}
