// Nothing a member typed is lost when their session ends while they write (signed out on another device,
// revoked, expired): requireViewer holds the form they post, the tp_held cookie names it by a random token
// (stored only as its SHA-256), and after sign-in the root loader tells them, and /held gives it back to
// send through the same action, whose checks all run then. Text fields only, never a password, 100 KB at
// most, 20 holds per address and hour, kept one day.
import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import { z } from "zod";
import { db } from "../../db.server";
import { env } from "../../env.server";
import { TECHNICAL_FIELDS } from "./held-form.schema";
import { ipKey, rateLimit } from "./rate-limit.server";

export const HELD_COOKIE = "tp_held";
export const HELD_MAX_BYTES = 100_000;
const KEEP_SECONDS = 86_400;

/** Never stored, whatever the form. */
const SECRET_NAME = /passw|passphrase|pwd|secret|token|^otp$|^code$/i;

/**
 * What a member wrote, as against what a button sends (an id, an intent, a choice: a like's "5", a watch level):
 * words with a space or a line break between them. Only a form with writing in it is held, so a button pressed
 * after the session ended costs a redirect and nothing more.
 */
const WRITING = /\S\s+\S/;

export const HeldFieldsSchema = z.array(z.tuple([z.string().max(200), z.string()])).max(1000);
export type HeldFields = z.infer<typeof HeldFieldsSchema>;
const TokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export type HeldForm = { id: number; path: string; fields: HeldFields; createdAt: Date };

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

function cookie(value: string, maxAge: number) {
  return [
    `${HELD_COOKIE}=${value}`,
    "HttpOnly",
    `Max-Age=${maxAge}`,
    "Path=/",
    "SameSite=Lax",
    ...(env().COOKIE_SECURE ? ["Secure"] : []),
  ].join("; ");
}

export const clearHeldCookie = () => cookie("", 0);

/** The token of the request's tp_held cookie, or null (any malformed value is none). */
export function heldTokenOf(request: Request): string | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== HELD_COOKIE) continue;
    const token = TokenSchema.safeParse(part.slice(eq + 1).trim());
    if (token.success) return token.data;
  }
  return null;
}

/**
 * Holds what was posted to `path` without a session; answers the cookie that names it, or null when there is
 * nothing typed to keep or the address has held 20 forms this hour. `userId`: the member of the ended
 * session, when its cookie still names one.
 */
export async function holdForm({
  fields,
  path,
  userId,
  ip,
}: {
  fields: HeldFields;
  path: string;
  userId: number | null;
  ip: string | undefined;
}): Promise<string | null> {
  const parsed = HeldFieldsSchema.safeParse(fields.filter(([name]) => !SECRET_NAME.test(name)));
  if (!parsed.success) return null;
  const kept = parsed.data;
  if (!kept.some(([name, value]) => !TECHNICAL_FIELDS.has(name) && WRITING.test(value))) return null;
  if (await rateLimit("heldForm", ipKey(ip))) return null;
  const token = randomBytes(32).toString("base64url");
  await db.transaction().execute(async (trx) => {
    // no recurring job prunes short-lived rows: each hold clears the ones past their day
    await trx
      .deleteFrom("held_forms")
      .where("created_at", "<", sql<Date>`now() - make_interval(secs => ${KEEP_SECONDS})`)
      .execute();
    await trx
      .insertInto("held_forms")
      .values({ token_hash: hashToken(token), user_id: userId, path, fields: JSON.stringify(kept) })
      .execute();
  });
  return cookie(token, KEEP_SECONDS);
}

/**
 * The held form the request's cookie names, if it is the member's: one held without a known member becomes
 * theirs. "none": the cookie names nothing (any more) and may go; "other": another member's, never shown.
 */
export async function claimHeldForm({
  request,
  userId,
}: {
  request: Request;
  userId: number;
}): Promise<{ form: HeldForm } | "none" | "other"> {
  const token = heldTokenOf(request);
  if (!token) return "none";
  const tokenHash = hashToken(token);
  const find = () =>
    db
      .selectFrom("held_forms")
      .select(["id", "user_id", "path", "fields", "created_at"])
      .where("token_hash", "=", tokenHash)
      .where("created_at", ">", sql<Date>`now() - make_interval(secs => ${KEEP_SECONDS})`)
      .executeTakeFirst();
  // read on every page while the cookie lasts, written only the once it becomes someone's (the first to
  // claim it wins: read again after)
  let row = await find();
  if (row && row.user_id === null) {
    await db
      .updateTable("held_forms")
      .set({ user_id: userId })
      .where("id", "=", row.id)
      .where("user_id", "is", null)
      .execute();
    row = await find();
  }
  if (!row) return "none";
  if (row.user_id !== userId) return "other";
  const fields = HeldFieldsSchema.safeParse(row.fields);
  if (!fields.success) return "none";
  return { form: { id: row.id, path: row.path, fields: fields.data, createdAt: row.created_at } };
}

/** Deletes the member's held form the cookie names (sent or discarded): where it went, and the cookie that clears. */
export async function deleteHeldForm({
  request,
  userId,
}: {
  request: Request;
  userId: number;
}): Promise<{ path: string | undefined; setCookie: string }> {
  const token = heldTokenOf(request);
  const row = token
    ? await db
        .deleteFrom("held_forms")
        .where("token_hash", "=", hashToken(token))
        .where("user_id", "=", userId)
        .returning("path")
        .executeTakeFirst()
    : undefined;
  return { path: row?.path, setCookie: clearHeldCookie() };
}
