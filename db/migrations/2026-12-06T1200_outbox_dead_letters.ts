// The outbox keeps jobs that failed every attempt (or whose payload is unusable) as dead letters for
// staff, and wakes every worker through NOTIFY when jobs are queued.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table outbox add column dead_at timestamptz`.execute(db);
  await sql`update outbox set dead_at = now() where done_at is null and attempts >= 10`.execute(db);
  await sql`drop index outbox_pending_idx`.execute(db);
  await sql`create index outbox_pending_idx on outbox (run_at) where done_at is null and dead_at is null`.execute(db);
  await sql`create index outbox_dead_idx on outbox (id) where dead_at is not null`.execute(db);
  // the weekly clean-up deletes finished rows by age
  await sql`create index outbox_done_at_idx on outbox (done_at) where done_at is not null`.execute(db);
  await sql`
    create function outbox_notify() returns trigger language plpgsql as $$
    begin
      perform pg_notify('outbox', '');
      return null;
    end $$`.execute(db);
  // per statement: a fan-out of ten thousand rows sends one notification (and PostgreSQL folds
  // identical notifications of one transaction into one)
  await sql`create trigger outbox_notify after insert
      on outbox for each statement execute function outbox_notify()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger outbox_notify on outbox`.execute(db);
  await sql`drop function outbox_notify()`.execute(db);
  await sql`drop index outbox_done_at_idx`.execute(db);
  await sql`drop index outbox_dead_idx`.execute(db);
  await sql`drop index outbox_pending_idx`.execute(db);
  await sql`create index outbox_pending_idx on outbox (run_at) where done_at is null`.execute(db);
  await sql`alter table outbox drop column dead_at`.execute(db);
}
