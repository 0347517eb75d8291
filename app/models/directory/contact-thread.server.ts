// The thread after a recruiter's contact request: the request's message first, then messages both
// ways. The member answers whenever they like (unless they blocked the recruiter); the recruiter
// writes again only to a member still open to opportunities, not blocking them, who accepted or
// answered since the recruiter's last message: no chasing a silent candidate, nothing after a decline.
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { canSeeProfile, type Scope } from "../permissions.server";
import { translatorFor } from "../account/recipient-language.server";
import { notify } from "../account/notification.server";
import { ThreadMessageSchema } from "./recruiter-desk.schema";
import { fail, ok } from "../shared/result";
import { refused } from "../shared/forms.server";
import { isRecruiter } from "./shortlist.server";

export type ThreadMessage = { id: string; mine: boolean; body: string; created_at: Date };

async function messagesOf(
  trx: Db,
  request: { id: number; recruiter_id: number; message: string; created_at: Date },
  viewerId: number,
) {
  const rows = await trx
    .selectFrom("contact_messages")
    .select(["id", "sender_id", "body", "created_at"])
    .where("request_id", "=", request.id)
    .orderBy("id")
    .execute();
  const first: ThreadMessage = {
    id: `r${request.id}`,
    mine: request.recruiter_id === viewerId,
    body: request.message,
    created_at: request.created_at,
  };
  return [
    first,
    ...rows.map((m): ThreadMessage => ({
      id: `m${m.id}`,
      mine: m.sender_id === viewerId,
      body: m.body,
      created_at: m.created_at,
    })),
  ];
}

/** May the recruiter write in this thread now? Answers the reason (an i18n key) when not. */
function recruiterMayWrite(t: {
  status: string;
  open: boolean;
  blocked: boolean;
  lastFromMember: boolean;
}): string | null {
  if (t.blocked) return "recruiter.errors.unavailable"; // a block is not announced
  if (!t.open) return "recruiter.errors.notOpen";
  if (t.status === "declined") return "desk.errors.declined";
  if (t.status === "pending" && !t.lastFromMember) return "desk.errors.waitForAnswer";
  return null;
}

async function recruiterThread(trx: Db, scope: Scope, username: string) {
  const member = await trx
    .selectFrom("users as u")
    .leftJoin("profiles as p", "p.user_id", "u.id")
    .select(["u.id", "u.username", "u.display_name", "p.visibility", "p.open_to_opportunities"])
    .where((eb) => eb(eb.fn("lower", ["u.username"]), "=", username.toLowerCase()))
    .where("u.deleted_at", "is", null)
    .executeTakeFirst();
  if (!member || !canSeeProfile(scope, { userId: member.id, visibility: member.visibility ?? "members" }))
    return undefined;
  const request = await trx
    .selectFrom("contact_requests")
    .select(["id", "recruiter_id", "member_id", "message", "status", "created_at"])
    .where("recruiter_id", "=", scope.userId!)
    .where("member_id", "=", member.id)
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!request) return { member, request: undefined };
  const blocked = !!(await trx
    .selectFrom("recruiter_blocks")
    .select("member_id")
    .where("member_id", "=", member.id)
    .where("recruiter_id", "=", scope.userId!)
    .executeTakeFirst());
  const messages = await messagesOf(trx, request, scope.userId!);
  const lastFromMember = !messages[messages.length - 1].mine;
  const refusal = recruiterMayWrite({
    status: request.status,
    open: !!member.open_to_opportunities,
    blocked,
    lastFromMember,
  });
  return { member, request, messages, refusal };
}

/** The recruiter's side of the thread with a member (undefined: no such member for them). */
export async function getRecruiterThread({ scope, username }: { scope: Scope; username: string }) {
  if (!isRecruiter(scope)) return undefined;
  const t = await recruiterThread(db, scope, username);
  if (!t?.request) return t && { request: null };
  return { request: { id: t.request.id, status: t.request.status }, messages: t.messages!, refusal: t.refusal };
}

export async function writeAsRecruiter({ scope, username, body }: { scope: Scope; username: string; body: string }) {
  if (!isRecruiter(scope)) return fail(403, "errors.forbidden");
  const parsed = ThreadMessageSchema.safeParse({ body });
  if (!parsed.success) return refused(422, parsed.error);
  return db.transaction().execute(async (trx) => {
    const t = await recruiterThread(trx, scope, username);
    if (!t) return fail(404, "errors.notFound");
    if (!t.request) return fail(409, "desk.errors.noThread");
    // the thread row is locked so two sends cannot both pass the "member answered" check
    await trx.selectFrom("contact_requests").select("id").where("id", "=", t.request.id).forUpdate().execute();
    const again = await recruiterThread(trx, scope, username);
    if (again?.refusal) return fail(409, again.refusal);
    const sent = await trx
      .insertInto("contact_messages")
      .values({ request_id: t.request.id, sender_id: scope.userId!, body: parsed.data.body })
      .returning("id")
      .executeTakeFirstOrThrow();
    const org = await trx
      .selectFrom("recruiter_organisations")
      .select("name")
      .where("user_id", "=", scope.userId!)
      .where("status", "=", "verified")
      .executeTakeFirst();
    await notify(trx, {
      userId: t.member.id,
      kind: "application",
      actorId: scope.userId,
      sourceKey: `contact-message:${sent.id}`,
      data: {
        message: (await translatorFor(trx, t.member.id))("desk.notify.recruiterWrote", { name: org?.name ?? "" }),
        href: `/my/contacts/${t.request.id}`,
      },
    });
    return ok({});
  });
}

/** A member's contact requests with the organisation, and whether the member blocked its recruiter. */
export function memberContactRequests(userId: number) {
  return db
    .selectFrom("contact_requests as c")
    .innerJoin("users as r", "r.id", "c.recruiter_id")
    .leftJoin("recruiter_organisations as o", (j) =>
      j.onRef("o.user_id", "=", "c.recruiter_id").on("o.status", "in", ["verified", "revoked"]),
    )
    .select([
      "c.id",
      "c.recruiter_id",
      "c.message",
      "c.status",
      "c.created_at",
      "c.decided_at",
      "r.display_name",
      "r.email",
      "o.name as organisation",
      "o.website",
    ])
    .select(
      sql<boolean>`exists (select 1 from recruiter_blocks b where b.member_id = c.member_id
          and b.recruiter_id = c.recruiter_id)`.as("blocked"),
    )
    .where("c.member_id", "=", userId);
}

/** Both see each other's email only once the member accepted. */
export function withEmailIfAccepted<R extends { email: string; status: string }>({ email, ...rest }: R) {
  return { ...rest, email: rest.status === "accepted" ? email : null };
}

/** The member's side of one request: the organisation, the messages, what they may do. */
export async function getMemberThread({ userId, id }: { userId: number; id: number }) {
  const request = await memberContactRequests(userId).where("c.id", "=", id).executeTakeFirst();
  if (!request) return undefined;
  return { ...withEmailIfAccepted(request), messages: await messagesOf(db, request, userId) };
}

export async function answerAsMember({ scope, id, body }: { scope: Scope; id: number; body: string }) {
  if (!scope.userId) return fail(401, "recruiter.errors.signIn");
  const memberId = scope.userId;
  const parsed = ThreadMessageSchema.safeParse({ body });
  if (!parsed.success) return refused(422, parsed.error);
  return db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom("contact_requests")
      .select(["id", "recruiter_id"])
      .where("id", "=", id)
      .where("member_id", "=", memberId)
      .forUpdate()
      .executeTakeFirst();
    if (!request) return fail(404, "errors.notFound");
    const blocked = await trx
      .selectFrom("recruiter_blocks")
      .select("member_id")
      .where("member_id", "=", memberId)
      .where("recruiter_id", "=", request.recruiter_id)
      .executeTakeFirst();
    if (blocked) return fail(409, "desk.errors.unblockFirst");
    const sent = await trx
      .insertInto("contact_messages")
      .values({ request_id: id, sender_id: memberId, body: parsed.data.body })
      .returning("id")
      .executeTakeFirstOrThrow();
    const member = await trx
      .selectFrom("users")
      .select(["display_name", "username"])
      .where("id", "=", memberId)
      .executeTakeFirstOrThrow();
    await notify(trx, {
      userId: request.recruiter_id,
      kind: "application",
      actorId: memberId,
      sourceKey: `contact-message:${sent.id}`,
      data: {
        message: (await translatorFor(trx, request.recruiter_id))("desk.notify.memberAnswered", {
          name: member.display_name,
        }),
        href: `/recruiter/contact/${member.username}`,
      },
    });
    return ok({});
  });
}
