// npm run backup / npm run restore, as an operator runs them: a backup of a forum with posts,
// likes, notifications and an uploaded photo, restored into an empty database, holds the same rows
// (every table's count, a checksum of the posts), the same uploads, and a rebuilt search index.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { Meilisearch } from "meilisearch";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "~/db.server";
import { likePost } from "~/models/forum/like.server";
import { postsChecksum } from "../../scripts/lib/backup";
import { createCategory, makeReply, makeTopic, scopeFor } from "../factories/topics";
import { createUser } from "../factories/users";

const root = path.resolve(__dirname, "..", "..");
const sourceUrl = process.env.DATABASE_URL!;
const restoredName = `${new URL(sourceUrl).pathname.slice(1)}_restored`;
const restoredUrl = sourceUrl.replace(/\/[^/]+$/, `/${restoredName}`);
const sourceData = process.env.DATA_DIR!;
const restoredData = `${sourceData}_restored`;
const restoredPrefix = `${process.env.MEILI_INDEX_PREFIX}r_`;

// The scripts run as child processes without blocking the event loop, so vitest's timeout can fire; on a busy CI
// machine (two suites side by side) a restore took over 30 s, hence the 120 s timeouts below.
const scriptTimeout = 120_000;
function run(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), script, ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    timeout: scriptTimeout,
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise<{ status: number | null; out: string }>((resolve) =>
    child.on("close", (status) => resolve({ status, out })),
  );
}

async function dropRestored() {
  const admin = new pg.Client({ connectionString: sourceUrl.replace(/\/[^/]+$/, "/postgres") });
  await admin.connect();
  await admin.query(`drop database if exists ${restoredName} with (force)`);
  await admin.end();
}

async function tableCounts(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = (
      await c.query<{
        t: string;
      }>(`select relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'
            and relkind = 'r' order by 1`)
    ).rows.map((r) => r.t);
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t] = Number((await c.query(`select count(*) as n from "${t}"`)).rows[0].n);
    return { counts, checksum: await postsChecksum(c) };
  } finally {
    await c.end();
  }
}

let backupFile = "";

beforeAll(async () => {
  const [ada, ben] = [await createUser({ username: "backup_ada" }), await createUser({ username: "backup_ben" })];
  await db
    .updateTable("users")
    .set({ created_at: sql`now() - interval '3 days'` })
    .execute();
  const category = await createCategory();
  const topic = await makeTopic(ada, category, {
    body: "Opening post with **bold** text, an accent é and a quote \" ' \\ to survive the trip.",
  });
  const reply = await makeReply(ben, topic, "A reply that Ada will like and that must come back byte for byte.");
  const liked = await likePost({ scope: await scopeFor(ada), postId: reply.postId });
  expect(liked.ok).toBe(true);
  fs.mkdirSync(path.join(sourceData, "uploads", "profiles"), { recursive: true });
  fs.writeFileSync(
    path.join(sourceData, "uploads", "profiles", "photo-96.webp"),
    Buffer.from([0x52, 0x49, 0x46, 0x46, 0, 1, 2, 3, 255]),
  );
});

afterAll(dropRestored);

test(
  "npm run backup writes one timestamped file with the rows and the uploads",
  { timeout: scriptTimeout },
  async () => {
    const out = path.join(sourceData, "backups");
    fs.rmSync(out, { recursive: true, force: true }); // a retry starts from no backup file
    const r = await run("scripts/backup.ts", ["--out", out], {});
    expect(r.out).toContain("written");
    expect(r.status).toBe(0);
    const files = fs.readdirSync(out);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^touchpoints-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.zip$/);
    backupFile = path.join(out, files[0]);
  },
);

test(
  "npm run restore into an empty database gives back every row, post, upload and the search index",
  {
    timeout: scriptTimeout,
  },
  async () => {
    await dropRestored(); // a retry after a timeout must restore into an empty database again
    const r = await run("scripts/restore.ts", [backupFile, "--database", restoredName], {
      DATA_DIR: restoredData,
      MEILI_INDEX_PREFIX: restoredPrefix,
    });
    expect(r.out).toContain("search rebuilt");
    expect(r.status).toBe(0);

    const [before, after] = [await tableCounts(sourceUrl), await tableCounts(restoredUrl)];
    expect(before.counts.posts).toBe(2);
    expect(before.counts.post_likes).toBe(1);
    expect(after.counts).toEqual(before.counts);
    expect(after.checksum).toBe(before.checksum);
    expect(after.checksum).toMatch(/^[0-9a-f]{32}$/);

    const photo = "uploads/profiles/photo-96.webp";
    expect(fs.readFileSync(path.join(restoredData, photo))).toEqual(fs.readFileSync(path.join(sourceData, photo)));

    // new rows continue after the restored ids (sequences were reset)
    const c = new pg.Client({ connectionString: restoredUrl });
    await c.connect();
    const next = await c.query(
      `insert into categories (slug, name) values ('after-restore', 'After restore') returning id`,
    );
    const maxBefore = (await c.query(`select max(id) as m from categories where slug <> 'after-restore'`)).rows[0].m;
    expect(next.rows[0].id).toBeGreaterThan(Number(maxBefore));
    await c.end();

    const meili = new Meilisearch({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_MASTER_KEY });
    const stats = await meili.index(`${restoredPrefix}posts`).getStats();
    expect(stats.numberOfDocuments).toBe(2);
  },
);

test("restore refuses a database that is not empty, and changes nothing", { timeout: scriptTimeout }, async () => {
  const before = await tableCounts(restoredUrl);
  const r = await run("scripts/restore.ts", [backupFile, "--database", restoredName], {
    DATA_DIR: restoredData,
    MEILI_INDEX_PREFIX: restoredPrefix,
  });
  expect(r.out).toContain(`Database ${restoredName} is not empty`);
  expect(r.status).not.toBe(0);
  expect(await tableCounts(restoredUrl)).toEqual(before);
});
