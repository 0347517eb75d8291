import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "vitest";

const root = path.resolve(__dirname, "..", "..");

test("a process that loaded the embedded services keeps its failing exit code (a failed run exits non-zero)", () => {
  const script = `import("./scripts/server/services.ts").then(() => { process.exitCode = 3; });`;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(3);
});
