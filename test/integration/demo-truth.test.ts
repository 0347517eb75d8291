// The demo tells the truth: the member login is enrolled (its /progress has requirements), every
// "Available as a mentor" leader is a registered mentor, the announced webinars are upcoming events,
// and nobody's "member since" comes after their first post or level.
import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { expect, test } from "vitest";
import { seedAll } from "../../scripts/seed";
import { seedDemoCpd } from "../../scripts/seed/demo-cpd";
import { getCpdStanding } from "~/models/journey/cpd/cpd.server";
import { lastThursdayAt14, webinar1At } from "../../scripts/seed/demo-events";
import { db } from "~/db.server";
import { verifyPassword } from "~/auth.server";

test("the demo data agrees with itself", async () => {
  await seedAll({ demo: true, log: () => {} });
  const member = await db
    .selectFrom("users")
    .select(["id", "level"])
    .where("email", "=", "member@touchpoints.test")
    .executeTakeFirstOrThrow();
  expect(member.level).toBe(1);
  const entered = await db
    .selectFrom("level_history")
    .select("level")
    .where("user_id", "=", member.id)
    .where("left_at", "is", null)
    .executeTakeFirst();
  expect(entered?.level).toBe(1);

  const unregistered = await sql<{ username: string }>`
    select u.username from profiles p join users u on u.id = p.user_id
    where p.is_mentor and not exists (select 1 from mentor_registrations m where m.user_id = u.id
      and m.status = 'active')`.execute(db);
  expect(unregistered.rows).toEqual([]);
  const mentors = await db
    .selectFrom("mentor_registrations")
    .select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  expect(mentors.n).toBeGreaterThan(5);

  const events = await db
    .selectFrom("events")
    .select(["webinar", "starts_at", "title", "title_fr", "description_html_fr"])
    .where("status", "=", "published")
    .where("starts_at", ">", new Date())
    .execute();
  // programme data ships in both languages: French readers see the events in French
  for (const e of events) {
    expect(e.title_fr, e.title).toMatch(/^Webinaire \d\.0 : /);
    expect(e.description_html_fr, e.title).toBeTruthy();
  }
  expect(events.map((e) => e.webinar).sort()).toEqual(expect.arrayContaining(["webinar-1.0", "webinar-2.0"]));
  const webinar2 = events.find((e) => e.webinar === "webinar-2.0")!;
  expect(webinar2.starts_at.getUTCDay()).toBe(4); // a Thursday, 14:00 GMT, as the announcement says
  expect(webinar2.starts_at.getUTCHours()).toBe(14);

  // every test a level-1 requirement names opens online (the /progress link is never a dead end)
  const tests = await db
    .selectFrom("assessments")
    .select(["slug", "online", "bank_id"])
    .where("slug", "in", ["aptitude-test-1.0", "aptitude-test-2.0"])
    .execute();
  expect(tests.every((x) => x.online && x.bank_id !== null)).toBe(true);

  const early = await sql<{ username: string }>`
    select u.username from users u
    where u.created_at > least((select min(created_at) from posts p where p.user_id = u.id),
                               (select min(entered_at) from level_history h where h.user_id = u.id))`.execute(db);
  expect(early.rows).toEqual([]);

  // the README's demo logins sign in with the password it gives, as what it says they are
  const rows = readFileSync("README.md", "utf8")
    .split("\n")
    .map((line) => /^\| ([^|]+) \| (\S+@touchpoints\.test) \| (\S+) \|/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null);
  const who = rows.map((m) => m[1]).join(" / ");
  for (const role of ["level 1", "level 2", "level 3", "level 4", "mentor", "tutor", "judge", "recruiter", "staff"])
    expect(who, role).toContain(role);
  expect(readFileSync("README.md", "utf8")).toMatch(/listens on `PORT`/);
  for (const [, label, email, password] of rows) {
    const user = await db
      .selectFrom("users")
      .select(["id", "level", "password_hash"])
      .select(
        sql<string[]>`coalesce((select array_agg(role) from user_roles where user_id = users.id), '{}')`.as("roles"),
      )
      .select(
        sql<boolean>`exists (select 1 from mentor_registrations m
          where m.user_id = users.id and m.status = 'active')`.as("mentor"),
      )
      .where("email", "=", email)
      .executeTakeFirst();
    expect(user, email).toBeDefined();
    expect(await verifyPassword(user!.password_hash!, password), email).toBe(true);
    const level = /level (\d)/.exec(label)?.[1];
    if (level) expect(user!.level, label).toBe(Number(level));
    for (const [word, role] of [
      ["admin", "admin"],
      ["staff", "admin"],
      ["recruiter", "recruiter"],
      ["tutor", "tutor"],
      ["judge", "judge"],
    ] as const)
      if (label.includes(word)) expect(user!.roles, label).toContain(role);
    if (/\bmentor\b/.test(label)) expect(user!.mentor, label).toBe(true);
  }

  // seeding again adds no second event
  await seedAll({ demo: true, log: () => {} });
  const again = await db
    .selectFrom("events")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("starts_at", ">", new Date())
    .executeTakeFirstOrThrow();
  expect(again.n).toBe(events.length);
}, 300_000);

test("the demo shows CPD: one member's CCSM lapsed (with its history), another's in good standing", async () => {
  // the first test seeded the demo; seeding again changes nothing (idempotent)
  await seedDemoCpd(() => {});
  const ids = await db
    .selectFrom("users")
    .select(["id", "username"])
    .where("username", "in", ["fatou_diop", "thandi_dlamini"])
    .execute();
  const standing = async (username: string) => {
    const userId = ids.find((u) => u.username === username)!.id;
    const { credentials } = await getCpdStanding(db, { userId });
    return credentials.find((c) => c.credential === "designation:CCSM");
  };
  const lapsed = await standing("fatou_diop");
  expect(lapsed?.judgement.status).toBe("lapsed");
  expect(lapsed?.recordedLapsedOn).toBe(lapsed?.judgement.lapsedOn);
  expect(lapsed?.history.map((h) => h.event)).toEqual(["lapsed"]);
  const current = await standing("thandi_dlamini");
  expect(current?.judgement).toMatchObject({ status: "active", pointsThisYear: 9, required: 12 });
  expect(current?.recordedLapsedOn).toBeNull();
});

test("the last Thursday at 14:00 GMT is always more than a day ahead", () => {
  expect(lastThursdayAt14(new Date("2026-12-06T09:00:00Z")).toISOString()).toBe("2026-12-31T14:00:00.000Z");
  expect(lastThursdayAt14(new Date("2026-12-31T10:00:00Z")).toISOString()).toBe("2027-01-28T14:00:00.000Z");
  expect(lastThursdayAt14(new Date("2027-02-01T00:00:00Z")).toISOString()).toBe("2027-02-25T14:00:00.000Z");
});

test("Webinar 1.0's demo session is always more than a day ahead, on a Thursday at 14:00 GMT", () => {
  // early, mid and late in a month (Webinar 1.0 cannot be two weeks before 2.0 then), and the year's turn
  for (const now of ["2026-12-06T09:00Z", "2026-12-20T09:00Z", "2026-12-30T15:00Z", "2027-01-14T13:00Z"]) {
    const at = webinar1At(new Date(now));
    expect(at.getTime() - new Date(now).getTime(), now).toBeGreaterThan(86_400_000);
    expect([at.getUTCDay(), at.getUTCHours()], now).toEqual([4, 14]);
    expect(at.getTime(), now).not.toBe(lastThursdayAt14(new Date(now)).getTime());
  }
});
