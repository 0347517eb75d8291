// `npm run dev` demo data: at least 300 varied profiles across the four levels, countries,
// competencies and job titles, some members-only or hidden, with badges, all in the directory.
import { sql } from "kysely";
import { expect, test } from "vitest";
import { seedAll } from "../../scripts/seed";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { parseDirectoryQuery } from "~/models/directory/directory.schema";
import { searchDirectory } from "~/models/directory/directory.server";
import { VISITOR } from "~/models/permissions.server";

test("the demo directory is alive: 300+ profiles, every level, many countries, badges, some private", async () => {
  await seedAll({ demo: true, log: () => {} });
  await drainJobs();
  const stats = (
    await sql<{
      profiles: number;
      levels: number;
      countries: number;
      titles: number;
      hidden: number;
      members: number;
      badged: number;
      competencies: number;
    }>`
      select count(*)::int as profiles,
        count(distinct u.level)::int as levels,
        count(distinct p.country)::int as countries,
        count(distinct p.job_title)::int as titles,
        count(*) filter (where p.visibility = 'hidden')::int as hidden,
        count(*) filter (where p.visibility = 'members')::int as members,
        count(*) filter (where exists (select 1 from badge_awards b where b.user_id = u.id and b.revoked_at
          is null))::int as badged,
        (select count(distinct competency)::int from profile_competencies) as competencies
      from profiles p join users u on u.id = p.user_id`.execute(db)
  ).rows[0];
  expect(stats.profiles).toBeGreaterThanOrEqual(300);
  expect(stats.levels).toBe(4);
  expect(stats.countries).toBeGreaterThanOrEqual(10);
  expect(stats.titles).toBeGreaterThanOrEqual(15);
  expect(stats.hidden).toBeGreaterThan(0);
  expect(stats.members).toBeGreaterThan(0);
  expect(stats.badged).toBeGreaterThanOrEqual(300);
  expect(stats.competencies).toBe(10);
  // the demo forum's rows show their posters (the seed writes posts without the models)
  const forum = (
    await sql<{
      topics: number;
      without: number;
    }>`select count(*)::int as topics, count(*) filter (where poster_ids = '{}')::int as without from topics`.execute(
      db,
    )
  ).rows[0];
  expect(forum.topics).toBeGreaterThanOrEqual(60);
  expect(forum.without).toBe(0);

  const all = await searchDirectory({ scope: VISITOR, query: parseDirectoryQuery(new URLSearchParams()) });
  expect(all.mode).toBe("meili");
  expect(all.total).toBe(
    (await sql<{ n: number }>`select count(*)::int as n from profiles where visibility = 'public'`.execute(db)).rows[0]
      .n,
  );
  for (const title of ["Customer Service Manager", "Contact Centre Team Lead", "CX Analyst"]) {
    const r = await searchDirectory({ scope: VISITOR, query: parseDirectoryQuery(new URLSearchParams({ q: title })) });
    expect(
      r.cards.some((c) => c.jobTitle === title),
      title,
    ).toBe(true);
  }
  // seeding twice changes nothing
  await seedAll({ demo: true, log: () => {} });
  expect((await sql<{ n: number }>`select count(*)::int as n from profiles`.execute(db)).rows[0].n).toBe(
    stats.profiles,
  );
}, 240_000);
