import type { Kysely } from "kysely";

// The competency framework (PROGRAM.md): forum tags, and later profile competencies.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("competencies")
    .addColumn("slug", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("competencies").ifExists().execute();
}
