// A few seconds of cache for the pages visitors read most (Discourse keeps an anonymous cache for
// the same reason): requests without a session cookie to the topic lists and topic pages share
// one rendered page per address and language. Members always get a fresh page. A reply shows to
// visitors within PAGE_CACHE_SECONDS; 0 turns the cache off.
//
// A kept page carries no nonce: its constant inline scripts are allowed by hash, and every answer,
// a replay too, gets its own Content-Security-Policy (and nonce) from the security headers. A page
// whose body uses its response's nonce (Remix's hydration scripts) is never kept.
import { hasSessionCookie } from "./cache-policy";
import type { Next, Req, Res } from "./http-kit";
import { localeFor } from "../../app/locale";

const CACHEABLE = /^\/(?:latest|top|categories|c\/[^/]+|tag\/[^/]+|t\/[^/]+\/\d+(?:\/\d+)?)\/?$/;
const MAX_ENTRIES = 1000;

type Entry = { at: number; status: number; headers: Record<string, string>; body: Buffer };

export function pageCache(seconds: number) {
  const entries = new Map<string, Entry>();
  return (req: Req, res: Res, next: Next) => {
    if (seconds <= 0 || req.method !== "GET" || hasSessionCookie(req.headers.cookie) || !CACHEABLE.test(req.path)) {
      return next();
    }
    // the language the app will answer in (switch cookie, else Accept-Language), not the header's first letters
    const lang = localeFor({ cookie: req.headers.cookie, acceptLanguage: req.headers["accept-language"] });
    const key = `${lang}|${req.originalUrl}`;
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < seconds * 1000) {
      res.statusCode = hit.status;
      for (const [k, v] of Object.entries(hit.headers)) res.setHeader(k, v);
      res.setHeader("X-Page-Cache", "hit");
      res.end(hit.body);
      return;
    }
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    const end = res.end.bind(res) as (...a: unknown[]) => Res;
    // Remix writes Uint8Array chunks: copied as bytes (String() of one would be "60,33,68,…")
    const bytes = (chunk: unknown) => (chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk)));
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk) chunks.push(bytes(chunk));
      return write(chunk, ...rest);
    }) as Res["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== "function") chunks.push(bytes(chunk));
      const body = Buffer.concat(chunks);
      if (res.statusCode === 200 && !res.getHeader("set-cookie") && !usesNonce(body, res)) {
        const headers: Record<string, string> = {};
        for (const name of ["content-type", "cache-control", "content-language", "vary"]) {
          const v = res.getHeader(name);
          if (v !== undefined) headers[name] = String(v);
        }
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
        entries.set(key, { at: Date.now(), status: 200, headers, body });
      }
      return end(chunk, ...rest);
    }) as Res["end"];
    next();
  };
}

/** The page uses this response's nonce: replayed, it would hand one nonce to every visitor. */
function usesNonce(body: Buffer, res: Res): boolean {
  const nonce = res.locals.cspNonce;
  return typeof nonce === "string" && nonce !== "" && body.includes(nonce);
}
