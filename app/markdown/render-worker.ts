// A render worker (see ./pool.server.ts): the one pipeline, away from the request thread. Built to
// build/markdown-worker.mjs with the server (remix.config.js); run from source under tsx otherwise.
import { parentPort } from "node:worker_threads";
import { renderMarkdownWithAnalysis } from "./index.server";

export type RenderRequest = {
  id: number;
  markdown: string;
  usernames: string[];
  categories: string[];
  /** [address, width, height] of our uploads the text may show */
  images: [string, number, number][];
};
export type RenderReply =
  | { id: number; html: string; analysis: ReturnType<typeof renderMarkdownWithAnalysis>["analysis"] }
  | { id: number; error: string }
  | { ready: true };

const port = parentPort;
if (!port) throw new Error("render-worker runs as a worker thread");

port.on("message", ({ id, markdown, usernames, categories, images }: RenderRequest) => {
  let reply: RenderReply;
  try {
    reply = {
      id,
      ...renderMarkdownWithAnalysis(markdown, {
        usernames: new Set(usernames),
        categories: new Set(categories),
        images: new Map(images.map(([src, width, height]) => [src, { width, height }])),
      }),
    };
  } catch (error) {
    reply = { id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies RenderReply);
