import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("users")
    .addColumn("level", "smallint") // current level (1-4), null before enrolment; kept with level history
    .addColumn("last_visit_at", "timestamptz") // start of the previous visit: /new shows topics since then
    .addColumn("silenced_until", "timestamptz")
    .addColumn("suspended_until", "timestamptz")
    .addColumn("sanction_reason", "text")
    .addColumn("deleted_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("categories")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("colour", "text", (c) => c.notNull().defaultTo("#0b5d3b"))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    // access rules: everyone | members | level:N | group:N | staff | participants
    .addColumn("see_rule", "text", (c) => c.notNull().defaultTo("everyone"))
    .addColumn("post_rule", "text", (c) => c.notNull().defaultTo("members"))
    .addColumn("reply_rule", "text", (c) => c.notNull().defaultTo("members"))
    .addColumn("archived_at", "timestamptz")
    .addColumn("topic_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("post_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("topics")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("category_id", "integer", (c) => c.notNull().references("categories.id"))
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("tags", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("pinned_at", "timestamptz")
    .addColumn("pinned_globally", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("closed_at", "timestamptz")
    .addColumn("archived_at", "timestamptz")
    .addColumn("unlisted", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("deleted_at", "timestamptz")
    .addColumn("deleted_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("reply_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("like_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("highest_post_number", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_posted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_poster_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("bumped_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // /latest: newest activity first, keyset on (bumped_at, id)
  await sql`create index topics_bumped_idx on topics (bumped_at desc, id desc) where deleted_at is null and
      not unlisted`.execute(db);
  // /c/:slug: same per category
  await sql`create index topics_category_bumped_idx on topics (category_id, bumped_at desc, id desc)
      where deleted_at is null`.execute(db);
  // /tag/:tag lists
  await sql`create index topics_tags_idx on topics using gin (tags)`.execute(db);
  // /new: topics created recently
  await sql`create index topics_created_idx on topics (created_at desc) where deleted_at is null`.execute(db);
  // a member's topics (profile, rate limits)
  await db.schema.createIndex("topics_user_created_idx").on("topics").columns(["user_id", "created_at"]).execute();

  await db.schema
    .createTable("topic_allowed_users")
    .addColumn("topic_id", "integer", (c) => c.notNull().references("topics.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("topic_allowed_users_pkey", ["topic_id", "user_id"])
    .execute();
  // "which private topics may this member see"
  await db.schema.createIndex("topic_allowed_users_user_idx").on("topic_allowed_users").column("user_id").execute();

  await db.schema
    .createTable("posts")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("topic_id", "integer", (c) => c.notNull().references("topics.id"))
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("post_number", "integer", (c) => c.notNull())
    .addColumn("reply_to_post_number", "integer")
    .addColumn("body_markdown", "text", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("render_version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("like_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("revision_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("edited_at", "timestamptz")
    .addColumn("deleted_at", "timestamptz")
    .addColumn("deleted_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("hidden_at", "timestamptz")
    .addColumn("hidden_reason", "text")
    .addColumn("search_vector", sql`tsvector`, (c) =>
      c.generatedAlwaysAs(sql`to_tsvector('simple', body_markdown)`).stored(),
    )
    .addUniqueConstraint("posts_topic_number_key", ["topic_id", "post_number"])
    .execute();
  // distinct topics of a member since a date (requirements), covering so no heap visit is needed
  await sql`create index posts_user_created_idx on posts (user_id, created_at) include (topic_id, deleted_at,
      hidden_at)`.execute(db);
  // Postgres full-text fallback when Meilisearch is down
  await sql`create index posts_search_idx on posts using gin (search_vector)`.execute(db);

  await db.schema
    .createTable("post_revisions")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("post_id", "integer", (c) => c.notNull().references("posts.id").onDelete("cascade"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("previous_markdown", "text", (c) => c.notNull())
    .addColumn("next_markdown", "text", (c) => c.notNull())
    .addColumn("previous_title", "text")
    .addColumn("next_title", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("post_revisions_post_number_key", ["post_id", "number"])
    .execute();
  // edits a member made today (rate limit)
  await db.schema
    .createIndex("post_revisions_user_created_idx")
    .on("post_revisions")
    .columns(["user_id", "created_at"])
    .execute();

  await db.schema
    .createTable("post_likes")
    .addColumn("post_id", "integer", (c) => c.notNull().references("posts.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("post_likes_pkey", ["post_id", "user_id"])
    .execute();
  // likes given today (rate limit), in:likes search
  await db.schema
    .createIndex("post_likes_user_created_idx")
    .on("post_likes")
    .columns(["user_id", "created_at"])
    .execute();

  await db.schema
    .createTable("bookmarks")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("post_id", "integer", (c) => c.notNull().references("posts.id").onDelete("cascade"))
    .addColumn("reminder_at", "timestamptz")
    .addColumn("reminded_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("bookmarks_user_post_key", ["user_id", "post_id"])
    .execute();

  await db.schema
    .createTable("topic_reads")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("topic_id", "integer", (c) => c.notNull().references("topics.id").onDelete("cascade"))
    .addColumn("last_read_post_number", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("dismissed_post_number", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("first_visited_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_visited_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("topic_reads_pkey", ["user_id", "topic_id"])
    .execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull()) // reply | mention | quote | like | moderation | ...
    .addColumn("topic_id", "integer", (c) => c.references("topics.id").onDelete("cascade"))
    .addColumn("post_id", "integer", (c) => c.references("posts.id").onDelete("cascade"))
    .addColumn("actor_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("data", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("source_key", "text") // idempotency: one notification per (user, source_key)
    .addColumn("read_at", "timestamptz")
    .addColumn("emailed_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // the header's unread count and /notifications, newest first
  await sql`create index notifications_user_created_idx on notifications (user_id, created_at desc)`.execute(db);
  // a job retried after a crash must not notify twice
  await sql`create unique index notifications_user_source_idx on notifications (user_id, source_key)
      where source_key is not null`.execute(db);

  await db.schema
    .createTable("notification_settings")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("delivery", "text", (c) => c.notNull().check(sql`delivery in ('immediately', 'daily', 'never')`))
    .addPrimaryKeyConstraint("notification_settings_pkey", ["user_id", "kind"])
    .execute();

  await db.schema
    .createTable("flags")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("post_id", "integer", (c) => c.notNull().references("posts.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("reason", "text", (c) =>
      c.notNull().check(sql`reason in ('off_topic', 'inappropriate', 'spam', 'other')`),
    )
    .addColumn("note", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("resolved_at", "timestamptz")
    .addColumn("resolved_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("resolution", "text")
    .execute();
  // one open flag per member and post
  await sql`create unique index flags_open_post_user_idx on flags (post_id, user_id) where resolved_at is null`.execute(
    db,
  );
  // the review queue
  await sql`create index flags_open_idx on flags (created_at) where resolved_at is null`.execute(db);
  await db.schema.createIndex("flags_user_created_idx").on("flags").columns(["user_id", "created_at"]).execute();

  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "jsonb", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "settings",
    "flags",
    "notification_settings",
    "notifications",
    "topic_reads",
    "bookmarks",
    "post_likes",
    "post_revisions",
    "posts",
    "topic_allowed_users",
    "topics",
    "categories",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema
    .alterTable("users")
    .dropColumn("level")
    .dropColumn("last_visit_at")
    .dropColumn("silenced_until")
    .dropColumn("suspended_until")
    .dropColumn("sanction_reason")
    .dropColumn("deleted_at")
    .execute();
}
