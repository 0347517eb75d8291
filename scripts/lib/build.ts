// `remix build` in a child process, for the launcher and the benchmark scripts.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { projectRoot } from "./paths";

/** Builds the app; a production build unless `production: false` (the dev launcher's). Throws on failure. */
export function buildApp(log: (m: string) => void, { production = true }: { production?: boolean } = {}) {
  log(`building the app (remix build${production ? ", production" : ""})`);
  const env: NodeJS.ProcessEnv = production ? { ...process.env, NODE_ENV: "production" } : process.env;
  const r = spawnSync(process.execPath, [path.join(projectRoot, "node_modules/@remix-run/dev/dist/cli.js"), "build"], { cwd: projectRoot, stdio: "inherit", env });
  if (r.status !== 0) throw new Error("remix build failed");
}
