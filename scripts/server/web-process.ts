// One web process of several (scripts/server/web-processes.ts): the app's server on the shared port. The
// launcher's process started the services, migrated and seeded; this one only serves. It stops gracefully on
// SIGTERM, and at once when the launcher that forked it is gone.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "./paths";
import { startServer } from "./server";

const index = process.env.WEB_PROCESS_INDEX ?? "?";
const log = (m: string) => console.log(`[touchpoints ${index}] ${m}`);

// loaded before the port changes hands (the launcher's "starting up" page answers until every process is loaded)
await import(pathToFileURL(path.join(projectRoot, "build", "index.js")).href);
process.send!("loaded");
await new Promise((resolve) => process.once("message", resolve));
const running = await startServer({ port: Number(process.env.PORT), root: projectRoot, log });
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(1), 9_000);
  force.unref();
  await running.close();
  process.exit(0);
}
// Ctrl-C reaches the whole process group: the launcher decides when each web process stops
process.on("SIGINT", () => {});
process.on("SIGTERM", () => void stop());
process.on("disconnect", () => void stop());
