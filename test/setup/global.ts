// Starts the same embedded PostgreSQL and Meilisearch the launcher uses, once per test run,
// on free ports in a temporary folder, and builds a migrated template database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateToLatest } from "../../db/migrate";
import { startEmbeddedMeili, startEmbeddedPostgres } from "../../scripts/server/services";
import { findChromium } from "./chromium";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgBinDir: string;
    meiliUrl: string;
    meiliKey: string;
    meiliAppKey: string;
    chromium: string | null;
    tmpRoot: string;
  }
}

export const TEMPLATE_DB = "tp_template";

export default async function setup(project: TestProject) {
  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "touchpoints-test-"));
  fs.chmodSync(tmpRoot, 0o755); // the postgres OS user must reach the data folder when we run as root
  const [pgh, meili] = await Promise.all([
    startEmbeddedPostgres({ dataDir: path.join(tmpRoot, "postgres") }),
    startEmbeddedMeili({ dataDir: path.join(tmpRoot, "meili"), keyFile: path.join(tmpRoot, "meili-key") }),
  ]);
  const stop = async () => {
    await Promise.allSettled([pgh.stop(), meili.stop()]);
    fs.rmSync(tmpRoot, { recursive: true, force: true });
  };
  try {
    const admin = new pg.Client({ connectionString: pgh.url });
    await admin.connect();
    await admin.query(`create database ${TEMPLATE_DB}`);
    await admin.end();
    await migrateToLatest(pgh.url.replace(/\/postgres$/, `/${TEMPLATE_DB}`));
  } catch (e) {
    await stop();
    throw e;
  }

  const chromium = findChromium();
  // In CI a missing browser is a failure, never a quiet skip of every browser test.
  if (!chromium && process.env.CI)
    throw new Error("Chromium not found: CI must install it (apt-get install -y chromium) or set CHROMIUM_PATH");
  if (!chromium)
    console.log(
      "Chromium not found (set CHROMIUM_PATH or apt-get install chromium): browser tests are skipped, and say so.",
    );

  project.provide("pgAdminUrl", pgh.url);
  project.provide("pgBinDir", pgh.binDir);
  project.provide("meiliUrl", meili.url);
  project.provide("meiliKey", meili.key);
  project.provide("meiliAppKey", meili.appKey);
  project.provide("chromium", chromium);
  project.provide("tmpRoot", tmpRoot);

  return stop;
}
