// The embedded services keep their secrets off the command line and out of the code: Meilisearch's
// master key reaches it by environment, its default keys are deleted and the app gets a scoped key;
// PostgreSQL's superuser password is generated per install and kept in a mode-600 file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Meilisearch } from "meilisearch";
import pg from "pg";
import { afterAll, describe, expect, test } from "vitest";
import { postgresPasswordFile, startEmbeddedMeili, startEmbeddedPostgres } from "../../scripts/server/services";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "tp-services-"));
fs.chmodSync(root, 0o755); // the postgres OS user must reach the data folder when we run as root
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function canConnect(url: string): Promise<boolean | string> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    await c.query("select 1");
    return true;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  } finally {
    await c.end().catch(() => {});
  }
}

function withPassword(url: string, password: string) {
  return url.replace(/^postgres:\/\/postgres:[^@]*@/, `postgres://postgres:${password}@`);
}

describe("embedded Meilisearch", () => {
  test("no key on its command line, its default keys gone; the app's scoped key does only the app's work", async () => {
    const meili = await startEmbeddedMeili({
      dataDir: path.join(root, "meili"),
      keyFile: path.join(root, "meili-key"),
    });
    try {
      const cmdline = fs.readFileSync(`/proc/${meili.pid}/cmdline`, "utf8").split("\0");
      expect(cmdline.join(" ")).not.toContain(meili.key);
      expect(cmdline).not.toContain("--master-key");
      expect(meili.appKey).toBeTruthy();
      expect(meili.appKey).not.toBe(meili.key);

      const admin = new Meilisearch({ host: meili.url, apiKey: meili.key });
      const keys = (await admin.getKeys()).results;
      expect(keys.map((k) => k.name)).not.toContain("Default Search API Key");
      expect(keys.map((k) => k.name)).not.toContain("Default Admin API Key");
      expect(keys.map((k) => k.key)).toEqual([meili.appKey]);

      // what the app does: create its index with settings, write documents, search, swap, delete
      const app = new Meilisearch({ host: meili.url, apiKey: meili.appKey });
      // the client's 5 s default is too short on a loaded 2-core machine (CI runs test runs side by side)
      const SLOW_MACHINE = { timeout: 30_000 };
      await app.tasks.waitForTask((await app.createIndex("app_posts", { primaryKey: "id" })).taskUid, SLOW_MACHINE);
      await app.tasks.waitForTask(
        (await app.index("app_posts").updateSettings({ searchableAttributes: ["title"] })).taskUid,
        SLOW_MACHINE,
      );
      await app.tasks.waitForTask(
        (await app.index("app_posts").addDocuments([{ id: 1, title: "mentorship basics" }])).taskUid,
        SLOW_MACHINE,
      );
      expect((await app.index("app_posts").search("mentorship")).hits).toHaveLength(1);
      expect((await app.index("app_posts").getStats()).numberOfDocuments).toBe(1);
      await app.tasks.waitForTask((await app.createIndex("app_posts_tmp", { primaryKey: "id" })).taskUid, SLOW_MACHINE);
      const swap = await app.tasks.waitForTask(
        (await app.swapIndexes([{ indexes: ["app_posts", "app_posts_tmp"], rename: false }])).taskUid,
        SLOW_MACHINE,
      );
      expect(swap.status).toBe("succeeded");
      await app.tasks.waitForTask((await app.deleteIndex("app_posts_tmp")).taskUid, SLOW_MACHINE);

      // and nothing else: no key management (it cannot mint itself a wider key), no dumps or snapshots
      // (a copy of everything), no deleting the task history
      await expect(app.getKeys()).rejects.toMatchObject({ cause: { code: "invalid_api_key" } });
      await expect(app.createKey({ actions: ["*"], indexes: ["*"], expiresAt: null })).rejects.toMatchObject({
        cause: { code: "invalid_api_key" },
      });
      await expect(app.createDump()).rejects.toMatchObject({ cause: { code: "invalid_api_key" } });
      await expect(app.createSnapshot()).rejects.toMatchObject({ cause: { code: "invalid_api_key" } });
      await expect(app.tasks.deleteTasks({ statuses: ["succeeded"] })).rejects.toMatchObject({
        cause: { code: "invalid_api_key" },
      });

      // a restart on the same data keeps the same app key and lets no default key back
      await meili.stop();
      const again = await startEmbeddedMeili({
        dataDir: path.join(root, "meili"),
        keyFile: path.join(root, "meili-key"),
      });
      try {
        expect(again.appKey).toBe(meili.appKey);
        expect(
          (await new Meilisearch({ host: again.url, apiKey: again.key }).getKeys()).results.map((k) => k.key),
        ).toEqual([again.appKey]);
      } finally {
        await again.stop();
      }
    } finally {
      await meili.stop();
    }
  });
});

describe("embedded PostgreSQL", () => {
  test(
    "the superuser password is generated on first start, kept in a mode-600 file, and an old cluster with the " +
      "constant password gets a new one",
    async () => {
      const dataDir = path.join(root, "postgres");
      let pgh = await startEmbeddedPostgres({ dataDir });
      try {
        const file = postgresPasswordFile(dataDir);
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        const password = fs.readFileSync(file, "utf8").trim();
        expect(password).not.toBe("touchpoints");
        expect(password.length).toBeGreaterThanOrEqual(32);
        expect(pgh.url).toContain(password);
        expect(await canConnect(pgh.url)).toBe(true);
        expect(await canConnect(withPassword(pgh.url, "touchpoints"))).toBe("28P01");

        // a data folder made before passwords were generated: the constant, and no password file
        const c = new pg.Client({ connectionString: pgh.url });
        await c.connect();
        await c.query("alter role postgres password 'touchpoints'");
        await c.end();
        fs.rmSync(file);
        await pgh.stop();

        pgh = await startEmbeddedPostgres({ dataDir });
        const renewed = fs.readFileSync(file, "utf8").trim();
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        expect(renewed).not.toBe("touchpoints");
        expect(renewed).not.toBe(password);
        expect(await canConnect(pgh.url)).toBe(true);
        expect(await canConnect(withPassword(pgh.url, "touchpoints"))).toBe("28P01");

        // and the stored password serves the next start
        await pgh.stop();
        pgh = await startEmbeddedPostgres({ dataDir });
        expect(fs.readFileSync(file, "utf8").trim()).toBe(renewed);
        expect(await canConnect(pgh.url)).toBe(true);
      } finally {
        await pgh.stop();
      }
    },
  );
});
