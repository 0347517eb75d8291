// The header rules: which addresses may be framed (the badge embed only), when HSTS is sent, and a
// script policy without 'unsafe-inline'.
import { describe, expect, test } from "vitest";
import { createHash } from "node:crypto";
import { INLINE_SCRIPTS } from "~/web/inline-scripts.server";
import { EMBEDDABLE, contentSecurityPolicy, scriptHash, wantsHsts } from "../../scripts/server/security-headers";

describe("security headers", () => {
  test("only a badge's page and images may be framed by other sites", () => {
    for (const p of ["/badges/abc123DEF", "/badges/abc123DEF.svg", "/badges/abc123DEF.png"])
      expect(EMBEDDABLE.test(p), p).toBe(true);
    for (const p of [
      "/",
      "/badges",
      "/badges/",
      "/badges/keys/xyz",
      "/badges/abc.json",
      "/badges/abc.jwt",
      "/badges/abc/baked.svg",
      "/badges/abc/status",
      "/login",
      "/u/abc",
      "/badgesx/abc",
    ])
      expect(EMBEDDABLE.test(p), p).toBe(false);
  });

  test("scripts need the nonce; no inline scripts, eval or plugins; framing refused unless embeddable", () => {
    const csp = contentSecurityPolicy("n0nce", false);
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).toBe("script-src 'self' 'nonce-n0nce'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(contentSecurityPolicy("n0nce", true)).toContain("frame-ancestors *");
  });

  test("the constant inline scripts are allowed by their SHA-256, beside the nonce Remix's scripts need", () => {
    const hashes = INLINE_SCRIPTS.map(scriptHash);
    expect(hashes[0]).toBe(
      `'sha256-${createHash("sha256").update("window.__zod_globalConfig={jitless:true}").digest("base64")}'`,
    );
    const scriptSrc = contentSecurityPolicy("n0nce", false, hashes)
      .split("; ")
      .find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).toBe(`script-src 'self' 'nonce-n0nce' ${hashes.join(" ")}`);
    expect(INLINE_SCRIPTS.length).toBeGreaterThanOrEqual(4);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  test("HSTS only in production, over https or with COOKIE_SECURE=true", () => {
    expect(wantsHsts({ secure: true }, { NODE_ENV: "production" })).toBe(true);
    expect(wantsHsts({ secure: false }, { NODE_ENV: "production", COOKIE_SECURE: "true" })).toBe(true);
    expect(wantsHsts({ secure: false }, { NODE_ENV: "production", COOKIE_SECURE: "false" })).toBe(false);
    expect(wantsHsts({ secure: false }, { NODE_ENV: "production" })).toBe(false);
    expect(wantsHsts({ secure: true }, { NODE_ENV: "development" })).toBe(false);
  });
});
