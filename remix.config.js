import { buildSync } from "esbuild";

// The markdown render worker (app/markdown/pool.server.ts) is a second entry the classic compiler
// cannot emit; this module runs at every `remix build`, so the worker is built with the server,
// from the same sources, next to build/index.js. (marked and sanitize-html stay in node_modules.)
buildSync({
  entryPoints: ["app/markdown/render-worker.ts"],
  outfile: "build/markdown-worker.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "error",
});

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
