import { sql, type Kysely } from "kysely";

// Images uploaded from the composer (app/models/forum/uploads.server.ts): one row per stored WebP,
// with its size so cooked posts carry width and height, and the posts that show it, so a recurring
// job can remove what no post has used for 48 hours.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("uploads")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // kept when the account goes: posts that show the image still need it
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("width", "integer", (c) => c.notNull())
    .addColumn("height", "integer", (c) => c.notNull())
    .addColumn("bytes", "integer", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // the cleanup job: uploads older than 48 hours
  await sql`create index uploads_created_at_idx on uploads (created_at)`.execute(db);
  // a member's uploads (account export and deletion)
  await sql`create index uploads_user_id_idx on uploads (user_id)`.execute(db);
  await db.schema
    .createTable("post_uploads")
    .addColumn("post_id", "integer", (c) => c.notNull().references("posts.id").onDelete("cascade"))
    .addColumn("upload_id", "integer", (c) => c.notNull().references("uploads.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("post_uploads_pkey", ["post_id", "upload_id"])
    .execute();
  // the cleanup job: is this upload shown by any post?
  await sql`create index post_uploads_upload_id_idx on post_uploads (upload_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("post_uploads").execute();
  await db.schema.dropTable("uploads").execute();
}
