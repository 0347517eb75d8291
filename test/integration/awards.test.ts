// The yearly awards on the real database: nominations close at the deadline (server-enforced,
// nothing written), only levels 3-4 nominate, drafts do not count for the award_nomination duty,
// evidence files are checked by content, a judge cannot score their own nomination and sees no
// other judge's scores before submitting, and published winners hold an "Award winner" badge.
import { readdir } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { readEvidence } from "~/models/awards/award-file.server";
import { getNominationForJudging, listJudgeQueue, submitReview } from "~/models/awards/award-judging.server";
import { RoundSchema } from "~/models/awards/award.schema";
import {
  assignJudge,
  createRound,
  getRankedResults,
  publishWinners,
  updateDeadline,
} from "~/models/awards/award.server";
import { achievementText } from "~/models/badges/badge-credential.server";
import { getBadgeAward } from "~/models/badges/badge.server";
import { getEvidenceFile, saveNomination } from "~/models/awards/nomination.server";
import { getStanding } from "~/models/journey/progress/index.server";
import { scopeOfUser } from "~/viewer.server";
import { sharedI18n } from "~/i18n";
import { createMember, ensureProgramme } from "../factories/progress";
import { createAdmin } from "../factories/users";
import {
  GPS_MARKER,
  hostilePdf,
  jpegWithGps,
  pdfBytes,
  pdfWithWebLink,
  pngBomb,
  type HostilePdf,
} from "../factories/files";

let admin: Awaited<ReturnType<typeof createAdmin>>;
let nextYear = 2040;
let PDF: Buffer;
beforeAll(async () => {
  await ensureProgramme();
  admin = await createAdmin();
  PDF = await pdfBytes();
});

const STATEMENT = "I rebuilt our complaint-handling process across three call centres and coached eight team leads.";
const ACHIEVEMENTS = "First-contact resolution up from 61% to 78% in a year.";

/** A round whose deadline is `hours` from now (UTC), with two categories and two criteria. */
async function newRound(hours = 24) {
  const d = new Date(Date.now() + hours * 3_600_000);
  const deadline = d.toISOString().slice(0, 16);
  const year = nextYear++;
  const input = RoundSchema.parse({
    year,
    title: `Touchpoints Awards ${year}`,
    deadline,
    categories: "Service leadership - leading a team\nCustomer champion",
    criteria: "Impact\nEvidence",
  });
  const r = await createRound({ staffId: admin.id, input, timeZone: "UTC" });
  if (!r.ok) throw new Error(r.message);
  const ofRound = (table: "award_categories" | "award_criteria") =>
    db.selectFrom(table).select(["id", "name"]).where("round_id", "=", r.id).orderBy("position").execute();
  const [categories, criteria] = [await ofRound("award_categories"), await ofRound("award_criteria")];
  return { id: r.id, year, categories, criteria };
}

async function closeRound(roundId: number) {
  await db
    .updateTable("award_rounds")
    .set({ deadline_at: new Date(Date.now() - 1000) })
    .where("id", "=", roundId)
    .execute();
}

const nominate = async (
  userId: number,
  roundId: number,
  categoryId: number,
  submit = true,
  extra: Partial<{ statement: string; files: File[]; now: Date }> = {},
) =>
  saveNomination({
    scope: await scopeOfUser(db, userId),
    roundId,
    input: {
      categoryId,
      statement: extra.statement ?? STATEMENT,
      achievements: ACHIEVEMENTS,
      evidenceLinks: ["https://example.org/case-study"],
    },
    submit,
    files: extra.files,
    now: extra.now,
  });

const pdf = (name = "evidence.pdf") => new File([new Uint8Array(PDF)], name, { type: "application/pdf" });
const awardFiles = async () =>
  (await readdir(path.join(process.env.DATA_DIR!, "uploads", "awards")).catch(() => [] as string[])).filter(
    (f) => !f.endsWith(".tmp"),
  );

async function nominationProgress(userId: number, key: string) {
  const standing = await getStanding(db, { userId, itemLimit: 10 });
  return standing!.requirements.find((r) => r.key === key)!.progress;
}

describe("nominations", () => {
  test("a level-3 member saves a draft, then submits; only the submitted one counts for the duty", async () => {
    const round = await newRound();
    const member = await createMember({ level: 3 });
    const draft = await nominate(member.id, round.id, round.categories[0].id, false, { statement: "draft" });
    expect(draft).toMatchObject({ ok: true, submitted: false });
    expect(await nominationProgress(member.id, "l3-award-nomination")).toMatchObject({ done: 0 });
    const sent = await nominate(member.id, round.id, round.categories[0].id, true);
    expect(sent).toMatchObject({ ok: true, submitted: true });
    expect(await nominationProgress(member.id, "l3-award-nomination")).toMatchObject({ done: 1, status: "met" });
    // still one nomination for the category: the draft became the submission
    expect(
      await db.selectFrom("award_nominations").select("id").where("user_id", "=", member.id).execute(),
    ).toHaveLength(1);
  });

  test("an incomplete submission is refused with what to fix; the draft is untouched", async () => {
    const round = await newRound();
    const member = await createMember({ level: 4 });
    await nominate(member.id, round.id, round.categories[1].id, false, { statement: "my first words" });
    const r = await nominate(member.id, round.id, round.categories[1].id, true, { statement: "too short" });
    expect(r).toMatchObject({ ok: false, fields: { statement: "awards.errors.statementShort" } });
    const row = await db
      .selectFrom("award_nominations")
      .select(["statement", "submitted_at"])
      .where("user_id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ statement: "my first words", submitted_at: null });
  });

  test("a nomination after the deadline is refused with a clear message, and nothing is written", async () => {
    const round = await newRound(1);
    const member = await createMember({ level: 3 });
    await nominate(member.id, round.id, round.categories[0].id, true);
    const before = await db
      .selectFrom("award_nominations")
      .selectAll()
      .where("user_id", "=", member.id)
      .executeTakeFirstOrThrow();
    const late = new Date(Date.now() + 3_600_000 + 1000);
    const edit = await nominate(member.id, round.id, round.categories[0].id, true, {
      statement: `${STATEMENT} Edited after the deadline.`,
      now: late,
      files: [pdf()],
    });
    expect(edit).toMatchObject({ ok: false, status: 409, message: "awards.errors.deadlinePassed" });
    const fresh = await nominate(member.id, round.id, round.categories[1].id, true, { now: late });
    expect(fresh).toMatchObject({ ok: false, message: "awards.errors.deadlinePassed" });
    expect(await db.selectFrom("award_nominations").selectAll().where("user_id", "=", member.id).execute()).toEqual([
      before,
    ]);
    expect(
      await db.selectFrom("award_nomination_files").select("id").where("nomination_id", "=", before.id).execute(),
    ).toHaveLength(0);
  });

  test("members below level 3 cannot nominate themselves", async () => {
    const round = await newRound();
    const member = await createMember({ level: 2 });
    expect(await nominate(member.id, round.id, round.categories[0].id)).toMatchObject({
      ok: false,
      status: 403,
      message: "awards.errors.levelRequired",
    });
  });

  test("evidence files are checked by content: a PDF is kept, a text file called .pdf is refused", async () => {
    const round = await newRound();
    const member = await createMember({ level: 3 });
    const bad = await nominate(member.id, round.id, round.categories[0].id, true, {
      files: [new File(["just text"], "report.pdf", { type: "application/pdf" })],
    });
    expect(bad).toMatchObject({ ok: false, status: 415, message: "awards.errors.fileType" });
    expect(
      await db.selectFrom("award_nominations").select("id").where("user_id", "=", member.id).execute(),
    ).toHaveLength(0);
    const good = await nominate(member.id, round.id, round.categories[0].id, true, {
      files: [pdf("Case study <final>.pdf")],
    });
    expect(good.ok).toBe(true);
    const file = await db.selectFrom("award_nomination_files").selectAll().executeTakeFirstOrThrow();
    expect(file).toMatchObject({ content_type: "application/pdf", file_name: "Case study final.pdf" });
    // the author sees it; another member does not
    const other = await createMember({ level: 3 });
    expect(await getEvidenceFile({ scope: await scopeOfUser(db, member.id), fileId: file.id })).toBeDefined();
    expect(await getEvidenceFile({ scope: await scopeOfUser(db, other.id), fileId: file.id })).toBeUndefined();
  });
});

/** The one evidence file a member's nominations hold. */
const storedFileOf = (userId: number) =>
  db
    .selectFrom("award_nomination_files as f")
    .innerJoin("award_nominations as n", "n.id", "f.nomination_id")
    .select(["f.storage_key", "f.content_type", "f.file_name", "f.size"])
    .where("n.user_id", "=", userId)
    .executeTakeFirstOrThrow();

describe("evidence files are cleaned or refused", () => {
  async function refusedWith(files: File[], want: { status: number; message: string }) {
    const round = await newRound();
    const member = await createMember({ level: 3 });
    const before = await awardFiles();
    const r = await nominate(member.id, round.id, round.categories[0].id, false, { files });
    expect(r).toMatchObject({ ok: false, ...want });
    expect(
      await db.selectFrom("award_nominations").select("id").where("user_id", "=", member.id).execute(),
    ).toHaveLength(0);
    expect(await awardFiles()).toEqual(before);
    return r;
  }

  test("a JPEG with a GPS block is kept without its metadata", async () => {
    const photo = await jpegWithGps();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    expect(photo.includes(GPS_MARKER)).toBe(true);
    const round = await newRound();
    const member = await createMember({ level: 3 });
    const r = await nominate(member.id, round.id, round.categories[0].id, false, {
      files: [new File([new Uint8Array(photo)], "certificate.jpg", { type: "image/jpeg" })],
    });
    expect(r.ok).toBe(true);
    const row = await storedFileOf(member.id);
    const stored = (await readEvidence(row.storage_key))!;
    expect(row.content_type).toBe("image/jpeg");
    expect(row.size).toBe(stored.byteLength);
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 320, height: 240 });
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(GPS_MARKER)).toBe(false);
    expect(stored.includes("EXIF-ARTIST-NAME")).toBe(false);
  });

  test("a GIF is accepted as a PNG of its first frame", async () => {
    const gif = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#36c" } })
      .gif()
      .toBuffer();
    const round = await newRound();
    const member = await createMember({ level: 3 });
    expect(
      (
        await nominate(member.id, round.id, round.categories[0].id, false, {
          files: [new File([new Uint8Array(gif)], "chart.gif")],
        })
      ).ok,
    ).toBe(true);
    const row = await storedFileOf(member.id);
    expect(row).toMatchObject({ content_type: "image/png", file_name: "chart.png" });
    expect((await sharp((await readEvidence(row.storage_key))!).metadata()).format).toBe("png");
  });

  test("a decompression bomb (20,000 x 20,000 pixels in 50 KB) is refused as too large, with the limit", async () => {
    const bomb = pngBomb();
    expect(bomb.byteLength).toBeLessThan(100_000);
    const r = await refusedWith([new File([new Uint8Array(bomb)], "scan.png", { type: "image/png" })], {
      status: 422,
      message: "awards.errors.fileImageTooLarge",
    });
    if (r.ok) return;
    expect(r.values).toMatchObject({ name: "scan.png", width: 20_000, height: 20_000, maxPixels: 50_000_000 });
    expect(sharedI18n("en").t(r.message, r.values)).toMatch(
      /“scan\.png” is too large: 20,000 × 20,000 pixels.*the limit is 50,000,000 pixels/,
    );
    expect(sharedI18n("fr").t(r.message, r.values)).toMatch(
      /« scan\.png » est trop grande : 20.000 × 20.000 pixels.*limite de 50.000.000 pixels/,
    );
  });

  test.each(["openActionJs", "namedJs", "launch", "embeddedFile", "annotationJs", "javascriptUri"] as HostilePdf[])(
    "a PDF with %s is refused",
    async (kind) => {
      const bytes = await hostilePdf(kind);
      await refusedWith([new File([new Uint8Array(bytes)], "brochure.pdf", { type: "application/pdf" })], {
        status: 422,
        message: "awards.errors.pdfActive",
      });
    },
  );

  test("an HTML page called .pdf is refused with the accepted types; a bare %PDF- header is unreadable", async () => {
    const html = "<!doctype html><html><body><script>alert(document.cookie)</script></body></html>";
    const r = await refusedWith([new File([html], "report.pdf", { type: "application/pdf" })], {
      status: 415,
      message: "awards.errors.fileType",
    });
    const sentence = "“report.pdf” is not a PDF, PNG, JPEG, WebP or GIF file.";
    if (!r.ok) expect(sharedI18n("en").t(r.message, r.values)).toBe(sentence);
    await refusedWith([new File([`%PDF-1.7\n${html}`], "report.pdf", { type: "application/pdf" })], {
      status: 422,
      message: "awards.errors.pdfUnreadable",
    });
  });

  test("a valid PDF is accepted as it was sent", async () => {
    const round = await newRound();
    const member = await createMember({ level: 3 });
    expect((await nominate(member.id, round.id, round.categories[0].id, false, { files: [pdf("plan.pdf")] })).ok).toBe(
      true,
    );
    const row = await storedFileOf(member.id);
    expect(row.content_type).toBe("application/pdf");
    expect((await readEvidence(row.storage_key))?.equals(PDF)).toBe(true);
    // an ordinary web link is not an active part
    const linked = await nominate(member.id, round.id, round.categories[1].id, false, {
      files: [new File([new Uint8Array(await pdfWithWebLink())], "links.pdf")],
    });
    expect(linked.ok).toBe(true);
  });
});

describe("judging", () => {
  test("a judge cannot score their own nomination", async () => {
    const round = await newRound();
    const judge = await createMember({ level: 4 });
    await assignJudge({ staffId: admin.id, categoryId: round.categories[0].id, username: judge.username });
    const own = await nominate(judge.id, round.id, round.categories[0].id);
    if (!own.ok) throw new Error(own.message);
    await closeRound(round.id);
    const scope = await scopeOfUser(db, judge.id);
    const scores = Object.fromEntries(round.criteria.map((c) => [String(c.id), "5"]));
    const r = await submitReview({ scope, nominationId: own.id, input: { scores, comments: {}, comment: "" } });
    expect(r).toMatchObject({ ok: false, status: 403, message: "awards.errors.ownNomination" });
    expect(
      await db.selectFrom("award_reviews").select("id").where("nomination_id", "=", own.id).execute(),
    ).toHaveLength(0);
    expect(await getNominationForJudging({ scope, nominationId: own.id })).toBeUndefined();
    const queue = await listJudgeQueue({ scope });
    expect(queue.find((c) => c.categoryId === round.categories[0].id)!.nominations.map((n) => n.id)).not.toContain(
      own.id,
    );
  });

  test("a judge sees no other judge's scores before submitting, and sees them after", async () => {
    const round = await newRound();
    const category = round.categories[0];
    const nominee = await createMember({ level: 3 });
    const [first, second] = await Promise.all([createMember({ level: 4 }), createMember({ level: 4 })]);
    for (const j of [first, second])
      await assignJudge({ staffId: admin.id, categoryId: category.id, username: j.username });
    const n = await nominate(nominee.id, round.id, category.id);
    if (!n.ok) throw new Error(n.message);
    const [firstScope, secondScope] = await Promise.all([scopeOfUser(db, first.id), scopeOfUser(db, second.id)]);

    // before the deadline, scoring is not open yet
    const early = await submitReview({
      scope: firstScope,
      nominationId: n.id,
      input: { scores: { [round.criteria[0].id]: "4", [round.criteria[1].id]: "3" }, comments: {}, comment: "" },
    });
    expect(early).toMatchObject({ ok: false, message: "awards.errors.judgingNotOpen" });
    await closeRound(round.id);

    const [impact, evidence] = round.criteria;
    const r1 = await submitReview({
      scope: firstScope,
      nominationId: n.id,
      input: {
        scores: { [impact.id]: "4", [evidence.id]: "2" },
        comments: { [impact.id]: "Strong figures" },
        comment: "",
      },
    });
    expect(r1.ok).toBe(true);

    const view = await getNominationForJudging({ scope: secondScope, nominationId: n.id });
    expect(view).toBeDefined();
    expect(view!.otherReviews).toEqual([]);
    expect(view!.othersHidden).toBe(true);
    expect(view!.canScore).toBe(true);
    expect(JSON.stringify(view)).not.toContain("Strong figures");

    // a score out of range is refused, nothing written
    const bad = await submitReview({
      scope: secondScope,
      nominationId: n.id,
      input: { scores: { [impact.id]: "6", [evidence.id]: "" }, comments: {}, comment: "" },
    });
    expect(bad).toMatchObject({
      ok: false,
      fields: { [`score-${impact.id}`]: "awards.errors.score", [`score-${evidence.id}`]: "awards.errors.score" },
    });
    expect(await db.selectFrom("award_reviews").select("id").where("judge_id", "=", second.id).execute()).toHaveLength(
      0,
    );

    const r2 = await submitReview({
      scope: secondScope,
      nominationId: n.id,
      input: { scores: { [impact.id]: "5", [evidence.id]: "5" }, comments: {}, comment: "Outstanding" },
    });
    expect(r2.ok).toBe(true);
    const after = await getNominationForJudging({ scope: secondScope, nominationId: n.id });
    expect(after!.otherReviews).toHaveLength(1);
    expect(after!.otherReviews[0].scores.find((s) => s.criterion_id === impact.id)).toMatchObject({
      score: 4,
      comment: "Strong figures",
    });
    expect(after!.canScore).toBe(false);
    // a second review by the same judge is refused
    const twice = await submitReview({
      scope: secondScope,
      nominationId: n.id,
      input: { scores: { [impact.id]: "1", [evidence.id]: "1" }, comments: {}, comment: "" },
    });
    expect(twice.ok).toBe(false);

    // a judge of another category sees nothing of this nomination
    const outsider = await createMember({ level: 4 });
    await assignJudge({ staffId: admin.id, categoryId: round.categories[1].id, username: outsider.username });
    expect(
      await getNominationForJudging({ scope: await scopeOfUser(db, outsider.id), nominationId: n.id }),
    ).toBeUndefined();

    // staff see the ranking: mean total (6 and 10 -> 8)
    const ranked = await getRankedResults({ roundId: round.id });
    expect(ranked.get(category.id)![0]).toMatchObject({
      nominationId: n.id,
      reviews: 2,
      total: 8,
      perCriterion: { [impact.id]: 4.5, [evidence.id]: 3.5 },
    });
  });

  test("a draft is invisible to judges", async () => {
    const round = await newRound();
    const judge = await createMember({ level: 4 });
    await assignJudge({ staffId: admin.id, categoryId: round.categories[0].id, username: judge.username });
    const member = await createMember({ level: 3 });
    const d = await nominate(member.id, round.id, round.categories[0].id, false);
    if (!d.ok) throw new Error(d.message);
    expect(
      await getNominationForJudging({ scope: await scopeOfUser(db, judge.id), nominationId: d.id }),
    ).toBeUndefined();
  });
});

describe("results", () => {
  test("staff publish winners: an 'Award winner <year>' badge, a notification, the audit log; only once", async () => {
    const round = await newRound();
    const winner = await createMember({ level: 3 });
    const n = await nominate(winner.id, round.id, round.categories[1].id);
    if (!n.ok) throw new Error(n.message);
    expect(await publishWinners({ staffId: admin.id, roundId: round.id, nominationIds: [n.id] })).toMatchObject({
      ok: false,
      message: "awards.errors.beforeDeadline",
    });
    const r = await updateDeadline({
      staffId: admin.id,
      roundId: round.id,
      deadline: new Date(Date.now() - 60_000).toISOString().slice(0, 16),
      timeZone: "UTC",
    });
    expect(r.ok).toBe(true);
    expect(await publishWinners({ staffId: admin.id, roundId: round.id, nominationIds: [n.id] })).toMatchObject({
      ok: true,
      winners: 1,
    });
    const badge = await db
      .selectFrom("badge_awards")
      .selectAll()
      .where("user_id", "=", winner.id)
      .where("kind", "=", "award")
      .executeTakeFirstOrThrow();
    expect(badge).toMatchObject({ award_year: round.year, revoked_at: null });
    const award = await getBadgeAward(db, { publicId: badge.public_id });
    // the credential names the category won (issue 22)
    const category = round.categories[1].name;
    expect(achievementText(award!)).toMatchObject({
      name: `Award winner ${round.year}: ${category}`,
      anchor: `award-${round.year}`,
    });
    expect(achievementText(award!).description).toContain(`Category: ${category}.`);
    const note = await db
      .selectFrom("notifications")
      .select("data")
      .where("user_id", "=", winner.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(note.data)).toContain(`/badges/${badge.public_id}`);
    const actions = (
      await db
        .selectFrom("audit_log")
        .select("action")
        .where("target_type", "=", "award_round")
        .where("target_id", "=", String(round.id))
        .orderBy("id")
        .execute()
    ).map((a) => a.action);
    expect(actions).toEqual(["award.round.create", "award.round.deadline", "award.results.publish"]);
    expect(await publishWinners({ staffId: admin.id, roundId: round.id, nominationIds: [n.id] })).toMatchObject({
      ok: false,
      message: "awards.errors.resultsPublished",
    });
  });

  test("a nomination of another round, or a draft, cannot be published as a winner", async () => {
    const round = await newRound();
    const other = await newRound();
    const m = await createMember({ level: 3 });
    const elsewhere = await nominate(m.id, other.id, other.categories[0].id);
    const draft = await nominate(m.id, round.id, round.categories[0].id, false);
    if (!elsewhere.ok || !draft.ok) throw new Error("setup");
    await closeRound(round.id);
    for (const id of [elsewhere.id, draft.id])
      expect(await publishWinners({ staffId: admin.id, roundId: round.id, nominationIds: [id] })).toMatchObject({
        ok: false,
        message: "awards.errors.badWinner",
      });
    expect(
      await db
        .selectFrom("badge_awards")
        .select("id")
        .where("user_id", "=", m.id)
        .where("kind", "=", "award")
        .execute(),
    ).toHaveLength(0);
  });
});
