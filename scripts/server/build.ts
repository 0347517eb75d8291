// `remix build` in a child process, for the launcher and the benchmark scripts, and the check that
// the production server runs a production build of the current sources.
import { spawn, spawnSync, type SpawnOptions } from "node:child_process";
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

/** Builds the app; a production build unless `production: false` (the dev launcher's). Throws on failure. */
export function buildApp(log: (m: string) => void, { production = true }: { production?: boolean } = {}) {
  log(`building the app (remix build${production ? ", production" : ""})`);
  const { args, options } = buildCommand(production);
  const r = spawnSync(process.execPath, args, options);
  if (r.status !== 0) throw new Error("remix build failed");
}

/** The same, without blocking the event loop (the launcher answers its "starting up" page meanwhile). */
export async function buildAppAsync(log: (m: string) => void, { production = true }: { production?: boolean } = {}) {
  log(`building the app (remix build${production ? ", production" : ""})`);
  const { args, options } = buildCommand(production);
  const code = await new Promise<number | null>((resolve, reject) =>
    spawn(process.execPath, args, options).on("error", reject).on("exit", resolve),
  );
  if (code !== 0) throw new Error("remix build failed");
}

// What the build is made from: a change in any of these needs a new build.
const SOURCES = ["app", "remix.config.js", "patches"];

function newestSource(root: string): { file: string; mtimeMs: number } | undefined {
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
  for (const s of SOURCES) visit(path.join(root, s));
  return newest;
}

/**
 * Why build/ cannot serve production, in one sentence, or undefined when it can: missing, a
 * development build (what `npm run dev` leaves: "jsxDEV is not a function" and 500s under load),
 * or older than the sources.
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
  const newest = newestSource(root);
  if (newest && newest.mtimeMs > fs.statSync(index).mtimeMs) {
    return (
      `The build in build/ is older than the sources (${path.relative(root, newest.file)} changed after it): ` +
      `run \`npm run build\` first.`
    );
  }
  return undefined;
}
