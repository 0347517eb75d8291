// The server's own middleware chain (scripts/server/http-kit.ts), on a real node:http server: who the
// client is behind the loopback proxy, mounted prefixes, errors, and the bridge to fetch Responses.
import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  chain,
  clientAddress,
  mount,
  sendFetchResponse,
  toFetchRequest,
  type Middleware,
} from "../../scripts/server/http-kit";
import { CLIENT_IP_HEADER, REQUESTED_PATH_HEADER } from "../../app/trusted-proxies.server";

const fakeReq = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
  }) as unknown as IncomingMessage;

describe("clientAddress", () => {
  it("believes X-Forwarded-For only from a loopback proxy", () => {
    expect(clientAddress(fakeReq("127.0.0.1", "203.0.113.9"))).toBe("203.0.113.9");
    expect(clientAddress(fakeReq("::ffff:127.0.0.1", "203.0.113.9"))).toBe("203.0.113.9");
    expect(clientAddress(fakeReq("::1", "198.51.100.1, 203.0.113.9"))).toBe("203.0.113.9");
    // a client on the network cannot choose its address with the header
    expect(clientAddress(fakeReq("198.51.100.7", "203.0.113.9"))).toBe("198.51.100.7");
    // a forged first hop behind the proxy does not win over the address the proxy saw
    expect(clientAddress(fakeReq("127.0.0.1", "10.9.9.9, 203.0.113.9"))).toBe("203.0.113.9");
    // loopback all the way: the furthest hop
    expect(clientAddress(fakeReq("127.0.0.1"))).toBe("127.0.0.1");
  });
});

let server: http.Server | undefined;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function serve(middlewares: Middleware[], logs: string[] = [], trusted?: (a: string) => boolean) {
  server = http.createServer(chain(middlewares, (m) => logs.push(m), trusted));
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("chain", () => {
  it("runs middlewares in order, strips a mounted prefix, 404 when none answers, 500 on a throw", async () => {
    const logs: string[] = [];
    const seen: string[] = [];
    const base = await serve(
      [
        (req, _res, next) => (seen.push(`first ${req.path}`), next()),
        mount("/build", (req, res, next) =>
          req.url === "/a.css" ? res.end(`asset ${req.url} of ${req.originalUrl}`) : next(),
        ),
        (req, res, next) =>
          req.path === "/boom"
            ? (() => {
                throw new Error("kaboom");
              })()
            : req.path === "/ok"
              ? res.end(`ok ${req.url}`)
              : next(),
      ],
      logs,
    );
    expect(await (await fetch(`${base}/build/a.css`)).text()).toBe("asset /a.css of /build/a.css");
    // after the mounted middleware passes, the address is whole again
    expect(await (await fetch(`${base}/ok?x=1`)).text()).toBe("ok /ok?x=1");
    // "/buildings" is not under "/build"
    expect((await fetch(`${base}/buildings`)).status).toBe(404);
    const boom = await fetch(`${base}/boom`);
    expect(boom.status).toBe(500);
    expect(await boom.text()).toBe("Internal Server Error"); // no stack in the page
    expect(logs.join("\n")).toContain("kaboom");
    expect(seen).toEqual(["first /build/a.css", "first /ok", "first /buildings", "first /boom"]);
  });

  it("keeps a middleware's own 4xx", async () => {
    const base = await serve([(_req, _res, next) => next(Object.assign(new Error("bad path"), { status: 400 }))]);
    const res = await fetch(`${base}/x`);
    expect(res.status).toBe(400);
    expect(await res.text()).toBe("Bad Request");
  });
});

describe("the bridge to fetch", () => {
  it("builds the Request from the proxy's host and protocol; a path that looks like a host stays a path", async () => {
    let url = "";
    let body = "";
    const base = await serve([
      async (req, res) => {
        const request = toFetchRequest(req, res);
        url = request.url;
        body = request.body ? await request.text() : "";
        res.end();
      },
    ]);
    await fetch(`${base}//other.example/x?y=1`, {
      headers: { "X-Forwarded-Host": "touchpoints.example", "X-Forwarded-Proto": "https" },
    });
    expect(url).toBe("https://touchpoints.example//other.example/x?y=1");
    await fetch(`${base}/form`, {
      method: "POST",
      body: "a=1&b=2",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(new URL(url).pathname).toBe("/form");
    expect(body).toBe("a=1&b=2");
  });

  it("hands Remix the public host; X-Forwarded-* only from a trusted peer; Origin only naming the host", async () => {
    const seen: Headers[] = [];
    const urls: string[] = [];
    const remixLike: Middleware = (req, res) => {
      const request = toFetchRequest(req, res);
      seen.push(request.headers);
      urls.push(request.url);
      res.end();
    };
    const post = (base: string, headers: Record<string, string>) =>
      fetch(`${base}/form`, {
        method: "POST",
        body: "a=1",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      });
    // the test connects from 127.0.0.1: trusted by default
    let base = await serve([remixLike]);
    await post(base, {
      "X-Forwarded-Host": "touchpoints.example",
      "X-Forwarded-Proto": "https",
      Origin: "https://touchpoints.example",
    });
    await post(base, { "X-Forwarded-Host": "touchpoints.example", Origin: "null" });
    expect(urls[0]).toBe("https://touchpoints.example/form");
    expect(seen[0].get("host")).toBe("touchpoints.example");
    expect(seen[0].get("x-forwarded-host")).toBeNull();
    expect(seen[0].get("x-forwarded-proto")).toBe("https");
    expect(seen[0].get("origin")).toBe("https://touchpoints.example");
    expect(seen[1].get("origin")).toBeNull();
    // a proxy's host that is no host is not believed: the Host header stands, and the page is served
    await post(base, { "X-Forwarded-Host": "evil.example:99999/x?y" });
    await post(base, { "X-Forwarded-Host": "Touchpoints.EXAMPLE:80" });
    expect(urls[2]).toBe(`${base}/form`);
    expect(urls[3]).toBe("http://touchpoints.example/form");
    await new Promise<void>((r) => server!.close(() => r()));
    // the same headers from a peer that is not trusted
    base = await serve([remixLike], [], () => false);
    await post(base, {
      "X-Forwarded-Host": "touchpoints.example",
      "X-Forwarded-Proto": "https",
      "X-Forwarded-For": "203.0.113.9",
      Origin: "https://touchpoints.example",
    });
    const host = new URL(base).host;
    expect(urls[4]).toBe(`http://${host}/form`);
    expect(seen[4].get("host")).toBe(host);
    expect([...seen[4].keys()].filter((k) => k.startsWith("x-forwarded-"))).toEqual([]);
    expect(seen[4].get("origin")).toBeNull();
    // the client's address as the server decided it, whatever a client sent under that name
    expect(seen[4].get(CLIENT_IP_HEADER)).toBe("127.0.0.1");
    // and the address as asked (Remix later takes ?index off the Request its actions see)
    expect(seen[4].get(REQUESTED_PATH_HEADER)).toBe("/form");
    await post(base, { [CLIENT_IP_HEADER]: "203.0.113.66", [REQUESTED_PATH_HEADER]: "/elsewhere" });
    expect(seen[5].get(CLIENT_IP_HEADER)).toBe("127.0.0.1");
    expect(seen[5].get(REQUESTED_PATH_HEADER)).toBe("/form");
  });

  it("sends status, every Set-Cookie, a known length in one piece, and a streamed body whole", async () => {
    const base = await serve([
      (req, res) => {
        const headers = new Headers({ "Content-Type": "text/plain" });
        headers.append("Set-Cookie", "a=1; Path=/");
        headers.append("Set-Cookie", "b=2; Path=/");
        if (req.path === "/fixed") {
          headers.set("Content-Length", "5");
          void sendFetchResponse(res, new Response("hello", { status: 201, headers }));
        } else {
          const parts = ["one ", "two ", "three"];
          const stream = new ReadableStream({
            pull: (c) => (parts.length ? c.enqueue(new TextEncoder().encode(parts.shift())) : c.close()),
          });
          void sendFetchResponse(res, new Response(stream, { status: 200, headers }));
        }
      },
    ]);
    const fixed = await fetch(`${base}/fixed`);
    expect(fixed.status).toBe(201);
    expect(fixed.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(fixed.headers.get("content-length")).toBe("5");
    expect(fixed.headers.get("transfer-encoding")).toBeNull();
    expect(await fixed.text()).toBe("hello");
    const streamed = await fetch(`${base}/streamed`);
    expect(await streamed.text()).toBe("one two three");
  });
});
