import { sql, type Kysely } from "kysely";

// Competency claims backed by evidence (issue 26 point 4): the framework's own description of each
// proficiency (English, French beside it), which capabilities an assessment aligns with, endorsements
// that carry the endorser's sentence, their relation to the member and the proficiency they vouched
// for, and each member's private self-assessment and development plan. Directory documents gain the
// evidenced claims, so every profile is queued for the outbox worker again.
const LEVELS = ["emerging", "proficient", "advanced"];

export async function up(db: Kysely<any>): Promise<void> {
  for (const p of LEVELS) {
    await sql`alter table competencies add column ${sql.ref(p)} text not null default ''`.execute(db);
    await sql`alter table competencies add column ${sql.ref(`${p}_fr`)} text`.execute(db);
  }
  await sql`alter table assessments add column competencies text[] not null default '{}'`.execute(db);
  await db.schema
    .alterTable("endorsements")
    .addColumn("statement", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("proficiency", "text", (c) => c.check(sql`proficiency in ('emerging', 'proficient', 'advanced')`))
    .addColumn("relation", "text", (c) =>
      c
        .notNull()
        .defaultTo("leader")
        .check(sql`relation in ('mentor', 'tutor', 'leader')`),
    )
    .execute();
  // an endorsement made before vouched for the claim as it stood
  await sql`update endorsements e set proficiency = pc.proficiency from profile_competencies pc
    where pc.user_id = e.user_id and pc.competency = e.competency`.execute(db);
  await db.schema
    .createTable("competency_plans")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("competency", "text", (c) => c.notNull().references("competencies.slug").onDelete("cascade"))
    .addColumn("self_assessed", "text", (c) => c.check(sql`self_assessed in ('emerging', 'proficient', 'advanced')`))
    .addColumn("target", "text", (c) => c.check(sql`target in ('emerging', 'proficient', 'advanced')`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("competency_plans_pkey", ["user_id", "competency"])
    .execute();
  await sql`
    insert into outbox (kind, payload, run_at)
    select 'profile.reindex', jsonb_build_object('userIds', jsonb_agg(user_id order by user_id)), 'epoch'::timestamptz
    from (select user_id, (row_number() over (order by user_id) - 1) / 100 as batch from profiles) p
    group by batch`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("competency_plans").ifExists().execute();
  await db.schema
    .alterTable("endorsements")
    .dropColumn("statement")
    .dropColumn("proficiency")
    .dropColumn("relation")
    .execute();
  await sql`alter table assessments drop column if exists competencies`.execute(db);
  for (const p of LEVELS) {
    await sql`alter table competencies drop column if exists ${sql.ref(p)}`.execute(db);
    await sql`alter table competencies drop column if exists ${sql.ref(`${p}_fr`)}`.execute(db);
  }
}
