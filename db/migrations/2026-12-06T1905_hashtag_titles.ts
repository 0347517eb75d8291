import { sql, type Kysely } from "kysely";

// Cooked posts hold no words that depend on the reader's language (issue 20 point 8): a #category
// link's title held the category's English name. The pipeline stopped writing it (render version 2,
// which differs from 1 only there); stored posts lose it here, in place, and count as version 2.
// The title only ever sat between our own rel and class="hashtag" (members' HTML cannot carry that
// class), and its value was escaped, so it holds no double quote.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update posts set render_version = 2, body_html = case
        when body_html like '%class="hashtag"%' then regexp_replace(body_html,
          '(<a href="/c/[a-z0-9-]+" rel="nofollow ugc noopener") title="[^"]*"( class="hashtag">)', '\\1\\2', 'g')
        else body_html end
    where render_version = 1`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // the titles are not restored: without them a post reads the same (the link says #slug)
  await sql`update posts set render_version = 1 where render_version = 2`.execute(db);
}
