// Portfolio with panel review (issue 26 point 2) on the real database and over HTTP with the app's
// own job worker: a member submits a portfolio for the CCSM experience route; each reference gets a
// mail with a tokenised link and confirms without an account; staff assign two reviewers (the
// member's mentor is refused with a sentence, and so is a mentee); each scores the rubric once;
// approval waits for the reviews and the confirmations; a declined portfolio is appealed, the appeal
// upheld reopens the review, and the approval meets the requirement. Needs `npx remix build`.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { sharedI18n } from "~/i18n";
import { createAppeal, decideAppeal, listAppealable } from "~/models/journey/appeal.server";
import { getDesignationApplyState } from "~/models/journey/designation.server";
import { assignReviewer, decidePortfolio } from "~/models/journey/portfolio-review.server";
import { getPortfolioForReviewer, submitReview } from "~/models/journey/portfolio-panel.server";
import { scheduleInterview } from "~/models/journey/portfolio-interview.server";
import { RUBRIC, type Criterion } from "~/models/journey/portfolio.schema";
import { getMyPortfolio, savePortfolio } from "~/models/journey/portfolio.server";
import { scopeOf } from "~/models/permissions.server";
import { pdfBytes } from "../factories/files";
import { createMember } from "../factories/progress";
import { createAdmin, createUser } from "../factories/users";
import { postForm, startApp, type TestApp } from "../setup/app";
import { waitForMailFile } from "../setup/mail";
import { signInCookie } from "../setup/two-factor";

const KEY = "ccsm-experience-portfolio";
const en = sharedI18n("en").t;

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

const visible = (s: string) =>
  s
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t\r\n]+/g, " ");

/** The reference request mailed to `email` by the app's worker: its confirmation link. */
async function referenceLink(email: string): Promise<string> {
  const text = await waitForMailFile("portfolio-reference-", email, 30_000);
  const link = /https?:\/\/\S+\/references\/[A-Za-z0-9_-]+/.exec(text)?.[0];
  if (!link) throw new Error(`no confirmation link in the mail to ${email}`);
  return link;
}

const scores = (score: number) =>
  Object.fromEntries(RUBRIC.map((c) => [c, { score, comment: `Scored ${score}: clear evidence for ${c}.` }])) as Record<
    Criterion,
    { score: number; comment: string }
  >;

async function portfolioRequirement(userId: number) {
  const state = await getDesignationApplyState(db, { userId, code: "CCSM" });
  return state?.designation.requirements.find((r) => r.key === KEY);
}

async function submittedPortfolio() {
  const member = await createMember({ level: 3 });
  const tag = member.username;
  const pdf = new File([new Uint8Array(await pdfBytes())], "csat report.pdf", { type: "application/pdf" });
  const projects = [
    { title: "Quality programme", description: "Led 24 agents; satisfaction rose from 71% to 86%." },
    { title: "Journey mapping", description: "Removed three hand-offs from account opening." },
  ];
  const references = [
    { name: "Thabo Nkosi", email: `thabo.${tag}@example.test`, phone: "", organisation: "Ubuntu Bank" },
    { name: "Amara Diallo", email: `amara.${tag}@example.test`, phone: "+27 11 555 0101", organisation: "" },
  ].map((r, i) => ({ ...r, relationship: i ? ("client" as const) : ("supervisor" as const) }));

  // submitting without the references the requirement asks for: refused with the sentence, kept as a draft
  const short = await savePortfolio({
    userId: member.id,
    requirementKey: KEY,
    projects,
    references: references.slice(0, 1),
    files: [pdf],
    submit: true,
  });
  expect(short).toMatchObject({ ok: false, status: 422, message: "portfolio.errors.needReferences" });
  expect(en("portfolio.errors.needReferences", { count: 2 })).toBe(
    "Name at least 2 references before submitting; your draft was saved.",
  );
  const draft = await getMyPortfolio({ userId: member.id, requirementKey: KEY });
  expect(draft?.portfolio?.status).toBe("draft");
  expect(draft?.projects.map((p) => p.title)).toEqual(["Quality programme", "Journey mapping"]);
  expect(draft?.files).toHaveLength(1);
  expect((await portfolioRequirement(member.id))?.progress).toMatchObject({
    status: "due",
    detail: { state: "draft" },
  });

  const sent = await savePortfolio({
    userId: member.id,
    requirementKey: KEY,
    projects,
    references,
    files: [],
    submit: true,
  });
  expect(sent).toMatchObject({ ok: true, submitted: true });
  const portfolioId = sent.ok ? sent.portfolioId : 0;
  expect((await portfolioRequirement(member.id))?.progress).toMatchObject({
    status: "pending",
    detail: { state: "submitted", reviews: 0, reviewers: 2, confirmed: 0, references: 2 },
  });
  // a submitted portfolio is no longer edited
  expect(
    await savePortfolio({ userId: member.id, requirementKey: KEY, projects, references, files: [], submit: false }),
  ).toMatchObject({ ok: false, status: 409 });
  return { member, portfolioId, references };
}

describe("portfolio with panel review", () => {
  test("a portfolio with two reviewers, a mentor refused as reviewer, an appeal", async () => {
    const admin = await createAdmin();
    const staff = scopeOf({ id: admin.id, roles: ["member", "admin"], level: null });
    const { member, portfolioId, references } = await submittedPortfolio();

    // the member's mentor, and a mentee of the member, are refused with the reason; nothing is written
    const mentor = await createUser({ displayName: "Kofi Mentor" });
    const mentee = await createUser({ displayName: "Esi Mentee" });
    await db
      .insertInto("mentorships")
      .values([
        { mentor_id: mentor.id, mentee_id: member.id, status: "active", started_at: new Date() },
        { mentor_id: member.id, mentee_id: mentee.id, status: "completed", started_at: new Date() },
      ])
      .execute();
    const refused = await assignReviewer({ scope: staff, portfolioId, username: mentor.username });
    expect(refused).toMatchObject({ ok: false, status: 409, message: "portfolio.errors.conflict.mentor" });
    if (refused.ok) throw new Error("the mentor was assigned");
    expect(en(refused.message, refused.values)).toBe(
      "Kofi Mentor is the member's mentor, and a reviewer cannot be the member's mentor.",
    );
    expect(await assignReviewer({ scope: staff, portfolioId, username: mentee.username })).toMatchObject({
      ok: false,
      message: "portfolio.errors.conflict.mentee",
    });
    expect(await assignReviewer({ scope: staff, portfolioId, username: member.username })).toMatchObject({
      ok: false,
      message: "portfolio.errors.conflict.self",
    });
    expect(
      await db.selectFrom("portfolio_reviews").select("id").where("portfolio_id", "=", portfolioId).execute(),
    ).toHaveLength(0);

    // two reviewers at arm's length
    const first = await createUser({ displayName: "Ngozi Reviewer" });
    const second = await createUser({ displayName: "Yaw Reviewer" });
    const outsider = await createUser();
    expect(await assignReviewer({ scope: staff, portfolioId, username: first.username })).toMatchObject({ ok: true });
    expect(await assignReviewer({ scope: staff, portfolioId, username: `@${second.username}` })).toMatchObject({
      ok: true,
    });
    expect(await assignReviewer({ scope: staff, portfolioId, username: first.username })).toMatchObject({
      ok: false,
      message: "portfolio.errors.alreadyAssigned",
    });
    // a member is not staff: cannot assign
    expect(
      await assignReviewer({
        scope: scopeOf({ ...outsider, roles: ["member"], level: 4 }),
        portfolioId,
        username: "x",
      }),
    ).toMatchObject({ ok: false, status: 403 });

    // only assigned reviewers read it; contact details stay with staff
    const firstScope = scopeOf({ id: first.id, roles: ["member"], level: 4 });
    const seen = await getPortfolioForReviewer({ scope: firstScope, portfolioId });
    expect(seen?.projects).toHaveLength(2);
    expect(JSON.stringify(seen?.references)).not.toContain("@example.test");
    expect(
      await getPortfolioForReviewer({ scope: scopeOf({ id: outsider.id, roles: ["member"], level: 4 }), portfolioId }),
    ).toBeUndefined();

    // approval needs both reviews
    const early = await decidePortfolio({ scope: staff, portfolioId, decision: "approved", reasons: "Strong work." });
    expect(early).toMatchObject({ ok: false, status: 409, message: "portfolio.errors.needReviews" });
    expect(await submitReview({ reviewerId: first.id, portfolioId, scores: scores(4) })).toMatchObject({ ok: true });
    expect(await submitReview({ reviewerId: first.id, portfolioId, scores: scores(5) })).toMatchObject({
      ok: false,
      message: "portfolio.errors.reviewSubmitted",
    });
    expect(await submitReview({ reviewerId: outsider.id, portfolioId, scores: scores(5) })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await submitReview({ reviewerId: second.id, portfolioId, scores: scores(3) })).toMatchObject({ ok: true });

    // one reference confirms through the mailed link, without an account
    const link = await referenceLink(references[0].email);
    const token = link.split("/references/")[1];
    const page = await fetch(`${app.url}/references/${token}`);
    expect(page.status).toBe(200);
    const text = visible(await page.text());
    expect(text).toContain(`Confirm a reference for ${member.display_name}`);
    expect(text).toContain("Quality programme");
    const answered = await postForm(app, `/references/${token}`, {
      answer: "confirm",
      statement: "I managed Thabo's team budget alongside this work.",
    });
    expect(answered.status).toBe(200);
    expect(visible(await answered.text())).toContain("Thank you: your answer was recorded.");

    // approval also needs the second confirmation: staff decline instead, with reasons
    expect(
      await decidePortfolio({ scope: staff, portfolioId, decision: "approved", reasons: "Strong work overall." }),
    ).toMatchObject({ ok: false, message: "portfolio.errors.needConfirmed", values: { count: 2, done: 1 } });
    const reasons = "The second reference has not confirmed, and the evidence of outcomes is thin.";
    expect(await decidePortfolio({ scope: staff, portfolioId, decision: "declined", reasons })).toMatchObject({
      ok: true,
    });
    const declined = await getMyPortfolio({ userId: member.id, requirementKey: KEY });
    expect(declined?.portfolio).toMatchObject({ status: "declined", decision_reasons: reasons });
    // the member never reads what references wrote to the panel
    expect(JSON.stringify(declined)).not.toContain("team budget");
    expect((await portfolioRequirement(member.id))?.progress).toMatchObject({
      status: "due",
      detail: { state: "declined" },
    });

    // the member appeals through the existing appeals; upheld, the review reopens
    const appealable = (await listAppealable(member.id)).find((s) => s.type === "portfolio");
    expect(appealable).toMatchObject({ id: portfolioId, detail: reasons, pending: false, closed: false });
    const appeal = await createAppeal({
      userId: member.id,
      subjectType: "portfolio",
      subjectId: portfolioId,
      reason: "My second reference was travelling; she has now answered.",
    });
    expect(appeal).toMatchObject({ ok: true });
    const upheld = await decideAppeal({
      adminId: admin.id,
      appealId: appeal.ok ? appeal.appealId : 0,
      decision: "upheld",
      reason: "The panel will look again once the reference answers.",
      remedy: "annul",
    });
    expect(upheld).toMatchObject({ ok: true });
    expect((await getMyPortfolio({ userId: member.id, requirementKey: KEY }))?.portfolio?.status).toBe("submitted");

    // the second reference confirms; staff schedule the interview and approve: the requirement is met
    const second_link = await referenceLink(references[1].email);
    const confirmed = await postForm(app, new URL(second_link).pathname, { answer: "confirm", statement: "" });
    expect(confirmed.status).toBe(200);
    const again = await postForm(app, new URL(second_link).pathname, { answer: "decline", statement: "" });
    expect(again.status).toBe(409);
    expect(visible(await again.text())).toContain("You already answered this request.");

    await scheduleInterview({
      scope: staff,
      portfolioId,
      startsAt: new Date("2027-01-12T09:00:00Z"),
      minutes: 45,
      place: "Video call",
    });
    const cookie = await signInCookie(app, member);
    const ics = await fetch(`${app.url}/portfolio/${KEY}/interview.ics`, { headers: { Cookie: cookie } });
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    const body = await ics.text();
    expect(body).toContain("DTSTART:20270112T090000Z");
    expect(body).toContain("DTEND:20270112T094500Z");
    expect(body).toContain("LOCATION:Video call");
    expect(body).toMatch(/UID:portfolio-interview-\d+@/);
    // nobody else's calendar: another member has no interview there
    const otherCookie = await signInCookie(app, outsider);
    expect(
      (await fetch(`${app.url}/portfolio/${KEY}/interview.ics`, { headers: { Cookie: otherCookie } })).status,
    ).toBe(404);

    expect(
      await decidePortfolio({
        scope: staff,
        portfolioId,
        decision: "approved",
        reasons: "Both references confirmed; the panel found clear leadership and measured outcomes.",
      }),
    ).toMatchObject({ ok: true });
    expect((await portfolioRequirement(member.id))?.progress).toMatchObject({
      status: "met",
      detail: { state: "approved", reviews: 2, confirmed: 2 },
    });

    // /progress shows the requirement's state and the link to the portfolio
    const progress = await (await fetch(`${app.url}/progress`, { headers: { Cookie: cookie } })).text();
    expect(visible(progress)).toContain("Approved by the panel");
    const mine = await (await fetch(`${app.url}/portfolio/${KEY}`, { headers: { Cookie: cookie } })).text();
    expect(visible(mine)).toContain("Both references confirmed; the panel found clear leadership");
  });

  test("an unknown reference link is refused with a sentence; /progress links to the portfolio", async () => {
    const unknown = await fetch(`${app.url}/references/${"x".repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(visible(await unknown.text())).toContain("This link is not valid.");
    const posted = await postForm(app, `/references/${"x".repeat(43)}`, { answer: "confirm", statement: "" });
    expect(posted.status).toBe(404);

    const member = await createMember({ level: 3 });
    const cookie = await signInCookie(app, member);
    const html = await (await fetch(`${app.url}/progress`, { headers: { Cookie: cookie } })).text();
    expect(html).toContain(`href="/portfolio/${KEY}"`);
    expect(visible(html)).toContain("Prepare and submit your portfolio");
    expect(visible(html)).toContain("Not started");
  });
});
