// Passkeys (WebAuthn, @simplewebauthn/server) as a second factor beside TOTP. The relying party is
// APP_ORIGIN: its origin is the only one accepted and its hostname is the rpID. Every challenge is
// made and kept here (bound to the member and a purpose, 5 minutes, deleted when answered, right
// or wrong); the challenge the browser echoes is only used to find that row.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { z } from "zod";
import { db, type Db } from "../../db.server";
import { env } from "../../env.server";
import { logger } from "../../logger.server";
import { recordAudit } from "../moderation/audit.server";
import { fail, ok, type Result } from "../shared/result";
import { confirmIdentity, requiresTwoFactor } from "./two-factor.server";
import { completeSecondStep, pendingSignInUser } from "./two-factor-sign-in.server";

const CHALLENGE_MINUTES = 5;
/** open challenges per member and purpose */
const OPEN_CHALLENGES = 5;
type Purpose = "register" | "sign_in";

export function relyingParty() {
  const origin = new URL(env().APP_ORIGIN).origin;
  return { origin, rpID: new URL(origin).hostname };
}

/** The browser's answer, parsed only as far as the library needs (it checks the rest). */
const ResponseJSONSchema = z.object({
  id: z.string().min(1).max(1024),
  rawId: z.string().min(1).max(1024),
  type: z.literal("public-key"),
  response: z.object({ clientDataJSON: z.string().min(1).max(8192) }).passthrough(),
  clientExtensionResults: z.object({}).passthrough().default({}),
  authenticatorAttachment: z.string().max(40).optional(),
});

function parseResponse(json: string) {
  try {
    const parsed = ResponseJSONSchema.safeParse(JSON.parse(json));
    if (!parsed.success) return null;
    const client = JSON.parse(Buffer.from(parsed.data.response.clientDataJSON, "base64url").toString("utf8"));
    if (typeof client?.challenge !== "string") return null;
    return { response: parsed.data, challenge: client.challenge as string };
  } catch {
    return null;
  }
}

async function storeChallenge(userId: number, purpose: Purpose, challenge: string, now: Date) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("passkey_challenges").where("expires_at", "<", now).execute();
    // a few open at once (several tabs), not one row per click or page view
    const kept = trx
      .selectFrom("passkey_challenges")
      .select("challenge")
      .where("user_id", "=", userId)
      .where("purpose", "=", purpose)
      .orderBy("expires_at", "desc")
      .limit(OPEN_CHALLENGES - 1);
    await trx
      .deleteFrom("passkey_challenges")
      .where("user_id", "=", userId)
      .where("purpose", "=", purpose)
      .where("challenge", "not in", kept)
      .execute();
    await trx
      .insertInto("passkey_challenges")
      .values({ challenge, user_id: userId, purpose, expires_at: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000) })
      .execute();
  });
}

/** Single use: the row is deleted whether the answer then verifies or not. */
async function takeChallenge(trx: Db, userId: number, purpose: Purpose, challenge: string, now: Date) {
  const row = await trx
    .deleteFrom("passkey_challenges")
    .where("challenge", "=", challenge)
    .where("user_id", "=", userId)
    .where("purpose", "=", purpose)
    .returning("expires_at")
    .executeTakeFirst();
  return !!row && row.expires_at > now;
}

export async function listPasskeys(userId: number) {
  return db
    .selectFrom("passkeys")
    .select(["id", "name", "created_at", "last_used_at"])
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Adding and removing (settings page)
// ---------------------------------------------------------------------------------------------

export async function registrationOptions({
  userId,
  username,
  now = new Date(),
}: {
  userId: number;
  username: string;
  now?: Date;
}) {
  const existing = await db
    .selectFrom("passkeys")
    .select(["credential_id", "transports"])
    .where("user_id", "=", userId)
    .execute();
  const options = await generateRegistrationOptions({
    rpName: "Touchpoints",
    rpID: relyingParty().rpID,
    userName: username,
    userID: new TextEncoder().encode(`touchpoints:${userId}`),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({
      id: p.credential_id,
      transports: p.transports as AuthenticatorTransportFuture[],
    })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await storeChallenge(userId, "register", options.challenge, now);
  return options;
}

export async function addPasskey({
  userId,
  response,
  name,
  now = new Date(),
}: {
  userId: number;
  response: string;
  name: string;
  now?: Date;
}): Promise<Result<{ id: number }>> {
  const parsed = parseResponse(response);
  if (!parsed) return fail(400, "passkeys.errors.failed");
  return db.transaction().execute(async (trx) => {
    if (!(await takeChallenge(trx, userId, "register", parsed.challenge, now)))
      return fail(400, "passkeys.errors.expired");
    const { origin, rpID } = relyingParty();
    let info;
    try {
      const verified = await verifyRegistrationResponse({
        response: parsed.response as unknown as RegistrationResponseJSON,
        expectedChallenge: parsed.challenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: false,
      });
      if (!verified.verified) return fail(400, "passkeys.errors.failed");
      info = verified.registrationInfo;
    } catch (e) {
      logger.info({ err: (e as Error).message }, "passkey registration refused");
      return fail(400, "passkeys.errors.failed");
    }
    const taken = await trx
      .selectFrom("passkeys")
      .select("id")
      .where("credential_id", "=", info.credential.id)
      .executeTakeFirst();
    if (taken) return fail(409, "passkeys.errors.duplicate");
    const row = await trx
      .insertInto("passkeys")
      .values({
        user_id: userId,
        credential_id: info.credential.id,
        public_key: Buffer.from(info.credential.publicKey),
        counter: info.credential.counter,
        transports: info.credential.transports ?? [],
        name,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: userId, action: "user.passkey_added", targetType: "user", targetId: userId });
    return ok({ id: row.id });
  });
}

/** Needs the password (or a current code). Staff and recruiters keep at least one second factor. */
export async function removePasskey({
  userId,
  passkeyId,
  confirm,
  now = new Date(),
}: {
  userId: number;
  passkeyId: number;
  confirm: string;
  now?: Date;
}): Promise<Result<object>> {
  return db.transaction().execute(async (trx) => {
    // one member's changes take turns: two removals cannot both leave the other in place
    await trx.selectFrom("users").select("id").where("id", "=", userId).forNoKeyUpdate().executeTakeFirst();
    const mine = await trx
      .selectFrom("passkeys")
      .select("id")
      .where("user_id", "=", userId)
      .where("id", "=", passkeyId)
      .executeTakeFirst();
    if (!mine) return fail(404, "passkeys.errors.notFound");
    if (await requiresTwoFactor(trx, userId)) {
      const others = await trx
        .selectFrom("passkeys")
        .select("id")
        .where("user_id", "=", userId)
        .where("id", "!=", passkeyId)
        .executeTakeFirst();
      const totp = await trx
        .selectFrom("user_two_factor")
        .select("user_id")
        .where("user_id", "=", userId)
        .where("secret", "is not", null)
        .executeTakeFirst();
      if (!others && !totp) return fail(403, "twoFactor.errors.requiredForRole");
    }
    const checked = await confirmIdentity(trx, userId, confirm, now);
    if (!checked.ok) return checked;
    await trx.deleteFrom("passkeys").where("id", "=", passkeyId).execute();
    await recordAudit(trx, { actorId: userId, action: "user.passkey_removed", targetType: "user", targetId: userId });
    return ok({});
  });
}

// ---------------------------------------------------------------------------------------------
// Sign-in: the second step with a passkey
// ---------------------------------------------------------------------------------------------

/** Options for the pending sign-in's member, or null when it has ended or the member has no passkey. */
export async function signInOptions(request: Request, now = new Date()) {
  const userId = await pendingSignInUser(request, now);
  if (!userId) return null;
  const keys = await db
    .selectFrom("passkeys")
    .select(["credential_id", "transports"])
    .where("user_id", "=", userId)
    .execute();
  if (!keys.length) return null;
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    allowCredentials: keys.map((k) => ({
      id: k.credential_id,
      transports: k.transports as AuthenticatorTransportFuture[],
    })),
    userVerification: "preferred",
  });
  await storeChallenge(userId, "sign_in", options.challenge, now);
  return options;
}

/** Checks the passkey's answer for this member: a stored challenge, one of their keys, a newer counter. */
async function spendPasskey(trx: Db, userId: number, json: string, now: Date): Promise<boolean> {
  const parsed = parseResponse(json);
  if (!parsed) return false;
  if (!(await takeChallenge(trx, userId, "sign_in", parsed.challenge, now))) return false;
  const key = await trx
    .selectFrom("passkeys")
    .selectAll()
    .where("user_id", "=", userId)
    .where("credential_id", "=", parsed.response.id)
    .forUpdate()
    .executeTakeFirst();
  if (!key) return false;
  const { origin, rpID } = relyingParty();
  try {
    const verified = await verifyAuthenticationResponse({
      response: parsed.response as unknown as AuthenticationResponseJSON,
      expectedChallenge: parsed.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: key.credential_id,
        publicKey: new Uint8Array(key.public_key),
        counter: key.counter,
        transports: key.transports as AuthenticatorTransportFuture[],
      },
      requireUserVerification: false,
    });
    if (!verified.verified) return false;
    await trx
      .updateTable("passkeys")
      .set({ counter: verified.authenticationInfo.newCounter, last_used_at: now })
      .where("id", "=", key.id)
      .execute();
    return true;
  } catch (e) {
    logger.info({ err: (e as Error).message }, "passkey sign-in refused");
    return false;
  }
}

/** Completes the pending sign-in exactly as a right code does (same throttle, same single use). */
export function completeSecondStepWithPasskey({
  request,
  response,
  now = new Date(),
}: {
  request: Request;
  response: string;
  now?: Date;
}) {
  return completeSecondStep({ request, now, passkey: (trx, userId, at) => spendPasskey(trx, userId, response, at) });
}
