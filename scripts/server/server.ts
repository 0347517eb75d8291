// The HTTP server: node:http in front of the Remix build (compression, static files, request ids,
// the Origin check, addresses no page can have, personal answers kept by no cache, graceful
// shutdown), through the middleware chain of ./http-kit.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import serveStatic from "serve-static";
import { trustedProxies, type ProxyTrust } from "../../app/trusted-proxies.server";
import { withCachePolicy } from "./cache-policy";
import { chain, mount, originHost, rewrite, sendFetchResponse, toFetchRequest } from "./http-kit";
import type { Middleware, Req } from "./http-kit";
import { loadShedder } from "./load-shed";
import { sharedCache } from "./shared-cache";
import { securityHeaders, withoutNonce } from "./security-headers";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type RunningServer = { server: Server; port: number; close(): Promise<void> };

type StartOptions = { port: number; root?: string; log?: (m: string) => void; trusted?: ProxyTrust };
type Hooks = {
  startBackground?: () => void;
  stopBackground?: () => Promise<void>;
  /** the app's constant inline scripts, allowed by hash */
  inlineScripts?: readonly string[];
};

/** Answers the request with the app's page at `to` (GET), as if it had been asked for. */
function answerWith(req: Req, to: string) {
  req.method = "GET";
  req.originalUrl = to;
  rewrite(req, to);
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { port, root = process.cwd(), log = console.log } = options;
  const trusted = options.trusted ?? trustedProxies(process.env.TRUSTED_PROXIES);
  const buildPath = path.join(root, "build", "index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const hooks = build.entry.module as unknown as Hooks;
  let closing = false;

  const requestId: Middleware = (_req, res, next) => {
    const id = randomUUID().slice(0, 13);
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    if (closing) res.setHeader("Connection", "close");
    next();
  };

  // fingerprinted by the Remix build: cache for a year
  const buildFiles = serveStatic(path.join(root, "public", "build"), {
    immutable: true,
    maxAge: "1y",
  }) as unknown as Middleware;
  // other public files (favicon, artwork) all have an extension: pages never pay for a file lookup
  const publicFiles = serveStatic(path.join(root, "public"), {
    maxAge: "1h",
    index: false,
    // the service worker is checked for updates at every visit and controls the whole site (public/sw.js)
    setHeaders: (res, file) => {
      if (path.basename(file) !== "sw.js") return;
      res.setHeader("Cache-Control", "no-cache");
      res.setHeader("Service-Worker-Allowed", "/");
    },
  }) as unknown as Middleware;
  const publicFile: Middleware = (req, res, next) =>
    /\.[a-z0-9]+$/i.test(req.path) ? publicFiles(req, res, next) : next();

  // No page has a NUL in its address (PostgreSQL cannot even compare one): the app's 400 page,
  // before any route reads it. A data request gets its answer as data.
  const badAddress: Middleware = (req, _res, next) => {
    const url = req.url ?? "";
    if (!url.includes("%00") && !url.includes("\0")) return next();
    answerWith(req, req.path.endsWith(".data") ? "/errors/bad-request.data" : "/errors/bad-request");
    next();
  };

  const ONE_CLICK_UNSUBSCRIBE = /^\/(?:mail\/unsubscribe|recruiter\/alerts)\/[A-Za-z0-9._-]{16,}$/;
  // Every state-changing request must come from our own pages: an Origin naming this site's public
  // host, or, when the browser sends none or "null" (a page with Referrer-Policy no-referrer does),
  // Sec-Fetch-Site: same-origin. Referer is never consulted.
  const sameOrigin: Middleware = (req, _res, next) => {
    if (SAFE_METHODS.has(req.method ?? "GET")) return next();
    // one-click unsubscribe (RFC 8058): mail providers POST from their servers with no Origin; the signed
    // token in the address is the only key, and it can only turn one kind of mail off
    if (ONE_CLICK_UNSUBSCRIBE.test(req.path)) return next();
    const origin = req.headers.origin;
    const fetchedSameOrigin = req.headers["sec-fetch-site"] === "same-origin";
    const ok = origin && origin !== "null" ? originHost(origin) === req.publicHost : fetchedSameOrigin;
    if (ok) return next();
    // answered by the app's own translated page, with status 403
    answerWith(req, "/errors/origin");
    next();
  };

  // RSS addresses (/latest.rss, /c/:slug.rss, /t/:slug/:id.rss) are served by the feeds.* resource
  // routes: React Router cannot match `:slug.rss` beside `:slug`.
  const feeds: Middleware = (req, _res, next) => {
    if (!req.path.endsWith(".rss")) return next();
    const m = /^\/(?:(latest)|c\/([^/]+)|t\/([^/]+)\/(\d+))\.rss$/.exec(req.path);
    if (!m) return next();
    const url = req.url ?? "";
    const search = url.slice(req.path.length);
    const to = m[1] ? "/feeds/latest" : m[2] ? `/feeds/c/${m[2]}` : `/feeds/t/${m[3]}/${m[4]}`;
    req.originalUrl = to + search;
    rewrite(req, to + search);
    next();
  };

  const handle = createRequestHandler(build, process.env.NODE_ENV === "production" ? "production" : "development");
  // what routes allow to be shared is kept here, as nginx or a CDN in front would (README, "Caching")
  const cache = process.env.SHARED_CACHE === "off" ? null : sharedCache({ log });
  // past its capacity the app answers 503 + Retry-After at once rather than everyone slowly; pages the
  // shared cache holds cost nothing and are always served
  const shed = loadShedder({
    concurrency: Number(process.env.SHED_CONCURRENCY ?? 8),
    maxWaitMs: Number(process.env.SHED_QUEUE_MS ?? 500),
    exempt: (req, res) => {
      if (!cache || req.method !== "GET") return false;
      try {
        return cache.answers(toFetchRequest(req, res));
      } catch {
        return false;
      }
    },
  });
  const remix: Middleware = (req, res, next) => {
    const requestId = String(res.locals.requestId);
    const cspNonce = String(res.locals.cspNonce);
    let request: Request;
    try {
      request = toFetchRequest(req, res);
    } catch {
      return next(Object.assign(new Error("unreadable address"), { status: 400 }));
    }
    const context = { requestId, clientIp: req.clientIp, cspNonce };
    const origin = (r: Request) =>
      handle(r, { ...context }).then((response) => withCachePolicy(req.headers.cookie, response));
    (cache ? cache.fetch(request, origin) : origin(request))
      .then((response) => {
        // an answer anyone may be given carries no nonce: its policy allows the constant scripts by hash
        if (/\bpublic\b/.test(response.headers.get("cache-control") ?? "")) {
          const policy = String(res.getHeader("Content-Security-Policy") ?? "");
          res.setHeader("Content-Security-Policy", withoutNonce(policy));
        }
        return sendFetchResponse(res, response);
      })
      .catch(next);
  };

  const app = chain(
    [
      requestId,
      securityHeaders(hooks.inlineScripts),
      compression() as unknown as Middleware,
      badAddress,
      mount("/build", buildFiles),
      publicFile,
      sameOrigin,
      feeds,
      shed,
      remix,
    ],
    log,
    trusted,
  );

  const server = await new Promise<Server>((resolve) => {
    const s = createServer(app).listen(port, "0.0.0.0", () => resolve(s));
  });
  server.keepAliveTimeout = 65_000;
  const actualPort = (server.address() as { port: number }).port;
  hooks.startBackground?.();
  log(`Touchpoints listening on http://localhost:${actualPort}`);

  return {
    server,
    port: actualPort,
    close: async () => {
      // stop accepting, let in-flight requests finish, then stop the worker after its current job
      closing = true;
      const closed = new Promise<void>((r) => server.close(() => r()));
      // keep-alive sockets go as soon as their last answer is out (answers also say Connection: close)
      server.closeIdleConnections();
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      const force = setTimeout(() => server.closeAllConnections(), 8000);
      force.unref();
      await Promise.all([closed, hooks.stopBackground?.()]);
      clearInterval(idle);
      clearTimeout(force);
    },
  };
}
