// Two-factor sign-in: TOTP (RFC 6238, app/models/account/totp.ts) with ten single-use recovery codes.
// Enrolment keeps a pending secret until a first code confirms it; the secret is shown only then.
// Sign-in: after the password, a member with 2FA gets a pending second step (a random token in a
// 5-minute cookie, stored as SHA-256, bound to the member, 5 guesses, single use) and no session.
// Staff and recruiters see members' contact details: without 2FA their roles are withheld
// (app/viewer.server.ts) and every page sends them to enrolment.
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from "node:crypto";
import { sql } from "kysely";
import { renderSVG } from "uqr";
import type { Role } from "../../../db/schema";
import { verifyPassword } from "../../auth.server";
import { db, type Db } from "../../db.server";
import { env } from "../../env.server";
import { recordAudit } from "../moderation/audit.server";
import { fail, ok, type Fail, type Result } from "../shared/result";
import { base32Decode, base32Encode, matchStep, otpauthUri } from "./totp";

/** Roles that may not be used without two-factor sign-in (they see members' contact details). */
export const TWO_FACTOR_ROLES: readonly Role[] = ["admin", "recruiter"];
export const ENROLMENT_PATH = "/my/two-factor";
export const SECOND_STEP_PATH = "/login/two-factor";

const CHALLENGE_COOKIE = "tp_2fa";
const CHALLENGE_MINUTES = 5;
/** wrong codes per pending sign-in; then the password must be typed again */
export const CHALLENGE_ATTEMPTS = 5;
/** wrong codes (and confirmations) per account, across sign-ins and the settings page */
export const ACCOUNT_LIMIT = { max: 10, windowMinutes: 15 };
const RECOVERY_COUNT = 10;
// no 0/o, 1/l/i: codes are copied by hand
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const newSecret = () => base32Encode(randomBytes(20));

// Secrets must be readable to check codes, so they cannot be hashed: with TWO_FACTOR_KEY set they are
// stored encrypted (AES-256-GCM, "v1." + iv, tag and ciphertext), so a copy of the database alone
// does not yield them. Without a key they are stored as the app shows them.
const SEALED = "v1.";
function sealSecret(secret: string): string {
  const hex = env().TWO_FACTOR_KEY;
  if (!hex) return secret;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(hex, "hex"), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return SEALED + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}
export function openSecret(stored: string): string {
  if (!stored.startsWith(SEALED)) return stored;
  const hex = env().TWO_FACTOR_KEY;
  if (!hex)
    throw new Error("A two-factor secret is encrypted but TWO_FACTOR_KEY is not set: set the key it was saved with.");
  const raw = Buffer.from(stored.slice(SEALED.length), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", Buffer.from(hex, "hex"), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
const keyOf = (stored: string) => base32Decode(openSecret(stored))!;

function newRecoveryCode(): string {
  let s = "";
  for (let i = 0; i < 10; i++) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}
/** What is hashed and compared: lower case, without the spaces and dashes people add or drop. */
const normaliseCode = (code: string) => code.replace(/[\s-]/g, "").toLowerCase();
/** What is stored of a recovery code: SHA-256 is enough, the codes are random (about 49 bits). */
export const recoveryCodeHash = (code: string) => sha256(normaliseCode(code));

// ---------------------------------------------------------------------------------------------
// Settings page
// ---------------------------------------------------------------------------------------------

/** Does any of the member's roles (as stored, not as withheld) require two-factor sign-in? */
export async function requiresTwoFactor(trx: Db, userId: number): Promise<boolean> {
  const row = await trx
    .selectFrom("user_roles")
    .select("role")
    .where("user_id", "=", userId)
    .where("role", "in", [...TWO_FACTOR_ROLES])
    .executeTakeFirst();
  return !!row;
}

/** What the settings page shows. The active secret is never part of it; a pending one is, until confirmed. */
export async function getTwoFactorSettings({ userId, username }: { userId: number; username: string }) {
  const row = await db.selectFrom("user_two_factor").selectAll().where("user_id", "=", userId).executeTakeFirst();
  const left = await db
    .selectFrom("two_factor_recovery_codes")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  const pendingSecret = row?.pending_secret ? openSecret(row.pending_secret) : null;
  const pending = pendingSecret
    ? {
        secret: pendingSecret.replace(/(.{4})(?=.)/g, "$1 "),
        qrSvg: renderSVG(otpauthUri({ secret: pendingSecret, account: username, issuer: "Touchpoints" }), {
          border: 2,
          pixelSize: 6,
        }),
      }
    : null;
  return {
    enabled: !!row?.secret,
    enabledAt: row?.enabled_at ?? null,
    recoveryLeft: left.n,
    required: await requiresTwoFactor(db, userId),
    pending,
  };
}

/** A new secret to enrol (the first one, or a new authenticator replacing the active one). */
export async function startEnrolment({ userId }: { userId: number }) {
  await db
    .insertInto("user_two_factor")
    .values({ user_id: userId, pending_secret: sealSecret(newSecret()), pending_at: new Date() })
    .onConflict((oc) =>
      oc
        .column("user_id")
        .doUpdateSet({ pending_secret: (eb) => eb.ref("excluded.pending_secret"), pending_at: new Date() }),
    )
    .execute();
}

export async function cancelEnrolment({ userId }: { userId: number }) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("user_two_factor")
      .set({ pending_secret: null, pending_at: null })
      .where("user_id", "=", userId)
      .execute();
    await trx.deleteFrom("user_two_factor").where("user_id", "=", userId).where("secret", "is", null).execute();
  });
}

/** The member's row, locked for the transaction (checks and updates of one member take turns). */
const lockRow = (trx: Db, userId: number) =>
  trx.selectFrom("user_two_factor").selectAll().where("user_id", "=", userId).forUpdate().executeTakeFirst();

type Confirmed = { userId: number; confirm: string; now?: Date };

async function replaceRecoveryCodes(trx: Db, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_COUNT }, newRecoveryCode);
  await trx.deleteFrom("two_factor_recovery_codes").where("user_id", "=", userId).execute();
  await trx
    .insertInto("two_factor_recovery_codes")
    .values(codes.map((c) => ({ user_id: userId, code_hash: recoveryCodeHash(c) })))
    .execute();
  return codes;
}

/** Turns the pending secret on when the code matches it; answers the ten recovery codes, shown once. */
export async function confirmEnrolment({
  userId,
  code,
  now = new Date(),
}: {
  userId: number;
  code: string;
  now?: Date;
}): Promise<Result<{ recoveryCodes: string[] }>> {
  return db.transaction().execute(async (trx) => {
    const row = await lockRow(trx, userId);
    if (!row?.pending_secret) return fail(409, "twoFactor.errors.noPending");
    const guess = await countGuess(trx, userId, now);
    if ("ok" in guess) return guess;
    const step = matchStep(keyOf(row.pending_secret), normaliseCode(code), now.getTime(), null);
    if (step === null) return fail(400, "form.fixErrors", { code: "twoFactor.errors.codeWrong" });
    await forgetGuess(trx, userId, guess);
    await trx
      .updateTable("user_two_factor")
      .set({ secret: row.pending_secret, enabled_at: now, last_step: step, pending_secret: null, pending_at: null })
      .where("user_id", "=", userId)
      .execute();
    const recoveryCodes = await replaceRecoveryCodes(trx, userId);
    await recordAudit(trx, {
      actorId: userId,
      action: row.secret ? "user.two_factor_replaced" : "user.two_factor_enabled",
      targetType: "user",
      targetId: userId,
    });
    return ok({ recoveryCodes });
  });
}

/** The password, or a current code when the account has no password (or the member prefers it). */
export async function confirmIdentity(trx: Db, userId: number, confirm: string, now: Date): Promise<Result<object>> {
  const guess = await countGuess(trx, userId, now);
  if ("ok" in guess) return guess;
  const clean = normaliseCode(confirm);
  let good = false;
  if (/^\d{6}$/.test(clean)) good = (await spendTotp(trx, userId, clean, now)) !== null;
  if (!good) {
    const user = await trx
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    good = !!user.password_hash && (await verifyPassword(user.password_hash, confirm));
  }
  if (!good) return fail(400, "form.fixErrors", { confirm: "twoFactor.errors.confirmWrong" });
  await forgetGuess(trx, userId, guess);
  return ok({});
}

export async function regenerateRecoveryCodes({
  userId,
  confirm,
  now = new Date(),
}: Confirmed): Promise<Result<{ recoveryCodes: string[] }>> {
  return db.transaction().execute(async (trx) => {
    const row = await lockRow(trx, userId);
    if (!row?.secret) return fail(409, "twoFactor.errors.notEnabled");
    const checked = await confirmIdentity(trx, userId, confirm, now);
    if (!checked.ok) return checked;
    const recoveryCodes = await replaceRecoveryCodes(trx, userId);
    await recordAudit(trx, {
      actorId: userId,
      action: "user.two_factor_recovery_codes_replaced",
      targetType: "user",
      targetId: userId,
    });
    return ok({ recoveryCodes });
  });
}

/** Staff and recruiters cannot turn it off (they may move to a new authenticator instead). */
export async function disableTwoFactor({ userId, confirm, now = new Date() }: Confirmed): Promise<Result<object>> {
  return db.transaction().execute(async (trx) => {
    const row = await lockRow(trx, userId);
    if (!row?.secret) return fail(409, "twoFactor.errors.notEnabled");
    if (await requiresTwoFactor(trx, userId)) return fail(403, "twoFactor.errors.requiredForRole");
    const checked = await confirmIdentity(trx, userId, confirm, now);
    if (!checked.ok) return checked;
    await eraseTwoFactor(trx, userId);
    await recordAudit(trx, {
      actorId: userId,
      action: "user.two_factor_disabled",
      targetType: "user",
      targetId: userId,
    });
    return ok({});
  });
}

/** Every trace of the member's second factor (on disabling, and when the account is deleted). */
export async function eraseTwoFactor(trx: Db, userId: number) {
  await trx.deleteFrom("two_factor_challenges").where("user_id", "=", userId).execute();
  await trx.deleteFrom("two_factor_recovery_codes").where("user_id", "=", userId).execute();
  await trx.deleteFrom("user_two_factor").where("user_id", "=", userId).execute();
}

// ---------------------------------------------------------------------------------------------
// Codes and the per-account throttle
// ---------------------------------------------------------------------------------------------

const guessKey = (userId: number) => `twoFactor:user:${userId}`;

/** Records the guess first, then counts (parallel guesses cannot slip past); a refusal is a 429. */
async function countGuess(trx: Db, userId: number, now: Date): Promise<Fail | { id: number }> {
  const since = new Date(now.getTime() - ACCOUNT_LIMIT.windowMinutes * 60_000);
  const row = await trx
    .insertInto("rate_events")
    .values({ key: guessKey(userId), at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  const seen = await trx
    .selectFrom("rate_events")
    .select([sql<number>`count(*)::int`.as("n"), sql<Date>`min(at)`.as("first")])
    .where("key", "=", guessKey(userId))
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  if (seen.n <= ACCOUNT_LIMIT.max) return { id: row.id };
  await trx.deleteFrom("rate_events").where("id", "=", row.id).execute();
  const freeAt = new Date(seen.first).getTime() + ACCOUNT_LIMIT.windowMinutes * 60_000;
  return fail(429, "twoFactor.errors.throttled", undefined, {
    minutes: Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)),
  });
}

/** A right answer does not count against the account. */
async function forgetGuess(trx: Db, userId: number, guess: { id: number }) {
  await trx.deleteFrom("rate_events").where("id", "=", guess.id).where("key", "=", guessKey(userId)).execute();
}

/** Accepts a TOTP code once: its step must be newer than the last one accepted. */
async function spendTotp(trx: Db, userId: number, code: string, now: Date): Promise<number | null> {
  const row = await lockRow(trx, userId);
  if (!row?.secret) return null;
  const step = matchStep(keyOf(row.secret), code, now.getTime(), row.last_step);
  if (step === null) return null;
  await trx.updateTable("user_two_factor").set({ last_step: step }).where("user_id", "=", userId).execute();
  return step;
}

async function spendRecoveryCode(trx: Db, userId: number, code: string, now: Date): Promise<boolean> {
  const used = await trx
    .updateTable("two_factor_recovery_codes")
    .set({ used_at: now })
    .where("user_id", "=", userId)
    .where("code_hash", "=", recoveryCodeHash(code))
    .where("used_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  return !!used;
}

/** A six-digit code from the app, or a recovery code (used up). */
async function spendCode(trx: Db, userId: number, code: string, now: Date): Promise<"totp" | "recovery" | null> {
  const clean = normaliseCode(code);
  if (/^\d{6}$/.test(clean)) return (await spendTotp(trx, userId, clean, now)) === null ? null : "totp";
  if (/^[a-z0-9]{10}$/.test(clean)) return (await spendRecoveryCode(trx, userId, clean, now)) ? "recovery" : null;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Sign-in: the second step
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Seeds and tests
// ---------------------------------------------------------------------------------------------

/** Enrols an account with a known secret (demo data and test factories; never reached from a request). */
export async function enrolWithSecret(trx: Db, { userId, secret }: { userId: number; secret: string }) {
  if (!base32Decode(secret)?.length) throw new Error("the secret must be base32");
  const sealed = sealSecret(secret);
  await trx
    .insertInto("user_two_factor")
    .values({ user_id: userId, secret: sealed, enabled_at: new Date() })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ secret: sealed, enabled_at: new Date(), last_step: null }))
    .execute();
}
