import { sql, type Kysely } from "kysely";

// The recruiter's desk (issue 22 point 5):
// - shortlists get a pipeline stage and a longer note (the note was cut at 300 characters before);
// - saved searches can mail their new matches daily; `saved_search_seen` remembers every profile a
//   search has already shown (at the time alerts were turned on, or in a mail), so no profile is
//   announced twice; the unsubscribe token is the one-click link of every alert mail;
// - contact_messages: the thread after a contact request (the request's message is its first).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table shortlists
      add column if not exists stage text not null default 'new'
        check (stage in ('new', 'contacted', 'interviewing', 'hired', 'not_fit')),
      add column if not exists updated_at timestamptz not null default now(),
      add constraint shortlists_note_check check (char_length(note) <= 2000)`.execute(db);
  await sql`
    alter table saved_searches
      add column if not exists alerts boolean not null default false,
      add column if not exists unsubscribe_token text`.execute(db);
  // the unsubscribe link's lookup
  await sql`create unique index if not exists saved_searches_unsubscribe_token_idx on saved_searches (unsubscribe_token)
            where unsubscribe_token is not null`.execute(db);
  await sql`
    create table if not exists saved_search_seen (
      saved_search_id integer not null references saved_searches(id) on delete cascade,
      member_id integer not null references users(id) on delete cascade,
      notified_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (saved_search_id, member_id)
    )`.execute(db);
  // "was this member already announced to this recruiter by any search?" (sendSearchAlerts)
  await sql`create index if not exists saved_search_seen_member_id_idx on saved_search_seen (member_id)
            where notified_at is not null`.execute(db);
  await sql`
    create table if not exists contact_messages (
      id integer generated always as identity primary key,
      request_id integer not null references contact_requests(id) on delete cascade,
      sender_id integer not null references users(id) on delete cascade,
      body text not null check (char_length(body) between 1 and 2000),
      created_at timestamptz not null default now()
    )`.execute(db);
  // one thread in order (getThread)
  await sql`create index if not exists contact_messages_request_id_id_idx on contact_messages (request_id, id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists contact_messages`.execute(db);
  await sql`drop table if exists saved_search_seen`.execute(db);
  await sql`drop index if exists saved_searches_unsubscribe_token_idx`.execute(db);
  await sql`alter table saved_searches drop column if exists unsubscribe_token, drop column if exists alerts`.execute(
    db,
  );
  await sql`update shortlists set note = left(note, 300)`.execute(db);
  await sql`
    alter table shortlists drop constraint if exists shortlists_note_check,
      drop column if exists updated_at, drop column if exists stage`.execute(db);
}
