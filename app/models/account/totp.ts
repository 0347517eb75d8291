// TOTP (RFC 6238) on HOTP (RFC 4226) with node:crypto: small enough to keep here and test against
// the RFC's own vectors, instead of a dependency. Authenticator apps use SHA-1, 6 digits, 30 s.
import { createHmac, timingSafeEqual } from "node:crypto";

export const PERIOD_SECONDS = 30;
export const DIGITS = 6;
type Algorithm = "sha1" | "sha256" | "sha512";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32 as people type it (any case, spaces, padding); null when it is not base32. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.toUpperCase().replace(/[\s=-]/g, "");
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const i = BASE32.indexOf(ch);
    if (i < 0) return null;
    value = ((value << 5) | i) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function hotp(key: Uint8Array, counter: number, digits = DIGITS, algorithm: Algorithm = "sha1"): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(code).padStart(digits, "0");
}

/** The time step of an instant (milliseconds since the epoch). */
export const stepAt = (ms: number) => Math.floor(ms / 1000 / PERIOD_SECONDS);

export function totp(key: Uint8Array, ms: number, digits = DIGITS, algorithm: Algorithm = "sha1"): string {
  return hotp(key, stepAt(ms), digits, algorithm);
}

/**
 * The step whose code the member typed, within one step either side of now (clock drift), and newer
 * than `after` (the last step accepted: a code is good once). Null when none matches.
 */
export function matchStep(key: Uint8Array, code: string, ms: number, after: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const now = stepAt(ms);
  let found: number | null = null;
  for (const step of [now - 1, now, now + 1]) {
    // compare every candidate in constant time, whatever matched before
    const same = timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(code));
    if (same && (after === null || step > after) && found === null) found = step;
  }
  return found;
}

/** The URI an authenticator app reads from the QR code. */
export function otpauthUri({ secret, account, issuer }: { secret: string; account: string; issuer: string }): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const query = new URLSearchParams({
    secret,
    issuer,
    algorithm: "SHA1",
    digits: String(DIGITS),
    period: String(PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${query}`;
}
