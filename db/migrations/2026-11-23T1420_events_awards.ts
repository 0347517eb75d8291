import { sql, type Kysely } from "kysely";

// Events (webinars, conferences, meet-ups, trainings) with RSVPs, attendance and check-in codes;
// the yearly awards: rounds, categories, criteria, judges, self-nominations with evidence files,
// judges' reviews and scores, and winners (who receive an "award" badge).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("events")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('webinar', 'conference', 'meetup', 'training')`))
    // which programme webinar an attendance satisfies
    .addColumn("webinar", "text", (c) => c.references("webinars.slug"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description_markdown", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("description_html", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("ends_at", "timestamptz", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("online_url", "text")
    .addColumn("place", "text")
    .addColumn("capacity", "integer", (c) => c.check(sql`capacity is null or capacity > 0`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status in ('draft', 'published', 'cancelled')`),
    )
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("events_time_check", sql`ends_at > starts_at`)
    .addCheckConstraint("events_where_check", sql`online_url is not null or place is not null`)
    .addCheckConstraint("events_webinar_check", sql`(kind = 'webinar') = (webinar is not null)`)
    .execute();
  // upcoming published events (events page, .ics and RSS feeds)
  await sql`create index events_upcoming_idx on events (starts_at) where status = 'published'`.execute(db);

  await db.schema
    .createTable("event_rsvps")
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("event_rsvps_pkey", ["event_id", "user_id"])
    .execute();
  // a member's RSVPs (their upcoming events)
  await db.schema.createIndex("event_rsvps_user_idx").on("event_rsvps").column("user_id").execute();

  await db.schema
    .createTable("event_checkin_codes")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("event_checkin_codes_code_key", ["event_id", "code"])
    .execute();

  await db.schema
    .createTable("event_attendance")
    .addColumn("event_id", "integer", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('staff', 'checkin')`))
    .addColumn("code_id", "integer", (c) => c.references("event_checkin_codes.id").onDelete("set null"))
    .addColumn("recorded_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("event_attendance_pkey", ["event_id", "user_id"])
    .execute();
  // webinar and activities requirements: a member's attended events
  await db.schema.createIndex("event_attendance_user_idx").on("event_attendance").column("user_id").execute();

  await db.schema
    .createTable("award_rounds")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("year", "smallint", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("intro", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("deadline_at", "timestamptz", (c) => c.notNull())
    .addColumn("results_published_at", "timestamptz")
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("award_categories")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("round_id", "integer", (c) => c.notNull().references("award_rounds.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("award_categories_round_idx")
    .on("award_categories")
    .columns(["round_id", "position"])
    .execute();

  await db.schema
    .createTable("award_criteria")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("round_id", "integer", (c) => c.notNull().references("award_rounds.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("award_criteria_round_idx")
    .on("award_criteria")
    .columns(["round_id", "position"])
    .execute();

  await db.schema
    .createTable("award_judges")
    .addColumn("category_id", "integer", (c) => c.notNull().references("award_categories.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("assigned_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("award_judges_pkey", ["category_id", "user_id"])
    .execute();
  // a judge's categories (their scoring queue)
  await db.schema.createIndex("award_judges_user_idx").on("award_judges").column("user_id").execute();

  await db.schema
    .alterTable("award_nominations")
    .addColumn("round_id", "integer", (c) => c.references("award_rounds.id").onDelete("cascade"))
    .addColumn("category_id", "integer", (c) => c.references("award_categories.id").onDelete("cascade"))
    .addColumn("achievements", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("evidence_links", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // one nomination per member per category of a round
  await sql`create unique index award_nominations_round_user_category_idx on award_nominations (round_id,
      user_id, category_id) where round_id is not null`.execute(db);
  // a category's submitted nominations (judges, results)
  await sql`create index award_nominations_category_idx on award_nominations (category_id) where submitted_at
      is not null`.execute(db);

  await db.schema
    .createTable("award_nomination_files")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("nomination_id", "integer", (c) => c.notNull().references("award_nominations.id").onDelete("cascade"))
    .addColumn("storage_key", "text", (c) => c.notNull().unique())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) =>
      c.notNull().check(sql`content_type in ('application/pdf', 'image/png', 'image/jpeg', 'image/webp')`),
    )
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("award_nomination_files_nomination_idx")
    .on("award_nomination_files")
    .column("nomination_id")
    .execute();

  await db.schema
    .createTable("award_reviews")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("nomination_id", "integer", (c) => c.notNull().references("award_nominations.id").onDelete("cascade"))
    .addColumn("judge_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("submitted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("award_reviews_nomination_judge_key", ["nomination_id", "judge_id"])
    .execute();

  await db.schema
    .createTable("award_scores")
    .addColumn("review_id", "integer", (c) => c.notNull().references("award_reviews.id").onDelete("cascade"))
    .addColumn("criterion_id", "integer", (c) => c.notNull().references("award_criteria.id").onDelete("cascade"))
    .addColumn("score", "smallint", (c) => c.notNull().check(sql`score between 1 and 5`))
    .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
    .addPrimaryKeyConstraint("award_scores_pkey", ["review_id", "criterion_id"])
    .execute();

  await db.schema
    .createTable("award_winners")
    .addColumn("category_id", "integer", (c) => c.notNull().references("award_categories.id").onDelete("cascade"))
    .addColumn("nomination_id", "integer", (c) => c.notNull().references("award_nominations.id").onDelete("cascade"))
    .addColumn("badge_award_id", "integer", (c) => c.references("badge_awards.id").onDelete("set null"))
    .addColumn("published_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("published_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("award_winners_pkey", ["category_id", "nomination_id"])
    .execute();

  // winners hold an "Award winner <year>" badge: a third badge kind, with its year
  await sql`alter table badge_awards drop constraint if exists badge_awards_kind_check`.execute(db);
  await sql`alter table badge_awards add constraint badge_awards_kind_check check (kind in ('level', 'mentor',
      'award'))`.execute(db);
  await db.schema.alterTable("badge_awards").addColumn("award_year", "smallint").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom("badge_awards").where("kind", "=", "award").execute();
  await db.schema.alterTable("badge_awards").dropColumn("award_year").execute();
  await sql`alter table badge_awards drop constraint if exists badge_awards_kind_check`.execute(db);
  await sql`alter table badge_awards add constraint badge_awards_kind_check check (kind in ('level',
      'mentor'))`.execute(db);
  for (const t of ["award_winners", "award_scores", "award_reviews", "award_nomination_files"])
    await db.schema.dropTable(t).ifExists().execute();
  await sql`drop index if exists award_nominations_category_idx`.execute(db);
  await sql`drop index if exists award_nominations_round_user_category_idx`.execute(db);
  await db.schema
    .alterTable("award_nominations")
    .dropColumn("round_id")
    .dropColumn("category_id")
    .dropColumn("achievements")
    .dropColumn("evidence_links")
    .dropColumn("updated_at")
    .execute();
  for (const t of [
    "award_judges",
    "award_criteria",
    "award_categories",
    "award_rounds",
    "event_attendance",
    "event_checkin_codes",
    "event_rsvps",
    "events",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
