import { sql, type Kysely } from "kysely";

// The career journey: the programme as rows (levels, requirements, catalogues), what members
// log, what staff record, applications and badge awards. Tables of later features that
// requirements count from (mentorships, award nominations, module tasks, profiles) are created
// here when missing, so every evaluator works from the start.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("levels")
    .addColumn("number", "smallint", (c) => c.primaryKey().check(sql`number between 1 and 4`))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("short_name", "text", (c) => c.notNull())
    .addColumn("badge_inscription", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("criteria_narrative", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("entry_conditions", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("designations", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("untracked_duties", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();

  await db.schema
    .createTable("level_requirements")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("level", "smallint", (c) => c.notNull().references("levels.number"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(
        sql`kind in ('distinct_topics', 'field_experiences', 'activities', 'books', 'webinar', 'assessment',
              'profile', 'experience_years', 'mentoring', 'award_nomination', 'module_tasks')`,
      ),
    )
    .addColumn("phase", "text", (c) => c.notNull().check(sql`phase in ('entry', 'duty', 'completion')`))
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("params", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("archived_at", "timestamptz")
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // a level's requirements, in order (progress page, application checks)
  await db.schema
    .createIndex("level_requirements_level_idx")
    .on("level_requirements")
    .columns(["level", "position"])
    .execute();

  await db.schema
    .createTable("webinars")
    .addColumn("slug", "text", (c) => c.primaryKey())
    .addColumn("level", "smallint", (c) => c.notNull().references("levels.number"))
    .addColumn("title", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("assessments")
    .addColumn("slug", "text", (c) => c.primaryKey())
    .addColumn("level", "smallint", (c) => c.notNull().references("levels.number"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("pass_mark", "numeric(5, 2)")
    .addColumn("grants_designation", "text")
    .execute();

  await db.schema
    .createTable("training_modules")
    .addColumn("programme", "text", (c) => c.notNull())
    .addColumn("number", "smallint", (c) => c.notNull())
    .addColumn("programme_title", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("level", "smallint", (c) => c.notNull().references("levels.number"))
    .addPrimaryKeyConstraint("training_modules_pkey", ["programme", "number"])
    .execute();

  await db.schema
    .createTable("recommended_books")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("archived_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("applications")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("level", "smallint", (c) => c.notNull().references("levels.number")) // the level applied for
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status in ('pending', 'approved', 'rejected', 'withdrawn')`),
    )
    .addColumn("route", "text", (c) => c.check(sql`route in ('experience', 'exam')`))
    .addColumn("role_title", "text")
    .addColumn("organisation", "text")
    .addColumn("customer_facing_years", "numeric(4, 1)")
    .addColumn("managing_years", "numeric(4, 1)")
    .addColumn("portfolio", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("evidence_links", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("referees", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("experience_verified", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("decision_reason", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // one application waiting per member: applying twice is refused even when two requests race
  await sql`create unique index applications_pending_user_idx on applications (user_id)
      where status = 'pending'`.execute(db);
  // the review queue, oldest first
  await sql`create index applications_pending_created_idx on applications (created_at)
      where status = 'pending'`.execute(db);
  await db.schema.createIndex("applications_user_idx").on("applications").columns(["user_id", "created_at"]).execute();

  await db.schema
    .createTable("level_history")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("level", "smallint", (c) => c.notNull().references("levels.number"))
    .addColumn("entered_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("left_at", "timestamptz")
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("application_id", "integer", (c) => c.references("applications.id").onDelete("set null"))
    .execute();
  // the current level of a member: at most one open record
  await sql`create unique index level_history_current_idx on level_history (user_id) where left_at is null`.execute(db);
  await db.schema
    .createIndex("level_history_user_idx")
    .on("level_history")
    .columns(["user_id", "entered_at"])
    .execute();

  await db.schema
    .createTable("badge_awards")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("public_id", "text", (c) => c.notNull().unique()) // unguessable id used in /badges/:id
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .defaultTo("level")
        .check(sql`kind in ('level', 'mentor')`),
    )
    .addColumn("level", "smallint", (c) => c.references("levels.number"))
    .addColumn("awarded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("awarded_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("application_id", "integer", (c) => c.references("applications.id").onDelete("set null"))
    .addColumn("revoked_at", "timestamptz")
    .addColumn("revoked_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("revoke_reason", "text")
    .execute();
  // a member's badges (profile, directory)
  await db.schema.createIndex("badge_awards_user_idx").on("badge_awards").column("user_id").execute();

  await db.schema
    .createTable("webinar_attendance")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("webinar", "text", (c) => c.notNull().references("webinars.slug"))
    .addColumn("attended_on", "date", (c) => c.notNull())
    .addColumn("source", "text", (c) =>
      c
        .notNull()
        .defaultTo("staff")
        .check(sql`source in ('staff', 'csv', 'checkin')`),
    )
    .addColumn("recorded_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("webinar_attendance_user_webinar_key", ["user_id", "webinar"])
    .execute();

  await db.schema
    .createTable("assessment_results")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("assessment", "text", (c) => c.notNull().references("assessments.slug"))
    .addColumn("score", "numeric(5, 2)", (c) => c.notNull().check(sql`score >= 0 and score <= 100`))
    .addColumn("taken_on", "date", (c) => c.notNull())
    .addColumn("attempt", "smallint", (c) => c.notNull().check(sql`attempt >= 1`))
    .addColumn("note", "text")
    .addColumn("recorded_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("assessment_results_attempt_key", ["user_id", "assessment", "attempt"])
    .execute();

  await db.schema
    .createTable("activities")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('conference', 'meetup', 'training', 'webinar', 'other')`),
    )
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("occurred_on", "date", (c) => c.notNull())
    .addColumn("organiser", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("evidence_url", "text")
    .addColumn("reflection", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("approved")
        .check(sql`status in ('pending', 'approved', 'rejected')`),
    )
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("decision_reason", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // a member's activities in a year (activities requirement, /my/activities)
  await db.schema
    .createIndex("activities_user_date_idx")
    .on("activities")
    .columns(["user_id", "occurred_on"])
    .execute();
  // the staff review queue
  await sql`create index activities_pending_idx on activities (created_at) where status = 'pending'`.execute(db);

  await db.schema
    .createTable("reading_log")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("book_id", "integer", (c) => c.references("recommended_books.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("author", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("finished_on", "date", (c) => c.notNull())
    .addColumn("review", "text", (c) => c.notNull().defaultTo(""))
    // review shared in Book Club
    .addColumn("topic_id", "integer", (c) => c.references("topics.id").onDelete("set null"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("approved")
        .check(sql`status in ('pending', 'approved', 'rejected')`),
    )
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("decision_reason", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // a member's books in a trimester (books requirement, /my/reading)
  await db.schema
    .createIndex("reading_log_user_date_idx")
    .on("reading_log")
    .columns(["user_id", "finished_on"])
    .execute();
  await sql`create index reading_log_pending_idx on reading_log (created_at) where status = 'pending'`.execute(db);

  await db.schema
    .createTable("mentorships")
    .ifNotExists()
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("mentor_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("mentee_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("active")
        .check(sql`status in ('proposed', 'active', 'ended')`),
    )
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("ended_at", "timestamptz")
    .addColumn("topic_id", "integer", (c) => c.references("topics.id").onDelete("set null")) // the private thread
    .execute();
  // mentoring requirement: a mentor's active mentees
  await sql`create index if not exists mentorships_mentor_idx on mentorships (mentor_id)
      where status = 'active'`.execute(db);

  await db.schema
    .createTable("award_nominations")
    .ifNotExists()
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("year", "smallint", (c) => c.notNull()) // the awards edition
    .addColumn("statement", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("submitted_at", "timestamptz") // null while a draft
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // award_nomination requirement: a member's submitted nominations
  await sql`create index if not exists award_nominations_user_idx on award_nominations (user_id, submitted_at)`.execute(
    db,
  );

  await db.schema
    .createTable("module_tasks")
    .ifNotExists()
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("programme", "text", (c) => c.notNull())
    .addColumn("module", "smallint", (c) => c.notNull())
    .addColumn("submission", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("submitted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("evaluated_at", "timestamptz")
    .addColumn("evaluated_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("feedback", "text")
    .execute();
  // module_tasks requirement
  await sql`create index if not exists module_tasks_user_idx on module_tasks (user_id, programme, module)`.execute(db);

  // The directory issue owns profiles; the profile requirement needs these fields now.
  await db.schema
    .createTable("profiles")
    .ifNotExists()
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("photo_key", "text")
    .addColumn("job_title", "text")
    .addColumn("organisation", "text")
    .addColumn("country", "text")
    .addColumn("city", "text")
    .addColumn("bio_markdown", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("bio_html", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("achievements", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("visibility", "text", (c) =>
      c
        .notNull()
        .defaultTo("members")
        .check(sql`visibility in ('public', 'members', 'hidden')`),
    )
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // admin dashboard: members per level
  await sql`create index users_level_idx on users (level) where level is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists users_level_idx`.execute(db);
  for (const t of [
    "profiles",
    "module_tasks",
    "award_nominations",
    "mentorships",
    "reading_log",
    "activities",
    "assessment_results",
    "webinar_attendance",
    "badge_awards",
    "level_history",
    "applications",
    "recommended_books",
    "training_modules",
    "assessments",
    "webinars",
    "level_requirements",
    "levels",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
