// Runs the migrations in db/migrations against a database URL. Used by the launcher,
// `npm run db:migrate` and the test setup.
import { Kysely, Migrator, PostgresDialect } from "kysely";
import pg from "pg";
import { migrations } from "./migrations/index";

export async function migrateToLatest(databaseUrl: string, log: (m: string) => void = () => {}) {
  const db = new Kysely<any>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 1 }) }),
  });
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const { error, results } = await migrator.migrateToLatest();
    for (const r of results ?? []) log(`migration ${r.migrationName}: ${r.status}`);
    if (error) throw error;
  } finally {
    await db.destroy();
  }
}
