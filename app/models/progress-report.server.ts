// Staff views across members: members per level, members behind on a periodic duty, and the
// progress of every member as CSV.
import { sql } from "kysely";
import { db } from "../db.server";
import { getStanding } from "./progress/index.server";

export async function countMembersByLevel() {
  const { rows } = await sql<{ level: number | null; name: string | null; name_fr: string | null; n: number }>`
    select u.level, l.name, l.name_fr, count(*)::int as n
    from users u
    join user_roles r on r.user_id = u.id and r.role = 'member'
    left join levels l on l.number = u.level
    where u.deleted_at is null
    group by u.level, l.name, l.name_fr
    order by u.level nulls first`.execute(db);
  return rows;
}

export type BehindRow = { id: number; username: string; display_name: string; level: number; kind: "books" | "activities"; label: string; done: number; required: number; due_by: string };

/**
 * Members whose current trimester (books) or calendar year (activities) is short of the duty,
 * each in their own time zone, counted in one statement.
 */
export async function listMembersBehind({ limit = 100, now = new Date() }: { limit?: number; now?: Date } = {}) {
  const { rows } = await sql<BehindRow & { total: number }>`
    with m as (
      select u.id, u.username, u.display_name, u.level, u.time_zone,
        (${now}::timestamptz at time zone u.time_zone)::date as today,
        (h.entered_at at time zone u.time_zone)::date as entered_on
      from users u join level_history h on h.user_id = u.id and h.left_at is null
      where u.deleted_at is null
    ),
    p as (
      select m.*, date_trunc('year', m.today)::date as y0,
        make_date(extract(year from m.today)::int, ((extract(month from m.today)::int - 1) / 4) * 4 + 1, 1) as t0
      from m
    ),
    d as (
      select p.id, p.username, p.display_name, p.level, r.kind, r.label,
        case r.kind when 'books' then (r.params->>'minPerTrimester')::int else (r.params->>'minPerYear')::int end as required,
        case r.kind when 'books' then ((p.t0 + interval '4 months')::date - 1) else ((p.y0 + interval '1 year')::date - 1) end as due,
        case r.kind
          when 'books' then (
            select count(*) from reading_log b
            where b.user_id = p.id and b.status <> 'rejected' and b.finished_on >= greatest(p.t0, p.entered_on)
              and b.finished_on < (p.t0 + interval '4 months')::date
              and (not coalesce((r.params->>'recommendedOnly')::boolean, false) or b.book_id is not null))
          else (
            select count(*) from activities a
            where a.user_id = p.id and a.occurred_on >= greatest(p.y0, p.entered_on) and a.occurred_on < (p.y0 + interval '1 year')::date
              and (a.status = 'approved' or (a.status = 'pending' and not coalesce((r.params->>'requireApproval')::boolean, false))))
        end::int as done
      from p join level_requirements r on r.level = p.level and r.phase = 'duty' and r.archived_at is null and r.kind in ('books', 'activities')
    )
    select id, username, display_name, level, kind, label, done, required, to_char(due, 'YYYY-MM-DD') as due_by, count(*) over ()::int as total
    from d where done < required
    order by due, level desc, username
    limit ${limit}`.execute(db);
  return { rows: rows as BehindRow[], total: rows[0]?.total ?? 0 };
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  // a leading = + - @ would be a formula in a spreadsheet
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
export const csvLine = (cells: unknown[]) => cells.map(csvCell).join(",") + "\r\n";

export const PROGRESS_CSV_HEADER = ["username", "email", "level", "level_name", "entered_on", "requirement", "label", "phase", "done", "required", "status", "due_by"];

/** Every enrolled member's progress, one line per member and requirement, in batches of 50 members. */
export async function* progressCsvLines({ now = new Date() }: { now?: Date } = {}): AsyncGenerator<string> {
  yield csvLine(PROGRESS_CSV_HEADER);
  let after = 0;
  for (;;) {
    const members = await db
      .selectFrom("users")
      .select(["id", "email"])
      .where("level", "is not", null)
      .where("deleted_at", "is", null)
      .where("id", ">", after)
      .orderBy("id")
      .limit(50)
      .execute();
    if (!members.length) return;
    const standings = await Promise.all(members.map((m) => getStanding({ userId: m.id, now, itemLimit: 0 })));
    for (const [i, s] of standings.entries()) {
      if (!s?.level) continue;
      for (const r of s.requirements) {
        yield csvLine([s.member.username, members[i].email, s.level.number, s.level.name, s.level.enteredOn, r.key, r.label, r.phase, r.progress.done, r.progress.required, r.progress.status, r.progress.dueBy ?? ""]);
      }
    }
    after = members[members.length - 1].id;
  }
}
