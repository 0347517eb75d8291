// Contact requests: a verified recruiter writes to a member who may be found (a daily limit);
// only when the member accepts do both see each other's email. Members can block a recruiter. The
// conversation that follows is contact-thread.server.ts.
import { sql } from "kysely";
import { z } from "zod";
import { db, type Db } from "../../db.server";
import { message as notice } from "../account/notification-text";
import { canSeeProfile, type Scope } from "../permissions.server";
import { notify } from "../account/notification.server";
import { fail, ok } from "../shared/result";
import { refused } from "../shared/forms.server";
import { memberContactRequests, withEmailIfAccepted } from "./contact-thread.server";
import { CONTACTS_PER_DAY, MESSAGE_MAX } from "./recruiter.schema";
import { requireRecruiter } from "./recruiter.server";

export const ContactMessageSchema = z.object({
  message: z
    .string()
    .trim()
    .min(10, { message: "recruiter.errors.messageShort" })
    .max(MESSAGE_MAX, { message: "recruiter.errors.messageLong" }),
});

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
