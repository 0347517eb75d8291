// Portfolio with panel review (issue 26 point 2), a requirement kind: the member hands in project
// descriptions, evidence files and references; references confirm through a tokenised link (no
// account); at least two reviewers, assigned by staff, score it on a rubric; staff may schedule an
// interview, then decide with written reasons (appealable through the appeals).
// The CCSM experience route's portfolio and references, staff-evaluated tasks until now, become one
// "portfolio" requirement (same key, so the route keeps its place).
import { sql, type Kysely } from "kysely";

const KINDS = `'distinct_topics', 'field_experiences', 'activities', 'books', 'webinar', 'assessment',
  'profile', 'experience_years', 'mentoring', 'award_nomination', 'module_tasks'`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table level_requirements drop constraint level_requirements_kind_check`.execute(db);
  await sql
    .raw(
      `alter table level_requirements add constraint level_requirements_kind_check
    check (kind in (${KINDS}, 'portfolio'))`,
    )
    .execute(db);

  await db.schema
    .createTable("portfolios")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("requirement_id", "integer", (c) => c.notNull().references("level_requirements.id"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status in ('draft', 'submitted', 'approved', 'declined')`),
    )
    .addColumn("submitted_at", "timestamptz")
    .addColumn("interview_starts_at", "timestamptz")
    .addColumn("interview_ends_at", "timestamptz")
    .addColumn("interview_place", "text")
    .addColumn("interview_sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("decision_reasons", "text")
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("portfolios_user_requirement_key", ["user_id", "requirement_id"])
    .addCheckConstraint("portfolios_interview_order", sql`interview_ends_at > interview_starts_at`)
    .execute();
  // staff queue: submitted portfolios, oldest first
  await sql`create index portfolios_status_idx on portfolios (status, submitted_at)`.execute(db);

  await db.schema
    .createTable("portfolio_projects")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("portfolio_id", "integer", (c) => c.notNull().references("portfolios.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // a portfolio's projects in order (portfolio page)
  await sql`create index portfolio_projects_portfolio_idx on portfolio_projects (portfolio_id, position)`.execute(db);

  await db.schema
    .createTable("portfolio_files")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("portfolio_id", "integer", (c) => c.notNull().references("portfolios.id").onDelete("cascade"))
    .addColumn("file_key", "text", (c) => c.notNull().unique())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // a portfolio's evidence files (portfolio page)
  await sql`create index portfolio_files_portfolio_idx on portfolio_files (portfolio_id)`.execute(db);

  await db.schema
    .createTable("portfolio_references")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("portfolio_id", "integer", (c) => c.notNull().references("portfolios.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("phone", "text")
    .addColumn("organisation", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("relationship", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.unique())
    .addColumn("requested_at", "timestamptz")
    .addColumn("answered_at", "timestamptz")
    .addColumn("confirmed", "boolean")
    .addColumn("statement", "text")
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // a portfolio's references in order (portfolio page)
  await sql`create index portfolio_references_portfolio_idx on portfolio_references (portfolio_id, position)`.execute(
    db,
  );

  await db.schema
    .createTable("portfolio_reviews")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("portfolio_id", "integer", (c) => c.notNull().references("portfolios.id").onDelete("cascade"))
    .addColumn("reviewer_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("assigned_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("assigned_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    // [{ criterion, score, comment }], checked by the rubric's zod schema before writing
    .addColumn("scores", "jsonb")
    .addColumn("submitted_at", "timestamptz")
    .addUniqueConstraint("portfolio_reviews_portfolio_reviewer_key", ["portfolio_id", "reviewer_id"])
    .execute();
  // a reviewer's assignments (their review list)
  await sql`create index portfolio_reviews_reviewer_idx on portfolio_reviews (reviewer_id)`.execute(db);

  await sql`update level_requirements set kind = 'portfolio', params = '{"reviewers": 2, "references": 2}',
      label = 'A portfolio of projects, evidence and references, reviewed by a panel',
      label_fr = 'Un portfolio de projets, de preuves et de références, examiné par un jury',
      updated_at = now()
    where key = 'ccsm-experience-portfolio' and kind = 'module_tasks'`.execute(db);
  await sql`update level_requirements set archived_at = now()
    where key = 'ccsm-experience-references' and kind = 'module_tasks' and archived_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("portfolio_reviews").execute();
  await db.schema.dropTable("portfolio_references").execute();
  await db.schema.dropTable("portfolio_files").execute();
  await db.schema.dropTable("portfolio_projects").execute();
  await db.schema.dropTable("portfolios").execute();
  await sql`update level_requirements set archived_at = null where key = 'ccsm-experience-references'`.execute(db);
  await sql`update level_requirements set kind = 'module_tasks',
      params = '{"programme": "ccsm-experience", "modules": [1]}'
    where key = 'ccsm-experience-portfolio' and kind = 'portfolio'`.execute(db);
  await sql`delete from level_requirements where kind = 'portfolio'`.execute(db);
  await sql`alter table level_requirements drop constraint level_requirements_kind_check`.execute(db);
  await sql
    .raw(
      `alter table level_requirements add constraint level_requirements_kind_check
    check (kind in (${KINDS}))`,
    )
    .execute(db);
}
