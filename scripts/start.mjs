// npm start: the production launcher that `npm run build` bundled (build/server/launch.js), plain JavaScript that
// loads without a TypeScript loader. Without a build, one sentence instead of Node's "Cannot find module".
import fs from "node:fs";

const launcher = new URL("../build/server/launch.js", import.meta.url);
if (!fs.existsSync(launcher)) {
  console.error("No production build found in build/: run `npm run build` first.");
  process.exit(1);
}
await import(launcher.href);
