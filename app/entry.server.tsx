import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { logger } from "./logger.server";
import { RequestIdContext } from "./request-context";

const ABORT_DELAY = 5_000;

export { startBackground, stopBackground } from "./background.server";

// The whole document is rendered before sending: pages are small, and a complete response
// compresses better and never shows a half-rendered page on a slow connection.
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  return new Promise((resolve, reject) => {
    let errored = false;
    const { pipe, abort } = renderToPipeableStream(
      <RequestIdContext.Provider value={loadContext?.requestId ?? ""}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
      </RequestIdContext.Provider>,
      {
        onAllReady() {
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: errored ? 500 : responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          errored = true;
          logger.error({ err: error, requestId: loadContext?.requestId }, "render error");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY).unref();
  });
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  logger.error({ err: error, url: request.url, requestId: (context as AppLoadContext | undefined)?.requestId }, "unhandled error");
};
