// Who may keep a page, declared by the routes' `headers` and obeyed alike by the app's shared cache
// (scripts/server/shared-cache.ts), nginx or a CDN. The reading pages (topic lists, topics) are the
// same for every visitor and may be shared for a few seconds; anything asked with a session is
// personal and kept by no one. The root loader decides "personal" (a session cookie, valid or not,
// or a cookie it sets); a route without a `headers` export inherits the root's answer.
import type { HeadersFunction } from "@remix-run/node";

export const SHARED_PAGE = "public, s-maxage=5, stale-while-revalidate=30";
export const PERSONAL = "private, no-store";

/** A request that carries a session (valid or not: the answer may be personal either way). */
export const hasSessionCookie = (cookie: string | null | undefined) => /(?:^|;\s*)tp_session=/.test(cookie ?? "");

/** These headers, marked personal: never kept by a browser, proxy or shared cache. */
export function asPersonal(given: Headers): Headers {
  const headers = new Headers(given);
  headers.set("Cache-Control", PERSONAL);
  return headers;
}

/** The root loader's headers: personal for a request with a session or an answer that sets a cookie. */
export function rootCaching(request: Request, setCookie: string | null | undefined): Record<string, string> {
  const personal = hasSessionCookie(request.headers.get("Cookie")) || !!setCookie;
  return { ...(personal ? { "Cache-Control": PERSONAL } : {}), ...(setCookie ? { "Set-Cookie": setCookie } : {}) };
}

/** The root's `headers`: what its loader decided (Remix keeps the Set-Cookie by itself). */
export const rootHeaders: HeadersFunction = ({ loaderHeaders }) => {
  const declared = loaderHeaders.get("Cache-Control");
  return declared ? [["Cache-Control", declared]] : [];
};

/** `headers` of the pages every visitor sees alike (lists, topics): shared, unless the root said personal. */
export const shareableHeaders: HeadersFunction = ({ parentHeaders }): Record<string, string> =>
  parentHeaders.get("Cache-Control") === PERSONAL
    ? { "Cache-Control": PERSONAL }
    : // the language follows Accept-Language and the switch's cookie: one kept copy per variant
      { "Cache-Control": SHARED_PAGE, Vary: "Accept-Language, Cookie" };
