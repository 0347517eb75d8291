import { sql, type Kysely } from "kysely";

// posts.search_vector (the search fallback while Meilisearch is down) was to_tsvector(body_markdown).
// Postgres's text-search parser reads a run of word characters joined by underscores ("_a_a_a…") in
// quadratic time: a 32 KB body of it cost 6 to 10 s of database time on every post and edit, inside the
// posting transaction. Any whitespace ends the parser's run, so the vector is now made from the body with a
// space after every 100 characters without one: the same words for any text a person writes (a longer
// "word" is split in two), and a cost that grows with the body's length only (43 ms for that body).
// Setting the expression rewrites the table once.
const BOUNDED = sql`to_tsvector('simple', regexp_replace(body_markdown, '([^[:space:]]{100})', '\\1 ', 'g'))`;

const ORIGINAL = sql`to_tsvector('simple', body_markdown)`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table posts alter column search_vector set expression as (${BOUNDED})`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table posts alter column search_vector set expression as (${ORIGINAL})`.execute(db);
}
