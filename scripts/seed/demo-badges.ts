// Demo mode: every member at level N holds a valid level badge for each level 1..N (dated when
// they entered that level), and some leaders hold the Mentor badge, so badge pages, pills and the
// directory have something to show. Idempotent: only missing badges are added.
import { sql } from "kysely";
import { db } from "../../app/db.server";

export async function seedDemoBadges(log: (m: string) => void) {
  // 22 base64url characters like newBadgeId(), from a v4 uuid (122 random bits; no pgcrypto needed)
  const randomId = sql<string>`translate(rtrim(encode(uuid_send(gen_random_uuid()), 'base64'), '='), '+/', '-_')`;
  const levels = await sql<{ n: number }>`
    with wanted as (
      select u.id as user_id, l.level,
        coalesce((select min(h.entered_at) from level_history h where h.user_id = u.id and h.level = l.level),
          u.created_at) as at
      from users u cross join lateral generate_series(1, u.level) as l(level)
      where u.level is not null and u.deleted_at is null
    ), added as (
      insert into badge_awards (public_id, user_id, kind, level, awarded_at)
      select ${randomId}, w.user_id, 'level', w.level, w.at from wanted w
      where not exists (select 1 from badge_awards b where b.user_id = w.user_id and b.kind = 'level'
        and b.level = w.level and b.revoked_at is null)
      returning 1
    ) select count(*)::int as n from added`.execute(db);
  // about one leader in three mentors
  const mentors = await sql<{ n: number }>`
    with added as (
      insert into badge_awards (public_id, user_id, kind, level, awarded_at)
      select ${randomId}, u.id, 'mentor', null, now() - make_interval(days => 10 + (u.id * 13) % 200)
      from users u
      where u.level = 4 and u.deleted_at is null and u.id % 3 = 0
        and not exists (select 1 from badge_awards b where b.user_id = u.id and b.kind = 'mentor')
      returning 1
    ) select count(*)::int as n from added`.execute(db);
  const added = { levelBadges: levels.rows[0].n, mentorBadges: mentors.rows[0].n };
  log(`demo badges: ${added.levelBadges} level badges and ${added.mentorBadges} mentor badges added`);
  return added;
}
