// CPD to keep a credential (issue 26 point 3). A policy asks the holders of a level's badge or of a
// designation for N points per CPD year (from their award's anniversary), with points per kind of
// learning; CPD years that began before `counts_from` are not judged. A credential that falls short
// lapses and is reinstated once caught up: each change is a row of cpd_events (the history), and the
// current state sits on the credential itself (`cpd_lapsed_on`) for the pages and the badge status.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("cpd_policies")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("level", "smallint", (c) => c.unique().references("levels.number"))
    .addColumn("designation", "text", (c) => c.unique().references("designation_types.code"))
    .addColumn("points_per_year", "integer", (c) => c.notNull().check(sql`points_per_year between 1 and 1000`))
    .addColumn("activity_points", "integer", (c) => c.notNull().check(sql`activity_points between 0 and 100`))
    .addColumn("event_points", "integer", (c) => c.notNull().check(sql`event_points between 0 and 100`))
    .addColumn("course_points", "integer", (c) => c.notNull().check(sql`course_points between 0 and 100`))
    .addColumn("book_points", "integer", (c) => c.notNull().check(sql`book_points between 0 and 100`))
    .addColumn("counts_from", "date", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("cpd_policies_one_target", sql`(level is null) <> (designation is null)`)
    .execute();

  await db.schema
    .createTable("cpd_events")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // "level:3" or "designation:CCSM"
    .addColumn("credential", "text", (c) => c.notNull())
    .addColumn("badge_award_id", "integer", (c) => c.references("badge_awards.id").onDelete("set null"))
    .addColumn("event", "text", (c) => c.notNull().check(sql`event in ('lapsed', 'reinstated')`))
    // the member's local day it took effect
    .addColumn("occurred_on", "date", (c) => c.notNull())
    .addColumn("points", "integer", (c) => c.notNull())
    .addColumn("required", "integer", (c) => c.notNull())
    .addColumn("recorded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // a member's history per credential, newest last (/my/cpd, the review's last state)
  await sql`create index cpd_events_user_credential_idx on cpd_events (user_id, credential, id)`.execute(db);

  await db.schema.alterTable("badge_awards").addColumn("cpd_lapsed_on", "date").execute();
  await db.schema.alterTable("designations").addColumn("cpd_lapsed_on", "date").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("designations").dropColumn("cpd_lapsed_on").execute();
  await db.schema.alterTable("badge_awards").dropColumn("cpd_lapsed_on").execute();
  await db.schema.dropTable("cpd_events").execute();
  await db.schema.dropTable("cpd_policies").execute();
}
