// The staff view of the mentor programme: open requests and their age, mentors' load,
// mentorships with no session logged for 30 days, and feedback averages.
import { sql } from "kysely";
import { db } from "../../db.server";

export const STALE_DAYS = 30;

export async function getProgrammeOverview() {
  const [requests, mentors, stale, averages, recent] = await Promise.all([
    // mentorship_requests_open_created_idx
    sql<{ id: number; display_name: string; username: string; level: number | null; days: number }>`
      select r.id, u.display_name, u.username, u.level, floor(extract(epoch from now() - r.created_at) / 86400)::int
        as days
      from mentorship_requests r join users u on u.id = r.mentee_id
      where r.status = 'open' order by r.created_at limit 200`.execute(db),
    sql<{
      user_id: number;
      display_name: string;
      username: string;
      status: "active" | "paused" | "removed";
      capacity: number;
      load: number;
      completed: number;
    }>`
      select r.user_id, u.display_name, u.username, r.status, r.capacity,
        (select count(*)::int from mentorships m where m.mentor_id = r.user_id and m.status in ('proposed', 'active'))
          as load,
        (select count(*)::int from mentorships m where m.mentor_id = r.user_id and m.status = 'completed') as completed
      from mentor_registrations r join users u on u.id = r.user_id
      where u.deleted_at is null
      order by (r.status = 'active') desc, u.display_name limit 500`.execute(db),
    sql<{ id: number; mentor: string; mentees: string; last: string | null }>`
      select c.id, m.display_name as mentor,
        (select string_agg(u.display_name, ', ') from mentorships p join users u on u.id = p.mentee_id
          where p.cycle_id = c.id and p.status = 'active') as mentees,
        (select max(s.held_on)::text from mentorship_sessions s where s.cycle_id = c.id) as last
      from mentorship_cycles c join users m on m.id = c.mentor_id
      where c.status = 'active' and c.started_at < now() - make_interval(days => ${STALE_DAYS})
        and not exists (select 1 from mentorship_sessions s where s.cycle_id = c.id
          and s.held_on >= (now() - make_interval(days => ${STALE_DAYS}))::date)
      order by c.started_at limit 200`.execute(db),
    sql<{ role: "mentor" | "mentee"; avg: number; count: number }>`
      select role, round(avg(rating), 2)::float8 as avg, count(*)::int as count from mentorship_feedback
        group by role order by role`.execute(db),
    sql<{ cycle_id: number; display_name: string; role: "mentor" | "mentee"; rating: number; comment: string }>`
      select f.cycle_id, u.display_name, f.role, f.rating, f.comment
      from mentorship_feedback f join users u on u.id = f.user_id order by f.created_at desc limit 20`.execute(db),
  ]);
  return {
    requests: requests.rows,
    mentors: mentors.rows,
    stale: stale.rows,
    averages: averages.rows,
    recent: recent.rows,
  };
}
