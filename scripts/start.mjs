// npm start: the production launcher that `npm run build` bundled (build/server/launch.js), plain JavaScript that
// loads without a TypeScript loader. Without a build, one sentence instead of Node's "Cannot find module".
import fs from "node:fs";
import module from "node:module";

const launcher = new URL("../build/server/launch.js", import.meta.url);
if (!fs.existsSync(launcher)) {
  console.error("No production build found in build/: run `npm run build` first.");
  process.exit(1);
}
// Node 22.1+ keeps the code it compiled (the 2 MB bundle and its packages) in a cache on disk, so a restart does not
// compile it all again (os.tmpdir()/node-compile-cache, NODE_COMPILE_CACHE to put it elsewhere); Node 20 has none.
// The web processes that node:cluster forks (WEB_PROCESSES) inherit it through the environment.
const compileCache = module.enableCompileCache?.();
if (compileCache?.directory) process.env.NODE_COMPILE_CACHE ??= compileCache.directory;
await import(launcher.href);
