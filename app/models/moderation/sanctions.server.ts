// Members' sanctions: staff silence (read, not post) or suspend a member for some days with a reason
// they are shown, or lift it; the banner's reading of the sanction a signed-in member is under.
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import type { Scope } from "../permissions.server";
import type { Viewer } from "../../viewer.server";
import { recordAudit } from "./audit.server";
import { SanctionSchema, type SanctionKind } from "./moderation.schema";
import { fail, ok } from "../shared/result";
import { refused } from "../shared/forms.server";

export async function getMemberForModeration({ scope, username }: { scope: Scope; username: string }) {
  if (!scope.isStaff) return undefined;
  return db
    .selectFrom("users")
    .select(["id", "username", "display_name", "silenced_until", "suspended_until", "sanction_reason", "created_at"])
    .select(
      sql<boolean>`exists (select 1 from user_roles r where r.user_id = users.id and r.role = 'admin')`.as("is_staff"),
    )
    .where(sql`lower(username)`, "=", username.toLowerCase())
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

/** Locks the member whose sanction changes (`deleted`: a deleted account's can still be lifted). */
async function lockSanctioned(trx: Db, userId: number, { deleted }: { deleted: boolean }) {
  let q = trx
    .selectFrom("users")
    .select(["id", "silenced_until", "suspended_until", "sanction_reason"])
    .where("id", "=", userId);
  if (!deleted) q = q.where("deleted_at", "is", null);
  return q.forNoKeyUpdate().executeTakeFirst();
}
type Sanctioned = NonNullable<Awaited<ReturnType<typeof lockSanctioned>>>;
const sanctionOf = (u: Sanctioned) => ({
  silenced_until: u.silenced_until,
  suspended_until: u.suspended_until,
  reason: u.sanction_reason,
});

/** Silence (read, not post) or suspend a member for some days, with a reason they are shown. */
export async function sanctionMember({
  scope,
  userId,
  kind,
  days,
  reason,
}: {
  scope: Scope;
  userId: number;
  kind: SanctionKind;
  days: number;
  reason: string;
}) {
  if (!scope.userId || !scope.isStaff) return fail(404, "moderation.sanction.errors.notFound");
  const actorId = scope.userId;
  const parsed = SanctionSchema.safeParse({ kind, days, reason });
  if (!parsed.success) return refused(422, parsed.error);
  if (userId === actorId) return fail(422, "moderation.sanction.errors.self");
  return db.transaction().execute(async (trx) => {
    const user = await lockSanctioned(trx, userId, { deleted: false });
    if (!user) return fail(404, "moderation.sanction.errors.notFound");
    const staff = await trx
      .selectFrom("user_roles")
      .select("role")
      .where("user_id", "=", userId)
      .where("role", "=", "admin")
      .executeTakeFirst();
    if (staff) return fail(422, "moderation.sanction.errors.staff");
    const until = new Date(Date.now() + parsed.data.days * 86_400_000);
    const set =
      parsed.data.kind === "silence"
        ? { silenced_until: until, sanction_reason: parsed.data.reason }
        : { suspended_until: until, sanction_reason: parsed.data.reason };
    await trx.updateTable("users").set(set).where("id", "=", userId).execute();
    await recordAudit(trx, {
      actorId,
      action: `user.${parsed.data.kind}`,
      targetType: "user",
      targetId: userId,
      before: sanctionOf(user),
      after: { until, reason: parsed.data.reason },
    });
    return ok({ until });
  });
}

export async function liftSanction({ scope, userId }: { scope: Scope; userId: number }) {
  if (!scope.userId || !scope.isStaff) return fail(404, "moderation.sanction.errors.notFound");
  const actorId = scope.userId;
  return db.transaction().execute(async (trx) => {
    const user = await lockSanctioned(trx, userId, { deleted: true });
    if (!user) return fail(404, "moderation.sanction.errors.notFound");
    await trx
      .updateTable("users")
      .set({ silenced_until: null, suspended_until: null, sanction_reason: null })
      .where("id", "=", userId)
      .execute();
    await recordAudit(trx, {
      actorId,
      action: "user.lift",
      targetType: "user",
      targetId: userId,
      before: sanctionOf(user),
    });
    return ok({});
  });
}

export type Sanction = { kind: "silenced" | "suspended"; until: string; reason: string };

/** The sanction a signed-in member is under now, for the banner that tells them why and until when. */
export function viewerSanction(
  viewer: Pick<Viewer, "silencedUntil" | "suspendedUntil" | "sanctionReason"> | null | undefined,
  now = new Date(),
): Sanction | null {
  if (!viewer) return null;
  if (viewer.suspendedUntil && viewer.suspendedUntil > now)
    return { kind: "suspended", until: viewer.suspendedUntil.toISOString(), reason: viewer.sanctionReason ?? "" };
  if (viewer.silencedUntil && viewer.silencedUntil > now)
    return { kind: "silenced", until: viewer.silencedUntil.toISOString(), reason: viewer.sanctionReason ?? "" };
  return null;
}
