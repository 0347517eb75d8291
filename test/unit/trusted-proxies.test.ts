// TRUSTED_PROXIES: which peers' X-Forwarded-* headers are believed. CIDR ranges of both families,
// IPv4-mapped peers (what a dual-stack socket reports), the loopback default, and a bad value
// stopping start-up with a sentence naming the variable.
import type { IncomingMessage } from "node:http";
import { describe, expect, test } from "vitest";
import { parseEnv } from "~/env.server";
import { parseTrustedProxies, trustedProxies } from "~/trusted-proxies.server";
import { clientAddress } from "../../scripts/server/http-kit";

const fakeReq = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
  }) as unknown as IncomingMessage;

describe("TRUSTED_PROXIES", () => {
  test("IPv4 ranges, also for IPv4-mapped IPv6 peers", () => {
    const trust = trustedProxies("10.0.0.0/8, 192.0.2.7");
    for (const a of ["10.0.0.1", "10.255.255.255", "::ffff:10.1.2.3", "192.0.2.7", "::ffff:192.0.2.7"])
      expect(trust(a), a).toBe(true);
    for (const a of [
      "11.0.0.1",
      "9.255.255.255",
      "192.0.2.8",
      "::ffff:192.0.2.8",
      "127.0.0.1",
      "::1",
      "",
      "unknown",
      "10.0.0.1.5",
    ])
      expect(trust(a), a).toBe(false);
  });

  test("IPv6 ranges", () => {
    const trust = trustedProxies("2001:db8::/32 fd00::/8");
    for (const a of ["2001:db8::1", "2001:db8:ffff::5", "fd12:3456::1"]) expect(trust(a), a).toBe(true);
    for (const a of ["2001:db9::1", "fe80::1", "::1", "10.0.0.1"]) expect(trust(a), a).toBe(false);
  });

  test("the default is loopback; none trusts no one", () => {
    const trust = trustedProxies(undefined);
    for (const a of ["127.0.0.1", "127.9.9.9", "::1", "::ffff:127.0.0.1"]) expect(trust(a), a).toBe(true);
    for (const a of ["10.0.0.1", "::2"]) expect(trust(a), a).toBe(false);
    expect(trustedProxies("none")("127.0.0.1")).toBe(false);
    expect(trustedProxies("loopback, 10.0.0.0/8")("10.1.1.1")).toBe(true);
  });

  test("a value that is not an address or a range is refused, by name", () => {
    for (const bad of ["10.0.0.0/33", "::/129", "10.0.0/8", "example.com", "10.0.0.0/-1", "10.0.0.0/8/8", "lookback"])
      expect(parseTrustedProxies(bad).ok, bad).toBe(false);
    const bad = () => parseEnv({ DATABASE_URL: "postgres://u:p@localhost/tp", TRUSTED_PROXIES: "10.0.0.0/33" });
    expect(bad).toThrow(
      /^Environment variable TRUSTED_PROXIES is invalid: expected a comma-separated list of addresses/,
    );
    expect(bad).toThrow(/\("10\.0\.0\.0\/33" is neither\) \(got "10\.0\.0\.0\/33"\)\.$/);
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@localhost/tp" }).TRUSTED_PROXIES).toBe("loopback");
  });

  test("the client's address: X-Forwarded-For is believed only from a trusted peer", () => {
    const balancer = trustedProxies("10.0.0.0/8");
    // behind the balancer, the address it saw
    expect(clientAddress(fakeReq("10.0.0.5", "203.0.113.9"), balancer)).toBe("203.0.113.9");
    expect(clientAddress(fakeReq("::ffff:10.0.0.5", "203.0.113.9"), balancer)).toBe("203.0.113.9");
    // two hops inside the trusted range, then the client; a forged first hop does not win
    expect(clientAddress(fakeReq("10.0.0.5", "198.51.100.1, 203.0.113.9, 10.0.0.6"), balancer)).toBe("203.0.113.9");
    // a peer outside the list cannot choose its address with the header, loopback included
    expect(clientAddress(fakeReq("198.51.100.7", "203.0.113.9"), balancer)).toBe("198.51.100.7");
    expect(clientAddress(fakeReq("127.0.0.1", "203.0.113.9"), balancer)).toBe("127.0.0.1");
  });
});
