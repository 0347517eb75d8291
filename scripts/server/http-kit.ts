// The few pieces of a web framework the server needs, on node:http: a middleware chain in the
// connect style (compression and serve-static plug in as they are), the request facts behind a
// trusted proxy (TRUSTED_PROXIES), and the bridge to Remix (node request -> fetch Request -> node
// response). Express did the same with about 100 µs more per request (a fifth of a bare server's whole cost).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { createReadableStreamFromReadable } from "@remix-run/node";
import {
  CLIENT_IP_HEADER,
  REQUESTED_PATH_HEADER,
  trustedProxies,
  type ProxyTrust,
} from "../../app/trusted-proxies.server";

export type Req = IncomingMessage & {
  /** the address as received, before any rewrite (Remix's URL) */
  originalUrl: string;
  /** pathname of req.url */
  path: string;
  /** https, directly or as a trusted proxy says */
  secure: boolean;
  /** the host the client asked for: X-Forwarded-Host from a trusted proxy, else Host */
  publicHost: string;
  /** the client's address (see clientAddress) */
  clientIp: string;
  /** the peer is a trusted proxy: its X-Forwarded-* headers are believed */
  proxied: boolean;
};
export type Res = ServerResponse & { locals: Record<string, unknown> };
export type Next = (err?: unknown) => void;
export type Middleware = (req: Req, res: Res, next: Next) => void;

const loopbackOnly = trustedProxies("loopback");
const pathOf = (url: string) => {
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
};

/** Rewrites the request's address (req.path follows; req.originalUrl keeps what was asked). */
export function rewrite(req: Req, url: string) {
  req.url = url;
  req.path = pathOf(url);
}

/**
 * A middleware that only sees requests under `prefix`, with the prefix taken off req.url (as express's
 * app.use(prefix, …)).
 */
export function mount(prefix: string, mw: Middleware): Middleware {
  return (req, res, next) => {
    if (req.path !== prefix && !req.path.startsWith(`${prefix}/`)) return next();
    const url = req.url ?? "/";
    req.url = url.slice(prefix.length) || "/";
    if (!req.url.startsWith("/")) req.url = `/${req.url}`;
    mw(req, res, (err) => {
      req.url = url;
      next(err);
    });
  };
}

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v)?.split(",")[0].trim() || undefined;
};

/** The client's address: X-Forwarded-For is believed only from a trusted proxy. */
export function clientAddress(req: IncomingMessage, trusted: ProxyTrust = loopbackOnly): string {
  // express's rule ("trust proxy"): from the socket outwards, the first address that is not a
  // trusted proxy; if every hop is one, the furthest
  const forwarded = req.headers["x-forwarded-for"];
  const hops = [
    req.socket.remoteAddress ?? "",
    ...String(forwarded ?? "")
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean)
      .reverse(),
  ];
  for (const hop of hops) if (!trusted(hop)) return hop || "unknown";
  return hops[hops.length - 1] || "unknown";
}

/** A host[:port] as a URL carries it (lowercase, no default port); anything else (a path, a bad port): undefined. */
function hostOf(value: string | undefined): string | undefined {
  if (!value || !/^[^/?#@\\\s]+$/.test(value)) return undefined;
  try {
    return new URL(`http://${value}`).host;
  } catch {
    return undefined;
  }
}

/** The host named by an Origin header, or undefined ("null", malformed). */
export function originHost(origin: string | undefined): string | undefined {
  if (!origin || origin === "null") return undefined;
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** Runs the middlewares in order; an error or a request no one answered gets a plain page. */
export function chain(middlewares: Middleware[], log: (m: string) => void, trusted: ProxyTrust = loopbackOnly) {
  return (rawReq: IncomingMessage, rawRes: ServerResponse) => {
    const req = rawReq as Req;
    const res = rawRes as Res;
    req.originalUrl = req.url ?? "/";
    req.path = pathOf(req.originalUrl);
    req.proxied = trusted(req.socket.remoteAddress ?? "");
    const forwarded = (name: string) => (req.proxied ? header(req, name) : undefined);
    req.secure = (req.socket as TLSSocket).encrypted || forwarded("x-forwarded-proto") === "https";
    req.publicHost = hostOf(forwarded("x-forwarded-host")) ?? hostOf(req.headers.host) ?? "localhost";
    req.clientIp = clientAddress(req, trusted);
    res.locals = {};
    let i = 0;
    const next: Next = (err) => {
      if (err !== undefined) return fail(res, err, log);
      const mw = middlewares[i++];
      if (!mw) return fail(res, undefined, log);
      try {
        mw(req, res, next);
      } catch (e) {
        fail(res, e, log);
      }
    };
    next();
  };
}

function fail(res: Res, err: unknown, log: (m: string) => void) {
  // a middleware's own 4xx (serve-static: a malformed path) stays what it is
  const given = (err as { status?: unknown } | undefined)?.status;
  const status = err === undefined ? 404 : typeof given === "number" && given >= 400 && given < 500 ? given : 500;
  if (status === 500) log(`request failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  if (res.headersSent) return void res.destroy();
  const body = status === 500 ? "Internal Server Error" : status === 404 ? "Not Found" : "Bad Request";
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

/**
 * The fetch Request Remix reads: the public address (X-Forwarded-Host/Proto from a trusted proxy),
 * headers, body, and an abort when the client goes away. Remix compares Origin with X-Forwarded-Host
 * or Host and throws (a 500) when they differ, so it gets the public host as Host, no
 * X-Forwarded-* from a peer that is not trusted, and an Origin only when it names that host (the
 * server's own same-origin check has already judged the request).
 */
export function toFetchRequest(req: Req, res: Res): Request {
  const proto = req.secure ? "https" : "http";
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (name === "host" || name === "x-forwarded-host" || name === CLIENT_IP_HEADER || name === REQUESTED_PATH_HEADER)
      continue;
    if (!req.proxied && name.startsWith("x-forwarded-")) continue;
    if (name === "origin" && originHost(raw[i + 1]) !== req.publicHost) continue;
    headers.append(raw[i], raw[i + 1]);
  }
  headers.set("Host", req.publicHost);
  headers.set(CLIENT_IP_HEADER, req.clientIp);
  headers.set(REQUESTED_PATH_HEADER, req.originalUrl);
  let controller: AbortController | null = new AbortController();
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  // joined as text, as express did: a path like "//other.host/x" stays a path of this host
  return new Request(`${proto}://${req.publicHost}${req.originalUrl}`, init);
}

/** Writes a fetch Response to the node response (several Set-Cookie headers stay several). */
export async function sendFetchResponse(res: Res, response: Response): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  for (const [key, value] of response.headers) {
    if (key === "set-cookie") continue;
    res.setHeader(key, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("Set-Cookie", cookies);
  if (/text\/event-stream/i.test(response.headers.get("content-type") ?? "")) res.flushHeaders();
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  try {
    // the last chunk goes with end(): a page rendered in one piece leaves in one write
    let held: Uint8Array | undefined;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (held && !res.write(held)) await new Promise<void>((r) => res.once("drain", r));
      held = value;
    }
    res.end(held);
  } catch (e) {
    res.destroy(e as Error);
  }
}
