// Signed, single-purpose tokens carried by mail: the unsubscribe link of one kind of mail for one member,
// and the reply address of one member in one topic. Each purpose is part of what is signed, so a token
// made for one thing never works for another; no sign-in is needed, the token is the key to that one act.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { db } from "../../db.server";
import { env } from "../../env.server";
import { NOTIFICATION_KINDS } from "./notification.schema";

let secret: Buffer | undefined;

/** The HMAC key: MAIL_TOKEN_SECRET, else one generated on first use and kept in `settings`. */
async function mailSecret(): Promise<Buffer> {
  if (secret) return secret;
  const fromEnv = env().MAIL_TOKEN_SECRET;
  if (fromEnv) return (secret = Buffer.from(fromEnv));
  await db
    .insertInto("settings")
    .values({ key: "mail_token_secret", value: JSON.stringify(randomBytes(32).toString("hex")) })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", "mail_token_secret")
    .executeTakeFirstOrThrow();
  return (secret = Buffer.from(String(row.value)));
}

/** Made at start (scripts/seed), so no request writes it: a refused request must change nothing. */
export async function ensureMailSecret(): Promise<void> {
  await mailSecret();
}

// lowercase hex: mail systems may change the case of an address's local part
async function mac(purpose: string, fields: string[], hexChars: number) {
  const h = createHmac("sha256", await mailSecret());
  h.update([purpose, ...fields].join("\n"));
  return h.digest("hex").slice(0, hexChars);
}

function sameText(a: string, b: string) {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export const UNSUBSCRIBE_KINDS = ["digest", ...NOTIFICATION_KINDS] as const;
export type UnsubscribeKind = (typeof UNSUBSCRIBE_KINDS)[number];

/** The token of an unsubscribe link: member and kind of mail, signed (it never expires: old mails keep working). */
export async function unsubscribeToken(userId: number, kind: UnsubscribeKind) {
  return `${userId.toString(36)}.${kind}.${await mac("unsubscribe", [String(userId), kind], 32)}`;
}

export async function readUnsubscribeToken(
  token: string,
): Promise<{ userId: number; kind: UnsubscribeKind } | undefined> {
  const m = /^([0-9a-z]{1,8})\.([a-z]{1,20})\.([0-9a-f]{32})$/.exec(token);
  if (!m || !(UNSUBSCRIBE_KINDS as readonly string[]).includes(m[2])) return undefined;
  const userId = parseInt(m[1], 36);
  if (!sameText(m[3], await mac("unsubscribe", [String(userId), m[2]], 32))) return undefined;
  return { userId, kind: m[2] as UnsubscribeKind };
}

/** How long a reply address keeps working after its mail was sent. */
export const REPLY_DAYS = 60;
const DAY_MS = 86_400_000;

export function mailDomain() {
  return env().INBOUND_MAIL_DOMAIN ?? new URL(env().APP_ORIGIN).hostname;
}

/** reply+<member>-<topic>-<last day>-<mac>@domain: 80 bits of HMAC, within the 64 characters of a local part. */
export async function replyAddress(userId: number, topicId: number, now = new Date()) {
  const until = Math.floor(now.getTime() / DAY_MS) + REPLY_DAYS;
  const fields = [userId, topicId, until].map((n) => n.toString(36));
  return `reply+${fields.join("-")}-${await mac("reply", fields, 20)}@${mailDomain()}`;
}

export type ReplyAddressCheck =
  { ok: true; userId: number; topicId: number } | { ok: false; reason: "unknown" | "forged" | "expired" };

/** Reads a recipient address: not a reply address, a forged one, an expired one, or whose reply it is. */
export async function readReplyAddress(address: string, now = new Date()): Promise<ReplyAddressCheck> {
  const m = /^reply\+([0-9a-z]{1,8})-([0-9a-z]{1,8})-([0-9a-z]{1,6})-([0-9a-f]{1,40})@(.+)$/i.exec(address.trim());
  if (!m || m[5].toLowerCase() !== mailDomain().toLowerCase()) return { ok: false, reason: "unknown" };
  const fields = [m[1], m[2], m[3]].map((f) => f.toLowerCase());
  if (!sameText(m[4].toLowerCase(), await mac("reply", fields, 20))) return { ok: false, reason: "forged" };
  if (parseInt(fields[2], 36) < Math.floor(now.getTime() / DAY_MS)) return { ok: false, reason: "expired" };
  return { ok: true, userId: parseInt(fields[0], 36), topicId: parseInt(fields[1], 36) };
}

/**
 * What every mail but account mail carries (RFC 8058 one-click, and RFC 2369): a signed https link that
 * unsubscribes this member from this kind of mail without signing in; also shown in the body.
 */
export async function unsubscribeHeaders(userId: number, kind: UnsubscribeKind) {
  const url = `${env().APP_ORIGIN}/mail/unsubscribe/${await unsubscribeToken(userId, kind)}`;
  return {
    url,
    headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
