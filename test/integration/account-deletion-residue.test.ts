// Account deletion leaves nothing of the person behind. A member who touched every feature (profile
// and photo, forum, likes, flags, appeals, activities, reading, applications, awards with evidence
// files, judging, mentorship, endorsements, recruiters, rate limits, sign-in failures, a data export)
// deletes their account; then EVERY table of the database is read whole (information_schema, each
// row as JSON, so a table added later is scanned too) and every upload folder is listed. Nothing may
// hold their email, username, display name, phone or the marker they typed into every text field.
// Their posts stay, anonymised under "Deleted member" (Discourse's rule): only the posts' own text,
// written with a second marker, may remain.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { sql } from "kysely";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { fileStore } from "~/storage.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { deleteAccount } from "~/models/account/account-deletion.server";
import { createActivity } from "~/models/journey/activity.server";
import { createAppeal, decideAppeal } from "~/models/journey/appeal.server";
import { recordAudit } from "~/models/moderation/audit.server";
import { RoundSchema } from "~/models/awards/award.schema";
import { createRound } from "~/models/awards/award.server";
import { buildDataExport, collectExportFiles } from "~/models/account/data-export.server";
import { joinWaitlist, rsvpToEvent } from "~/models/events/event-seats.server";
import { readPostImage, uploadPostImage } from "~/models/forum/uploads.server";
import { savePortfolio } from "~/models/journey/portfolio.server";
import { flagPost } from "~/models/moderation/flag.server";
import { likePost } from "~/models/forum/like.server";
import { ActivitySchema } from "~/models/moderation/logs.schema";
import { saveNomination } from "~/models/awards/nomination.server";
import { storePhoto } from "~/models/directory/photo.server";
import { setProfilePhoto } from "~/models/directory/profile.server";
import { rateLimit, userKey } from "~/models/account/rate-limit.server";
import { applyAsRecruiter, decideRecruiter } from "~/models/directory/recruiter.server";
import { sendContactRequest } from "~/models/directory/contact-request.server";
import { setShortlisted } from "~/models/directory/shortlist.server";
import { authenticate } from "~/models/account/user.server";
import { scopeOfUser } from "~/viewer.server";
import { jpegWithGps, pdfBytes } from "../factories/files";
import { saveDraft } from "~/models/forum/draft.server";
import { createProfile } from "../factories/profiles";
import { createMember } from "../factories/progress";
import { ageUser, createCategory, makeReply, makeTopic, scopeFor } from "../factories/topics";
import { createAdmin, createUser, TEST_PASSWORD } from "../factories/users";
import { publishEvent } from "../factories/events";
import type { ExportFile } from "~/models/shared/account-data";

const NAME = "Zebulon Quarrington";
const USERNAME = "zeb_quarr";
const PHONE = "+234 801 555 0199";
/** Typed by the member into every free-text field outside their posts. */
const MARK = "ZQMARK";
/** Typed into their posts, which stay (anonymised). */
const POSTMARK = "ZQPOST";

const uploads = () => path.join(process.env.DATA_DIR!, "uploads");
async function listFiles(dir = uploads(), prefix = ""): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    if (e.isDirectory()) out.push(...(await listFiles(path.join(dir, e.name), `${prefix}${e.name}/`)));
    else out.push(`${prefix}${e.name}`);
  }
  return out;
}

let zeb: { id: number; username: string; email: string };
let kemi: { id: number; username: string; email: string };
let before: string[];
let kemiFiles: string[];
let zebFiles: string[];
let exported: ExportFile[];
let imageKey: string;
let waitlistEvent: number;
let seatEvent: number;
let afterZeb: { id: number };

beforeAll(async () => {
  const admin = await createAdmin({ username: "residue_admin" });
  zeb = await createProfile({
    username: USERNAME,
    displayName: NAME,
    level: 4,
    visibility: "public",
    open: true,
    bio: `Night shift lead. ${MARK}-bio`,
    achievements: [`${MARK}-achievement`],
  });
  kemi = await createMember({ level: 3, username: "residue_kemi" });
  for (const u of [zeb, kemi]) await ageUser(u);
  await db
    .updateTable("profiles")
    .set({ phone: PHONE, website_url: `https://zq.example/${MARK}` })
    .where("user_id", "=", zeb.id)
    .execute();
  const zebScope = await scopeFor(zeb);

  // ---- files: a photo in use, an older one left behind, and evidence; Kemi's evidence must stay ----
  before = await listFiles();
  const png = await jpegWithGps(96, 96);
  for (let i = 0; i < 2; i++) {
    const stored = await storePhoto({ userId: zeb.id, data: new Uint8Array(png) });
    if (!stored.ok) throw new Error(stored.message);
    if (i === 1) await setProfilePhoto({ userId: zeb.id, key: stored.key });
  }
  const round = await createRound({
    staffId: admin.id,
    input: RoundSchema.parse({
      year: 2051,
      title: "Touchpoints Awards 2051",
      deadline: new Date(Date.now() + 86_400_000).toISOString().slice(0, 16),
      categories: "Service leadership\nCustomer champion",
      criteria: "Impact",
    }),
    timeZone: "UTC",
  });
  if (!round.ok) throw new Error(round.message);
  const categories = await db
    .selectFrom("award_categories")
    .select("id")
    .where("round_id", "=", round.id)
    .orderBy("position")
    .execute();
  const evidence = (name: string, bytes: Buffer) => new File([new Uint8Array(bytes)], name);
  const statement = `${MARK}-statement: I rebuilt the complaint-handling process across three centres.`;
  const mine = await saveNomination({
    scope: zebScope,
    roundId: round.id,
    input: {
      categoryId: categories[0].id,
      statement,
      achievements: `${MARK}-achievements of the year`,
      evidenceLinks: [`https://zq.example/${MARK}`],
    },
    submit: true,
    files: [evidence(`${MARK}-certificate.jpg`, await jpegWithGps()), evidence("plan.pdf", await pdfBytes(MARK))],
  });
  if (!mine.ok) throw new Error(mine.message);
  const hers = await saveNomination({
    scope: await scopeOfUser(db, kemi.id),
    roundId: round.id,
    input: {
      categoryId: categories[1].id,
      statement: "Kemi's statement about her year of leading the escalations desk with care.",
      achievements: "Kemi's achievements: first-contact resolution up by a third.",
      evidenceLinks: [],
    },
    submit: true,
    files: [evidence("kemi.pdf", await pdfBytes())],
  });
  if (!hers.ok) throw new Error(hers.message);
  zebFiles = (await listFiles()).filter((f) => !before.includes(f) && f.includes(`/${zeb.id}-`));
  kemiFiles = (await listFiles()).filter((f) => f.includes(`/${kemi.id}-`));
  expect(zebFiles).toHaveLength(6); // two photos in two sizes, two evidence files
  expect(kemiFiles).toHaveLength(1);
  // Zeb judges Kemi's category: the review's comment is his words
  await db.insertInto("award_judges").values({ category_id: categories[1].id, user_id: zeb.id }).execute();
  const review = await db
    .insertInto("award_reviews")
    .values({ nomination_id: hers.id, judge_id: zeb.id, comment: `${MARK}-review comment` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const criterion = await db
    .selectFrom("award_criteria")
    .select("id")
    .where("round_id", "=", round.id)
    .executeTakeFirstOrThrow();
  await db
    .insertInto("award_scores")
    .values({ review_id: review.id, criterion_id: criterion.id, score: 4, comment: `${MARK}-score comment` })
    .execute();

  // ---- forum: posts (kept, anonymised), a like, a flag with a note, a bookmark ----
  const open = await createCategory({ slug: "residue-open", see: "everyone" });
  const own = await makeTopic(zeb, open, {
    title: `Callback windows ${POSTMARK}`,
    body: `${POSTMARK}: we promise a window and keep it.`,
  });
  await makeReply(kemi, own, "Kemi agrees with the callback idea.");
  const hersTopic = await makeTopic(kemi, open, {
    title: "Peak season staffing",
    body: "How do you staff the December peak?",
  });
  await makeReply(zeb, hersTopic, `${POSTMARK}: we cross-train the back office.`);
  expect((await likePost({ scope: zebScope, postId: hersTopic.postId })).ok).toBe(true);
  const flagged = await makeReply(kemi, hersTopic, "A reply Zeb finds off topic for this thread.");
  expect(
    (await flagPost({ scope: zebScope, postId: flagged.postId, reason: "other", note: `${MARK}-flag note` })).ok,
  ).toBe(true);
  await db.insertInto("bookmarks").values({ user_id: zeb.id, post_id: hersTopic.postId }).execute();

  // ---- appeal (its text also lands in the audit log), decided by staff ----
  const result = await db
    .insertInto("assessment_results")
    .values({
      user_id: zeb.id,
      assessment: "aptitude-test-2.0",
      score: 48,
      taken_on: "2026-11-02",
      attempt: 1,
      recorded_by: admin.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const appeal = await createAppeal({
    userId: zeb.id,
    subjectType: "result",
    subjectId: result.id,
    reason: `${MARK}-appeal: question 12 had two correct answers.`,
  });
  if (!appeal.ok) throw new Error(appeal.message);
  expect(
    (
      await decideAppeal({
        adminId: admin.id,
        appealId: appeal.appealId,
        decision: "dismissed",
        reason: `Dismissed: ${NAME} chose a wrong answer.`,
      })
    ).ok,
  ).toBe(true);

  // ---- programme records ----
  const activity = await createActivity({
    userId: zeb.id,
    input: ActivitySchema.parse({
      kind: "conference",
      title: `${MARK} Lagos CX summit`,
      occurredOn: "2026-10-02",
      reflection: `${MARK}-reflection`,
    }),
  });
  if (!activity.ok) throw new Error(activity.message);
  await db
    .insertInto("reading_log")
    .values({ user_id: zeb.id, title: `${MARK}-book`, finished_on: "2026-09-20", review: `${MARK}-review of the book` })
    .execute();
  const application = await db
    .insertInto("applications")
    .values({
      user_id: zeb.id,
      level: 4,
      portfolio: `${MARK}-portfolio`,
      referees: `${MARK}-referee, +234 800 000 0000`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.transaction().execute((trx) =>
    recordAudit(trx, {
      actorId: zeb.id,
      action: "application.create",
      targetType: "application",
      targetId: application.id,
      after: { portfolio: `${MARK}-portfolio` },
    }),
  );

  // ---- mentorship: a registration, a request, a cycle with Kemi as mentor, goals, sessions, feedback ----
  await db
    .insertInto("mentor_registrations")
    .values({ user_id: zeb.id, capacity: 2, time_zone: "Africa/Lagos", pitch: `${MARK}-pitch: I coach team leads.` })
    .execute();
  await db
    .insertInto("mentorship_requests")
    .values({
      mentee_id: zeb.id,
      goals: `${MARK}-goals for the quarter`,
      competencies: "[]",
      language: "en",
      availability: `${MARK}-evenings`,
      time_zone: "Africa/Lagos",
      status: "matched",
    })
    .execute();
  const mentoring = await createCategory({
    slug: "residue-mentoring",
    see: "participants",
    post: "participants",
    reply: "participants",
  });
  const thread = await makeTopic(kemi, mentoring, {
    title: "Mentoring plan",
    body: "Kemi's plan for the cycle.",
    participantIds: [zeb.id],
  });
  await makeReply(zeb, thread, `${POSTMARK}: my goals are set.`);
  const cycle = await db
    .insertInto("mentorship_cycles")
    .values({ mentor_id: kemi.id, topic_id: thread.topicId, ends_on: "2027-03-01" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("mentorships")
    .values({
      mentor_id: kemi.id,
      mentee_id: zeb.id,
      status: "active",
      started_at: new Date(),
      topic_id: thread.topicId,
      cycle_id: cycle.id,
      ask_note: `${MARK}-ask note`,
    })
    .execute();
  await db
    .insertInto("mentorship_goals")
    .values({ cycle_id: cycle.id, title: `${MARK}-goal`, created_by: zeb.id })
    .execute();
  await db
    .insertInto("mentorship_sessions")
    .values({
      cycle_id: cycle.id,
      held_on: "2026-11-20",
      duration_minutes: 45,
      notes: `${MARK}-session notes`,
      next_steps: `${MARK}-next steps`,
      logged_by: zeb.id,
    })
    .execute();
  await db
    .insertInto("mentorship_feedback")
    .values({ cycle_id: cycle.id, user_id: zeb.id, role: "mentee", rating: 5, comment: `${MARK}-feedback` })
    .execute();

  // ---- directory: endorsements both ways; a recruiter's request and shortlist note ----
  await db
    .insertInto("endorsements")
    .values([
      { user_id: zeb.id, competency: "sla-management", endorser_id: kemi.id },
      { user_id: kemi.id, competency: "sla-management", endorser_id: zeb.id },
    ])
    .execute();
  const recruiter = await createUser({ username: "residue_recruiter" });
  const applied = await applyAsRecruiter({
    scope: await scopeFor(recruiter),
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
  expect(
    (await decideRecruiter({ scope: await scopeFor(admin), id: applied.id, decision: "verify", reason: "" })).ok,
  ).toBe(true);
  const recScope = await scopeFor(recruiter);
  expect(
    (
      await sendContactRequest({
        scope: recScope,
        username: USERNAME,
        message: `Hello ${NAME}, may we talk about a role?`,
      })
    ).ok,
  ).toBe(true);
  expect(
    (
      await setShortlisted({
        scope: recScope,
        username: USERNAME,
        shortlisted: true,
        note: `${NAME} is strong on SLAs`,
      })
    ).ok,
  ).toBe(true);

  // ---- a composer draft ----
  await saveDraft({ userId: zeb.id, key: "new-topic", draft: { body: `${MARK} draft`, title: `${MARK} title` } });

  // ---- limits and sign-in failures keyed by what identifies them ----
  await rateLimit("resetByEmail", zeb.email.toLowerCase());
  await rateLimit("photo", userKey(zeb.id));
  for (const identifier of [USERNAME, zeb.email])
    await authenticate({ identifier, password: "not the password", ip: "203.0.113.9" });

  // ---- a passkey the member named, and a pending passkey challenge ----
  await db
    .insertInto("passkeys")
    .values({ user_id: zeb.id, credential_id: "zeb-key", public_key: Buffer.from([1]), name: `${NAME}'s phone` })
    .execute();
  await db
    .insertInto("passkey_challenges")
    .values({
      challenge: `zeb-${zeb.id}`,
      user_id: zeb.id,
      purpose: "sign_in",
      expires_at: new Date(Date.now() + 60_000),
    })
    .execute();

  // ---- a portfolio with a project, an evidence file and references (their contact details), submitted ----
  const portfolio = await savePortfolio({
    userId: zeb.id,
    requirementKey: "ccsm-experience-portfolio",
    projects: [{ title: `${MARK}-project`, description: `${MARK}-project description` }],
    references: [
      { name: `${MARK} Referee One`, email: "zq.referee.one@example.test", phone: "+234 802 555 0111" },
      { name: `${MARK} Referee Two`, email: "zq.referee.two@example.test", phone: "" },
    ].map((r) => ({ ...r, organisation: `${MARK}-org`, relationship: "supervisor" as const })),
    files: [new File([new Uint8Array(await pdfBytes(MARK))], `${MARK}-portfolio.pdf`, { type: "application/pdf" })],
    submit: true,
  });
  expect(portfolio).toMatchObject({ ok: true, submitted: true });

  // ---- a place on a full event's waitlist, between Kemi (seated) and another member waiting after him ----
  waitlistEvent = await publishEvent(admin.id, { capacity: "1", title: "Residue breakfast" });
  afterZeb = await createMember({ level: 1, username: "residue_after" });
  expect((await rsvpToEvent({ scope: await scopeOfUser(db, kemi.id), eventId: waitlistEvent })).ok).toBe(true);
  expect(await joinWaitlist({ scope: zebScope, eventId: waitlistEvent })).toMatchObject({ ok: true, position: 1 });
  expect(await joinWaitlist({ scope: await scopeOfUser(db, afterZeb.id), eventId: waitlistEvent })).toMatchObject({
    ok: true,
    position: 2,
  });

  // ---- and the last seat of another event, Kemi waiting for it ----
  seatEvent = await publishEvent(admin.id, { capacity: "1", title: "Residue lunch" });
  expect((await rsvpToEvent({ scope: zebScope, eventId: seatEvent })).ok).toBe(true);
  expect((await joinWaitlist({ scope: await scopeOfUser(db, kemi.id), eventId: seatEvent })).ok).toBe(true);

  // ---- a recruiter's saved search that has seen him ----
  const search = await db
    .insertInto("saved_searches")
    .values({ user_id: recruiter.id, name: "SLA leads", query: "sla" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("saved_search_seen")
    .values({ saved_search_id: search.id, member_id: zeb.id, notified_at: new Date() })
    .execute();

  // ---- an image in a post that stays (anonymised) ----
  const zebRow = await db.selectFrom("users").select("created_at").where("id", "=", zeb.id).executeTakeFirstOrThrow();
  const image = await uploadPostImage({
    uploader: { userId: zeb.id, isStaff: false, createdAt: zebRow.created_at },
    data: new Uint8Array(await jpegWithGps(64, 48)),
    fileName: "queue.jpg",
  });
  if (!image.ok) throw new Error(image.message);
  imageKey = image.url.replace(/^\/uploads\//, "");
  await makeReply(zeb, hersTopic, `${POSTMARK}: our queue board. ${image.markdown}`);
  zebFiles = (await listFiles()).filter((f) => !before.includes(f) && f.includes(`/${zeb.id}-`));
  expect(zebFiles).toHaveLength(8); // and now the portfolio's evidence and the post image

  // ---- what the export gives him (before deletion: what he can take away) ----
  exported = await collectExportFiles({ scope: zebScope, origin: "https://touchpoints.example" });

  // ---- a data export (audited) ----
  expect((await buildDataExport({ scope: zebScope, origin: "https://touchpoints.example" })).ok).toBe(true);
  await drainJobs();
}, 120_000);

/** Every row of every table, as JSON, that holds one of the strings (case-insensitive). */
async function rowsHolding(needles: string[]) {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(db);
  expect(tables.rows.length).toBeGreaterThan(60);
  const patterns = needles.map((n) => `%${n.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const found: { table: string; row: string }[] = [];
  for (const { name } of tables.rows) {
    const { rows } = await sql<{ row: string }>`select row_to_json(t)::text as row from ${sql.table(
      name,
    )} t where row_to_json(t)::text ilike any(${patterns}::text[])`.execute(db);
    for (const r of rows) found.push({ table: name, row: r.row.slice(0, 300) });
  }
  return found;
}

const exportedJson = (file: string) => {
  const f = exported.find((x) => x.path === file);
  return f ? JSON.parse(String(f.data)) : undefined;
};

describe("the export holds what deletion erases", () => {
  test("his portfolio with its projects, files and references, his waitlist place, post images, searches", () => {
    const [p] = exportedJson("progress/portfolios.json") ?? [];
    expect(p).toMatchObject({ status: "submitted", projects: [{ title: `${MARK}-project` }] });
    expect(p.files).toEqual([expect.objectContaining({ file_name: `${MARK}-portfolio.pdf` })]);
    expect(p.references.map((r: { email: string }) => r.email)).toEqual([
      "zq.referee.one@example.test",
      "zq.referee.two@example.test",
    ]);
    // staff's side is not his: who decided, the token of the mail to the referee
    expect(JSON.stringify(p)).not.toMatch(/decided_by|token_hash/);
    expect(exportedJson("events/waitlist.json")).toEqual([
      expect.objectContaining({ event_id: waitlistEvent, title: "Residue breakfast", position: 1 }),
    ]);
    expect(exportedJson("forum/uploads.json")).toEqual([
      expect.objectContaining({ url: `https://touchpoints.example/uploads/${imageKey}` }),
    ]);
    expect(exportedJson("contacts/saved-search-matches.json")).toEqual([
      expect.objectContaining({ organisation: "Savanna Talent Ltd" }),
    ]);
  });
});

describe("account deletion leaves nothing of the member", () => {
  test("the scan sees the member everywhere before deletion", async () => {
    const tables = new Set((await rowsHolding([zeb.email, USERNAME, NAME, PHONE, MARK])).map((f) => f.table));
    for (const t of [
      "users",
      "profiles",
      "audit_log",
      "appeals",
      "award_nominations",
      "award_reviews",
      "mentorship_requests",
      "mentorship_sessions",
      "flags",
      "rate_events",
      "notifications",
      "drafts",
      "passkeys",
    ]) {
      expect(tables, t).toContain(t);
    }
    // sign-in failures of a known account are keyed by its id, not by what was typed
    const failures = await db.selectFrom("login_failures").select("key").where("key", "=", `user:${zeb.id}`).execute();
    expect(failures.length).toBeGreaterThan(0);
  });

  test("after deletion: no table holds their email, name or words; no upload folder holds their files", async () => {
    const done = await deleteAccount({ userId: zeb.id, form: { confirm: TEST_PASSWORD }, ip: "203.0.113.9" });
    expect(done.ok).toBe(true);
    await drainJobs();

    const files = await listFiles();
    expect(files.filter((f) => zebFiles.includes(f) || path.basename(f).startsWith(`${zeb.id}-`))).toEqual([]);
    for (const f of kemiFiles) expect(files).toContain(f); // others' files stay

    expect(await rowsHolding([zeb.email, USERNAME, NAME, "Quarrington", PHONE, MARK, "zq.referee"])).toEqual([]);
    expect(await db.selectFrom("login_failures").select("key").where("key", "=", `user:${zeb.id}`).execute()).toEqual(
      [],
    );
    for (const table of ["passkeys", "passkey_challenges", "portfolios", "event_waitlist", "uploads"] as const)
      expect(await db.selectFrom(table).select("user_id").where("user_id", "=", zeb.id).execute(), table).toEqual([]);

    expect(await db.selectFrom("saved_search_seen").selectAll().where("member_id", "=", zeb.id).execute()).toEqual([]);
    for (const table of ["portfolio_projects", "portfolio_files", "portfolio_references"] as const)
      expect(await db.selectFrom(table).select("id").execute(), table).toEqual([]);
    // the image in his kept post no longer serves (the row and the file are gone, whatever the store)
    expect(await readPostImage(imageKey)).toBeNull();
    // even a copy that outlived the removal (a bucket's failed delete, a restored backup) is not served
    await fileStore().put(imageKey, new Uint8Array(await jpegWithGps(8, 8)), "image/webp");
    expect(await readPostImage(imageKey)).toBeNull();
    await fileStore().delete([imageKey]);
    // the waitlist closes up: the member after him is next
    expect(
      await db.selectFrom("event_waitlist").select("user_id").where("event_id", "=", waitlistEvent).execute(),
    ).toEqual([{ user_id: afterZeb.id }]);
    // the seat he held goes to the first member waiting, as when a member cancels
    expect(await db.selectFrom("event_rsvps").select("user_id").where("event_id", "=", seatEvent).execute()).toEqual([
      { user_id: kemi.id },
    ]);

    // their posts stay, under the tombstone; the thread and replies still read
    const posts = await db
      .selectFrom("posts")
      .select(["user_id", "body_markdown"])
      .where("body_markdown", "like", `${POSTMARK}%`)
      .execute();
    expect(posts).toHaveLength(4);
    expect(posts.every((p) => p.user_id === zeb.id)).toBe(true);
    const user = await db
      .selectFrom("users")
      .select(["display_name", "deleted_at"])
      .where("id", "=", zeb.id)
      .executeTakeFirstOrThrow();
    expect(user.display_name).toBe("Deleted member");
    expect(user.deleted_at).not.toBeNull();
    // what others made stays: Kemi's nomination and her files, the award scores (without his comment)
    expect(await db.selectFrom("award_nominations").select("id").where("user_id", "=", kemi.id).execute()).toHaveLength(
      1,
    );
    expect(await db.selectFrom("award_scores").select("score").execute()).toEqual([{ score: 4 }]);
  });
});
