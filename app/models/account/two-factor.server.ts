// Two-factor sign-in, the member's side: TOTP (RFC 6238, app/models/account/totp.ts) with ten single-use
// recovery codes. Enrolment keeps a pending secret until a first code confirms it; the secret is shown
// only then. Staff and recruiters see members' contact details: without 2FA their roles are withheld
// (app/viewer.server.ts) and every page sends them to enrolment. The second step of signing in is in
// two-factor-sign-in.server.ts; secrets, codes and the guess throttle in two-factor-codes.server.ts.
import { sql } from "kysely";
import { renderSVG } from "uqr";
import type { Role } from "../../../db/schema";
import { verifyPassword } from "../../auth.server";
import { db, type Db } from "../../db.server";
import { recordAudit } from "../moderation/audit.server";
import { fail, ok, type Result } from "../shared/result";
import { base32Decode, matchStep, otpauthUri } from "./totp";
import {
  countGuess,
  forgetGuess,
  keyOf,
  lockRow,
  newSecret,
  normaliseCode,
  openSecret,
  replaceRecoveryCodes,
  sealSecret,
  spendTotp,
} from "./two-factor-codes.server";

/** Roles that may not be used without two-factor sign-in (they see members' contact details). */
export const TWO_FACTOR_ROLES: readonly Role[] = ["admin", "recruiter"];
export const ENROLMENT_PATH = "/my/two-factor";

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

type Confirmed = { userId: number; confirm: string; now?: Date };

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
