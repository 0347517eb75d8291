// Members' data on the real PostgreSQL and Meilisearch: the export holds the member's own data and
// nothing of other people's private content; deletion erases the person (profile, photo, name in
// forum search and the directory), revokes badges, cuts recruiters off at once, keeps or removes
// the posts as asked with consistent counters, and a wrong confirmation writes nothing.
import { existsSync } from "node:fs";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { sql } from "kysely";
import sharp from "sharp";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { DELETED_NAME, deleteAccount } from "~/models/account/account-deletion.server";
import { awardLevelBadge, getBadgeAward } from "~/models/badges/badge.server";
import { buildDataExport, collectExportFiles } from "~/models/account/data-export.server";
import { parseDirectoryQuery } from "~/models/directory/directory.schema";
import { searchDirectory } from "~/models/directory/directory.server";
import { searchPosts } from "~/models/forum/forum-search.server";
import { likePost } from "~/models/forum/like.server";
import { storePhoto, uploadsDir } from "~/models/directory/photo.server";
import { setProfilePhoto } from "~/models/directory/profile.server";
import { applyAsRecruiter, decideRecruiter } from "~/models/directory/recruiter.server";
import { listContactsForRecruiter, sendContactRequest } from "~/models/directory/contact-request.server";
import { listShortlist, setShortlisted } from "~/models/directory/shortlist.server";
import { parseSearchQuery } from "~/models/forum/search-query";
import { VISITOR, type Scope } from "~/models/permissions.server";
import { createProfile } from "../factories/profiles";
import { ageUser, createCategory, makeReply, makeTopic, scopeFor } from "../factories/topics";
import { createAdmin, createUser, TEST_PASSWORD } from "../factories/users";

const ORIGIN = "https://touchpoints.example";
const ADA = { username: "ada_okafor", displayName: "Adaeze Zumbalaka" };

let ada: { id: number; username: string; email: string };
let bola: { id: number; username: string; email: string };
let chidi: { id: number; username: string; email: string };
let recruiter: { user: { id: number; email: string }; scope: Scope };
let pub: { slug: string };
let adaTopic: { topicId: number; postId: number };
let bolaTopic: { topicId: number; postId: number };
let adaReplyId: number;
let badgeId: string;
let photoKey: string;

async function makeRecruiter(username: string) {
  const admin = await scopeFor(await createAdmin({ username: `${username}_admin` }));
  const user = await createUser({ username });
  const applied = await applyAsRecruiter({
    scope: await scopeFor(user),
    input: {
      name: "Savanna Talent Ltd",
      website: "https://savanna-talent.example",
      country: "NG",
      registrationNumber: "RC123456",
      contactRole: "Head of hiring",
      description: "We hire customer-service talent across West Africa.",
    },
  });
  if (!applied.ok) throw new Error(applied.message);
  const decided = await decideRecruiter({ scope: admin, id: applied.id, decision: "verify", reason: "" });
  if (!decided.ok) throw new Error(decided.message);
  return { user, scope: await scopeFor(user) };
}

const searchForum = async (scope: Scope, q: string) => (await searchPosts({ scope, query: parseSearchQuery(q) })).hits;
const searchPeople = async (scope: Scope, q: string) =>
  (await searchDirectory({ scope, query: parseDirectoryQuery(new URLSearchParams({ q })) })).cards;

beforeAll(async () => {
  ada = await createProfile({
    username: ADA.username,
    displayName: ADA.displayName,
    level: 2,
    visibility: "public",
    open: true,
    bio: "I lead the **Lagos** contact centre night shift.",
  });
  bola = await createUser({ username: "bola_mentor", displayName: "Bola Mentor" });
  chidi = await createUser({ username: "chidi_peer", displayName: "Chidi Peer" });
  for (const u of [ada, bola, chidi]) await ageUser(u);
  pub = await createCategory({ slug: "open-floor", see: "everyone" });
  const privateCat = await createCategory({
    slug: "mentoring",
    see: "participants",
    post: "participants",
    reply: "participants",
  });

  adaTopic = await makeTopic(ada, pub, {
    title: "Night shift escalation ladder",
    body: "ADA-OWN-TOPIC-BODY: how we escalate at night.",
  });
  await makeReply(bola, adaTopic, "BOLA-PUBLIC-REPLY: thank you, this helps my team a lot.");
  bolaTopic = await makeTopic(bola, pub, {
    title: "Queue management in peak season",
    body: "BOLA-OPENING: our queues triple in December.",
  });
  adaReplyId = (await makeReply(ada, bolaTopic, "ADA-REPLY-IN-BOLA-TOPIC: we split the queue by intent.")).postId;
  // a mentorship thread Ada takes part in, and a private thread she is not on
  const thread = await makeTopic(bola, privateCat, {
    title: "Mentoring plan for Ada",
    body: "BOLA-PRIVATE-WORDS: goals for the quarter.",
    participantIds: [ada.id],
  });
  await makeReply(ada, thread, "ADA-PRIVATE-REPLY: my goals are set.");
  await db
    .insertInto("mentorships")
    .values({
      mentor_id: bola.id,
      mentee_id: ada.id,
      status: "active",
      started_at: new Date(),
      topic_id: thread.topicId,
    })
    .execute();
  await makeTopic(bola, privateCat, {
    title: "SECRET-TITLE between Bola and Chidi",
    body: "SECRET-BOLA-CHIDI body.",
    participantIds: [chidi.id],
  });

  const liked = await likePost({ scope: await scopeFor(ada), postId: bolaTopic.postId });
  expect(liked.ok).toBe(true);
  await db.insertInto("bookmarks").values({ user_id: ada.id, post_id: bolaTopic.postId }).execute();
  await db
    .insertInto("activities")
    .values({ user_id: ada.id, kind: "conference", title: "ADA-ACTIVITY Lagos CX summit", occurred_on: "2026-10-02" })
    .execute();
  await db
    .insertInto("reading_log")
    .values({ user_id: ada.id, title: "ADA-BOOK The Effortless Experience", finished_on: "2026-09-20" })
    .execute();
  badgeId = (
    await db
      .transaction()
      .execute((trx) =>
        awardLevelBadge(trx, { userId: ada.id, level: 2, awardedBy: null, applicationId: null, at: new Date() }),
      )
  ).public_id;

  const png = await sharp({ create: { width: 96, height: 96, channels: 3, background: "#3a7" } })
    .png()
    .toBuffer();
  const stored = await storePhoto({ userId: ada.id, data: new Uint8Array(png) });
  if (!stored.ok) throw new Error(stored.message);
  photoKey = stored.key;
  await setProfilePhoto({ userId: ada.id, key: photoKey });

  recruiter = await makeRecruiter("savanna_recruiter");
  const sent = await sendContactRequest({
    scope: recruiter.scope,
    username: ada.username,
    message: "RECRUITER-MESSAGE: would you talk to us about a team lead role?",
  });
  if (!sent.ok) throw new Error(sent.message);
  expect(
    (await setShortlisted({ scope: recruiter.scope, username: ada.username, shortlisted: true, note: "strong" })).ok,
  ).toBe(true);
  await drainJobs(); // notifications, search and directory documents
});

describe("export", () => {
  test("holds the member's own data, as JSON and markdown, and nothing of others' private content", async () => {
    const result = await buildDataExport({ scope: await scopeFor(ada), origin: ORIGIN });
    if (!result.ok) throw new Error(result.message);
    const files = unzipSync(result.zip);
    const text = (p: string) => strFromU8(files[p]);
    const names = Object.keys(files);

    expect(JSON.parse(text("account.json"))).toMatchObject({
      username: ada.username,
      email: ada.email,
      display_name: ADA.displayName,
    });
    expect(JSON.parse(text("account.json"))).not.toHaveProperty("password_hash");
    expect(JSON.parse(text("profile/profile.json"))).toMatchObject({
      user_id: ada.id,
      job_title: "Customer Care Officer",
    });
    expect(text("profile/bio.md")).toContain("**Lagos**");
    expect(files["profile/photo-256.webp"].byteLength).toBeGreaterThan(100);
    // every post she wrote is a markdown file, the private reply included
    const posts = names.filter((n) => n.startsWith("posts/") && n.endsWith(".md")).map(text);
    expect(posts).toHaveLength(3);
    expect(posts.join("\n")).toContain("ADA-OWN-TOPIC-BODY");
    expect(posts.join("\n")).toContain("ADA-REPLY-IN-BOLA-TOPIC");
    expect(posts.join("\n")).toContain("ADA-PRIVATE-REPLY");
    expect(posts.find((p) => p.includes("ADA-REPLY-IN-BOLA-TOPIC"))).toContain(`url: ${ORIGIN}/p/${adaReplyId}`);
    expect(JSON.parse(text("forum/likes.json"))).toEqual([
      expect.objectContaining({ post_id: bolaTopic.postId, url: `${ORIGIN}/p/${bolaTopic.postId}` }),
    ]);
    expect(JSON.parse(text("forum/bookmarks.json"))).toHaveLength(1);
    expect(text("progress/activities.json")).toContain("ADA-ACTIVITY");
    expect(text("progress/reading-log.json")).toContain("ADA-BOOK");
    expect(JSON.parse(text("progress/level-history.json"))).toEqual([expect.objectContaining({ level: 2 })]);
    expect(JSON.parse(text("badges.json"))).toEqual([
      expect.objectContaining({ public_id: badgeId, verify_url: `${ORIGIN}/badges/${badgeId}`, revoked_at: null }),
    ]);
    expect(JSON.parse(text("contacts/requests-received.json"))).toEqual([
      expect.objectContaining({
        organisation: "Savanna Talent Ltd",
        message: expect.stringContaining("RECRUITER-MESSAGE"),
      }),
    ]);
    expect(JSON.parse(text("mentorships.json")).mentorships).toEqual([
      expect.objectContaining({ role: "mentee", other_username: bola.username, status: "active" }),
    ]);
    expect(JSON.parse(text("notifications.json")).length).toBeGreaterThan(0);

    // others' words and private content stay out, whatever file they could hide in
    const all = names
      .filter((n) => !n.endsWith(".webp"))
      .map(text)
      .join("\n");
    for (const foreign of [
      "BOLA-PUBLIC-REPLY",
      "BOLA-OPENING",
      "BOLA-PRIVATE-WORDS",
      "SECRET-BOLA-CHIDI",
      "SECRET-TITLE",
      bola.email,
      chidi.email,
      recruiter.user.email,
    ]) {
      expect(all, foreign).not.toContain(foreign);
    }
    expect(result.files).toBe(names.length);
  });

  test("is audited without the data, and not rebuilt twice within a minute", async () => {
    const again = await buildDataExport({ scope: await scopeFor(ada), origin: ORIGIN });
    expect(again).toMatchObject({ ok: false, status: 429 });
    const audit = await db
      .selectFrom("audit_log")
      .select(["after"])
      .where("action", "=", "member.data_export")
      .where("actor_id", "=", ada.id)
      .execute();
    expect(audit).toHaveLength(1);
    const recorded = JSON.stringify(audit[0].after);
    expect(recorded).toMatch(/"files":\d+/);
    expect(recorded).not.toContain(ada.email);
    expect(recorded).not.toContain("ADA-");
  });

  test("a table another feature adds is exported by its owner column, without secret columns", async () => {
    await sql`create table if not exists test_member_notes (id serial primary key, user_id integer
        not null references users(id), note text, reviewer_email text)`.execute(db);
    await sql`insert into test_member_notes (user_id, note, reviewer_email) values (${ada.id}, 'ADA-NOTE',
        'staff@example.test'), (${bola.id}, 'BOLA-NOTE', 'staff@example.test')`.execute(db);
    const files = await collectExportFiles({ scope: await scopeFor(ada), origin: ORIGIN });
    const other = files.find((f) => f.path === "other/test_member_notes.json");
    expect(JSON.parse(String(other?.data))).toEqual([expect.objectContaining({ user_id: ada.id, note: "ADA-NOTE" })]);
    expect(String(other?.data)).not.toContain("staff@example.test");
    await sql`drop table test_member_notes`.execute(db);
  });
});

/** Everything a deletion could touch, to prove a refused one touched nothing. */
async function snapshot(userId: number) {
  const { rows } = await sql<Record<string, unknown>>`
    select (select row_to_json(u) from users u where u.id = ${userId}) as user,
      (select count(*) from profiles where user_id = ${userId}) as profiles,
      (select count(*) from posts where user_id = ${userId} and deleted_at is null) as posts,
      (select count(*) from post_likes where user_id = ${userId}) as likes,
      (select count(*) from badge_awards where user_id = ${userId} and revoked_at is null) as badges,
      (select count(*) from contact_requests where member_id = ${userId}) as contacts,
      (select count(*) from shortlists where member_id = ${userId}) as shortlists,
      (select count(*) from sessions where user_id = ${userId}) as sessions,
      (select count(*) from notifications) as notifications,
      (select count(*) from audit_log) as audit,
      (select count(*) from outbox) as outbox,
      (select json_agg(json_build_array(id, reply_count, like_count) order by id) from topics) as topics`.execute(db);
  return rows[0];
}

describe("deletion", () => {
  test("a wrong or missing confirmation writes nothing and says what to fix", async () => {
    await db
      .insertInto("sessions")
      .values({ id: "ada-session-for-test", user_id: ada.id, expires_at: new Date(Date.now() + 3600_000) })
      .execute();
    const before = await snapshot(ada.id);
    const wrong = await deleteAccount({
      userId: ada.id,
      form: { confirm: "not my password", removePosts: "on" },
      ip: "10.0.0.9",
    });
    expect(wrong).toMatchObject({ ok: false, status: 400, fields: { confirm: "privacy.delete.errors.passwordWrong" } });
    const empty = await deleteAccount({ userId: ada.id, form: { confirm: "" }, ip: "10.0.0.9" });
    expect(empty).toMatchObject({
      ok: false,
      status: 400,
      fields: { confirm: "privacy.delete.errors.confirmRequired" },
    });
    const odd = await deleteAccount({
      userId: ada.id,
      form: { confirm: TEST_PASSWORD, removePosts: "yes please" },
      ip: "10.0.0.9",
    });
    expect(odd).toMatchObject({ ok: false, status: 400 });
    expect(await snapshot(ada.id)).toEqual(before);
  });

  test("erases the person, revokes badges and cuts recruiters off; posts stay under the tombstone", async () => {
    const oldEmail = ada.email;
    const topicBefore = await db
      .selectFrom("topics")
      .select(["reply_count", "like_count"])
      .where("id", "=", bolaTopic.topicId)
      .executeTakeFirstOrThrow();
    const result = await deleteAccount({ userId: ada.id, form: { confirm: TEST_PASSWORD }, ip: "10.0.0.9" });
    if (!result.ok) throw new Error(result.message);
    expect(result.summary).toMatchObject({ postsKept: 3, postsRemoved: 0, likesRemoved: 1, badgesRevoked: 1 });

    const user = await db.selectFrom("users").selectAll().where("id", "=", ada.id).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ display_name: DELETED_NAME, password_hash: null, level: null });
    expect(user.deleted_at).toBeInstanceOf(Date);
    expect(JSON.stringify(user)).not.toMatch(/ada|zumbalaka/i);
    for (const table of [
      "profiles",
      "profile_competencies",
      "activities",
      "reading_log",
      "level_history",
      "bookmarks",
      "sessions",
      "user_roles",
      "notifications",
    ] as const) {
      const n = await db
        .selectFrom(table)
        .select(sql<number>`count(*)::int`.as("n"))
        .where("user_id", "=", ada.id)
        .executeTakeFirstOrThrow();
      expect(n.n, table).toBe(0);
    }
    // the photo files are gone from the uploads folder
    for (const size of [256, 64]) expect(existsSync(path.join(uploadsDir(), `${photoKey}-${size}.webp`))).toBe(false);

    // the badge says revoked to anyone who verifies it, with no name on it
    const award = await getBadgeAward(db, { publicId: badgeId });
    expect(award?.revoked_at).toBeInstanceOf(Date);
    expect(award?.display_name).toBe(DELETED_NAME);

    // recruiters: no request, no shortlist entry, not in the directory (already, before any job runs)
    expect(await listShortlist({ scope: recruiter.scope })).toEqual([]);
    expect(await listContactsForRecruiter({ scope: recruiter.scope })).toEqual([]);
    expect(await searchPeople(recruiter.scope, "Zumbalaka")).toEqual([]);
    expect(await searchPeople(recruiter.scope, "Lagos contact centre night shift")).toEqual([]);

    // her posts stay, her like is gone from the counters, the mentorship ended
    const kept = await db
      .selectFrom("posts")
      .select(["body_markdown", "deleted_at"])
      .where("user_id", "=", ada.id)
      .execute();
    expect(kept).toHaveLength(3);
    expect(kept.every((p) => p.deleted_at === null && p.body_markdown.startsWith("ADA-"))).toBe(true);
    const topicAfter = await db
      .selectFrom("topics")
      .select(["reply_count", "like_count"])
      .where("id", "=", bolaTopic.topicId)
      .executeTakeFirstOrThrow();
    expect(topicAfter).toEqual({ reply_count: topicBefore.reply_count, like_count: topicBefore.like_count - 1 });
    const mentorship = await db
      .selectFrom("mentorships")
      .select("status")
      .where("mentee_id", "=", ada.id)
      .executeTakeFirstOrThrow();
    expect(mentorship.status).toBe("ended");

    // forum search: the name is gone once the outbox has run; the words are found under the tombstone
    await drainJobs();
    const staff = await scopeFor(await createAdmin({ username: "search_staff" }));
    for (const scope of [VISITOR, staff]) {
      expect(await searchForum(scope, "Zumbalaka")).toEqual([]);
      expect(await searchForum(scope, "okafor")).toEqual([]);
      expect(JSON.stringify(await searchForum(scope, ada.username))).not.toContain(ada.username);
    }
    const hit = (await searchForum(VISITOR, "escalate at night")).find((h) => h.topicId === adaTopic.topicId);
    expect(hit).toBeDefined();
    expect(JSON.stringify(hit)).not.toMatch(/Zumbalaka|ada_okafor/);

    // the audit row says what happened, not who it was
    const audit = await db
      .selectFrom("audit_log")
      .select(["actor_id", "after"])
      .where("action", "=", "user.account_deleted")
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(ada.id);
    expect(JSON.stringify(audit.after)).not.toMatch(new RegExp(`Zumbalaka|${ada.username}|${oldEmail}`));
    // and the old email signs nobody in, nor can be used again by mistake for her
    expect(
      await db
        .selectFrom("users")
        .select("id")
        .where(sql`lower(email)`, "=", oldEmail.toLowerCase())
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  test("asking for the posts to go too blanks them and keeps every counter consistent", async () => {
    const dede = await createUser({ username: "dede_leaving", displayName: "Dede Vanishing" });
    await ageUser(dede);
    const started = await makeTopic(dede, pub, {
      title: "Dede's topic about callbacks",
      body: "DEDE-OPENING callbacks beat hold music.",
    });
    await makeReply(chidi, started, "CHIDI reply in Dede's topic about callbacks.");
    const reply = await makeReply(dede, bolaTopic, "DEDE-REPLY in Bola's queue topic.");
    await drainJobs();
    const result = await deleteAccount({
      userId: dede.id,
      form: { confirm: TEST_PASSWORD, removePosts: "on" },
      ip: "10.0.0.8",
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.summary).toMatchObject({ postsRemoved: 2, topicsRemoved: 1 });

    const posts = await db
      .selectFrom("posts")
      .select(["body_markdown", "body_html", "deleted_at"])
      .where("user_id", "=", dede.id)
      .execute();
    expect(posts.every((p) => p.body_markdown === "" && p.body_html === "" && p.deleted_at)).toBe(true);
    expect(await db.selectFrom("post_revisions").select("id").where("post_id", "=", reply.postId).execute()).toEqual(
      [],
    );
    const topic = await db
      .selectFrom("topics")
      .select(["deleted_at", "title"])
      .where("id", "=", started.topicId)
      .executeTakeFirstOrThrow();
    expect(topic.deleted_at).toBeInstanceOf(Date);
    expect(topic.title).not.toContain("callbacks");
    // counters equal a recount from the rows
    const { rows } = await sql<{ stored: number; counted: number }>`
      select t.reply_count as stored, (select count(*)::int - 1 from posts p where p.topic_id = t.id and p.deleted_at
        is null) as counted
      from topics t where t.id = ${bolaTopic.topicId}`.execute(db);
    expect(rows[0].stored).toBe(rows[0].counted);
    const cat = await sql<{ stored: number; counted: number; topics: number; topics_counted: number }>`
      select c.post_count as stored, c.topic_count as topics,
        (select count(*)::int from posts p join topics t on t.id = p.topic_id where t.category_id = c.id
          and t.deleted_at is null and p.deleted_at is null) as counted,
        (select count(*)::int from topics t where t.category_id = c.id and t.deleted_at is null) as topics_counted
      from categories c where c.slug = ${pub.slug}`.execute(db);
    expect(cat.rows[0].stored).toBe(cat.rows[0].counted);
    expect(cat.rows[0].topics).toBe(cat.rows[0].topics_counted);
    await drainJobs();
    expect(await searchForum(VISITOR, "DEDE-OPENING")).toEqual([]);
    expect(await searchForum(VISITOR, "Vanishing")).toEqual([]);
  });

  test("an account that is already deleted cannot be deleted again", async () => {
    const again = await deleteAccount({ userId: ada.id, form: { confirm: TEST_PASSWORD }, ip: "10.0.0.9" });
    expect(again).toMatchObject({ ok: false, status: 404 });
  });
});
