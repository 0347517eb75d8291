// Runs the migrations in db/migrations against a database URL. Used by the launcher,
// `npm run db:migrate` and the test setup.
import { Kysely, Migrator, PostgresDialect, type Migration } from "kysely";
import pg from "pg";
import { migrations } from "./migrations/index";

export async function migrateToLatest(
  databaseUrl: string,
  log: (m: string) => void = () => {},
  set: Record<string, Migration> = migrations,
) {
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 1 }) }),
  });
  try {
    // branches merged in any order add migrations whose names interleave: a database migrated past a
    // later name still takes an earlier one it has not run (each migration stands alone)
    const migrator = new Migrator({ db, provider: { getMigrations: async () => set }, allowUnorderedMigrations: true });
    const { error, results } = await migrator.migrateToLatest();
    for (const r of results ?? []) log(`migration ${r.migrationName}: ${r.status}`);
    if (error) throw error;
  } finally {
    await db.destroy();
  }
}
