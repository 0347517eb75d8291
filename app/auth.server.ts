// Every use of lucia lives in this file, so it can be replaced by hand-written sessions
// without touching routes or models.
import { NodePostgresAdapter } from "@lucia-auth/adapter-postgresql";
import { hash, verify } from "@node-rs/argon2";
import { Lucia, type Session } from "lucia";
import { env } from "./env.server";
import { pool } from "./db.server";

const adapter = new NodePostgresAdapter(pool, { user: "users", session: "sessions" });

const lucia = new Lucia(adapter, {
  sessionCookie: {
    name: "tp_session",
    attributes: { secure: env().COOKIE_SECURE, sameSite: "lax" },
  },
  // the users row also holds the password hash: expose only the id to lucia's callers
  getUserAttributes: () => ({}),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    UserId: number;
    DatabaseUserAttributes: Record<string, never>;
  }
}

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

function parseCookie(header: string | null): string | null {
  return lucia.readSessionCookie(header ?? "");
}

export type SessionState = { userId: number; sessionId: string; setCookie?: string };

/** Validates the session cookie; `setCookie` is present when the cookie must be refreshed or cleared. */
export async function readSession(request: Request): Promise<SessionState | null> {
  const id = parseCookie(request.headers.get("Cookie"));
  if (!id) return null;
  const { session, user } = await lucia.validateSession(id);
  if (!session || !user) return { userId: 0, sessionId: "", setCookie: lucia.createBlankSessionCookie().serialize() };
  return {
    userId: user.id,
    sessionId: session.id,
    setCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : undefined,
  };
}

/** A new session for the user; the old one from this request (if any) is invalidated (rotation). */
export async function startSession(userId: number, request: Request): Promise<string> {
  const oldId = parseCookie(request.headers.get("Cookie"));
  if (oldId) await lucia.invalidateSession(oldId);
  const session: Session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize();
}

export async function endSession(request: Request): Promise<string> {
  const id = parseCookie(request.headers.get("Cookie"));
  if (id) await lucia.invalidateSession(id);
  return lucia.createBlankSessionCookie().serialize();
}

export async function endAllSessions(userId: number): Promise<void> {
  await lucia.invalidateUserSessions(userId);
}

export const sessionCookieName = lucia.sessionCookieName;
