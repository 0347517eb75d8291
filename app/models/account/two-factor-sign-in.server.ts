// Sign-in's second step: after the password, a member with 2FA (or a passkey) gets a pending sign-in
// (a random token in a 5-minute cookie, stored as SHA-256, bound to the member, 5 guesses, single use)
// and no session until a code (app/models/account/two-factor-codes.server.ts) or a passkey answers it.
import { randomBytes } from "node:crypto";
import { db, type Db } from "../../db.server";
import { env } from "../../env.server";
import { recordAudit } from "../moderation/audit.server";
import { fail, ok, type Result } from "../shared/result";
import { countGuess, forgetGuess, sha256, spendCode } from "./two-factor-codes.server";

export const SECOND_STEP_PATH = "/login/two-factor";

const CHALLENGE_COOKIE = "tp_2fa";
const CHALLENGE_MINUTES = 5;
/** wrong codes per pending sign-in; then the password must be typed again */
export const CHALLENGE_ATTEMPTS = 5;

function challengeCookie(value: string, maxAge: number): string {
  const secure = env().COOKIE_SECURE ? "; Secure" : "";
  return `${CHALLENGE_COOKIE}=${value}; Path=/login; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}
export const clearChallengeCookie = () => challengeCookie("", 0);

/** The token of the pending sign-in, read without ever throwing on a malformed Cookie header. */
function challengeToken(request: Request): string | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [name, value] = part.trim().split("=", 2);
    if (name === CHALLENGE_COOKIE && value && /^[A-Za-z0-9_-]{43}$/.test(value)) return value;
  }
  return null;
}

/**
 * Called once the password is right. For a member with 2FA: the Set-Cookie of a pending sign-in
 * (and no session yet). Null when the member has no second factor.
 */
export async function startSecondStep({
  userId,
  redirectTo,
  now = new Date(),
}: {
  userId: number;
  redirectTo: string;
  now?: Date;
}): Promise<string | null> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where("id", "=", userId)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom("user_two_factor")
            .select("user_id")
            .where("user_id", "=", userId)
            .where("secret", "is not", null),
        ),
        eb.exists(eb.selectFrom("passkeys").select("id").where("user_id", "=", userId)),
      ]),
    )
    .executeTakeFirst();
  if (!row) return null;
  const token = randomBytes(32).toString("base64url");
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("two_factor_challenges").where("expires_at", "<", now).execute();
    await trx
      .insertInto("two_factor_challenges")
      .values({
        token_hash: sha256(token),
        user_id: userId,
        redirect_to: redirectTo,
        expires_at: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
      })
      .execute();
  });
  return challengeCookie(token, CHALLENGE_MINUTES * 60);
}

/** The member whose pending sign-in the request carries, while it is live. */
export async function pendingSignInUser(request: Request, now = new Date()): Promise<number | null> {
  const token = challengeToken(request);
  if (!token) return null;
  const row = await db
    .selectFrom("two_factor_challenges")
    .select("user_id")
    .where("token_hash", "=", sha256(token))
    .where("expires_at", ">", now)
    .where("attempts", "<", CHALLENGE_ATTEMPTS)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** The request's pending sign-in: none begun, live, or ended (used, expired, out of guesses). */
export async function pendingSignIn(request: Request, now = new Date()): Promise<"none" | "live" | "ended"> {
  if (!challengeToken(request)) return "none";
  return (await pendingSignInUser(request, now)) ? "live" : "ended";
}

/**
 * Checks the code against the pending sign-in's member. Right: the pending sign-in is used up and the
 * caller starts the session. Wrong: counted (5 per sign-in, 10 per account in 15 minutes).
 * `expired` tells the page to send the member back to the password.
 */
export async function completeSecondStep({
  request,
  code,
  passkey,
  now = new Date(),
}: {
  request: Request;
  code?: string;
  /** instead of a code: checks a passkey's answer for this member (app/models/account/passkeys.server.ts) */
  passkey?: (trx: Db, userId: number, now: Date) => Promise<boolean>;
  now?: Date;
}): Promise<Result<{ userId: number; redirectTo: string }> & { expired?: boolean }> {
  const token = challengeToken(request);
  if (!token) return { ...fail(401, "twoFactor.errors.expired"), expired: true };
  return db.transaction().execute(async (trx) => {
    // the row lock makes two submissions of one pending sign-in take turns: one wins, once
    const ch = await trx
      .selectFrom("two_factor_challenges")
      .selectAll()
      .where("token_hash", "=", sha256(token))
      .forUpdate()
      .executeTakeFirst();
    if (!ch || ch.expires_at <= now || ch.attempts >= CHALLENGE_ATTEMPTS)
      return { ...fail(401, "twoFactor.errors.expired"), expired: true };
    const guess = await countGuess(trx, ch.user_id, now);
    if ("ok" in guess) return guess;
    const used = passkey
      ? (await passkey(trx, ch.user_id, now)) && "passkey"
      : await spendCode(trx, ch.user_id, code ?? "", now);
    if (!used) {
      const attempts = ch.attempts + 1;
      await trx
        .updateTable("two_factor_challenges")
        .set({ attempts })
        .where("token_hash", "=", ch.token_hash)
        .execute();
      if (attempts >= CHALLENGE_ATTEMPTS) return { ...fail(401, "twoFactor.errors.tooManyGuesses"), expired: true };
      return fail(401, "twoFactor.errors.codeWrongLeft", undefined, { count: CHALLENGE_ATTEMPTS - attempts });
    }
    await forgetGuess(trx, ch.user_id, guess);
    await trx.deleteFrom("two_factor_challenges").where("token_hash", "=", ch.token_hash).execute();
    if (used === "recovery")
      await recordAudit(trx, {
        actorId: ch.user_id,
        action: "user.two_factor_recovery_code_used",
        targetType: "user",
        targetId: ch.user_id,
      });
    return ok({ userId: ch.user_id, redirectTo: ch.redirect_to });
  });
}
