import path from "node:path";
import { defineConfig } from "vitest/config";
import LongFirstSequencer from "./test/setup/sequencer";

export default defineConfig({
  esbuild: { jsx: "automatic" },
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    globalSetup: ["test/setup/global.ts"],
    setupFiles: ["test/setup/per-file.ts"],
    pool: "forks",
    maxWorkers: 2,
    sequence: { sequencer: LongFirstSequencer },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // On CI's loaded machine a browser flow can miss a timeout once: CI tries a failed test once more, and
    // .ci/summary.mjs lists every test that passed only on the retry, with its first error, so none hides.
    retry: process.env.CI ? 1 : 0,
    // CI reads the JSON report; .ci/run names a file per Node version it runs the tests on
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: process.env.VITEST_JSON ?? "test-results/vitest.json" }]]
      : ["default"],
  },
});
