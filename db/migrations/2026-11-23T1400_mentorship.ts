import { sql, type Kysely } from "kysely";

// The mentor programme. `mentorships` (created by the progression migration) stays one row per
// mentor and mentee: the mentoring requirement counts those rows. A mentorship cycle is what the
// pair (or a group of up to 5 mentees) shares: the private thread, goals, session log, lifecycle.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("mentor_registrations")
    .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("capacity", "smallint", (c) => c.notNull().check(sql`capacity between 1 and 10`))
    .addColumn("competencies", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("languages", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("pitch", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`char_length(pitch) <= 600`),
    )
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("active")
        .check(sql`status in ('active', 'paused', 'removed')`),
    )
    .addColumn("status_reason", "text")
    .addColumn("status_changed_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // suggestions: every active mentor is scored
  await sql`create index mentor_registrations_active_idx on mentor_registrations (user_id)
      where status = 'active'`.execute(db);

  await db.schema
    .createTable("mentorship_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("mentee_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("goals", "text", (c) => c.notNull().check(sql`char_length(goals) between 1 and 2000`))
    // [{ slug, level }]: the competencies to grow and the mentee's self-assessed level in each
    .addColumn("competencies", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("availability", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("open")
        .check(sql`status in ('open', 'matched', 'withdrawn')`),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("closed_at", "timestamptz")
    .execute();
  // one open request per member, even when two submissions race
  await sql`create unique index mentorship_requests_open_mentee_idx on mentorship_requests (mentee_id)
      where status = 'open'`.execute(db);
  // the staff view: open requests, oldest first
  await sql`create index mentorship_requests_open_created_idx on mentorship_requests (created_at)
      where status = 'open'`.execute(db);

  await db.schema
    .createTable("mentorship_cycles")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("mentor_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("topic_id", "integer", (c) => c.references("topics.id").onDelete("set null")) // the private thread
    .addColumn("max_mentees", "smallint", (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`max_mentees between 1 and 5`),
    )
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("active")
        .check(sql`status in ('active', 'completed', 'ended')`),
    )
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("ends_on", "date", (c) => c.notNull()) // default cycle: three months, can be extended
    .addColumn("closed_at", "timestamptz")
    .addColumn("end_reason", "text")
    // staff who matched directly
    .addColumn("matched_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // a mentor's cycles (mentorship home, staff load view)
  await db.schema
    .createIndex("mentorship_cycles_mentor_idx")
    .on("mentorship_cycles")
    .columns(["mentor_id", "status"])
    .execute();

  await sql`alter table mentorships drop constraint if exists mentorships_status_check`.execute(db);
  await sql`
    alter table mentorships
      add constraint mentorships_status_check check (status in ('proposed', 'active', 'completed', 'ended', 'declined',
        'withdrawn')),
      add column if not exists cycle_id integer references mentorship_cycles (id) on delete cascade,
      add column if not exists request_id integer references mentorship_requests (id) on delete set null,
      add column if not exists ask_note text,
      add column if not exists decision_note text,
      add column if not exists end_reason text,
      add column if not exists created_at timestamptz not null default now()`.execute(db);
  // no second live pairing of the same two people
  await sql`create unique index mentorships_live_pair_idx on mentorships (mentor_id, mentee_id) where status
      in ('proposed', 'active')`.execute(db);
  // capacity and suggestions: a mentor's load (asks waiting + active mentees)
  await sql`create index mentorships_mentor_load_idx on mentorships (mentor_id) where status in ('proposed',
      'active')`.execute(db);
  // "past completed mentorships" in the score, and the mentoring requirement
  await sql`create index mentorships_mentor_status_idx on mentorships (mentor_id, status)`.execute(db);
  // a mentee's asks and mentorships; a cycle's mentees
  await db.schema.createIndex("mentorships_mentee_idx").on("mentorships").column("mentee_id").execute();
  await db.schema.createIndex("mentorships_cycle_idx").on("mentorships").column("cycle_id").execute();

  await db.schema
    .createTable("mentorship_goals")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("cycle_id", "integer", (c) => c.notNull().references("mentorship_cycles.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull().check(sql`char_length(title) between 3 and 300`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("not_started")
        .check(sql`status in ('not_started', 'in_progress', 'achieved', 'dropped')`),
    )
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // a cycle's goals in order of creation (mentorship page)
  await db.schema
    .createIndex("mentorship_goals_cycle_idx")
    .on("mentorship_goals")
    .columns(["cycle_id", "id"])
    .execute();

  await db.schema
    .createTable("mentorship_sessions")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("cycle_id", "integer", (c) => c.notNull().references("mentorship_cycles.id").onDelete("cascade"))
    .addColumn("held_on", "date", (c) => c.notNull())
    .addColumn("duration_minutes", "smallint", (c) => c.notNull().check(sql`duration_minutes between 5 and 480`))
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("next_steps", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("logged_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // the session log (newest first) and the staff view's "no session for 30 days"
  await db.schema
    .createIndex("mentorship_sessions_cycle_idx")
    .on("mentorship_sessions")
    .columns(["cycle_id", "held_on"])
    .execute();

  await db.schema
    .createTable("mentorship_feedback")
    .addColumn("cycle_id", "integer", (c) => c.notNull().references("mentorship_cycles.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('mentor', 'mentee')`))
    .addColumn("rating", "smallint", (c) => c.notNull().check(sql`rating between 1 and 5`))
    .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("mentorship_feedback_pkey", ["cycle_id", "user_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["mentorship_feedback", "mentorship_sessions", "mentorship_goals"])
    await db.schema.dropTable(t).ifExists().execute();
  for (const i of [
    "mentorships_live_pair_idx",
    "mentorships_mentor_load_idx",
    "mentorships_mentor_status_idx",
    "mentorships_mentee_idx",
    "mentorships_cycle_idx",
  ]) {
    await sql`drop index if exists ${sql.ref(i)}`.execute(db);
  }
  await sql`delete from mentorships where status not in ('proposed', 'active', 'ended')`.execute(db);
  await sql`
    alter table mentorships
      drop constraint if exists mentorships_status_check,
      drop column if exists cycle_id,
      drop column if exists request_id,
      drop column if exists ask_note,
      drop column if exists decision_note,
      drop column if exists end_reason,
      drop column if exists created_at`.execute(db);
  await sql`alter table mentorships add constraint mentorships_status_check check (status in ('proposed',
      'active', 'ended'))`.execute(db);
  for (const t of ["mentorship_cycles", "mentorship_requests", "mentor_registrations"])
    await db.schema.dropTable(t).ifExists().execute();
}
