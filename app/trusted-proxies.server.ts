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
