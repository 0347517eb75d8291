// Two-factor codes, shared by enrolment (two-factor.server.ts) and sign-in (two-factor-sign-in.server.ts):
// TOTP secrets sealed at rest, the ten single-use recovery codes, spending a code once, and the
// per-account throttle on wrong guesses.
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../../db.server";
import { env } from "../../env.server";
import { fail, type Fail } from "../shared/result";
import { base32Decode, base32Encode, matchStep } from "./totp";

/** wrong codes (and confirmations) per account, across sign-ins and the settings page */
export const ACCOUNT_LIMIT = { max: 10, windowMinutes: 15 };
const RECOVERY_COUNT = 10;
// no 0/o, 1/l/i: codes are copied by hand
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
export const newSecret = () => base32Encode(randomBytes(20));

// Secrets must be readable to check codes, so they cannot be hashed: with TWO_FACTOR_KEY set they are
// stored encrypted (AES-256-GCM, "v1." + iv, tag and ciphertext), so a copy of the database alone
// does not yield them. Without a key they are stored as the app shows them.
const SEALED = "v1.";
export function sealSecret(secret: string): string {
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
export const keyOf = (stored: string) => base32Decode(openSecret(stored))!;

function newRecoveryCode(): string {
  let s = "";
  for (let i = 0; i < 10; i++) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}
/** What is hashed and compared: lower case, without the spaces and dashes people add or drop. */
export const normaliseCode = (code: string) => code.replace(/[\s-]/g, "").toLowerCase();
/** What is stored of a recovery code: SHA-256 is enough, the codes are random (about 49 bits). */
export const recoveryCodeHash = (code: string) => sha256(normaliseCode(code));

/** The member's row, locked for the transaction (checks and updates of one member take turns). */
export const lockRow = (trx: Db, userId: number) =>
  trx.selectFrom("user_two_factor").selectAll().where("user_id", "=", userId).forUpdate().executeTakeFirst();

export async function replaceRecoveryCodes(trx: Db, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_COUNT }, newRecoveryCode);
  await trx.deleteFrom("two_factor_recovery_codes").where("user_id", "=", userId).execute();
  await trx
    .insertInto("two_factor_recovery_codes")
    .values(codes.map((c) => ({ user_id: userId, code_hash: recoveryCodeHash(c) })))
    .execute();
  return codes;
}

const guessKey = (userId: number) => `twoFactor:user:${userId}`;

/** Records the guess first, then counts (parallel guesses cannot slip past); a refusal is a 429. */
export async function countGuess(trx: Db, userId: number, now: Date): Promise<Fail | { id: number }> {
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
export async function forgetGuess(trx: Db, userId: number, guess: { id: number }) {
  await trx.deleteFrom("rate_events").where("id", "=", guess.id).where("key", "=", guessKey(userId)).execute();
}

/** Accepts a TOTP code once: its step must be newer than the last one accepted. */
export async function spendTotp(trx: Db, userId: number, code: string, now: Date): Promise<number | null> {
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
export async function spendCode(trx: Db, userId: number, code: string, now: Date): Promise<"totp" | "recovery" | null> {
  const clean = normaliseCode(code);
  if (/^\d{6}$/.test(clean)) return (await spendTotp(trx, userId, clean, now)) === null ? null : "totp";
  if (/^[a-z0-9]{10}$/.test(clean)) return (await spendRecoveryCode(trx, userId, clean, now)) ? "recovery" : null;
  return null;
}
