// Alternative routes to a credential (issue 26 point 1). A route is a named group of requirements
// that must all be met ("all of"); the routes of one target are alternatives ("any of"). A target is
// a level's completion or a designation: a credential a member earns beside the level (CCSM).
// Designation applications share the applications table: one waiting per member and target.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("designation_types")
    .addColumn("code", "text", (c) => c.primaryKey().check(sql`code ~ '^[A-Z0-9-]{2,20}$'`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_fr", "text")
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("description_fr", "text")
    .addColumn("min_level", "smallint", (c) => c.notNull().references("levels.number"))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("archived_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("requirement_routes")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("level", "smallint", (c) => c.references("levels.number"))
    .addColumn("designation", "text", (c) => c.references("designation_types.code"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_fr", "text")
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("archived_at", "timestamptz")
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("requirement_routes_one_target", sql`(level is null) <> (designation is null)`)
    .execute();
  // the routes of a level or of a designation, in order (progress page, applications)
  await sql`create index requirement_routes_level_idx on requirement_routes (level, position)
    where level is not null`.execute(db);
  await sql`create index requirement_routes_designation_idx on requirement_routes (designation, position)
    where designation is not null`.execute(db);

  await sql`alter table level_requirements alter column level drop not null`.execute(db);
  await db.schema
    .alterTable("level_requirements")
    .addColumn("designation", "text", (c) => c.references("designation_types.code"))
    .addColumn("route_id", "integer", (c) => c.references("requirement_routes.id"))
    .execute();
  await sql`alter table level_requirements
    add constraint level_requirements_one_target check ((level is null) <> (designation is null))`.execute(db);
  // a designation's requirements, in order (progress page, designation applications)
  await sql`create index level_requirements_designation_idx on level_requirements (designation, position)
    where designation is not null`.execute(db);

  await sql`alter table applications alter column level drop not null`.execute(db);
  await db.schema
    .alterTable("applications")
    .addColumn("designation", "text", (c) => c.references("designation_types.code"))
    .addColumn("route_id", "integer", (c) => c.references("requirement_routes.id").onDelete("set null"))
    .execute();
  await sql`alter table applications
    add constraint applications_one_target check ((level is null) <> (designation is null))`.execute(db);
  // one application waiting per member and target (the next level, or one designation)
  await sql`drop index applications_pending_user_idx`.execute(db);
  await sql`create unique index applications_pending_user_idx on applications (user_id, coalesce(designation, ''))
    where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from applications where designation is not null`.execute(db);
  await sql`drop index applications_pending_user_idx`.execute(db);
  await sql`create unique index applications_pending_user_idx on applications (user_id)
    where status = 'pending'`.execute(db);
  await sql`alter table applications drop constraint applications_one_target`.execute(db);
  await db.schema.alterTable("applications").dropColumn("route_id").dropColumn("designation").execute();
  await sql`alter table applications alter column level set not null`.execute(db);

  await sql`delete from level_requirements where designation is not null`.execute(db);
  await sql`drop index if exists level_requirements_designation_idx`.execute(db);
  await sql`alter table level_requirements drop constraint level_requirements_one_target`.execute(db);
  await db.schema.alterTable("level_requirements").dropColumn("route_id").dropColumn("designation").execute();
  await sql`alter table level_requirements alter column level set not null`.execute(db);

  await db.schema.dropTable("requirement_routes").execute();
  await db.schema.dropTable("designation_types").execute();
}
