import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { logger } from "./logger.server";
import { isDatabaseUnavailable } from "./db.server";
import { PERSONAL } from "./web/page-caching";
import { NonceContext, RequestIdContext, UnavailableContext } from "./web/request-context";

const ABORT_DELAY = 5_000;

export { startBackground, stopBackground } from "./background.server";
// the server allows these by hash in its Content-Security-Policy (scripts/server/security-headers.ts)
export { INLINE_SCRIPTS as inlineScripts } from "./web/inline-scripts.server";

// The whole document is rendered before sending: pages are small, and a complete response
// compresses better and never shows a half-rendered page on a slow connection.
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // set by handleError below, which Remix calls before rendering the error page
  const unavailable = !!(loadContext as { databaseUnavailable?: boolean } | undefined)?.databaseUnavailable;
  const app = (context: EntryContext) => (
    <RequestIdContext.Provider value={loadContext?.requestId ?? ""}>
      <NonceContext.Provider value={loadContext?.cspNonce ?? ""}>
        <UnavailableContext.Provider value={unavailable}>
          <RemixServer context={context} url={request.url} abortDelay={ABORT_DELAY} nonce={loadContext?.cspNonce} />
        </UnavailableContext.Provider>
      </NonceContext.Provider>
    </RequestIdContext.Provider>
  );
  const hydrating = hydrates(remixContext);
  const setHeaders = () => {
    responseHeaders.set("Content-Type", "text/html; charset=utf-8");
    // the page's language depends on the member's setting, the switch's cookie and Accept-Language
    const locale = (remixContext.staticHandlerContext.loaderData?.root as { locale?: string } | undefined)?.locale;
    if (locale) responseHeaders.set("Content-Language", locale);
    // shareable pages name it already (app/web/page-caching.ts)
    const vary = responseHeaders.get("Vary") ?? "";
    if (!/accept-language/i.test(vary)) responseHeaders.append("Vary", "Accept-Language, Cookie");
    // Remix's scripts carry this response's nonce: kept by a shared cache, every reader would get it
    const shared = /\bpublic\b/.test(responseHeaders.get("Cache-Control") ?? "");
    if (hydrating && shared) responseHeaders.set("Cache-Control", PERSONAL);
    if (unavailable) responseHeaders.set("Retry-After", "10");
  };

  /** The whole page as one body with its length: it leaves in one write. */
  const whole = (body: Buffer<ArrayBuffer>, status: number) => {
    responseHeaders.set("Content-Length", String(body.byteLength));
    return new Response(body, { headers: responseHeaders, status });
  };

  // A page that loads no React bundle (handle.hydrate === false) has no data to hand to the browser
  // and nothing to stream: one synchronous render, without encoding the loader data, costs about
  // half (see patches/README.md). A render error falls through to the streaming path, which
  // reports it and renders the error boundary.
  if (!hydrating) {
    try {
      const html = renderToString(app(withoutHandoff(remixContext)));
      setHeaders();
      // With its length known, the page leaves in one write: chunked encoding cost a second
      // write (the closing chunk) and a second packet for every page.
      return whole(Buffer.from(`<!DOCTYPE html>${html}`), unavailable ? 503 : responseStatusCode);
    } catch {
      /* rendered again below, where errors are handled */
    }
  }

  return new Promise((resolve, reject) => {
    let errored = false;
    const { pipe, abort } = renderToPipeableStream(app(remixContext), {
      onAllReady() {
        // Everything is rendered by now: React writes it in views of 2 KB or so, and streamed, each was a trip
        // through two streams and, uncompressed, a socket write and an HTTP chunk of its own. Collected, the page
        // leaves in one write with its length, as the pages above do.
        const chunks: Buffer[] = [];
        const sink = new Writable({
          write(chunk: Buffer, _encoding, done) {
            chunks.push(chunk);
            done();
          },
          final(done) {
            setHeaders();
            resolve(whole(Buffer.concat(chunks), errored ? 500 : unavailable ? 503 : responseStatusCode));
            done();
          },
        });
        pipe(sink);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        errored = true;
        logger.error({ err: error, requestId: loadContext?.requestId }, "render error");
      },
    });
    setTimeout(abort, ABORT_DELAY).unref();
  });
}

/** Same rule as the root layout: the page hydrates unless one of its routes says `hydrate: false`. */
function hydrates(context: EntryContext): boolean {
  for (const match of context.staticHandlerContext.matches) {
    const handle = context.routeModules[match.route.id]?.handle as { hydrate?: boolean } | undefined;
    if (handle?.hydrate === false) return false;
  }
  return true;
}

/** The entry context minus the browser hand-off stream (encoded lazily: reading it would encode it). */
function withoutHandoff(context: EntryContext): EntryContext {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(context))
    if (key !== "serverHandoffStream") copy[key] = (context as unknown as Record<string, unknown>)[key];
  return copy as unknown as EntryContext;
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  if (isDatabaseUnavailable(error)) {
    // PostgreSQL restarting or out of reach: a 503 page, and the pool reconnects by itself
    if (context) (context as { databaseUnavailable?: boolean }).databaseUnavailable = true;
    logger.warn(
      { err: error, url: request.url, requestId: (context as AppLoadContext | undefined)?.requestId },
      "database unavailable",
    );
    return;
  }
  const requestId = (context as AppLoadContext | undefined)?.requestId;
  // Remix's own 4xx (no route for the address, a method the route does not take) are answers, not
  // errors: at error level anyone could flood the log with them
  if (isRouteErrorResponse(error) && error.status < 500) {
    return void logger.debug({ status: error.status, url: request.url, requestId }, "expected response");
  }
  logger.error({ err: error, url: request.url, requestId }, "unhandled error");
};
