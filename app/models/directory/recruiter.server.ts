// Recruiters: an organisation account applies with company details, an admin verifies it (the
// account then holds the 'recruiter' role and no longer the 'member' role, so it can never post
// in the forum). Verified recruiters save searches (saved-search.server.ts), shortlist members
// (shortlist.server.ts) and send contact requests (contact-request.server.ts).
import { z } from "zod";
import { db } from "../../db.server";
import { message as notice } from "../account/notification-text";
import type { Scope } from "../permissions.server";
import { recordAudit } from "../moderation/audit.server";
import { notify } from "../account/notification.server";
import { isCountry } from "./profile.schema";
import { fail, ok } from "../shared/result";

/** A verified recruiter's own steps (searches, contacts): the account holds the recruiter role. */
export const requireRecruiter = (scope: Scope) => !!scope.userId && !!scope.isRecruiter;

export const RecruiterApplicationSchema = z.object({
  name: z.string().trim().min(2, { message: "recruiter.errors.name" }).max(120, { message: "recruiter.errors.name" }),
  website: z
    .string()
    .trim()
    .max(300, { message: "recruiter.errors.website" })
    .transform((s, ctx) => {
      try {
        const u = new URL(/^https?:\/\//i.test(s) ? s : `https://${s}`);
        if (!/^https?:$/.test(u.protocol) || !u.hostname.includes(".")) throw new Error("bad");
        return u.toString();
      } catch {
        ctx.addIssue({ code: "custom", message: "recruiter.errors.website" });
        return z.NEVER;
      }
    }),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((c) => isCountry(c), { message: "recruiter.errors.country" }),
  registrationNumber: z.string().trim().max(60, { message: "recruiter.errors.registration" }),
  contactRole: z
    .string()
    .trim()
    .min(2, { message: "recruiter.errors.contactRole" })
    .max(100, { message: "recruiter.errors.contactRole" }),
  description: z
    .string()
    .trim()
    .min(20, { message: "recruiter.errors.description" })
    .max(1000, { message: "recruiter.errors.description" }),
});
export type RecruiterApplicationInput = z.output<typeof RecruiterApplicationSchema>;

/** The account's recruiter application, newest first. */
export async function getRecruiterStatus({ userId }: { userId: number }) {
  return db
    .selectFrom("recruiter_organisations")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("id", "desc")
    .executeTakeFirst();
}

export async function applyAsRecruiter({ scope, input }: { scope: Scope; input: RecruiterApplicationInput }) {
  if (!scope.userId) return fail(401, "recruiter.errors.signIn");
  if (scope.isStaff) return fail(409, "recruiter.errors.staff");
  const userId = scope.userId;
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom("users").select("id").where("id", "=", userId).forNoKeyUpdate().execute();
    const open = await trx
      .selectFrom("recruiter_organisations")
      .select("status")
      .where("user_id", "=", userId)
      .where("status", "in", ["pending", "verified"])
      .executeTakeFirst();
    if (open)
      return fail(
        409,
        open.status === "verified" ? "recruiter.errors.alreadyVerified" : "recruiter.errors.alreadyPending",
      );
    const row = await trx
      .insertInto("recruiter_organisations")
      .values({
        user_id: userId,
        name: input.name,
        website: input.website,
        country: input.country,
        registration_number: input.registrationNumber,
        contact_role: input.contactRole,
        description: input.description,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: userId,
      action: "recruiter.apply",
      targetType: "recruiter_organisation",
      targetId: row.id,
      after: { name: input.name },
    });
    return ok({ id: row.id });
  });
}

export async function listRecruiterApplications({
  status,
}: {
  status: "pending" | "verified" | "rejected" | "revoked";
}) {
  return db
    .selectFrom("recruiter_organisations as o")
    .innerJoin("users as u", "u.id", "o.user_id")
    .select([
      "o.id",
      "o.name",
      "o.website",
      "o.country",
      "o.registration_number",
      "o.contact_role",
      "o.description",
      "o.status",
      "o.created_at",
      "o.decided_at",
      "o.decision_reason",
      "u.username",
      "u.display_name",
      "u.email",
    ])
    .where("o.status", "=", status)
    .orderBy("o.created_at", status === "pending" ? "asc" : "desc")
    .limit(200)
    .execute();
}

/** An admin verifies, rejects or revokes; roles change in the same transaction as the audit row. */
export async function decideRecruiter({
  scope,
  id,
  decision,
  reason,
}: {
  scope: Scope;
  id: number;
  decision: "verify" | "reject" | "revoke";
  reason: string;
}) {
  if (!scope.isStaff || !scope.userId) return fail(403, "errors.forbidden");
  if (decision !== "verify" && reason.trim().length < 3)
    return fail(422, "recruiter.errors.reason", { reason: "recruiter.errors.reason" });
  const adminId = scope.userId;
  return db.transaction().execute(async (trx) => {
    const org = await trx
      .selectFrom("recruiter_organisations")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!org) return fail(404, "errors.notFound");
    const expected = decision === "revoke" ? "verified" : "pending";
    if (org.status !== expected) return fail(409, "recruiter.errors.decided");
    const status = decision === "verify" ? "verified" : decision === "reject" ? "rejected" : "revoked";
    await trx
      .updateTable("recruiter_organisations")
      .set({ status, decided_by: adminId, decided_at: new Date(), decision_reason: reason.trim() || null })
      .where("id", "=", id)
      .execute();
    if (decision === "verify") {
      // an organisation account searches the directory; it does not take part in the forum
      await trx.deleteFrom("user_roles").where("user_id", "=", org.user_id).where("role", "=", "member").execute();
      await trx
        .insertInto("user_roles")
        .values({ user_id: org.user_id, role: "recruiter", granted_by: adminId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else if (decision === "revoke") {
      await trx.deleteFrom("user_roles").where("user_id", "=", org.user_id).where("role", "=", "recruiter").execute();
    }
    await recordAudit(trx, {
      actorId: adminId,
      action: `recruiter.${decision}`,
      targetType: "recruiter_organisation",
      targetId: id,
      before: { status: org.status },
      after: { status, ...(reason.trim() ? { reason: reason.trim() } : {}) },
    });
    await notify(trx, {
      userId: org.user_id,
      kind: "application",
      actorId: adminId,
      sourceKey: `recruiter:${id}:${status}`,
      data: {
        text: notice(`recruiter.notify.${status}`, { name: org.name, reason: reason.trim() }),
        href: "/recruiter",
      },
    });
    return ok({ status });
  });
}
