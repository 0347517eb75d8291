import { sql, type Kysely } from "kysely";

// Issue 22: an upheld appeal's remedy and the attempt changes it makes; whether right answers are
// shown after a fail (hidden while the bank is too small to resist memorising); an event's
// calendar SEQUENCE and its waitlist.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table appeals add column if not exists remedy text
    check (remedy in ('retake', 'regrade', 'annul'))`.execute(db);
  // 'retake': the cool-down after this attempt no longer applies; 'annul': the attempt counts for nothing
  await sql`alter table assessment_attempts add column if not exists cooldown_waived_at timestamptz,
    add column if not exists annulled_at timestamptz`.execute(db);
  // right answers after a fail only when the live bank holds at least this many times the questions drawn
  await sql`alter table assessments add column if not exists reveal_min_bank_ratio smallint not null default 3
    check (reveal_min_bank_ratio between 0 and 100)`.execute(db);
  // RFC 5545 SEQUENCE: bumped by every change a calendar must pick up
  await sql`alter table events add column if not exists sequence integer not null default 0`.execute(db);
  await sql`create table if not exists event_waitlist (
    event_id integer not null references events(id) on delete cascade,
    user_id integer not null references users(id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (event_id, user_id))`.execute(db);
  // promotion takes the earliest waiting member of an event
  await sql`create index if not exists event_waitlist_event_id_created_at_idx on event_waitlist (event_id,
      created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists event_waitlist`.execute(db);
  await sql`alter table events drop column if exists sequence`.execute(db);
  await sql`alter table assessments drop column if exists reveal_min_bank_ratio`.execute(db);
  await sql`alter table assessment_attempts drop column if exists cooldown_waived_at, drop column if
      exists annulled_at`.execute(db);
  await sql`alter table appeals drop column if exists remedy`.execute(db);
}
