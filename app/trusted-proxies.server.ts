// TRUSTED_PROXIES: the peers whose X-Forwarded-For, -Proto and -Host are believed (a load balancer,
// a CDN, nginx on this machine). A comma-separated list of addresses and CIDR ranges, IPv4 or IPv6,
// plus two words: `loopback` (127.0.0.0/8 and ::1, the default) and `none`. An IPv4-mapped IPv6 peer
// (::ffff:10.0.0.1, what a dual-stack socket reports) matches the IPv4 ranges.
import { BlockList, isIP } from "node:net";

export const DEFAULT_TRUSTED_PROXIES = "loopback";
export type ProxyTrust = (address: string) => boolean;

const LOOPBACK: [string, number, "ipv4" | "ipv6"][] = [
  ["127.0.0.0", 8, "ipv4"],
  ["::1", 128, "ipv6"],
];

/** The matcher for a TRUSTED_PROXIES value, or the entry that is not an address or a range. */
export function parseTrustedProxies(value: string): { ok: true; trust: ProxyTrust } | { ok: false; entry: string } {
  const list = new BlockList();
  for (const entry of value.split(/[\s,]+/).filter(Boolean)) {
    if (entry === "none") continue;
    if (entry === "loopback") {
      for (const [net, prefix, type] of LOOPBACK) list.addSubnet(net, prefix, type);
      continue;
    }
    const m = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(entry);
    const family = m ? isIP(m[1]) : 0;
    const prefix = m?.[2] === undefined ? (family === 4 ? 32 : 128) : Number(m[2]);
    if (!m || !family || prefix > (family === 4 ? 32 : 128)) return { ok: false, entry };
    list.addSubnet(m[1], prefix, family === 4 ? "ipv4" : "ipv6");
  }
  return {
    ok: true,
    trust: (address) => {
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
    },
  };
}

/** The matcher for a value already checked at start-up (app/env.server.ts); unset means loopback. */
export function trustedProxies(value: string | undefined = DEFAULT_TRUSTED_PROXIES): ProxyTrust {
  const parsed = parseTrustedProxies(value || DEFAULT_TRUSTED_PROXIES);
  if (!parsed.ok) throw new Error(`TRUSTED_PROXIES: "${parsed.entry}" is not an address or a CIDR range`);
  return parsed.trust;
}

/**
 * The client's address (the server's `clientAddress`), set on the fetch Request by the server for code that
 * sees only the request (requireViewer); the same header from outside is always dropped first.
 */
export const CLIENT_IP_HEADER = "x-touchpoints-client-ip";
export const clientIpOf = (request: Request) => request.headers.get(CLIENT_IP_HEADER) ?? undefined;

/**
 * The address as the client asked for it, set by the server the same way: Remix takes `?index` (and `_data`)
 * off the Request its actions see, and a form posted to an index route must go back there.
 */
export const REQUESTED_PATH_HEADER = "x-touchpoints-requested-path";

/** Where a request was sent, as path and query (`_data` left out), `?index` kept. */
export function requestedPath(request: Request): string {
  const url = new URL(request.url);
  const asked = request.headers.get(REQUESTED_PATH_HEADER);
  if (asked?.startsWith("/")) {
    const given = new URL(asked, url.origin);
    given.searchParams.delete("_data");
    if (given.pathname === url.pathname) return given.pathname + given.search;
  }
  return url.pathname + url.search;
}
