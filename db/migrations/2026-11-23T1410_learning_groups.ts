import { sql, type Kysely } from "kysely";

// Learning groups (at most 20 learners and a named tutor, each with a private forum category),
// the tutor response clock (questions with their stored timestamps; statuses are derived at read
// time), readiness for assessment marked by the tutor, and appeals against assessment decisions.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("learning_groups")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("starts_on", "date", (c) => c.notNull())
    .addColumn("ends_on", "date", (c) => c.notNull())
    .addColumn("tutor_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("category_id", "integer", (c) => c.notNull().unique().references("categories.id"))
    .addColumn("capacity", "smallint", (c) =>
      c
        .notNull()
        .defaultTo(20)
        .check(sql`capacity between 1 and 20`),
    )
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("archived_at", "timestamptz")
    .addCheckConstraint("learning_groups_dates_check", sql`ends_on >= starts_on`)
    .execute();
  // the viewer's tutor groups, resolved on every request
  await db.schema.createIndex("learning_groups_tutor_idx").on("learning_groups").column("tutor_id").execute();

  await db.schema
    .createTable("learning_group_members")
    .addColumn("group_id", "integer", (c) => c.notNull().references("learning_groups.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("added_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("joined_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("learning_group_members_pkey", ["group_id", "user_id"])
    .execute();
  // the viewer's groups, resolved on every request
  await db.schema
    .createIndex("learning_group_members_user_idx")
    .on("learning_group_members")
    .column("user_id")
    .execute();

  await db.schema
    .createTable("tutor_questions")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("group_id", "integer", (c) => c.notNull().references("learning_groups.id").onDelete("cascade"))
    .addColumn("topic_id", "integer", (c) => c.notNull().references("topics.id").onDelete("cascade"))
    .addColumn("post_id", "integer", (c) => c.notNull().unique().references("posts.id").onDelete("cascade"))
    .addColumn("asked_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("asked_at", "timestamptz", (c) => c.notNull())
    .addColumn("answered_at", "timestamptz")
    .addColumn("answered_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("answer_post_id", "integer", (c) => c.references("posts.id").onDelete("set null"))
    .addColumn("tutor_notified_at", "timestamptz")
    .addColumn("staff_notified_at", "timestamptz")
    .execute();
  // the tutor's waiting questions oldest first, and the clock job's scan
  await sql`create index tutor_questions_waiting_idx on tutor_questions (group_id, asked_at) where answered_at
      is null`.execute(db);
  // a reply in a topic answers that topic's open questions
  await sql`create index tutor_questions_topic_open_idx on tutor_questions (topic_id) where answered_at
      is null`.execute(db);
  // staff figures for a date range
  await db.schema
    .createIndex("tutor_questions_asked_idx")
    .on("tutor_questions")
    .columns(["asked_at", "group_id"])
    .execute();

  await db.schema
    .createTable("assessment_readiness")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("group_id", "integer", (c) => c.references("learning_groups.id").onDelete("set null"))
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("marked_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("marked_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("withdrawn_at", "timestamptz")
    .addColumn("withdrawn_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  // isReadyForAssessment: at most one standing mark per learner
  await sql`create unique index assessment_readiness_current_idx on assessment_readiness (user_id)
      where withdrawn_at is null`.execute(db);

  await db.schema
    .createTable("appeals")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // what is appealed: an assessment result ('result'), or another assessment decision the engine records
    .addColumn("subject_type", "text", (c) => c.notNull().check(sql`subject_type ~ '^[a-z_]{1,30}$'`))
    .addColumn("subject_id", "integer", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status in ('pending', 'upheld', 'dismissed')`),
    )
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("decision_reason", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // one open appeal per decision
  await sql`create unique index appeals_pending_subject_idx on appeals (user_id, subject_type, subject_id)
      where status = 'pending'`.execute(db);
  // the staff queue, oldest first
  await sql`create index appeals_pending_created_idx on appeals (created_at) where status = 'pending'`.execute(db);
  // a learner's own appeals
  await db.schema.createIndex("appeals_user_idx").on("appeals").columns(["user_id", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["appeals", "assessment_readiness", "tutor_questions", "learning_group_members", "learning_groups"]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
