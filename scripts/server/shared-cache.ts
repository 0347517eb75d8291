// A small shared HTTP cache in front of Remix's handler that obeys the answers' own headers the way
// nginx's proxy_cache or a CDN does (RFC 9111 for a shared cache), so production can put one of
// those in front (README, "Caching") and turn this one off with SHARED_CACHE=off. Routes declare
// what may be kept (app/web/page-caching.ts); this file knows no route.
// - Looked up and stored: GET requests without a session cookie or Authorization; anything else
//   goes straight through.
// - Key: method and URL, plus the request headers the stored answer names in Vary.
// - Stored: an answer with s-maxage or max-age (s-maxage wins), none of private, no-store, no-cache,
//   no Set-Cookie and no `Vary: *`.
// - Fresh for that many seconds (HIT, with Age); then for stale-while-revalidate seconds the kept
//   answer is served at once (STALE) while one request in the background asks for a new one.
import { hasSessionCookie } from "../../app/web/page-caching";

export type Origin = (request: Request) => Promise<Response>;
type Kept = { status: number; headers: [string, string][]; body: Uint8Array<ArrayBuffer> };
/** A kept answer, stored at `at`, fresh until `fresh`, servable stale until `stale` (ms). */
type Entry = Kept & { at: number; fresh: number; stale: number };
type Options = { maxEntries?: number; maxBodyBytes?: number; now?: () => number; log?: (m: string) => void };

const STORABLE_STATUS = new Set([200, 203, 204, 300, 301, 308, 404, 410]);
// hop-by-hop, or recomputed for each answer
const NOT_KEPT = new Set(["connection", "keep-alive", "transfer-encoding", "date", "age", "x-cache", "set-cookie"]);

/** Cache-Control's directives: name -> value ("" for a bare directive). */
export function directives(header: string | null): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of (header ?? "").split(",")) {
    const [name, value = ""] = part.trim().split("=", 2);
    if (name) found.set(name.toLowerCase(), value.replace(/^"|"$/g, ""));
  }
  return found;
}

const seconds = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);

/** How long a shared cache may keep this answer (fresh, then stale-while-revalidate), or null. */
export function sharedLifetime(response: Response): { fresh: number; stale: number } | null {
  if (!STORABLE_STATUS.has(response.status) || response.headers.has("set-cookie")) return null;
  if ((response.headers.get("vary") ?? "").includes("*")) return null;
  const cc = directives(response.headers.get("cache-control"));
  if (cc.has("private") || cc.has("no-store") || cc.has("no-cache")) return null;
  const fresh = seconds(cc.get("s-maxage")) ?? seconds(cc.get("max-age"));
  if (fresh === undefined) return null;
  const stale = seconds(cc.get("stale-while-revalidate")) ?? 0;
  return fresh + stale > 0 ? { fresh, stale } : null;
}

const varyNames = (response: { headers: Headers }) =>
  (response.headers.get("vary") ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);

export function sharedCache(options: Options = {}) {
  const { maxEntries = 1000, maxBodyBytes = 1 << 20, now = Date.now, log = () => {} } = options;
  // the Vary names last stored for a method and URL, and the answers by method, URL and those values
  const varyByUrl = new Map<string, string[]>();
  const entries = new Map<string, Entry>();
  const refreshing = new Set<string>();

  const urlKey = (request: Request) => `${request.method} ${request.url}`;
  const fullKey = (request: Request, names: string[]) =>
    [urlKey(request), ...names.map((n) => `${n}:${request.headers.get(n) ?? ""}`)].join("\n");

  const personal = (request: Request) =>
    request.headers.has("authorization") || hasSessionCookie(request.headers.get("cookie"));
  const cacheable = (request: Request) => request.method === "GET" && !personal(request);

  /** Keeps the answer when its headers allow; returns what to send (the same answer, or a copy of its kept body). */
  async function store(request: Request, response: Response): Promise<Response> {
    const life = sharedLifetime(response);
    const length = Number(response.headers.get("content-length") ?? 0);
    if (!life || length > maxBodyBytes) return response;
    const body = new Uint8Array(await response.arrayBuffer());
    const headers = [...response.headers].filter(([name]) => !NOT_KEPT.has(name));
    if (body.byteLength <= maxBodyBytes) {
      const names = varyNames(response);
      const key = fullKey(request, names);
      const at = now();
      varyByUrl.set(urlKey(request), names);
      entries.delete(key);
      const [fresh, stale] = [at + life.fresh * 1000, at + (life.fresh + life.stale) * 1000];
      entries.set(key, { at, fresh, stale, status: response.status, headers, body });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    }
    return reply({ status: response.status, headers, body }, "MISS", 0);
  }

  function reply(kept: Kept, state: string, age: number): Response {
    const headers = new Headers(kept.headers);
    headers.set("X-Cache", state);
    if (state !== "MISS") headers.set("Age", String(age));
    return new Response(kept.status === 204 ? null : kept.body, { status: kept.status, headers });
  }

  function refresh(request: Request, key: string, origin: Origin) {
    if (refreshing.has(key)) return;
    refreshing.add(key);
    // the client's request may be gone by then: a copy without its abort signal
    const copy = new Request(request.url, { method: "GET", headers: request.headers });
    origin(copy)
      .then((response) => store(copy, response))
      .then((response) => response.body?.cancel())
      .catch((e) => log(`shared cache: refreshing ${request.url} failed: ${e instanceof Error ? e.message : e}`))
      .finally(() => refreshing.delete(key));
  }

  return {
    /** The answer to `request`: kept, or from `origin` (and kept when its headers allow). */
    async fetch(request: Request, origin: Origin): Promise<Response> {
      if (!cacheable(request)) return origin(request);
      const names = varyByUrl.get(urlKey(request));
      const key = names && fullKey(request, names);
      const kept = key ? entries.get(key) : undefined;
      const t = now();
      if (key && kept && t < kept.stale) {
        const age = Math.floor((t - kept.at) / 1000);
        if (t < kept.fresh) return reply(kept, "HIT", age);
        refresh(request, key, origin);
        return reply(kept, "STALE", age);
      }
      if (key && kept) entries.delete(key);
      return store(request, await origin(request));
    },
    /** Whether a kept answer (fresh or stale) would be sent for `request`: load shedding lets those through. */
    answers(request: Request): boolean {
      if (!cacheable(request)) return false;
      const names = varyByUrl.get(urlKey(request));
      const kept = names && entries.get(fullKey(request, names));
      return !!kept && now() < kept.stale;
    },
    /** How many answers are kept (for tests). */
    get size() {
      return entries.size;
    },
  };
}
