// The platform's Ed25519 signing key, made once and kept in the database (signing_keys), so every
// web process signs with the same key and credentials stay verifiable across restarts.
// Only the public half is ever published: /.well-known/jwks.json and /badges/keys/:thumbprint.
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from "jose";
import type { Db } from "../../db.server";

export const SIGNING_ALG = "EdDSA" as const;

type ActiveKey = { thumbprint: string; privateKey: CryptoKey | Uint8Array };
let active: Promise<ActiveKey> | undefined;

/** The public JWK: only the members RFC 8037 defines for an OKP public key (never `d`). */
function publicOnly(jwk: JWK): JWK {
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
}

async function createKey(conn: Db) {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { crv: "Ed25519", extractable: true });
  const pub = publicOnly(await exportJWK(publicKey));
  const priv = await exportJWK(privateKey);
  const thumbprint = await calculateJwkThumbprint(pub);
  // two processes starting at once: the partial unique index keeps the first, the other reads it back
  await conn
    .insertInto("signing_keys")
    .values({ thumbprint, alg: SIGNING_ALG, public_jwk: JSON.stringify(pub), private_jwk: JSON.stringify(priv) })
    .onConflict((oc) => oc.column("alg").where("retired_at", "is", null).doNothing())
    .execute();
}

async function loadActive(conn: Db): Promise<ActiveKey> {
  const read = () =>
    conn
      .selectFrom("signing_keys")
      .select(["thumbprint", "private_jwk"])
      .where("alg", "=", SIGNING_ALG)
      .where("retired_at", "is", null)
      .executeTakeFirst();
  let row = await read();
  if (!row) {
    await createKey(conn);
    row = await read();
  }
  if (!row) throw new Error("no signing key could be created");
  return { thumbprint: row.thumbprint, privateKey: await importJWK(row.private_jwk as JWK, SIGNING_ALG) };
}

/** The key that signs new credentials; generated on first use. */
export function getActiveSigningKey(conn: Db): Promise<ActiveKey> {
  active ??= loadActive(conn).catch((e) => {
    active = undefined; // a database hiccup must not poison the process
    throw e;
  });
  return active;
}

/** `kid` of a key: a URL that dereferences to its public JWK (OB 3.0 "Dereferencing the Public Key"). */
export const keyIdUrl = (origin: string, thumbprint: string) => `${origin}/badges/keys/${thumbprint}`;

/** Every published key (retired ones too: credentials they signed must still verify), as a JWK Set. */
export async function getPublicJwks(conn: Db, { origin }: { origin: string }): Promise<{ keys: JWK[] }> {
  await getActiveSigningKey(conn); // a fresh install publishes its key before anything is signed
  const rows = await conn.selectFrom("signing_keys").select(["thumbprint", "public_jwk"]).orderBy("id").execute();
  return {
    keys: rows.map((r) => ({
      ...publicOnly(r.public_jwk as JWK),
      kid: keyIdUrl(origin, r.thumbprint),
      alg: SIGNING_ALG,
      use: "sig",
    })),
  };
}

/** One published public key by thumbprint, or undefined. */
export async function getPublicJwk(
  conn: Db,
  { origin, thumbprint }: { origin: string; thumbprint: string },
): Promise<JWK | undefined> {
  const row = await conn
    .selectFrom("signing_keys")
    .select(["thumbprint", "public_jwk"])
    .where("thumbprint", "=", thumbprint)
    .executeTakeFirst();
  return (
    row && { ...publicOnly(row.public_jwk as JWK), kid: keyIdUrl(origin, row.thumbprint), alg: SIGNING_ALG, use: "sig" }
  );
}

/**
 * A compact JWS (VC-JWT) of `payload`, signed with the active key. The header carries only what
 * OB 3.0 allows: alg, kid (a URL to the public JWK) and typ "JWT". Ed25519 signatures are
 * deterministic: the same payload always gives the same token.
 */
export async function signJwt(conn: Db, { payload, origin }: { payload: JWTPayload; origin: string }): Promise<string> {
  const key = await getActiveSigningKey(conn);
  return new SignJWT(payload)
    .setProtectedHeader({ alg: SIGNING_ALG, kid: keyIdUrl(origin, key.thumbprint), typ: "JWT" })
    .sign(key.privateKey);
}
