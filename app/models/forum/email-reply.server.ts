// A reply by email becomes a post through the same createReply as the web form: the same permissions,
// posting limits, sanctions and markdown pipeline. The reply address is signed per member and topic
// (app/models/account/mail-token.server.ts) and must come from that member's own address. The
// Message-ID becomes the post's submission key: the same message twice never posts twice.
import { createHash } from "node:crypto";
import { db } from "../../db.server";
import { createI18n, pickLocale } from "../../i18n";
import { scopeOfUser } from "../../viewer.server";
import { readReplyAddress } from "../account/mail-token.server";
import { stripQuotedReply } from "./email-reply-text";
import { createReply } from "./post.server";

export type InboundReply = { recipient: string; sender: string; messageId: string | undefined; text: string };
export type InboundAnswer = { ok: true; postId: number; url: string } | { ok: false; code: number; message: string };

/** A uuid made from the Message-ID (posts.submission_key is a uuid). */
function submissionKeyOf(messageId: string) {
  const h = createHash("sha256").update(messageId.trim().toLowerCase()).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Whom a recipient address lets post, checked when the SMTP client names it (before the message is sent). */
export async function checkReplyRecipient(recipient: string, sender: string, now = new Date()) {
  const en = createI18n("en").t;
  const read = await readReplyAddress(recipient, now);
  if (!read.ok) return { ok: false as const, code: 550, message: en(`emailReach.inbound.${read.reason}`) };
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "locale", "deleted_at"])
    .where("id", "=", read.userId)
    .executeTakeFirst();
  if (!user || user.deleted_at) return { ok: false as const, code: 550, message: en("emailReach.inbound.gone") };
  const t = createI18n(pickLocale(user.locale, null)).t;
  if (user.email.toLowerCase() !== sender.trim().toLowerCase())
    return { ok: false as const, code: 550, message: t("emailReach.inbound.sender") };
  return { ok: true as const, userId: user.id, topicId: read.topicId, t };
}

export async function receiveEmailReply({ recipient, sender, messageId, text }: InboundReply): Promise<InboundAnswer> {
  const checked = await checkReplyRecipient(recipient, sender);
  if (!checked.ok) return checked;
  const { userId, topicId, t } = checked;
  // without a Message-ID a repeat cannot be told apart: the body stands in for it
  const submissionKey = submissionKeyOf(messageId || `${recipient}\n${text}`);
  const seen = await db
    .selectFrom("posts")
    .select("id")
    .where("user_id", "=", userId)
    .where("submission_key", "=", submissionKey)
    .executeTakeFirst();
  if (seen) return { ok: false, code: 550, message: t("emailReach.inbound.duplicate") };
  const body = stripQuotedReply(text);
  if (!body) return { ok: false, code: 550, message: t("emailReach.inbound.empty") };
  const scope = await scopeOfUser(db, userId);
  const result = await createReply({ scope, topicId, body, submissionKey });
  if (!result.ok) {
    // posting limits and sanctions are "try later" on the web: a bounce says why, in the member's language
    const message = String(t(result.message, (result.values ?? {}) as never));
    return { ok: false, code: 550, message };
  }
  return { ok: true, postId: result.postId, url: result.url };
}
