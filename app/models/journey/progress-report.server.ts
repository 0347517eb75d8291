// Staff views across members: members per level, members behind on a periodic duty, and the
// progress of every member as CSV.
import { sql } from "kysely";
import { db } from "../../db.server";
import { sharedI18n } from "../../i18n";
import { isLocale } from "../../locale";
import { countryName } from "../directory/profile.schema";
import { localized } from "../shared/localized";
import { requirementLabel } from "./requirement-label";
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

export type BehindDuty = { kind: "books" | "activities"; done: number; required: number; due_by: string };
export type BehindRow = { id: number; username: string; display_name: string; level: number; duties: BehindDuty[] };

/**
 * One row per enrolled member with the periodic duties (books this trimester, activities this
 * calendar year, each in the member's own time zone) they are short of; members without any are
 * left out. Rows come by name, so a page walks `users_username_lower_idx` (or `users_level_name_idx`
 * for one level) and stops once it is full.
 */
function behindQuery({ level, duty, group, now }: BehindFilter & { now: Date }) {
  return sql<BehindRow & { name_key: string }>`
    select u.id, u.username, u.display_name, u.level, lower(u.username) as name_key, d.duties
    from users u
    join level_history h on h.user_id = u.id and h.left_at is null
    cross join lateral (
      select json_agg(json_build_object('kind', x.kind, 'done', x.done, 'required', x.required,
          'due_by', to_char(x.due, 'YYYY-MM-DD')) order by x.kind) filter (where x.done < x.required) as duties
      from (
        select r.kind, c.done,
          case r.kind when 'books' then (r.params->>'minPerTrimester')::int else (r.params->>'minPerYear')::int end
            as required,
          case r.kind when 'books' then (p.t0 + interval '4 months')::date - 1
            else (p.y0 + interval '1 year')::date - 1 end as due
        from (
          select date_trunc('year', q.today)::date as y0, q.entered_on,
            make_date(extract(year from q.today)::int, ((extract(month from q.today)::int - 1) / 4) * 4 + 1, 1) as t0
          from (select (${now}::timestamptz at time zone u.time_zone)::date as today,
                       (h.entered_at at time zone u.time_zone)::date as entered_on) q
        ) p
        join level_requirements r on r.level = u.level and r.phase = 'duty' and r.archived_at is null
          and r.kind in ('books', 'activities') ${duty ? sql`and r.kind = ${duty}` : sql``}
        -- counted once per duty (a CASE used twice would run its subqueries twice)
        cross join lateral (
          select case r.kind
            when 'books' then (
              select count(*) from reading_log b
              where b.user_id = u.id and b.status <> 'rejected' and b.finished_on >= greatest(p.t0, p.entered_on)
                and b.finished_on < (p.t0 + interval '4 months')::date
                and (not coalesce((r.params->>'recommendedOnly')::boolean, false) or b.book_id is not null))
            else (
              select count(*) from activities a
              where a.user_id = u.id and a.occurred_on >= greatest(p.y0, p.entered_on)
                and a.occurred_on < (p.y0 + interval '1 year')::date
                and (a.status = 'approved'
                  or (a.status = 'pending' and not coalesce((r.params->>'requireApproval')::boolean, false))))
          end::int as done
          offset 0
        ) c
      ) x
    ) d
    where u.deleted_at is null and u.level is not null and d.duties is not null
      ${level ? sql`and u.level = ${level}` : sql``}
      ${
        group
          ? sql`and exists (select 1 from learning_group_members gm where gm.user_id = u.id
          and gm.group_id = ${group})`
          : sql``
      }`;
}

export type BehindFilter = { level?: number; duty?: "books" | "activities"; group?: number };

/** A page of members behind, by name; `after` is the previous page's `next` cursor. */
type BehindPage = BehindFilter & { limit?: number; after?: string; now?: Date };
export async function listMembersBehind({ limit = 50, after, now = new Date(), ...filter }: BehindPage = {}) {
  const { rows } = await sql<BehindRow & { name_key: string }>`
    select * from (${behindQuery({ ...filter, now })}) b
    ${after ? sql`where b.name_key > ${after}` : sql``}
    order by b.name_key
    limit ${limit + 1}`.execute(db);
  const page = rows.slice(0, limit);
  const next = rows.length > limit ? page[page.length - 1].name_key : null;
  return { rows: page.map(({ name_key: _, ...r }) => r as BehindRow), next };
}

/**
 * How many members (not duties) are behind, with the same filters as the list. Counted as sets
 * (hash joins over this period's entries) rather than member by member as a page is: a page stops
 * after 50 rows, a count must see everyone (about 10x faster on 30,000 members).
 */
export async function countMembersBehind({ now = new Date(), level, duty, group }: BehindFilter & { now?: Date } = {}) {
  const { rows } = await sql<{ n: number }>`
    with m as (
      select u.id, (${now}::timestamptz at time zone u.time_zone)::date as today,
        (h.entered_at at time zone u.time_zone)::date as entered_on, u.level
      from users u join level_history h on h.user_id = u.id and h.left_at is null
      where u.deleted_at is null and u.level is not null
        ${level ? sql`and u.level = ${level}` : sql``}
        ${
          group
            ? sql`and exists (select 1 from learning_group_members gm where gm.user_id = u.id
          and gm.group_id = ${group})`
            : sql``
        }
    ),
    w as (
      select m.id, r.kind, r.params,
        case r.kind when 'books' then (r.params->>'minPerTrimester')::int
          else (r.params->>'minPerYear')::int end as required,
        greatest(m.entered_on, case r.kind when 'books'
          then make_date(extract(year from m.today)::int, ((extract(month from m.today)::int - 1) / 4) * 4 + 1, 1)
          else date_trunc('year', m.today)::date end) as since,
        case r.kind when 'books'
          then (make_date(extract(year from m.today)::int, ((extract(month from m.today)::int - 1) / 4) * 4 + 1, 1)
            + interval '4 months')::date
          else (date_trunc('year', m.today) + interval '1 year')::date end as until
      from m join level_requirements r on r.level = m.level and r.phase = 'duty' and r.archived_at is null
        and r.kind in ('books', 'activities') ${duty ? sql`and r.kind = ${duty}` : sql``}
    ),
    done as (
      select w.id, w.kind, w.required, count(b.user_id) + count(a.user_id) as n
      from w
      left join reading_log b on w.kind = 'books' and b.user_id = w.id and b.status <> 'rejected'
        and b.finished_on >= w.since and b.finished_on < w.until
        and (not coalesce((w.params->>'recommendedOnly')::boolean, false) or b.book_id is not null)
      left join activities a on w.kind = 'activities' and a.user_id = w.id
        and a.occurred_on >= w.since and a.occurred_on < w.until
        and (a.status = 'approved'
          or (a.status = 'pending' and not coalesce((w.params->>'requireApproval')::boolean, false)))
      group by w.id, w.kind, w.required
    )
    select count(distinct id)::int as n from done where n < required`.execute(db);
  return rows[0]?.n ?? 0;
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  // a leading = + - @ would be a formula in a spreadsheet
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
export const csvLine = (cells: unknown[]) => cells.map(csvCell).join(",") + "\r\n";

export const PROGRESS_CSV_HEADER = [
  ...["username", "display_name", "email", "country", "group", "tutor", "level", "level_name", "entered_on"],
  ...["requirement", "label", "phase", "done", "required", "status", "due_by"],
];

/** Per member: the country (named in the reader's language), and their current learning groups with tutors. */
async function csvMemberFacts(userIds: number[], locale: string) {
  const { rows } = await sql<{ id: number; country: string | null; groups: string | null; tutors: string | null }>`
    select u.id, p.country,
      string_agg(g.name, '; ' order by g.name) as groups,
      string_agg(t.display_name, '; ' order by g.name) as tutors
    from users u
    left join profiles p on p.user_id = u.id
    left join learning_group_members gm on gm.user_id = u.id
    left join learning_groups g on g.id = gm.group_id and g.archived_at is null
    left join users t on t.id = g.tutor_id
    where u.id = any(${userIds}::int[])
    group by u.id, p.country`.execute(db);
  const facts = (r: (typeof rows)[number]) => ({
    country: r.country ? countryName(r.country, locale) : "",
    group: r.groups ?? "",
    tutor: r.tutors ?? "",
  });
  return new Map(rows.map((r) => [r.id, facts(r)]));
}

/** Every enrolled member's progress, one line per member and requirement, in batches of 50 members. */
type CsvOptions = { now?: Date; locale?: string };
export async function* progressCsvLines({ now = new Date(), locale = "en" }: CsvOptions = {}): AsyncGenerator<string> {
  yield csvLine(PROGRESS_CSV_HEADER);
  const t = sharedI18n(isLocale(locale) ? locale : "en").t;
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
    const [standings, facts] = await Promise.all([
      Promise.all(members.map((m) => getStanding(db, { userId: m.id, now, itemLimit: 0 }))),
      csvMemberFacts(
        members.map((m) => m.id),
        locale,
      ),
    ]);
    for (const [i, s] of standings.entries()) {
      if (!s?.level) continue;
      const f = facts.get(members[i].id);
      const who = [s.member.username, s.member.displayName, members[i].email, f?.country, f?.group, f?.tutor];
      for (const r of s.requirements) {
        const p = r.progress;
        const label = requirementLabel(t, r, locale);
        const level = [s.level.number, localized(s.level, "name", locale), s.level.enteredOn];
        yield csvLine([...who, ...level, r.key, label, r.phase, p.done, p.required, p.status, p.dueBy ?? ""]);
      }
    }
    after = members[members.length - 1].id;
  }
}
