import { sql, type Kysely } from "kysely";

// The assessment engine: question banks, the online delivery settings of an assessment, and
// every attempt with the questions shown (as shown: wording, option order, correct keys) and
// every answer given, so the audit trail survives later edits of the bank.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("question_banks")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("archived_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("bank_questions")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("bank_id", "integer", (c) => c.notNull().references("question_banks.id").onDelete("cascade"))
    .addColumn("prompt", "text", (c) => c.notNull())
    .addColumn("explanation", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("tags", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`)) // per-module tags, e.g. module-2
    // [{ key, text, correct }]: at least one correct (checked by the model's zod schema)
    .addColumn("options", "jsonb", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("archived_at", "timestamptz")
    .execute();
  // drawing an attempt: the live questions of a bank
  await sql`create index bank_questions_bank_live_idx on bank_questions (bank_id) where archived_at is null`.execute(
    db,
  );

  await db.schema
    .alterTable("assessments")
    .addColumn("bank_id", "integer", (c) => c.references("question_banks.id").onDelete("set null"))
    .addColumn("bank_tag", "text") // draw only questions carrying this tag (one module of a bank)
    .addColumn("question_count", "smallint", (c) => c.check(sql`question_count between 1 and 200`))
    .addColumn("time_limit_minutes", "smallint", (c) => c.check(sql`time_limit_minutes between 1 and 600`))
    .addColumn("cooldown_hours", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`cooldown_hours between 0 and 8760`),
    )
    .addColumn("readiness_required", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("online", "boolean", (c) => c.notNull().defaultTo(false)) // open to learners
    .execute();

  await db.schema
    .createTable("assessment_attempts")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("assessment", "text", (c) => c.notNull().references("assessments.slug"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("open")
        .check(sql`status in ('open', 'submitted', 'expired')`),
    )
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("deadline_at", "timestamptz") // null: no time limit
    .addColumn("closed_at", "timestamptz")
    .addColumn("pass_mark", "numeric(5, 2)") // as configured when the attempt started
    .addColumn("score", "numeric(5, 2)")
    .addColumn("passed", "boolean")
    .execute();
  // one open attempt per member and assessment, even when two "start" requests race
  await sql`create unique index assessment_attempts_open_idx on assessment_attempts (user_id, assessment)
      where status = 'open'`.execute(db);
  // a member's attempts at an assessment (cool-down, history)
  await db.schema
    .createIndex("assessment_attempts_user_idx")
    .on("assessment_attempts")
    .columns(["user_id", "assessment", "started_at"])
    .execute();
  // staff's list of recent attempts at an assessment
  await db.schema
    .createIndex("assessment_attempts_assessment_idx")
    .on("assessment_attempts")
    .columns(["assessment", "started_at"])
    .execute();

  await db.schema
    .createTable("attempt_questions")
    .addColumn("attempt_id", "integer", (c) => c.notNull().references("assessment_attempts.id").onDelete("cascade"))
    .addColumn("position", "smallint", (c) => c.notNull())
    .addColumn("question_id", "integer", (c) => c.notNull().references("bank_questions.id"))
    .addColumn("prompt", "text", (c) => c.notNull())
    .addColumn("explanation", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("options", "jsonb", (c) => c.notNull()) // [{ key, text }] in the order shown
    .addColumn("correct", sql`text[]`, (c) => c.notNull())
    .addColumn("selected", sql`text[]`) // the latest answer; null while unanswered
    .addColumn("answered_at", "timestamptz")
    .addColumn("is_correct", "boolean") // set when the attempt is scored
    .addPrimaryKeyConstraint("attempt_questions_pkey", ["attempt_id", "position"])
    .addUniqueConstraint("attempt_questions_question_key", ["attempt_id", "question_id"])
    .execute();
  // "no two attempts identical": how often a member has been shown each question
  await db.schema.createIndex("attempt_questions_question_idx").on("attempt_questions").column("question_id").execute();

  // every answer given, in order (the attempt_questions row holds only the latest)
  await db.schema
    .createTable("attempt_answers")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("attempt_id", "integer", (c) => c.notNull().references("assessment_attempts.id").onDelete("cascade"))
    .addColumn("question_id", "integer", (c) => c.notNull())
    .addColumn("selected", sql`text[]`, (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("attempt_answers_attempt_idx")
    .on("attempt_answers")
    .columns(["attempt_id", "at"])
    .execute();

  // a result written by the engine points at its attempt
  await db.schema
    .alterTable("assessment_results")
    .addColumn("attempt_id", "integer", (c) => c.references("assessment_attempts.id").onDelete("set null").unique())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("assessment_results").dropColumn("attempt_id").execute();
  await db.schema.dropTable("attempt_answers").ifExists().execute();
  await db.schema.dropTable("attempt_questions").ifExists().execute();
  await db.schema.dropTable("assessment_attempts").ifExists().execute();
  await db.schema
    .alterTable("assessments")
    .dropColumn("bank_id")
    .dropColumn("bank_tag")
    .dropColumn("question_count")
    .dropColumn("time_limit_minutes")
    .dropColumn("cooldown_hours")
    .dropColumn("readiness_required")
    .dropColumn("online")
    .execute();
  await db.schema.dropTable("bank_questions").ifExists().execute();
  await db.schema.dropTable("question_banks").ifExists().execute();
}
