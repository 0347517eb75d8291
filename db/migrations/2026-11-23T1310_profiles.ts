import { sql, type Kysely } from "kysely";

// The professional directory: the rest of the profile (the progression migration created the
// table with the fields its requirement needs), competencies with a self-assessed proficiency,
// endorsements, staff-recorded designations, and the recruiter side (organisations, saved
// searches, shortlists, contact requests, blocks).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table profiles
      add column if not exists languages text[] not null default '{}',
      add column if not exists years_customer_facing numeric(4, 1),
      add column if not exists years_managing numeric(4, 1),
      add column if not exists open_to_opportunities boolean not null default false,
      add column if not exists is_mentor boolean not null default false,
      add column if not exists linkedin_url text,
      add column if not exists website_url text,
      add column if not exists phone text,
      add column if not exists created_at timestamptz not null default now()`.execute(db);
  await sql`alter table profiles add constraint profiles_country_check check (country is null
      or country ~ '^[A-Z]{2}$')`.execute(db);
  await sql`alter table profiles add constraint profiles_bio_check check (char_length(bio_markdown) <= 600)`.execute(
    db,
  );
  // the Postgres fallback of the directory search: trigram matching on names, titles and organisations
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index profiles_job_title_trgm_idx on profiles using gin (job_title gin_trgm_ops)`.execute(db);
  await sql`create index profiles_organisation_trgm_idx on profiles using gin (organisation gin_trgm_ops)`.execute(db);
  await sql`create index users_display_name_trgm_idx on users using gin (display_name gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable("profile_competencies")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("competency", "text", (c) => c.notNull().references("competencies.slug").onDelete("cascade"))
    .addColumn("proficiency", "text", (c) =>
      c.notNull().check(sql`proficiency in ('emerging', 'proficient', 'advanced')`),
    )
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("profile_competencies_pkey", ["user_id", "competency"])
    .execute();

  await db.schema
    .createTable("endorsements")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("competency", "text", (c) => c.notNull().references("competencies.slug").onDelete("cascade"))
    .addColumn("endorser_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("endorsements_once_key", ["user_id", "competency", "endorser_id"])
    .addCheckConstraint("endorsements_not_self", sql`user_id <> endorser_id`)
    .execute();

  await db.schema
    .createTable("designations")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull().check(sql`code ~ '^[A-Z0-9-]{2,20}$'`))
    .addColumn("awarded_on", "date", (c) => c.notNull())
    .addColumn("recorded_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("designations_user_code_key", ["user_id", "code"])
    .execute();

  await db.schema
    .createTable("recruiter_organisations")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // the applying account
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("website", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull().check(sql`country ~ '^[A-Z]{2}$'`))
    .addColumn("registration_number", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("contact_role", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status in ('pending', 'verified', 'rejected', 'revoked')`),
    )
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("decision_reason", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // one open application per account (pending or verified), even when two requests race
  await sql`create unique index recruiter_organisations_open_idx on recruiter_organisations (user_id)
      where status in ('pending', 'verified')`.execute(db);
  // the admin queue, oldest first
  await sql`create index recruiter_organisations_pending_idx on recruiter_organisations (created_at)
      where status = 'pending'`.execute(db);

  await db.schema
    .createTable("saved_searches")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("query", "text", (c) => c.notNull()) // the directory's URL search string
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // a recruiter's saved searches, newest first
  await db.schema
    .createIndex("saved_searches_user_idx")
    .on("saved_searches")
    .columns(["user_id", "created_at"])
    .execute();

  await db.schema
    .createTable("shortlists")
    .addColumn("recruiter_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("member_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("shortlists_pkey", ["recruiter_id", "member_id"])
    .execute();

  await db.schema
    .createTable("contact_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("recruiter_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("member_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("message", "text", (c) => c.notNull().check(sql`char_length(message) between 1 and 500`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status in ('pending', 'accepted', 'declined')`),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("decided_at", "timestamptz")
    .execute();
  // the daily rate limit: a recruiter's requests of the last 24 hours
  await db.schema
    .createIndex("contact_requests_recruiter_idx")
    .on("contact_requests")
    .columns(["recruiter_id", "created_at"])
    .execute();
  // a member's inbox
  await db.schema
    .createIndex("contact_requests_member_idx")
    .on("contact_requests")
    .columns(["member_id", "created_at"])
    .execute();
  // one open request per pair
  await sql`create unique index contact_requests_pending_idx on contact_requests (recruiter_id, member_id)
      where status = 'pending'`.execute(db);

  await db.schema
    .createTable("recruiter_blocks")
    .addColumn("member_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("recruiter_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("recruiter_blocks_pkey", ["member_id", "recruiter_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "recruiter_blocks",
    "contact_requests",
    "shortlists",
    "saved_searches",
    "recruiter_organisations",
    "designations",
    "endorsements",
    "profile_competencies",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`drop index if exists users_display_name_trgm_idx`.execute(db);
  await sql`drop index if exists profiles_organisation_trgm_idx`.execute(db);
  await sql`drop index if exists profiles_job_title_trgm_idx`.execute(db);
  await sql`
    alter table profiles
      drop constraint if exists profiles_bio_check,
      drop constraint if exists profiles_country_check,
      drop column if exists languages,
      drop column if exists years_customer_facing,
      drop column if exists years_managing,
      drop column if exists open_to_opportunities,
      drop column if exists is_mentor,
      drop column if exists linkedin_url,
      drop column if exists website_url,
      drop column if exists phone,
      drop column if exists created_at`.execute(db);
}
