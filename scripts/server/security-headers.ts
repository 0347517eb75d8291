// Security headers on every response, and the per-request nonce that Remix's scripts carry.
//
// - Content-Security-Policy: scripts only from our origin, by hash, or with this response's nonce; no
//   'unsafe-inline' for scripts. The app's constant inline scripts (app/web/inline-scripts.server.ts: the
//   reading pages' enhancement, the directory's search as you type, the assessment timer, zod's
//   setting) are allowed by their SHA-256, computed at start from the build's own text, and carry
//   no nonce: a page made only of them can be cached and served to anyone. Only Remix's hydration
//   scripts (<Scripts>, <ScrollRestoration>, the single-fetch stream), which differ per page, need
//   the nonce, and pages that hydrate are never cached. Styles come from our stylesheet; a few
//   components colour swatches and avatars with a style attribute (admin-chosen category colours),
//   so only style *attributes* are allowed inline (`style-src-attr 'unsafe-inline'`), never <style>
//   elements. Images: ours, data: (avatars/badges) and https: (markdown may embed remote images).
//   Forms post to ourselves only.
// - frame-ancestors 'none' (and X-Frame-Options DENY), except the badge embed: a badge's public page
//   and its images may be shown in an iframe on any site (portfolios, LinkedIn-like pages).
// - HSTS (max-age one year) only when NODE_ENV=production AND the request arrived over https
//   (directly, or X-Forwarded-Proto from a trusted proxy) or COOKIE_SECURE=true: a plain-http LAN
//   or test host is never told to insist on https.
import { createHash, randomBytes } from "node:crypto";
import type { Next, Req, Res } from "./http-kit";

/** Addresses that may be framed by other sites: /badges/<id>, /badges/<id>.svg, /badges/<id>.png. */
export const EMBEDDABLE = /^\/badges\/(?!keys\/|issuer)[A-Za-z0-9_-]+(?:\.svg|\.png)?\/?$/;

/** The CSP source that allows one inline script's exact text. */
export const scriptHash = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

export function contentSecurityPolicy(nonce: string, embeddable: boolean, scriptHashes: string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", `'nonce-${nonce}'`, ...scriptHashes].join(" "),
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${embeddable ? "*" : "'none'"}`,
  ].join("; ");
}

/** The policy of an answer any reader may get (a shared cache keeps it): no nonce, constant scripts by hash. */
export const withoutNonce = (policy: string) => policy.replace(/ 'nonce-[^']*'/, "");

export function wantsHsts(req: Pick<Req, "secure">, env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === "production" && (req.secure || env.COOKIE_SECURE === "true");
}

/** `inlineScripts`: the texts of the app's constant inline scripts, allowed by hash. */
export function securityHeaders(inlineScripts: readonly string[] = []) {
  const hashes = [...new Set(inlineScripts)].map(scriptHash);
  return (req: Req, res: Res, next: Next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const embeddable = EMBEDDABLE.test(req.path);
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, embeddable, hashes));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    if (!embeddable) res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (wantsHsts(req)) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}
