import { describe, expect, test } from "vitest";
import { base32Decode, base32Encode, hotp, matchStep, otpauthUri, stepAt, totp } from "~/models/account/totp";

// RFC 6238, appendix B: the seeds are ASCII digits, repeated to the hash's key length.
const seed = (n: number) => Buffer.from("1234567890".repeat(7).slice(0, n));
const VECTORS: [seconds: number, sha1: string, sha256: string, sha512: string][] = [
  [59, "94287082", "46119246", "90693936"],
  [1111111109, "07081804", "68084774", "25091201"],
  [1111111111, "14050471", "67062674", "99943326"],
  [1234567890, "89005924", "91819424", "93441116"],
  [2000000000, "69279037", "90698825", "38618901"],
  [20000000000, "65353130", "77737706", "47863826"],
];

describe("TOTP (RFC 6238)", () => {
  test.each(VECTORS)("at %i s the RFC's SHA-1, SHA-256 and SHA-512 codes come out", (seconds, sha1, sha256, sha512) => {
    expect(totp(seed(20), seconds * 1000, 8, "sha1")).toBe(sha1);
    expect(totp(seed(32), seconds * 1000, 8, "sha256")).toBe(sha256);
    expect(totp(seed(64), seconds * 1000, 8, "sha512")).toBe(sha512);
  });

  test("HOTP matches RFC 4226's appendix D", () => {
    const expected = [
      "755224",
      "287082",
      "359152",
      "969429",
      "338314",
      "254676",
      "287922",
      "162583",
      "399871",
      "520489",
    ];
    expect(expected.map((_, i) => hotp(seed(20), i))).toEqual(expected);
  });

  test("a code is accepted one step either side of now, not two, and only for a step newer than the last used", () => {
    const key = seed(20);
    const now = 1_700_000_000_000;
    const step = stepAt(now);
    expect(matchStep(key, hotp(key, step), now, null)).toBe(step);
    expect(matchStep(key, hotp(key, step - 1), now, null)).toBe(step - 1);
    expect(matchStep(key, hotp(key, step + 1), now, null)).toBe(step + 1);
    expect(matchStep(key, hotp(key, step - 2), now, null)).toBeNull();
    expect(matchStep(key, hotp(key, step + 2), now, null)).toBeNull();
    // replay: the step was already used
    expect(matchStep(key, hotp(key, step), now, step)).toBeNull();
    expect(matchStep(key, hotp(key, step - 1), now, step - 1)).toBeNull();
    expect(matchStep(key, hotp(key, step + 1), now, step)).toBe(step + 1);
    expect(matchStep(key, "12345", now, null)).toBeNull();
    expect(matchStep(key, "abcdef", now, null)).toBeNull();
  });

  test("base32 round-trips and reads what people type", () => {
    const bytes = Buffer.from("12345678901234567890");
    expect(base32Encode(bytes)).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(base32Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).toEqual(bytes);
    expect(base32Decode("not base32!")).toBeNull();
  });

  test("the otpauth URI names the issuer and the account", () => {
    const uri = otpauthUri({ secret: "GEZDGNBV", account: "amara admin", issuer: "Touchpoints" });
    expect(uri).toBe(
      "otpauth://totp/Touchpoints%3Aamara%20admin?secret=GEZDGNBV&issuer=Touchpoints&algorithm=SHA1&digits=6&period=30",
    );
  });
});
