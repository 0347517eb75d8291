// Recruiters: an organisation account applies with company details, an admin verifies it (the
// account then holds the 'recruiter' role and no longer the 'member' role, so it can never post
// in the forum). Verified recruiters save searches, shortlist members and send contact requests;
// only when a member accepts do both see each other's email. Members can block a recruiter.
import { sql } from "kysely";
import { z } from "zod";
import { db, type Db } from "../../db.server";
import { message as notice } from "../account/notification-text";
import { canSeeProfile, type Scope } from "../permissions.server";
import { recordAudit } from "../moderation/audit.server";
import { notify } from "../account/notification.server";
import { isCountry } from "./profile.schema";
import { fail, ok } from "../shared/result";
import { refused } from "../shared/forms.server";
import { setSearchAlerts } from "./search-alert.server";
import { memberContactRequests, withEmailIfAccepted } from "./contact-thread.server";

import { CONTACTS_PER_DAY, MESSAGE_MAX } from "./recruiter.schema";
export { CONTACTS_PER_DAY, MESSAGE_MAX };
export const SAVED_SEARCHES_MAX = 50;
// the shortlist (stages, notes, CSV) has its own module
export { listShortlist, setShortlisted } from "./shortlist.server";

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

export const ContactMessageSchema = z.object({
  message: z
    .string()
    .trim()
    .min(10, { message: "recruiter.errors.messageShort" })
    .max(MESSAGE_MAX, { message: "recruiter.errors.messageLong" }),
});

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

// ---- saved searches and shortlists ------------------------------------------------------------

const requireRecruiter = (scope: Scope) => !!scope.userId && !!scope.isRecruiter;

export async function listSavedSearches({ scope }: { scope: Scope }) {
  if (!requireRecruiter(scope)) return [];
  return db
    .selectFrom("saved_searches")
    .select(["id", "name", "query", "alerts", "created_at"])
    .where("user_id", "=", scope.userId!)
    .orderBy("created_at", "desc")
    .execute();
}

/** Saves a directory search; `alerts` also turns on its daily mail of new matches. */
export async function saveSearch({
  scope,
  name,
  query,
  alerts = false,
}: {
  scope: Scope;
  name: string;
  query: string;
  alerts?: boolean;
}) {
  if (!requireRecruiter(scope)) return fail(403, "errors.forbidden");
  const n = name.trim();
  if (n.length < 1 || n.length > 80)
    return fail(422, "recruiter.errors.searchName", { name: "recruiter.errors.searchName" });
  // only a directory address is kept (it is replayed as a link)
  const q = query.trim();
  if (!/^\/directory(\/(practitioners|professionals|managers|leaders))?(\?[^\s#]{0,1000})?$/.test(q))
    return fail(422, "recruiter.errors.searchQuery");
  const count = await db
    .selectFrom("saved_searches")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("user_id", "=", scope.userId!)
    .executeTakeFirstOrThrow();
  if (count.n >= SAVED_SEARCHES_MAX) return fail(409, "recruiter.errors.tooManySearches");
  const row = await db
    .insertInto("saved_searches")
    .values({ user_id: scope.userId!, name: n, query: q })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (alerts) await setSearchAlerts({ scope, id: row.id, alerts: true });
  return ok({ id: row.id });
}

export async function deleteSavedSearch({ scope, id }: { scope: Scope; id: number }) {
  if (!requireRecruiter(scope)) return fail(403, "errors.forbidden");
  await db.deleteFrom("saved_searches").where("id", "=", id).where("user_id", "=", scope.userId!).execute();
  return ok({});
}

async function visibleMember(trx: Db, scope: Scope, username: string) {
  const m = await trx
    .selectFrom("users as u")
    .leftJoin("profiles as p", "p.user_id", "u.id")
    .select(["u.id", "u.username", "u.display_name", "u.email", "p.visibility", "p.open_to_opportunities"])
    .where(sql`lower(u.username)`, "=", username.toLowerCase())
    .where("u.deleted_at", "is", null)
    .where(sql<boolean>`exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'member')`)
    .executeTakeFirst();
  if (!m || !canSeeProfile(scope, { userId: m.id, visibility: m.visibility ?? "members" })) return undefined;
  return m;
}

// ---- contact requests ------------------------------------------------------------------------

export async function sendContactRequest({
  scope,
  username,
  message,
}: {
  scope: Scope;
  username: string;
  message: string;
}) {
  if (!requireRecruiter(scope)) return fail(403, "errors.forbidden");
  const parsed = ContactMessageSchema.safeParse({ message });
  if (!parsed.success) return refused(422, parsed.error);
  const recruiterId = scope.userId!;
  return db.transaction().execute(async (trx) => {
    // one recruiter's requests are counted one at a time, so the daily limit holds under races
    await trx.selectFrom("users").select("id").where("id", "=", recruiterId).forNoKeyUpdate().execute();
    const member = await visibleMember(trx, scope, username);
    if (!member) return fail(404, "errors.notFound");
    // only members who said they are open to opportunities may be approached
    if (!member.open_to_opportunities) return fail(403, "recruiter.errors.notOpen");
    const blocked = await trx
      .selectFrom("recruiter_blocks")
      .select("member_id")
      .where("member_id", "=", member.id)
      .where("recruiter_id", "=", recruiterId)
      .executeTakeFirst();
    // a block is not announced: the recruiter only learns the member is not available
    if (blocked) return fail(409, "recruiter.errors.unavailable");
    // one thread per pair; a decline is the member's answer to this recruiter, so it stays final
    const open = await trx
      .selectFrom("contact_requests")
      .select("status")
      .where("recruiter_id", "=", recruiterId)
      .where("member_id", "=", member.id)
      .orderBy("id", "desc")
      .executeTakeFirst();
    if (open)
      return fail(
        409,
        {
          accepted: "recruiter.errors.alreadyAccepted",
          pending: "recruiter.errors.requestPending",
          declined: "desk.errors.declined",
        }[open.status],
      );
    const today = await trx
      .selectFrom("contact_requests")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("recruiter_id", "=", recruiterId)
      .where("created_at", ">", sql<Date>`now() - interval '24 hours'`)
      .executeTakeFirstOrThrow();
    if (today.n >= CONTACTS_PER_DAY)
      return fail(429, "recruiter.errors.rateLimit", undefined, { count: CONTACTS_PER_DAY });
    const org = await trx
      .selectFrom("recruiter_organisations")
      .select("name")
      .where("user_id", "=", recruiterId)
      .where("status", "=", "verified")
      .executeTakeFirst();
    const row = await trx
      .insertInto("contact_requests")
      .values({ recruiter_id: recruiterId, member_id: member.id, message: parsed.data.message })
      .returning("id")
      .executeTakeFirstOrThrow();
    await notify(trx, {
      userId: member.id,
      kind: "application",
      actorId: recruiterId,
      sourceKey: `contact:${row.id}`,
      data: { text: notice("recruiter.notify.request", { name: org?.name ?? "" }), href: "/my/contacts" },
    });
    return ok({ id: row.id });
  });
}

export async function decideContactRequest({
  scope,
  id,
  decision,
}: {
  scope: Scope;
  id: number;
  decision: "accept" | "decline";
}) {
  if (!scope.userId) return fail(401, "recruiter.errors.signIn");
  const memberId = scope.userId;
  return db.transaction().execute(async (trx) => {
    const req = await trx
      .selectFrom("contact_requests")
      .selectAll()
      .where("id", "=", id)
      .where("member_id", "=", memberId)
      .forUpdate()
      .executeTakeFirst();
    if (!req) return fail(404, "errors.notFound");
    if (req.status !== "pending") return fail(409, "recruiter.errors.decidedRequest");
    const status = decision === "accept" ? "accepted" : "declined";
    await trx.updateTable("contact_requests").set({ status, decided_at: new Date() }).where("id", "=", id).execute();
    const member = await trx
      .selectFrom("users")
      .select("display_name")
      .where("id", "=", memberId)
      .executeTakeFirstOrThrow();
    await notify(trx, {
      userId: req.recruiter_id,
      kind: "application",
      actorId: memberId,
      sourceKey: `contact:${id}:${status}`,
      data: { text: notice(`recruiter.notify.${status}`, { name: member.display_name }), href: "/recruiter" },
    });
    return ok({ status });
  });
}

/** Blocking declines the recruiter's open requests and refuses new ones; unblocking allows them again. */
export async function setRecruiterBlocked({
  scope,
  recruiterId,
  blocked,
}: {
  scope: Scope;
  recruiterId: number;
  blocked: boolean;
}) {
  if (!scope.userId) return fail(401, "recruiter.errors.signIn");
  const memberId = scope.userId;
  return db.transaction().execute(async (trx) => {
    if (blocked) {
      const isRecruiter = await trx
        .selectFrom("recruiter_organisations")
        .select("id")
        .where("user_id", "=", recruiterId)
        .executeTakeFirst();
      if (!isRecruiter) return fail(404, "errors.notFound");
      await trx
        .insertInto("recruiter_blocks")
        .values({ member_id: memberId, recruiter_id: recruiterId })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await trx
        .updateTable("contact_requests")
        .set({ status: "declined", decided_at: new Date() })
        .where("member_id", "=", memberId)
        .where("recruiter_id", "=", recruiterId)
        .where("status", "=", "pending")
        .execute();
    } else {
      await trx
        .deleteFrom("recruiter_blocks")
        .where("member_id", "=", memberId)
        .where("recruiter_id", "=", recruiterId)
        .execute();
    }
    return ok({});
  });
}

/** A member's contact requests; the recruiter's email only on accepted ones. */
export async function listContactsForMember({ userId }: { userId: number }) {
  const rows = await memberContactRequests(userId).orderBy("c.created_at", "desc").limit(200).execute();
  return rows.map(withEmailIfAccepted);
}

/** A recruiter's sent requests; the member's email only on accepted ones. */
export async function listContactsForRecruiter({ scope }: { scope: Scope }) {
  if (!requireRecruiter(scope)) return [];
  const rows = await db
    .selectFrom("contact_requests as c")
    .innerJoin("users as m", "m.id", "c.member_id")
    .select([
      "c.id",
      "c.message",
      "c.status",
      "c.created_at",
      "c.decided_at",
      "m.username",
      "m.display_name",
      "m.email",
    ])
    .where("c.recruiter_id", "=", scope.userId!)
    .orderBy("c.created_at", "desc")
    .limit(200)
    .execute();
  return rows.map(withEmailIfAccepted);
}

export async function contactsSentToday({ scope }: { scope: Scope }) {
  if (!scope.userId) return 0;
  const r = await db
    .selectFrom("contact_requests")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("recruiter_id", "=", scope.userId)
    .where("created_at", ">", sql<Date>`now() - interval '24 hours'`)
    .executeTakeFirstOrThrow();
  return r.n;
}
