// `npm start`'s node arguments, read from package.json, so the load test and the benchmarks run
// the app exactly as production does (including its memory flags: the web process holds ~50 MB
// of live heap; capping the old space at 160 MB makes V8 collect before RSS nears 300 MB; the 16 MB semi-spaces
// keep Node 24 from sizing a young generation that makes it collect the whole heap over and over: see README).
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "./paths";

/** e.g. ["--max-old-space-size=160", "scripts/start.mjs"]: node's flags, then extraNodeFlags, then the script */
export function startArgs(extraNodeFlags: string[] = []): string[] {
  const start: string = JSON.parse(fs.readFileSync(path.join(projectRoot, "package.json"), "utf8")).scripts.start;
  const [node, ...args] = start.trim().split(/\s+/);
  if (node !== "node") throw new Error(`package.json's start script must begin with "node": ${start}`);
  const script = args.findIndex((a) => /\.[cm]?[jt]s$/.test(a));
  return [...args.slice(0, script), ...extraNodeFlags, ...args.slice(script)];
}
