// Badge awards: one row per level entered (and "mentor" badges granted by staff), with an
// unguessable public id that the badge pages (/badges/:id) and the Open Badges credential use.
// Revocation keeps the row (and its public page, which then says "revoked").
import { randomBytes } from "node:crypto";
import { sql, type Insertable } from "kysely";
import type { BadgeAwardsTable } from "../../../db/schema";
import { db, type Db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { canSeeProfile, type Scope } from "../permissions.server";
import { recordAudit } from "../moderation/audit.server";
import { notify } from "../account/notification.server";
import { bothLanguages, message, type MessageParam } from "../account/notification-text";
import { fail, ok, type Result } from "../shared/result";

export function newBadgeId(): string {
  return randomBytes(16).toString("base64url");
}

/** A public id as newBadgeId makes them (22 base64url characters); anything else is unknown. */
export const isBadgeId = (s: string | undefined): s is string => !!s && /^[A-Za-z0-9_-]{16,64}$/.test(s);

/** One award under a fresh public id; the directory shows badges, so its index job picks it up after commit. */
async function insertAward(trx: Db, row: Omit<Insertable<BadgeAwardsTable>, "public_id">) {
  const badge = await trx
    .insertInto("badge_awards")
    .values({ public_id: newBadgeId(), ...row })
    .returning(["id", "public_id"])
    .executeTakeFirstOrThrow();
  await enqueue(trx, "profile.reindex", { userId: row.user_id });
  return badge;
}

export async function awardLevelBadge(
  trx: Db,
  {
    userId,
    level,
    awardedBy,
    applicationId,
    at,
  }: { userId: number; level: number; awardedBy: number | null; applicationId: number | null; at: Date },
) {
  const badge = await insertAward(trx, {
    user_id: userId,
    kind: "level",
    level,
    awarded_by: awardedBy,
    application_id: applicationId,
    awarded_at: at,
  });
  // the earner hears of it at once, by mail through the outbox (progress notices are mailed by default);
  // a badge that comes with an approved application is announced by the decision's own notice
  if (applicationId !== null) return badge;
  const levelRow = await trx
    .selectFrom("levels")
    .select(["name", "name_fr"])
    .where("number", "=", level)
    .executeTakeFirst();
  await notify(trx, {
    userId,
    kind: "progress",
    actorId: awardedBy,
    sourceKey: `badge:${badge.public_id}:granted`,
    data: {
      text: message("badges.notify.granted", { name: levelRow ? bothLanguages(levelRow, "name") : "" }),
      href: `/badges/${badge.public_id}`,
    },
  });
  return badge;
}

export async function awardMentorBadge(
  trx: Db,
  { userId, awardedBy, at }: { userId: number; awardedBy: number | null; at: Date },
) {
  return insertAward(trx, { user_id: userId, kind: "mentor", level: null, awarded_by: awardedBy, awarded_at: at });
}

/** An "Award winner <year>" badge for a published awards winner (one per member and year). */
export async function awardWinnerBadge(
  trx: Db,
  { userId, year, awardedBy, at }: { userId: number; year: number; awardedBy: number | null; at: Date },
) {
  const existing = await trx
    .selectFrom("badge_awards")
    .select(["id", "public_id"])
    .where("user_id", "=", userId)
    .where("kind", "=", "award")
    .where("award_year", "=", year)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (existing) return existing; // a winner of two categories holds one badge for the year
  return insertAward(trx, {
    user_id: userId,
    kind: "award",
    level: null,
    award_year: year,
    awarded_by: awardedBy,
    awarded_at: at,
  });
}

/** What every view of an award shows: the award, its holder (u) and its level (l). */
const AWARD_COLUMNS = [
  "b.id",
  "b.public_id",
  "b.kind",
  "b.level",
  "b.award_year",
  "b.awarded_at",
  "b.revoked_at",
  "b.revoke_reason",
  "b.cpd_lapsed_on",
  "u.username",
  "u.display_name",
  "l.short_name as level_short_name",
] as const;

export type BadgeAward = NonNullable<Awaited<ReturnType<typeof getBadgeAward>>>;

/** One award with what its page and credential state: holder, level, issuer, status. Undefined when unknown. */
export async function getBadgeAward(conn: Db, { publicId }: { publicId: string }) {
  if (!isBadgeId(publicId)) return undefined;
  return (
    conn
      .selectFrom("badge_awards as b")
      .innerJoin("users as u", "u.id", "b.user_id")
      .leftJoin("levels as l", "l.number", "b.level")
      .leftJoin("users as a", "a.id", "b.awarded_by")
      .select([
        ...AWARD_COLUMNS,
        "b.user_id",
        "l.slug as level_slug",
        "l.name as level_name",
        "l.name_fr as level_name_fr",
        "l.badge_inscription",
        "l.description as level_description",
        "l.criteria_narrative",
        // the page in French shows these (the credential stays in English)
        "l.short_name_fr as level_short_name_fr",
        "l.badge_inscription_fr",
        "l.description_fr as level_description_fr",
        "l.criteria_narrative_fr",
        "a.display_name as awarded_by_name",
      ])
      // an award winner's credential names the categories won with this badge
      .select(
        sql<string | null>`(select string_agg(c.name, ', ' order by c.position, c.name) from award_winners w
      join award_categories c on c.id = w.category_id where w.badge_award_id = b.id)`.as("award_categories"),
      )
      .where("b.public_id", "=", publicId)
      // a deleted member's badges stay verifiable, as revoked, under the tombstone name (account-deletion.server.ts)
      .executeTakeFirst()
  );
}

/** The holder's profile address when this viewer may see the profile (privacy by default: none without one). */
export async function holderProfilePath({ scope, userId }: { scope: Scope; userId: number }): Promise<string | null> {
  const row = await db
    .selectFrom("users as u")
    .leftJoin("profiles as p", "p.user_id", "u.id")
    .select(["u.username", "p.visibility"])
    .where("u.id", "=", userId)
    .where("u.deleted_at", "is", null)
    .executeTakeFirst();
  if (!row?.visibility || !canSeeProfile(scope, { userId, visibility: row.visibility })) return null;
  return `/u/${row.username}`;
}

export type BadgeStatusFilter = "all" | "valid" | "revoked";
export const BADGE_PAGE_SIZE = 50;

/** Staff list: newest first, searchable by member name, username or badge id; keyset on id. */
export async function listBadgeAwards(
  conn: Db,
  { q = "", status = "all", before }: { q?: string; status?: BadgeStatusFilter; before?: number },
) {
  let query = conn
    .selectFrom("badge_awards as b")
    .innerJoin("users as u", "u.id", "b.user_id")
    .leftJoin("levels as l", "l.number", "b.level")
    .leftJoin("users as r", "r.id", "b.revoked_by")
    .select([...AWARD_COLUMNS, "r.display_name as revoked_by_name"])
    .orderBy("b.id", "desc")
    .limit(BADGE_PAGE_SIZE + 1);
  const term = q.trim().slice(0, 100);
  if (term) {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb("u.display_name", "ilike", like), eb("u.username", "ilike", like), eb("b.public_id", "=", term)]),
    );
  }
  if (status === "valid") query = query.where("b.revoked_at", "is", null);
  if (status === "revoked") query = query.where("b.revoked_at", "is not", null);
  if (before) query = query.where("b.id", "<", before);
  const rows = await query.execute();
  const more = rows.length > BADGE_PAGE_SIZE;
  const page = more ? rows.slice(0, BADGE_PAGE_SIZE) : rows;
  return { awards: page, nextBefore: more ? page[page.length - 1].id : null };
}

import { REVOKE_REASON_MAX } from "./badge.schema";
export { REVOKE_REASON_MAX };

/** Staff revoke an award, with a reason: audited, the member told, the directory re-indexed. */
export async function revokeBadge({
  staffId,
  publicId,
  reason,
}: {
  staffId: number;
  publicId: string;
  reason: string;
}): Promise<Result<{ publicId: string }>> {
  const why = reason.trim();
  if (!why) return fail(400, "badges.admin.errors.reasonRequired", { reason: "badges.admin.errors.reasonRequired" });
  if (why.length > REVOKE_REASON_MAX)
    return fail(400, "badges.admin.errors.reasonTooLong", { reason: "badges.admin.errors.reasonTooLong" });
  if (!isBadgeId(publicId)) return fail(404, "badges.admin.errors.notFound");
  return db.transaction().execute(async (trx) => {
    const award = await trx
      .selectFrom("badge_awards as b")
      .leftJoin("levels as l", "l.number", "b.level")
      .select([
        "b.id",
        "b.user_id",
        "b.kind",
        "b.level",
        "b.award_year",
        "b.revoked_at",
        "l.name as level_name",
        "l.name_fr as level_name_fr",
      ])
      .where("b.public_id", "=", publicId)
      .forUpdate("b")
      .executeTakeFirst();
    if (!award) return fail(404, "badges.admin.errors.notFound");
    if (award.revoked_at) return fail(409, "badges.admin.errors.alreadyRevoked");
    const now = new Date();
    await trx
      .updateTable("badge_awards")
      .set({ revoked_at: now, revoked_by: staffId, revoke_reason: why })
      .where("id", "=", award.id)
      .execute();
    await recordAudit(trx, {
      actorId: staffId,
      action: "badge.revoke",
      targetType: "badge_award",
      targetId: publicId,
      before: { revoked: false },
      after: { revoked: true, reason: why, userId: award.user_id, kind: award.kind, level: award.level },
    });
    const name: MessageParam =
      award.kind === "mentor"
        ? { key: "badges.mentor.name" }
        : award.kind === "award"
          ? { key: "badges.award.name", params: { year: award.award_year ?? "" } }
          : bothLanguages(award, "level_name");
    await notify(trx, {
      userId: award.user_id,
      kind: "progress",
      actorId: staffId,
      sourceKey: `badge:${publicId}:revoked`,
      data: { text: message("badges.notify.revoked", { name, reason: why }), href: `/badges/${publicId}` },
    });
    await enqueue(trx, "profile.reindex", { userId: award.user_id });
    return ok({ publicId });
  });
}

/** Staff grant the Mentor badge to a level-4 member (leaders mentor juniors); one valid one at a time. */
export async function grantMentorBadge({
  staffId,
  username,
}: {
  staffId: number;
  username: string;
}): Promise<Result<{ publicId: string }>> {
  const handle = username.trim().replace(/^@/, "");
  if (!handle)
    return fail(400, "badges.admin.errors.usernameRequired", { username: "badges.admin.errors.usernameRequired" });
  return db.transaction().execute(async (trx) => {
    const member = await trx
      .selectFrom("users")
      .select(["id", "level"])
      .where(sql`lower(username)`, "=", handle.toLowerCase())
      .where("deleted_at", "is", null)
      .forUpdate()
      .executeTakeFirst();
    if (!member) return fail(404, "badges.admin.errors.noSuchMember", { username: "badges.admin.errors.noSuchMember" });
    if ((member.level ?? 0) < 4)
      return fail(409, "badges.admin.errors.mentorLevel", { username: "badges.admin.errors.mentorLevel" });
    const existing = await trx
      .selectFrom("badge_awards")
      .select("public_id")
      .where("user_id", "=", member.id)
      .where("kind", "=", "mentor")
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (existing)
      return fail(409, "badges.admin.errors.alreadyMentor", { username: "badges.admin.errors.alreadyMentor" });
    const badge = await awardMentorBadge(trx, { userId: member.id, awardedBy: staffId, at: new Date() });
    await recordAudit(trx, {
      actorId: staffId,
      action: "badge.grant",
      targetType: "badge_award",
      targetId: badge.public_id,
      after: { kind: "mentor", userId: member.id },
    });
    await notify(trx, {
      userId: member.id,
      kind: "progress",
      actorId: staffId,
      sourceKey: `badge:${badge.public_id}:granted`,
      data: {
        text: message("badges.notify.granted", { name: { key: "badges.mentor.name" } }),
        href: `/badges/${badge.public_id}`,
      },
    });
    return ok({ publicId: badge.public_id });
  });
}

export type MemberBadge = { kind: "level" | "mentor"; level: number | null; publicId: string; awardedAt: Date };

/**
 * Valid badges of many members at once (post authors, directory cards, a profile): per member,
 * the newest valid badge of each level and the mentor badge, highest level first.
 */
export async function listValidBadges(
  conn: Db,
  { userIds }: { userIds: number[] },
): Promise<Map<number, MemberBadge[]>> {
  const out = new Map<number, MemberBadge[]>();
  const ids = [...new Set(userIds)];
  if (!ids.length) return out;
  const rows = await conn
    .selectFrom("badge_awards")
    .select(["user_id", "kind", "level", "public_id", "awarded_at"])
    .distinctOn(["user_id", "kind", "level"])
    .where("user_id", "in", ids)
    .where("kind", "in", ["level", "mentor"]) // award badges are listed on the profile, not as pills
    .where("revoked_at", "is", null)
    .orderBy("user_id")
    .orderBy("kind")
    .orderBy("level")
    .orderBy("awarded_at", "desc")
    .execute();
  for (const r of rows) {
    const list = out.get(r.user_id) ?? [];
    list.push({ kind: r.kind as MemberBadge["kind"], level: r.level, publicId: r.public_id, awardedAt: r.awarded_at });
    out.set(r.user_id, list);
  }
  for (const list of out.values())
    list.sort((a, b) => (a.kind === b.kind ? (b.level ?? 0) - (a.level ?? 0) : a.kind === "level" ? -1 : 1));
  return out;
}

/** The valid badge of each member's current level (users.level): what a level pill links to. */
export async function listCurrentLevelBadges(
  conn: Db,
  { userIds }: { userIds: number[] },
): Promise<Map<number, { level: number; publicId: string }>> {
  const out = new Map<number, { level: number; publicId: string }>();
  const ids = [...new Set(userIds)];
  if (!ids.length) return out;
  const rows = await conn
    .selectFrom("users as u")
    .innerJoin("badge_awards as b", (j) =>
      j
        .onRef("b.user_id", "=", "u.id")
        .onRef("b.level", "=", "u.level")
        .on("b.kind", "=", "level")
        .on("b.revoked_at", "is", null),
    )
    .select(["u.id", "u.level", "b.public_id"])
    .distinctOn("u.id")
    .where("u.id", "in", ids)
    .orderBy("u.id")
    .orderBy("b.awarded_at", "desc")
    .execute();
  for (const r of rows) if (r.level) out.set(r.id, { level: r.level, publicId: r.public_id });
  return out;
}
