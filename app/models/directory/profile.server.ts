// A member's professional profile: what they write about themself (one transaction per edit,
// then the directory job), what others add (endorsements, competency-evidence.server.ts; designations
// recorded by staff), and the page as a given viewer may see it.
import type { Proficiency } from "../../../db/schema";
import { db, type Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { canSeeContactDetails, canSeeProfile, type Scope } from "../permissions.server";
import { recordAudit } from "../moderation/audit.server";
import { narrowsVisibility, withdrawFromIndexNow } from "./directory-index.server";
import { photoUrl } from "./profile-document.server";
import { listCompetencyClaims, viewerEndorserRelation } from "./competency-evidence.server";
import { getMemberSummary, liveMemberByUsername } from "../forum/member.server";
import type { ProfileInput, Visibility } from "./profile.schema";
import { renderMarkdownField } from "../forum/render.server";
import { fail, ok } from "../shared/result";

export const ENDORSER_LEVEL = 4;

export async function listCompetencies(trx: Db) {
  return trx
    .selectFrom("competencies")
    .select(["slug", "name", "description", "name_fr", "description_fr"])
    .orderBy("position")
    .execute();
}

async function findUser(trx: Db, username: string) {
  return liveMemberByUsername(trx, username).select("email").executeTakeFirst();
}

/** The profile page as this viewer may see it, or undefined (404) when they may not. */
export async function getProfilePage({
  scope,
  username,
  lang = "en",
}: {
  scope: Scope;
  username: string;
  lang?: string;
}) {
  const user = await findUser(db, username);
  if (!user) return undefined;
  const profile = await db.selectFrom("profiles").selectAll().where("user_id", "=", user.id).executeTakeFirst();
  const visibility: Visibility = profile?.visibility ?? "members";
  if (!canSeeProfile(scope, { userId: user.id, visibility })) return undefined;

  const [summary, competencies, designations, badges, contact] = await Promise.all([
    getMemberSummary({ scope, username: user.username }),
    listCompetencyClaims({ scope, userId: user.id, lang }),
    db
      .selectFrom("designations")
      .select(["code", "awarded_on", "cpd_lapsed_on"])
      .where("user_id", "=", user.id)
      .orderBy("awarded_on")
      .execute(),
    db
      .selectFrom("badge_awards as b")
      .leftJoin("levels as l", "l.number", "b.level")
      .select([
        "b.public_id",
        "b.kind",
        "b.level",
        "b.award_year",
        "b.awarded_at",
        "b.cpd_lapsed_on",
        "l.name as level_name",
        "l.name_fr as level_name_fr",
      ])
      .where("b.user_id", "=", user.id)
      .where("b.revoked_at", "is", null)
      .orderBy("b.awarded_at")
      .execute(),
    scope.userId && scope.isRecruiter && scope.userId !== user.id
      ? db
          .selectFrom("contact_requests")
          .select(["id", "status", "created_at"])
          .where("recruiter_id", "=", scope.userId)
          .where("member_id", "=", user.id)
          .orderBy("id", "desc")
          .executeTakeFirst()
      : undefined,
  ]);
  const shortlisted =
    scope.userId && scope.isRecruiter
      ? !!(await db
          .selectFrom("shortlists")
          .select("member_id")
          .where("recruiter_id", "=", scope.userId)
          .where("member_id", "=", user.id)
          .executeTakeFirst())
      : false;
  const staff = canSeeContactDetails(scope);
  const isMember = user.roles.includes("member");
  // a level whose badge staff revoked (and none valid since) is no longer claimed by a pill
  const levelRevoked =
    user.level !== null &&
    !badges.some((b) => b.kind === "level" && b.level === user.level) &&
    !!(await db
      .selectFrom("badge_awards")
      .select("id")
      .where("user_id", "=", user.id)
      .where("kind", "=", "level")
      .where("level", "=", user.level)
      .where("revoked_at", "is not", null)
      .executeTakeFirst());
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    level: levelRevoked ? null : user.level,
    createdAt: user.created_at,
    isMember,
    visibility,
    // email: staff, or the recruiter whose contact request this member accepted
    email: staff || contact?.status === "accepted" ? user.email : null,
    phone: staff ? (profile?.phone ?? null) : null,
    photo: photoUrl(profile?.photo_key ?? null, 256),
    jobTitle: profile?.job_title ?? null,
    organisation: profile?.organisation ?? null,
    country: profile?.country ?? null,
    city: profile?.city ?? null,
    languages: profile?.languages ?? [],
    bioHtml: profile?.bio_html ?? "",
    achievements: profile?.achievements ?? [],
    yearsCustomerFacing: profile?.years_customer_facing ?? null,
    yearsManaging: profile?.years_managing ?? null,
    openToOpportunities: profile?.open_to_opportunities ?? false,
    isMentor: profile?.is_mentor ?? false,
    linkedinUrl: profile?.linkedin_url ?? null,
    websiteUrl: profile?.website_url ?? null,
    competencies,
    designations,
    badges,
    stats: summary?.stats ?? { topics: 0, replies: 0, likes_received: 0 },
    recentTopics: summary?.recentTopics ?? [],
    /** the viewer may endorse this member's claims, as their mentor, tutor or a level-4 leader */
    endorseAs: await viewerEndorserRelation(scope, user.id),
    recruiter:
      scope.isRecruiter && scope.userId !== user.id && isMember ? { contact: contact ?? null, shortlisted } : null,
  };
}

export type ProfilePage = NonNullable<Awaited<ReturnType<typeof getProfilePage>>>;

/** The member's own profile, for the edit form. */
export async function getOwnProfile({ userId }: { userId: number }) {
  const [profile, competencies] = await Promise.all([
    db.selectFrom("profiles").selectAll().where("user_id", "=", userId).executeTakeFirst(),
    db.selectFrom("profile_competencies").select(["competency", "proficiency"]).where("user_id", "=", userId).execute(),
  ]);
  return {
    jobTitle: profile?.job_title ?? "",
    organisation: profile?.organisation ?? "",
    country: profile?.country ?? "",
    city: profile?.city ?? "",
    languages: profile?.languages ?? [],
    bio: profile?.bio_markdown ?? "",
    achievements: (profile?.achievements ?? []).join("\n"),
    yearsCustomerFacing: profile?.years_customer_facing == null ? "" : String(profile.years_customer_facing),
    yearsManaging: profile?.years_managing == null ? "" : String(profile.years_managing),
    openToOpportunities: profile?.open_to_opportunities ?? false,
    isMentor: profile?.is_mentor ?? false,
    visibility: (profile?.visibility ?? "members") as Visibility,
    linkedinUrl: profile?.linkedin_url ?? "",
    websiteUrl: profile?.website_url ?? "",
    phone: profile?.phone ?? "",
    photo: photoUrl(profile?.photo_key ?? null, 256),
    hasPhoto: !!profile?.photo_key,
    competencies: Object.fromEntries(competencies.map((c) => [c.competency, c.proficiency])) as Record<
      string,
      Proficiency
    >,
  };
}

/**
 * Saves the member's profile (and competencies) in one transaction; the directory follows through the job (a narrowed
 * visibility at once).
 */
export async function updateProfile({ userId, input }: { userId: number; input: ProfileInput }) {
  const known = new Set((await listCompetencies(db)).map((c) => c.slug));
  const unknown = Object.keys(input.competencies).filter((s) => !known.has(s));
  if (unknown.length) return fail(422, "profile.errors.competency", { competencies: "profile.errors.competency" });
  const bio = await renderMarkdownField(input.bio, "bio");
  if (!bio.ok) return bio;
  const values = {
    job_title: input.jobTitle,
    organisation: input.organisation,
    country: input.country,
    city: input.city,
    languages: input.languages,
    bio_markdown: input.bio,
    bio_html: bio.html,
    achievements: input.achievements,
    years_customer_facing: input.yearsCustomerFacing,
    years_managing: input.yearsManaging,
    open_to_opportunities: input.openToOpportunities,
    // the Mentor mark follows mentor registration; only seeds and tests set it directly
    ...(input.isMentor === undefined ? {} : { is_mentor: input.isMentor }),
    visibility: input.visibility,
    linkedin_url: input.linkedinUrl,
    website_url: input.websiteUrl,
    phone: input.phone,
    updated_at: new Date(),
  };
  const saved = await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("profiles")
      .select("visibility")
      .where("user_id", "=", userId)
      .forUpdate()
      .executeTakeFirst();
    await trx
      .insertInto("profiles")
      .values({ user_id: userId, ...values })
      .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
      .execute();
    await trx.deleteFrom("profile_competencies").where("user_id", "=", userId).execute();
    const rows = Object.entries(input.competencies).map(([competency, proficiency]) => ({
      user_id: userId,
      competency,
      proficiency,
    }));
    if (rows.length) await trx.insertInto("profile_competencies").values(rows).execute();
    // endorsements of a competency the member no longer lists go with it
    await trx
      .deleteFrom("endorsements")
      .where("user_id", "=", userId)
      .where("competency", "not in", rows.length ? rows.map((r) => r.competency) : [""])
      .execute();
    await enqueue(trx, "profile.reindex", { userId });
    return narrowsVisibility(before?.visibility, input.visibility);
  });
  // fewer people may see it: the index must not show it to the others one moment longer
  if (saved) await withdrawFromIndexNow(userId);
  return ok({});
}

/** Staff record a designation (e.g. CCXMP) on a member's profile; audited, then re-indexed. */
export async function recordDesignation({
  scope,
  username,
  code,
  awardedOn,
}: {
  scope: Scope;
  username: string;
  code: string;
  awardedOn: string;
}) {
  if (!scope.isStaff || !scope.userId) return fail(403, "errors.forbidden");
  const c = code.trim().toUpperCase();
  if (!/^[A-Z0-9-]{2,20}$/.test(c))
    return fail(422, "profile.errors.designation", { code: "profile.errors.designation" });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(awardedOn) || Number.isNaN(Date.parse(awardedOn)))
    return fail(422, "profile.errors.designationDate", { awardedOn: "profile.errors.designationDate" });
  const member = await findUser(db, username);
  if (!member) return fail(404, "errors.notFound");
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto("designations")
      .values({ user_id: member.id, code: c, awarded_on: awardedOn, recorded_by: scope.userId })
      .onConflict((oc) =>
        oc.columns(["user_id", "code"]).doUpdateSet({ awarded_on: awardedOn, recorded_by: scope.userId }),
      )
      .execute();
    await recordAudit(trx, {
      actorId: scope.userId,
      action: "designation.record",
      targetType: "user",
      targetId: member.id,
      after: { code: c, awardedOn },
    });
    await enqueue(trx, "profile.reindex", { userId: member.id });
    return ok({});
  });
}

export async function removeDesignation({ scope, username, code }: { scope: Scope; username: string; code: string }) {
  if (!scope.isStaff || !scope.userId) return fail(403, "errors.forbidden");
  const member = await findUser(db, username);
  if (!member) return fail(404, "errors.notFound");
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom("designations").where("user_id", "=", member.id).where("code", "=", code).execute();
    await recordAudit(trx, {
      actorId: scope.userId,
      action: "designation.remove",
      targetType: "user",
      targetId: member.id,
      before: { code },
    });
    await enqueue(trx, "profile.reindex", { userId: member.id });
    return ok({});
  });
}

/** Sets (or clears) the photo key after the upload was stored; the old files are returned for removal. */
export async function setProfilePhoto({ userId, key }: { userId: number; key: string | null }) {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("profiles")
      .select("photo_key")
      .where("user_id", "=", userId)
      .forUpdate()
      .executeTakeFirst();
    await trx
      .insertInto("profiles")
      .values({ user_id: userId, photo_key: key })
      .onConflict((oc) => oc.column("user_id").doUpdateSet({ photo_key: key, updated_at: new Date() }))
      .execute();
    await enqueue(trx, "profile.reindex", { userId });
    return { previousKey: before?.photo_key ?? null };
  });
}
