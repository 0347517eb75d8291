// Passwords and sessions: every session detail lives in this file. Hand-written after lucia's
// successor guide (lucia 3 is frozen): the cookie holds a random secret, the table only its SHA-256,
// so a copy of the table (a backup, a replica) signs no one in. Sessions last 30 days and slide.
// Sign-in is two calls (`authenticate` in user.server.ts, then `startSession`), so a second step
// (two-factor) can sit between them.
import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { sql } from "kysely";
import { db, type Db } from "./db.server";
import { env } from "./env.server";

export const sessionCookieName = "tp_session";

const DAY_MS = 86_400_000;
const LIFETIME_MS = 30 * DAY_MS;
/** A session used in its last 15 days gets 30 more (lucia's rule, kept so existing cookies behave the same). */
const REFRESH_WITHIN_MS = 15 * DAY_MS;
/** last_seen_at is written at most this often: not one write per page view. */
const SEEN_EVERY_MS = 5 * 60_000;

// OWASP's argon2id parameters: m=19456 KiB, t=2, p=1
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A fixed hash compared against when the account does not exist, so sign-in takes as long
// whether or not the email is known.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("touchpoints-not-a-real-password");
  await verifyPassword(await dummyHash, password);
  return false;
}

// ---- the cookie ----

// Our secrets (base64url, 43 characters) and lucia's (base32, 40) need no percent-decoding, so
// nothing is decoded: a value of any other shape is simply no session, and parsing cannot throw.
const SECRET = /^[A-Za-z0-9_-]{32,64}$/;

/** The session secret from a Cookie header, or null. Total: any malformed header is no session. */
function secretFrom(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== sessionCookieName) continue;
    // a parent domain may send a second cookie of the same name: the first well-formed one counts
    const value = part.slice(eq + 1).trim();
    if (SECRET.test(value)) return value;
  }
  return null;
}

const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

function serialize(value: string, expiresAt: Date | null): string {
  const maxAge = expiresAt ? Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000)) : 0;
  const expires = expiresAt ?? new Date(0);
  return [
    `${sessionCookieName}=${value}`,
    "HttpOnly",
    `Max-Age=${maxAge}`,
    `Expires=${expires.toUTCString()}`,
    "Path=/",
    "SameSite=Lax",
    ...(env().COOKIE_SECURE ? ["Secure"] : []),
  ].join("; ");
}

const blankCookie = () => serialize("", null);

// ---- sessions ----

/** `sessionId` is the stored id (the hash), never the secret. */
export type SessionState = { userId: number; sessionId: string; setCookie?: string };

/** The session a request's cookie names: its secret and its stored id (the secret's SHA-256), or null. */
export function sessionKey(request: Request): { secret: string; id: string } | null {
  const secret = secretFrom(request.headers.get("Cookie"));
  return secret ? { secret, id: hashSecret(secret) } : null;
}

/** The stored part of a session that its rules read. */
export type SessionRow = { user_id: number; expires_at: Date; last_seen_at: Date };

/**
 * Applies the session rules to the stored row of `key` (read by the caller, with the member's row in the same
 * query): an expired or missing one is no session and clears the cookie; one used in its last 15 days is
 * extended; last_seen_at is written at most every 5 minutes.
 */
export async function settleSession(
  key: { secret: string; id: string },
  row: SessionRow | undefined,
): Promise<SessionState> {
  const now = Date.now();
  if (!row || row.expires_at.getTime() <= now) {
    if (row) await db.deleteFrom("sessions").where("id", "=", key.id).execute();
    return { userId: 0, sessionId: "", setCookie: blankCookie() };
  }
  const refresh = row.expires_at.getTime() - now < REFRESH_WITHIN_MS;
  if (refresh || now - row.last_seen_at.getTime() > SEEN_EVERY_MS) {
    const expiresAt = refresh ? new Date(now + LIFETIME_MS) : row.expires_at;
    await db
      .updateTable("sessions")
      .set({ last_seen_at: new Date(now), expires_at: expiresAt })
      .where("id", "=", key.id)
      .execute();
    if (refresh) return { userId: row.user_id, sessionId: key.id, setCookie: serialize(key.secret, expiresAt) };
  }
  return { userId: row.user_id, sessionId: key.id };
}

/**
 * A new session for a verified user; the one this request came with (if any) ends (rotation).
 * `conn`: a transaction, when the session must commit with another change.
 */
export async function startSession(conn: Db, userId: number, request: Request): Promise<string> {
  const old = secretFrom(request.headers.get("Cookie"));
  if (old) await conn.deleteFrom("sessions").where("id", "=", hashSecret(old)).execute();
  const secret = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + LIFETIME_MS);
  // the device list shows what the browser said it is; a few hundred characters are plenty
  const userAgent = (request.headers.get("User-Agent") ?? "").slice(0, 400) || null;
  await conn
    .insertInto("sessions")
    .values({ id: hashSecret(secret), user_id: userId, expires_at: expiresAt, user_agent: userAgent })
    .execute();
  // the member's expired sessions go at each sign-in (by the user_id index), so rows do not pile up
  await conn.deleteFrom("sessions").where("user_id", "=", userId).where("expires_at", "<=", new Date()).execute();
  return serialize(secret, expiresAt);
}

export async function endSession(request: Request): Promise<string> {
  const secret = secretFrom(request.headers.get("Cookie"));
  if (secret) await db.deleteFrom("sessions").where("id", "=", hashSecret(secret)).execute();
  return blankCookie();
}

/** Ends every session of the user (a password change or reset, "sign out everywhere"). */
export async function endAllSessions(conn: Db, userId: number): Promise<void> {
  await conn.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

export type SessionListItem = {
  handle: string;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

/**
 * The user's live sessions, most recently used first, this request's marked `current`. `handle` names one without
 * revealing its id.
 */
export async function listSessions(userId: number, request: Request): Promise<SessionListItem[]> {
  const secret = secretFrom(request.headers.get("Cookie"));
  const currentId = secret ? hashSecret(secret) : "";
  const rows = await db
    .selectFrom("sessions")
    .select(["id", "handle", "user_agent", "created_at", "last_seen_at"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", sql<Date>`now()`)
    .orderBy("last_seen_at", "desc")
    .limit(100)
    .execute();
  return rows.map((r) => ({
    handle: r.handle,
    userAgent: r.user_agent,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    current: r.id === currentId,
  }));
}

/** Ends one of the user's own sessions by its handle; false when there is no such session of theirs. */
export async function endSessionByHandle(userId: number, handle: string): Promise<boolean> {
  // only a well-formed uuid reaches the query: anything else would be a database error, not "no such session"
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(handle)) return false;
  const r = await db
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .where("handle", "=", handle)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
