// The HTTP server: express in front of the Remix build (compression, static files, request ids,
// the Origin check, graceful shutdown).
import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { pageCache } from "./page-cache";
import { securityHeaders } from "./security-headers";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type RunningServer = { server: Server; port: number; close(): Promise<void> };

export async function startServer({ port, root = process.cwd(), log = console.log }: { port: number; root?: string; log?: (m: string) => void }): Promise<RunningServer> {
  const buildPath = path.join(root, "build", "index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const hooks = build.entry.module as unknown as { startBackground?: () => void; stopBackground?: () => Promise<void> };

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  app.use((req, res, next) => {
    const id = randomUUID().slice(0, 13);
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    next();
  });
  app.use(securityHeaders());
  let closing = false;
  app.use((_req, res, next) => {
    if (closing) res.setHeader("Connection", "close");
    next();
  });
  app.use(compression());
  // fingerprinted by the Remix build: cache for a year
  app.use("/build", express.static(path.join(root, "public", "build"), { immutable: true, maxAge: "1y" }));
  // other public files (favicon, artwork) all have an extension: pages never pay for a file lookup
  const publicFiles = express.static(path.join(root, "public"), { maxAge: "1h", index: false });
  app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? publicFiles(req, res, next) : next()));

  // Every state-changing request must come from our own pages.
  app.use((req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get("origin");
    let ok = false;
    try {
      ok = !!origin && new URL(origin).host === req.get("host");
    } catch {
      ok = false;
    }
    if (ok) return next();
    // answered by the app's own translated page, with status 403
    req.method = "GET";
    req.url = "/errors/origin";
    req.originalUrl = "/errors/origin";
    next();
  });

  // RSS addresses (/latest.rss, /c/:slug.rss, /t/:slug/:id.rss) are served by the feeds.* resource
  // routes: React Router cannot match `:slug.rss` beside `:slug`.
  app.use((req, _res, next) => {
    const q = req.url.indexOf("?");
    const [pathname, search] = q === -1 ? [req.url, ""] : [req.url.slice(0, q), req.url.slice(q)];
    if (!pathname.endsWith(".rss")) return next();
    const m = /^\/(?:(latest)|c\/([^/]+)|t\/([^/]+)\/(\d+))\.rss$/.exec(pathname);
    if (!m) return next();
    const to = m[1] ? "/feeds/latest" : m[2] ? `/feeds/c/${m[2]}` : `/feeds/t/${m[3]}/${m[4]}`;
    req.url = to + search;
    req.originalUrl = to + search;
    next();
  });

  app.use(pageCache(Number(process.env.PAGE_CACHE_SECONDS ?? 5)));

  const handler = createRequestHandler({
    build,
    mode: process.env.NODE_ENV === "production" ? "production" : "development",
    getLoadContext: (req, res) => ({ requestId: String(res.locals.requestId), clientIp: req.ip ?? "unknown", cspNonce: String(res.locals.cspNonce) }),
  });
  app.all("*", (req, res, next) => handler(req, res, next));

  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, "0.0.0.0", () => resolve(s));
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
