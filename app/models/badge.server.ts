// Badge awards: one row per level entered (and later "mentor"), with an unguessable public id
// that the badge pages (/badges/:id) and the Open Badges credential use.
import { randomBytes } from "node:crypto";
import type { Db } from "../db.server";

export function newBadgeId(): string {
  return randomBytes(16).toString("base64url");
}

export async function awardLevelBadge(trx: Db, { userId, level, awardedBy, applicationId, at }: { userId: number; level: number; awardedBy: number | null; applicationId: number | null; at: Date }) {
  return trx
    .insertInto("badge_awards")
    .values({ public_id: newBadgeId(), user_id: userId, kind: "level", level, awarded_by: awardedBy, application_id: applicationId, awarded_at: at })
    .returning(["id", "public_id"])
    .executeTakeFirstOrThrow();
}
