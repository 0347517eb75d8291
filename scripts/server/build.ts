// The production build, for `npm run build`, the launcher and the benchmark scripts: `remix build` in a child
// process (the app), then the launcher and its server bundled into build/server/ (so `npm start` loads plain
// JavaScript, without a TypeScript loader: half the start's CPU); and the check that the production server runs
// a production build of the current sources.
import { spawn, type SpawnOptions } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "./paths";

function buildCommand(production: boolean): { args: string[]; options: SpawnOptions } {
  const env: NodeJS.ProcessEnv = production ? { ...process.env, NODE_ENV: "production" } : process.env;
  return {
    args: [path.join(projectRoot, "node_modules/@remix-run/dev/dist/cli.js"), "build"],
    options: { cwd: projectRoot, stdio: "inherit", env },
  };
}

const serverDir = (root: string) => path.join(root, "build", "server");
/** What esbuild read for the server bundle (its metafile): the sources the staleness check watches. */
const serverMeta = (root: string) => path.join(serverDir(root), "meta.json");

/**
 * The launcher (scripts/launch.ts) and the web process that node:cluster forks (scripts/server/web-process.ts),
 * bundled with what they import from scripts/, db/ and app/ into build/server/launch.js and web-process.js;
 * packages stay imports of node_modules. Both sit two folders under the project, as their sources do, so paths
 * made from import.meta.url (projectRoot) hold.
 */
export async function bundleServer(root = projectRoot) {
  const esbuild = await import("esbuild");
  fs.rmSync(serverDir(root), { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ["scripts/launch.ts", "scripts/server/web-process.ts"],
    entryNames: "[name]",
    outdir: serverDir(root),
    bundle: true,
    splitting: true, // the launcher's heavy steps stay imports made when they run
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    metafile: true,
    logLevel: "warning",
  });
  fs.writeFileSync(serverMeta(root), JSON.stringify({ inputs: Object.keys(result.metafile.inputs) }));
}

/**
 * Builds the app; a production build (with the server bundle) unless `production: false` (the dev launcher's,
 * which runs from the sources). Throws on failure. A child process, so the event loop stays free (the launcher
 * answers its "starting up" page meanwhile).
 */
export async function buildApp(log: (m: string) => void, { production = true }: { production?: boolean } = {}) {
  log(`building the app (remix build${production ? ", production" : ""})`);
  const { args, options } = buildCommand(production);
  const code = await new Promise<number | null>((resolve, reject) =>
    spawn(process.execPath, args, options).on("error", reject).on("exit", resolve),
  );
  if (code !== 0) throw new Error("remix build failed");
  if (production) {
    log("bundling the launcher and its server (build/server)");
    await bundleServer();
  }
}

// What the build is made from: a change in any of these needs a new build.
const SOURCES = ["app", "remix.config.js", "patches"];

function newestOf(root: string, sources: string[]): { file: string; mtimeMs: number } | undefined {
  let newest: { file: string; mtimeMs: number } | undefined;
  const visit = (file: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return;
    }
    if (stat.isDirectory()) for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
    else if (!newest || stat.mtimeMs > newest.mtimeMs) newest = { file, mtimeMs: stat.mtimeMs };
  };
  for (const s of sources) visit(path.join(root, s));
  return newest;
}

/**
 * Why build/ cannot serve production, in one sentence, or undefined when it can: missing, a
 * development build (what `npm run dev` leaves: "jsxDEV is not a function" and 500s under load),
 * or older than the sources (the app's, or those the server bundle was made from).
 */
export function productionBuildProblem(root = projectRoot): string | undefined {
  const index = path.join(root, "build", "index.js");
  if (!fs.existsSync(index)) return "No production build found in build/: run `npm run build` first.";
  const mode = /\bmode = "(\w+)"/.exec(fs.readFileSync(index, "utf8"))?.[1];
  if (mode !== "production") {
    return (
      `The build in build/ is a ${mode ?? "unknown"} build (\`npm run dev\` leaves one there), not a production ` +
      `build: run \`npm run build\` first.`
    );
  }
  const launcher = path.join(serverDir(root), "launch.js");
  if (!fs.existsSync(launcher) || !fs.existsSync(serverMeta(root)))
    return "No server bundle found in build/server/: run `npm run build` first.";
  const inputs: string[] = JSON.parse(fs.readFileSync(serverMeta(root), "utf8")).inputs;
  for (const [built, sources] of [
    [index, SOURCES],
    [launcher, inputs],
  ] as const) {
    const newest = newestOf(root, sources);
    if (newest && newest.mtimeMs > fs.statSync(built).mtimeMs) {
      return (
        `The build in build/ is older than the sources (${path.relative(root, newest.file)} changed after it): ` +
        `run \`npm run build\` first.`
      );
    }
  }
  return undefined;
}
