// Security headers on every response, and the per-request nonce that inline scripts carry.
//
// - Content-Security-Policy: scripts only from our origin or with this response's nonce (Remix's
//   <Scripts>/<ScrollRestoration>/single-fetch stream, the inlined enhancement scripts); no
//   'unsafe-inline' for scripts. Styles come from our stylesheet; a few components colour swatches and
//   avatars with a style attribute (admin-chosen category colours), so only style *attributes* are
//   allowed inline (`style-src-attr 'unsafe-inline'`), never <style> elements. Images: ours, data:
//   (avatars/badges) and https: (markdown may embed remote images). Forms post to ourselves only.
// - frame-ancestors 'none' (and X-Frame-Options DENY), except the badge embed: a badge's public page
//   and its images may be shown in an iframe on any site (portfolios, LinkedIn-like pages).
// - HSTS (max-age one year) only when NODE_ENV=production AND the request arrived over https
//   (directly, or X-Forwarded-Proto from the loopback proxy) or COOKIE_SECURE=true: a plain-http LAN
//   or test host is never told to insist on https.
import { randomBytes } from "node:crypto";
import type { Next, Req, Res } from "./http-kit";

/** Addresses that may be framed by other sites: /badges/<id>, /badges/<id>.svg, /badges/<id>.png. */
export const EMBEDDABLE = /^\/badges\/(?!keys\/|issuer)[A-Za-z0-9_-]+(?:\.svg|\.png)?\/?$/;

export function contentSecurityPolicy(nonce: string, embeddable: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
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

export function wantsHsts(req: Pick<Req, "secure">, env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === "production" && (req.secure || env.COOKIE_SECURE === "true");
}

export function securityHeaders() {
  return (req: Req, res: Res, next: Next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const embeddable = EMBEDDABLE.test(req.path);
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, embeddable));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    if (!embeddable) res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (wantsHsts(req)) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}
