// Staff who can act on what they see (issue 22 point 9), over real HTTP with a two-factor staff
// sign-in: the audit log (filters, keyset pages, readable before/after, no secrets and no words of
// private threads), members behind on a duty (counted as members, filtered, paged, on indexes),
// the progress CSV's member columns (spreadsheet-formula safe), requirement labels written from
// their thresholds, and award categories no member could enter refused. Needs `npx remix build`.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { recordAudit } from "~/models/moderation/audit.server";
import { addLearner, createGroup } from "~/models/groups/learning-group.server";
import { editPost } from "~/models/forum/post.server";
import { updateRequirement } from "~/models/journey/level.server";
import { saveNomination } from "~/models/awards/nomination.server";
import { countMembersBehind, listMembersBehind } from "~/models/journey/progress-report.server";
import { scopeOfUser } from "~/viewer.server";
import { createMember, ensureProgramme } from "../factories/progress";
import { ageUser, createCategory, makeTopic, scopeFor } from "../factories/topics";
import { createAdmin } from "../factories/users";
import { postForm, startApp, type TestApp } from "../setup/app";
import { signInCookie } from "../setup/two-factor";

let app: TestApp;
let admin: Awaited<ReturnType<typeof createAdmin>>;
let staffCookie: string;

const get = (path: string, cookie = staffCookie) =>
  fetch(`${app.url}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
const html = async (path: string, cookie = staffCookie) => {
  const res = await get(path, cookie);
  return { status: res.status, text: await res.text() };
};
/** The address of the page's "next" link, if any. */
const nextHref = (page: string) => page.match(/<a [^>]*rel="next"[^>]*>/)?.[0].match(/href="([^"]+)"/)?.[1];
/** Text of the page without tags, comments and entities, as a reader sees it. */
const visible = (s: string) =>
  s
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<!--.*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

// A day inside the Jan-Apr trimester with its books still due: a member entered on 3 January, in Lagos.
const entered = new Date("2026-01-03T09:00:00Z");

beforeAll(async () => {
  await ensureProgramme();
  admin = await createAdmin();
  app = await startApp();
  staffCookie = await signInCookie(app, admin);
});
afterAll(async () => {
  await app?.stop();
});

describe("members behind on a duty", () => {
  test("a member behind on books and on activities counts once on the dashboard", async () => {
    const before = visible((await html("/admin")).text).match(/(\d+) members? behind on a duty/);
    const m = await createMember({ level: 3, timeZone: "Africa/Lagos", enteredAt: entered });
    const after = visible((await html("/admin")).text).match(/(\d+) members? behind on a duty/);
    expect(Number(after?.[1])).toBe(Number(before?.[1] ?? 0) + 1);
    const page = visible((await html("/admin/behind?level=3")).text);
    expect(page).toContain(`(@${m.username})`);
    expect(page).toMatch(
      new RegExp(`@${m.username}\\) 3 Activities this year: 0 of 3, due by [^@]*Books this trimester: 0 of 1, due by`),
    );
  });

  test("filters by level, duty and group, and pages by name without repeating anyone", async () => {
    const prefix = `behind_${Date.now().toString(36)}`;
    const people = [];
    for (const i of [1, 2, 3]) people.push(await createMember({ level: 1, username: `${prefix}_${i}` }));
    // level 1 has no periodic duty: nobody at level 1 is behind
    expect(visible((await html("/admin/behind?level=1")).text)).toContain("Nobody is behind on books or activities.");
    const lvl4 = [];
    for (const i of [1, 2, 3, 4, 5])
      lvl4.push(
        await createMember({ level: 4, username: `${prefix}_l4_${i}`, timeZone: "Africa/Lagos", enteredAt: entered }),
      );
    // the one who read a book is behind on activities only
    await db
      .insertInto("reading_log")
      .values({ user_id: lvl4[0].id, title: "The Effortless Experience", finished_on: sql<string>`current_date` })
      .execute();
    const books = visible((await html("/admin/behind?level=4&duty=books")).text);
    expect(books).not.toContain(`@${lvl4[0].username})`);
    expect(books).toContain(`@${lvl4[1].username})`);
    expect(books).not.toContain("Activities this year:");
    const acts = visible((await html("/admin/behind?level=4&duty=activities")).text);
    expect(acts).toContain(`@${lvl4[0].username})`);

    // a learning group narrows it to its learners
    const tutor = await createMember({ level: 4 });
    const made = await createGroup({
      adminId: admin.id,
      name: `Cohort ${prefix}`,
      startsOn: "2026-09-01",
      endsOn: "2026-12-15",
      tutor: tutor.username,
    });
    if (!made.ok) throw new Error(made.message);
    await addLearner({ adminId: admin.id, groupId: made.groupId, learner: lvl4[2].username });
    const grouped = visible((await html(`/admin/behind?group=${made.groupId}`)).text);
    expect(grouped).toContain("1 member behind on a duty");
    expect(grouped).toContain(`@${lvl4[2].username})`);
    expect(grouped).not.toContain(`@${lvl4[3].username})`);

    // pages of 50 by name: walk them all and see each level-4 member exactly once
    const seen: string[] = [];
    let next: string | null = "/admin/behind?level=4";
    for (let i = 0; next && i < 100; i++) {
      const { status, text } = await html(next);
      expect(status).toBe(200);
      seen.push(...[...visible(text).matchAll(/\(@([a-z0-9_]+)\)/g)].map((m) => m[1]));
      next = nextHref(text)?.replace(/&amp;/g, "&") ?? null;
    }
    for (const p of lvl4) expect(seen.filter((u) => u === p.username)).toHaveLength(1);
    expect(new Set(seen).size).toBe(seen.length);
    // the same walk in pages of 2 (the keyset is the lower-case username)
    const walked: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 100; i++) {
      const page = await listMembersBehind({ level: 4, limit: 2, after });
      walked.push(...page.rows.map((r) => r.username));
      if (!page.next) break;
      after = page.next;
    }
    expect(walked).toEqual(seen);
    expect(walked.length).toBe(await countMembersBehind({ level: 4 }));
    // a filter that does not parse shows everyone rather than failing
    expect((await get("/admin/behind?level=banana&group=-3&duty=%27%3B--&after=%E2%80%AEzz")).status).toBe(200);
  });

  test("the page walks an index in name order (EXPLAIN), and a member or recruiter is refused", async () => {
    const { rows } = await sql<{ "QUERY PLAN": string }>`explain
      select u.id from users u join level_history h on h.user_id = u.id and h.left_at is null
      where u.deleted_at is null and u.level is not null and u.level = 3 and lower(u.username) > 'a'
      order by lower(u.username) limit 51`.execute(db);
    const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
    // with few rows the planner may prefer a scan; what matters is that the index exists and fits
    const { rows: idx } = await sql<{
      indexdef: string;
    }>`select indexdef from pg_indexes where indexname = 'users_level_name_idx'`.execute(db);
    expect(idx[0]?.indexdef).toContain("(level, lower(username))");
    await db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      await sql`set local enable_sort = off`.execute(trx);
      const forced = await sql<{ "QUERY PLAN": string }>`explain
        select u.id from users u
        where u.deleted_at is null and u.level is not null and u.level = 3 and lower(u.username) > 'a'
        order by lower(u.username) limit 51`.execute(trx);
      expect(forced.rows.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(
        /Index (Only )?Scan using users_level_name_idx/,
      );
      // the audit log's "by staff" and "kind" filters, newest first, read their indexes backwards
      const byStaff = await sql<{ "QUERY PLAN": string }>`explain
        select id from audit_log where actor_id = ${admin.id} and id < 1000000 order by id desc limit 51`.execute(trx);
      expect(byStaff.rows.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(
        /Index (Only )?Scan Backward using audit_log_actor_id_idx/,
      );
      const byKind = await sql<{ "QUERY PLAN": string }>`explain
        select id from audit_log where split_part(action, '.', 1) = 'post' order by id desc limit 51`.execute(trx);
      expect(byKind.rows.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(
        /Index (Only )?Scan Backward using audit_log_kind_id_idx/,
      );
    });
    expect(plan).toBeTruthy();
    const member = await createMember({ level: 1 });
    await ageUser(member);
    const cookie = await signInCookie(app, member);
    expect((await get("/admin/behind", cookie)).status).toBe(403);
    expect((await get("/admin/audit", cookie)).status).toBe(403);
  });
});

describe("progress CSV", () => {
  test("has display name, country, group and tutor, and a formula in a name is defused", async () => {
    const m = await createMember({ level: 1 });
    await db
      .updateTable("users")
      .set({ display_name: '=HYPERLINK("http://evil.example","x")' })
      .where("id", "=", m.id)
      .execute();
    await db.insertInto("profiles").values({ user_id: m.id, country: "NG", city: "Lagos" }).execute();
    const tutor = await createMember({ level: 4 });
    await db.updateTable("users").set({ display_name: "@Tutor Amaka" }).where("id", "=", tutor.id).execute();
    const made = await createGroup({
      adminId: admin.id,
      name: "+Cohort Lagos",
      startsOn: "2026-09-01",
      endsOn: "2026-12-15",
      tutor: tutor.username,
    });
    if (!made.ok) throw new Error(made.message);
    await addLearner({ adminId: admin.id, groupId: made.groupId, learner: m.username });
    const res = await get("/admin/progress.csv");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
    const lines = (await res.text()).split("\r\n");
    expect(lines[0]).toBe(
      "username,display_name,email,country,group,tutor,level,level_name,entered_on," +
        "requirement,label,phase,done,required,status,due_by",
    );
    const mine = lines.filter((l) => l.startsWith(`${m.username},`));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0]).toContain(
      `,"'=HYPERLINK(""http://evil.example"",""x"")",${m.email},Nigeria,'+Cohort Lagos,'@Tutor Amaka,1,`,
    );
    // French for a staff member reading in French: the country's French name
    const fr = await fetch(`${app.url}/admin/progress.csv`, {
      headers: { Cookie: `${staffCookie}; tp_lang=fr`, "Accept-Language": "fr" },
    });
    const frText = await fr.text();
    expect(frText.split("\r\n").find((l) => l.startsWith(`${m.username},`))).toMatch(/,Nigeria,|,Nigéria,/);
  });
});

describe("requirement labels", () => {
  test("a changed threshold changes the label on every page, in English and French", async () => {
    const req = await db
      .selectFrom("level_requirements")
      .select(["id", "label", "params"])
      .where("key", "=", "l2-distinct-topics")
      .executeTakeFirst();
    const target =
      req ??
      (await db
        .selectFrom("level_requirements")
        .select(["id", "label", "params"])
        .where("kind", "=", "distinct_topics")
        .orderBy("level")
        .executeTakeFirstOrThrow());
    const level =
      (await db.selectFrom("level_requirements").select("level").where("id", "=", target.id).executeTakeFirstOrThrow())
        .level ?? undefined;
    const params = { ...(target.params as Record<string, unknown>), min: 7 };
    const r = await updateRequirement({ adminId: admin.id, id: target.id, label: target.label, params });
    expect(r.ok).toBe(true);
    const m = await createMember({ level });
    await ageUser(m);
    const cookie = await signInCookie(app, m);
    const en = visible((await html("/progress", cookie)).text);
    expect(en).toContain("Contribute to discussions in at least 7 different topics");
    expect(en).not.toContain("at least 5 different topics");
    const fr = visible((await html("/progress", `${cookie}; tp_lang=fr`)).text);
    expect(fr).toContain("Participer aux discussions dans au moins 7 sujets différents");
    const staffPage = visible((await html("/admin/requirements")).text);
    expect(staffPage).toContain(
      "Label (written from the thresholds below) Contribute to discussions in at least 7 different topics",
    );
    // the history reads as text: the threshold went from 5 to 7
    expect(staffPage).toMatch(/min 5 → 7/);
    await updateRequirement({ adminId: admin.id, id: target.id, label: target.label, params: target.params });
  });
});

describe("award categories", () => {
  let year = 2040; // one round a year; each test file has its own database
  const round = (categories: string) => ({
    year: String(year++),
    title: "Customer service awards",
    intro: "",
    deadline: "2099-12-31T17:00",
    categories,
    criteria: "Impact\nLeadership",
  });

  test("a category open only to levels that may not nominate is refused with a sentence, the input kept", async () => {
    const categories = "Service leadership - leading a team [3-4]\nRookie of the year - first steps [1-2]";
    const res = await postForm(app, "/admin/awards", round(categories), { cookie: staffCookie });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(visible(body)).toContain(
      "“Rookie of the year” is open to levels 1 to 2, but only members at levels 3 to 4 may nominate themselves, " +
        "so no member could enter it.",
    );
    expect(body).toContain("Rookie of the year - first steps [1-2]</textarea>");
    const bad = await postForm(app, "/admin/awards", round("Ghost award [5-9]"), { cookie: staffCookie });
    expect(bad.status).toBe(400);
    expect(visible(await bad.text())).toContain("“Ghost award”: give levels between 1 and 4 in brackets");
    expect(
      await db
        .selectFrom("award_categories")
        .select("id")
        .where("name", "in", ["Rookie of the year", "Ghost award"])
        .execute(),
    ).toEqual([]);
  });

  test("a category open to level 4 takes level-4 nominations and refuses a level-3 member", async () => {
    const res = await postForm(app, "/admin/awards", round("Leader of the year - strategy [4]\nOpen category"), {
      cookie: staffCookie,
    });
    expect(res.status).toBe(302);
    const roundId = Number(res.headers.get("location")!.match(/\/admin\/awards\/(\d+)/)![1]);
    const cats = await db
      .selectFrom("award_categories")
      .select(["id", "name", "min_level", "max_level"])
      .where("round_id", "=", roundId)
      .orderBy("position")
      .execute();
    expect(cats.map((c) => [c.name, c.min_level, c.max_level])).toEqual([
      ["Leader of the year", 4, 4],
      ["Open category", 1, 4],
    ]);
    const three = await createMember({ level: 3 });
    const four = await createMember({ level: 4 });
    const input = { categoryId: cats[0].id, statement: "", achievements: "", evidenceLinks: [] };
    const refused = await saveNomination({ scope: await scopeOfUser(db, three.id), roundId, input, submit: false });
    expect(refused).toMatchObject({ ok: false, status: 403, message: "staffViews.awards.notOpen" });
    const taken = await saveNomination({ scope: await scopeOfUser(db, four.id), roundId, input, submit: false });
    expect(taken.ok).toBe(true);
  });
});

describe("audit log", () => {
  test("staff filter by member, staff, kind and dates, read before/after as text, and page by keyset", async () => {
    const m = await createMember({ level: 1 });
    const other = await createAdmin();
    const req = await db
      .selectFrom("level_requirements")
      .select(["id", "label", "params"])
      .where("kind", "=", "books")
      .executeTakeFirstOrThrow();
    await updateRequirement({
      adminId: other.id,
      id: req.id,
      label: req.label,
      params: { ...(req.params as object), minPerTrimester: 2 },
    });
    await updateRequirement({ adminId: other.id, id: req.id, label: req.label, params: req.params });
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, {
        actorId: admin.id,
        action: "user.silence",
        targetType: "user",
        targetId: m.id,
        before: { until: null },
        after: { until: "2026-12-24T10:00:00.000Z", reason: "Spam links" },
      });
      await recordAudit(trx, {
        actorId: m.id,
        action: "user.passkey_added",
        targetType: "user",
        targetId: m.id,
        after: { name: "Phone", publicKey: "pk-should-never-show", secret: "JBSWY3DP" },
      });
    });

    const byMember = visible((await html(`/admin/audit?member=${m.username.toUpperCase()}`)).text);
    expect(byMember).toContain(`about ${m.display_name} (@${m.username})`);
    expect(byMember).toContain("until: none → 24 December 2026");
    expect(byMember).toContain("reason: Spam links");
    expect(byMember).toContain("user.passkey_added");
    expect(byMember).not.toContain("pk-should-never-show");
    expect(byMember).not.toContain("JBSWY3DP");
    expect(byMember).not.toContain("requirement.update");

    const byStaff = visible((await html(`/admin/audit?staff=${other.id}&kind=requirement`)).text);
    expect(byStaff.match(/requirement\.update/g)).toHaveLength(2);
    expect(byStaff).toContain("params.minPerTrimester: 1 → 2");
    expect(byStaff).toContain("params.minPerTrimester: 2 → 1");
    expect(byStaff).not.toContain("recommendedOnly"); // unchanged fields are left out
    expect(byStaff).not.toContain("user.silence");
    expect(visible((await html(`/admin/audit?staff=${other.id}&kind=post`)).text)).toContain(
      "No entry matches these filters.",
    );

    const zone = (await db.selectFrom("users").select("time_zone").where("id", "=", admin.id).executeTakeFirstOrThrow())
      .time_zone;
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date()); // YYYY-MM-DD
    expect(visible((await html(`/admin/audit?member=${m.username}&from=${today}&to=${today}`)).text)).toContain(
      "user.silence",
    );
    expect(visible((await html(`/admin/audit?member=${m.username}&from=2001-01-01&to=2001-01-02`)).text)).toContain(
      "No entry matches these filters.",
    );

    // bad filters answer with a sentence beside the field, never a 500
    const bad = await html(`/admin/audit?from=31/12/2026&to=2001-01-01&member=nobody_${Date.now()}&kind=DROP%20TABLE`);
    expect(bad.status).toBe(400);
    expect(visible(bad.text)).toContain("Give a date as year-month-day, e.g. 2026-12-31.");
    expect(visible(bad.text)).toContain("Choose a kind from the list.");
    const impossible = await html(`/admin/audit?to=2026-13-45&from=2026-02-30`);
    expect(impossible.status).toBe(400);
    expect(visible(impossible.text)).toContain("Give a date as year-month-day, e.g. 2026-12-31.");
    const unknown = await html(`/admin/audit?member=nobody_${Date.now()}`);
    expect(unknown.status).toBe(404);
    expect(visible(unknown.text)).toContain("No member has this username.");
    expect(unknown.text).toMatch(/name="member"[^>]*value="nobody_/);

    // keyset pages of 50, newest first: every entry once, ids falling
    for (let i = 0; i < 60; i++)
      await db
        .transaction()
        .execute((trx) =>
          recordAudit(trx, { actorId: other.id, action: "settings.limits", targetType: "settings", after: { n: i } }),
        );
    const ids: number[] = [];
    let next: string | null = `/admin/audit?staff=${other.id}`;
    while (next) {
      const { text } = await html(next);
      ids.push(...[...text.matchAll(/id="audit-(\d+)"/g)].map((x) => Number(x[1])));
      const href = nextHref(text)?.replace(/&amp;/g, "&");
      next = href ?? null;
    }
    expect(ids).toHaveLength(62);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
  });

  test("the words of a private thread are not shown, even to staff", async () => {
    const a = await createMember({ level: 2 });
    const b = await createMember({ level: 2 });
    await ageUser(a);
    const cat = await createCategory({ see: "participants", post: "participants", reply: "participants" });
    const topic = await makeTopic(a, cat, {
      participantIds: [a.id, b.id],
      title: "Between the two of us only",
      body: "My manager and I disagree about the refund policy, in confidence.",
    });
    // staff may moderate a private thread; the log records the edit, not its words
    const edited = await editPost({
      scope: await scopeFor(admin),
      postId: topic.postId,
      body: "Confidential: my salary is 420,000 naira and I am leaving in March.",
    });
    expect(edited.ok).toBe(true);
    const page = visible((await html(`/admin/audit?staff=${admin.id}&kind=post`)).text);
    expect(page).toContain("post.edit");
    expect(page).toContain("This happened in a private thread: its words are not shown here.");
    expect(page).not.toContain("420,000");
    expect(page).not.toContain("in confidence");
    // a public post's edit reads as before → after
    const pub = await createCategory();
    const open = await makeTopic(a, pub, { body: "Our queue times doubled after the new IVR went live last week." });
    await editPost({
      scope: await scopeFor(admin),
      postId: open.postId,
      body: "Our queue times tripled after the new IVR went live last week.",
    });
    const pubPage = visible((await html(`/admin/audit?staff=${admin.id}&kind=post`)).text);
    expect(pubPage).toContain(
      "body: Our queue times doubled after the new IVR went live last week. → " +
        "Our queue times tripled after the new IVR went live last week.",
    );
  });
});
