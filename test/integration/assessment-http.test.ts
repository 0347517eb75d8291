// The assessment pages over real HTTP, without JavaScript: answers saved by plain form posts,
// the JSON save the page's script uses, and bad input (a question not in the attempt, a
// submission after the time limit) answered with a sentence and nothing written.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { createBank, putOnline } from "../factories/assessments";
import { createMember } from "../factories/progress";
import { createAdmin } from "../factories/users";
import { postForm, startApp, type TestApp } from "../setup/app";
import { signInCookie } from "../setup/two-factor";

let app: TestApp;
let cookie: string;
let member: { id: number; username: string; password: string };
let bank: Awaited<ReturnType<typeof createBank>>;

const signIn = (u: { username: string; password: string }) => signInCookie(app, u);
const shownOf = (attemptId: number) =>
  db
    .selectFrom("attempt_questions")
    .select(["question_id", "selected", "correct"])
    .where("attempt_id", "=", attemptId)
    .orderBy("position")
    .execute();
const answers = async () =>
  (
    await db
      .selectFrom("attempt_answers")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow()
  ).n;

beforeAll(async () => {
  app = await startApp();
  bank = await createBank({ size: 8 });
  await putOnline("aptitude-test-2.0", bank.id, { count: 4, timeLimitMinutes: 15, cooldownHours: 24 });
  member = await createMember({ level: 1, username: "http_learner" });
  cookie = await signIn(member);
  expect(cookie).toMatch(/^tp_session=/);
});
afterAll(async () => {
  if (process.env.SHOW_APP_LOG) console.log(app?.output());
  await app?.stop();
});

async function start() {
  const res = await postForm(app, "/assessments/aptitude-test-2.0", {}, { cookie });
  expect(res.status).toBe(302);
  const id = Number(/\/assessments\/attempts\/(\d+)$/.exec(res.headers.get("location") ?? "")?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

describe("taking an assessment without JavaScript", () => {
  test("a Save button posts the form: answers written, then back to the question, shown checked", async () => {
    const id = await start();
    const [q1, q2] = await shownOf(id);
    const body = new URLSearchParams([
      [`q${q1.question_id}`, ""],
      [`q${q1.question_id}`, "b"],
      [`q${q2.question_id}`, ""],
      ["intent", "save-1"],
    ]);
    const res = await fetch(`${app.url}/assessments/attempts/${id}`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body,
      redirect: "manual",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/assessments/attempts/${id}?saved=1#q-1`);
    expect((await shownOf(id)).map((q) => q.selected)).toEqual([["b"], null, null, null]);
    const page = await (
      await fetch(`${app.url}/assessments/attempts/${id}?saved=1`, { headers: { Cookie: cookie } })
    ).text();
    expect(page).toMatch(new RegExp(`name="q${q1.question_id}" checked="" value="b"`));
    expect(page).toContain("Answers saved.");
    // the right answers never reach the page of an open attempt
    expect(page).not.toContain("Right answer");
    // the JSON save the inlined script uses
    const js = await fetch(`${app.url}/assessments/attempts/${id}/save`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: app.origin, Accept: "application/json" },
      body: (() => {
        const f = new FormData();
        f.append(`q${q2.question_id}`, "");
        f.append(`q${q2.question_id}`, "a");
        return f;
      })(),
    });
    expect(js.status).toBe(200);
    expect(await js.json()).toMatchObject({ ok: true, message: expect.stringMatching(/^Saved at /) });
    expect((await shownOf(id))[1].selected).toEqual(["a"]);
  });

  test("an answer to a question not in the attempt: a sentence, choices kept on the page, nothing saved", async () => {
    const [attempt] = await db
      .selectFrom("assessment_attempts")
      .select("id")
      .where("user_id", "=", member.id)
      .where("status", "=", "open")
      .execute();
    const shown = await shownOf(attempt.id);
    const outside = bank.questions.find((b) => !shown.some((q) => q.question_id === b.id))!;
    const before = await answers();
    const res = await postForm(
      app,
      `/assessments/attempts/${attempt.id}`,
      { [`q${shown[2].question_id}`]: "c", [`q${outside.id}`]: "a", intent: "submit" },
      { cookie },
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("An answer was for a question that is not in this attempt. Nothing was saved");
    expect(html).toMatch(new RegExp(`name="q${shown[2].question_id}" checked="" value="c"`));
    expect(await answers()).toBe(before);
    expect((await shownOf(attempt.id))[2].selected).toBeNull();
    expect(
      await db
        .selectFrom("assessment_attempts")
        .select("status")
        .where("id", "=", attempt.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: "open" });
    // the JSON save says it too
    const js = await postForm(app, `/assessments/attempts/${attempt.id}/save`, { [`q${outside.id}`]: "a" }, { cookie });
    expect(js.status).toBe(400);
    expect(((await js.json()) as { message: string }).message).toMatch(
      /^Not saved: An answer was for a question that is not in this attempt/,
    );
  });

  test(
    "a submission after the time limit: refused with the time it ended, nothing written; the saved answers are " +
      "then marked",
    async () => {
      const [attempt] = await db
        .selectFrom("assessment_attempts")
        .select(["id", "started_at"])
        .where("user_id", "=", member.id)
        .where("status", "=", "open")
        .execute();
      // the learner started 16 minutes ago: the 15-minute limit (and its 10 s grace) has passed
      await db
        .updateTable("assessment_attempts")
        .set({ started_at: sql`now() - interval '16 minutes'`, deadline_at: sql`now() - interval '1 minute'` })
        .where("id", "=", attempt.id)
        .execute();
      const shown = await shownOf(attempt.id);
      const before = await answers();
      const res = await postForm(
        app,
        `/assessments/attempts/${attempt.id}`,
        Object.fromEntries([...shown.map((q) => [`q${q.question_id}`, q.correct[0]]), ["intent", "submit"]]),
        { cookie },
      );
      // refused: this request writes nothing and sends the learner to the attempt page
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(`/assessments/attempts/${attempt.id}?late=1`);
      expect(await answers()).toBe(before);
      expect(
        await db
          .selectFrom("assessment_attempts")
          .select("status")
          .where("id", "=", attempt.id)
          .executeTakeFirstOrThrow(),
      ).toEqual({ status: "open" });
      expect(
        await db.selectFrom("assessment_results").select("id").where("user_id", "=", member.id).execute(),
      ).toHaveLength(0);
      // which says why and marks what was saved in time (at most 2 of 4 right: not a pass)
      const page = await (
        await fetch(`${app.url}/assessments/attempts/${attempt.id}?late=1`, { headers: { Cookie: cookie } })
      ).text();
      expect(page).toMatch(
        new RegExp(
          /The time limit ended at .+ \(plus 10 seconds of grace\)\. Nothing from this submission was saved; /.source +
            /the answers saved before then are the ones marked\./.source,
        ),
      );
      expect(page).toContain("Not yet passed");
      expect(page).toContain("Time ran out at");
      expect(
        await db
          .selectFrom("assessment_attempts")
          .select("status")
          .where("id", "=", attempt.id)
          .executeTakeFirstOrThrow(),
      ).toEqual({ status: "expired" });
      expect(
        await db.selectFrom("assessment_results").select("attempt_id").where("user_id", "=", member.id).execute(),
      ).toEqual([{ attempt_id: attempt.id }]);
    },
  );

  test("another member cannot see or answer the attempt; staff see it with every answer given", async () => {
    const [attempt] = await db
      .selectFrom("assessment_attempts")
      .select("id")
      .where("user_id", "=", member.id)
      .execute();
    const other = await createMember({ level: 1, username: "http_other" });
    const otherCookie = await signIn(other);
    expect(
      (await fetch(`${app.url}/assessments/attempts/${attempt.id}`, { headers: { Cookie: otherCookie } })).status,
    ).toBe(404);
    expect(
      (await postForm(app, `/assessments/attempts/${attempt.id}/save`, { q1: "a" }, { cookie: otherCookie })).status,
    ).toBe(404);
    const admin = await createAdmin({ username: "http_staff" });
    const staffCookie = await signIn(admin);
    const html = await (
      await fetch(`${app.url}/assessments/attempts/${attempt.id}`, { headers: { Cookie: staffCookie } })
    ).text();
    expect(html).toContain("Every answer given (audit trail)");
    expect((await fetch(`${app.url}/admin/assessments`, { headers: { Cookie: otherCookie } })).status).toBe(403);
    expect((await fetch(`${app.url}/admin/assessments`, { headers: { Cookie: staffCookie } })).status).toBe(200);
  });
});
