// Personal answers are kept by no cache: every answer to a signed-in request (a session cookie),
// and every answer that sets a cookie, says `Cache-Control: private, no-store`, unless its route
// declared it `public` (badge images, uploads, feeds: the same for everyone). Decided here, for
// documents, data requests and resource routes (CSV, zip exports) alike, so no route can forget;
// a route declares only what may be shared (app/web/page-caching.ts). Visitors' pages are left as their routes say.
import { hasSessionCookie, PERSONAL as PRIVATE } from "../../app/web/page-caching";

/** The Cache-Control this answer must carry, or undefined to leave the route's own. */
export function personalCacheControl(
  requestCookie: string | undefined,
  response: { headers: Headers },
): string | undefined {
  const personal = hasSessionCookie(requestCookie) || response.headers.has("set-cookie");
  if (!personal) return undefined;
  const declared = response.headers.get("cache-control") ?? "";
  if (/\bpublic\b/i.test(declared) && !response.headers.has("set-cookie")) return undefined;
  return declared === PRIVATE ? undefined : PRIVATE;
}

/** The response with the personal Cache-Control applied (a copy when its headers cannot change). */
export function withCachePolicy(requestCookie: string | undefined, response: Response): Response {
  const value = personalCacheControl(requestCookie, response);
  if (!value) return response;
  try {
    response.headers.set("Cache-Control", value);
    return response;
  } catch {
    const headers = new Headers(response.headers);
    headers.set("Cache-Control", value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
