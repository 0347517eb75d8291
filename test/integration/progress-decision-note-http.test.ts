// Issue 20 point 10, over HTTP with the app's own job worker: the note staff write when deciding an
// application reaches the member (on /progress, in the notification and its mail, as text), the
// approval mail links to /progress with the site's absolute address, and staff reading a member's
// progress are not addressed as the applicant ("your application").
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { ApplicationSchema } from "~/models/journey/application.schema";
import { createApplication } from "~/models/journey/application.server";
import { createMember } from "../factories/progress";
import { createAdmin } from "../factories/users";
import { postForm, startApp, type TestApp } from "../setup/app";
import { waitForMailFile } from "../setup/mail";
import { signInCookie } from "../setup/two-factor";

const NOTE = `Well done <b>Ama</b> & "see you" at Webinar 2.0 <script>alert(1)</script>`;
const ESCAPED =
  "Well done &lt;b&gt;Ama&lt;/b&gt; &amp; &quot;see you&quot; at Webinar 2.0 &lt;script&gt;alert(1)&lt;/script&gt;";

const waitForMail = (email: string) => waitForMailFile("notification-", email);

describe("the decision note and staff's view of a member's progress", () => {
  let app: TestApp;
  let admin: Awaited<ReturnType<typeof createAdmin>>;
  let adminCookie: string;
  beforeAll(async () => {
    app = await startApp();
    admin = await createAdmin({ username: "tunde_staff" });
    adminCookie = await signInCookie(app, admin);
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
  });

  async function levelOneDone(username: string) {
    const member = await createMember({ level: 1, username, timeZone: "Africa/Nairobi" });
    await db
      .insertInto("webinar_attendance")
      .values({ user_id: member.id, webinar: "webinar-1.0", attended_on: "2026-10-01" })
      .execute();
    await db
      .insertInto("assessment_results")
      .values({ user_id: member.id, assessment: "aptitude-test-2.0", score: 90, taken_on: "2026-10-02", attempt: 1 })
      .execute();
    const app = await createApplication({
      userId: member.id,
      input: ApplicationSchema.parse({ portfolio: "I run a clinic's front desk." }),
    });
    if (!app.ok) throw new Error("apply failed");
    return { member, applicationId: app.applicationId };
  }

  test("staff reading a member's progress read about the member, not 'your application'", async () => {
    const { member, applicationId } = await levelOneDone("esi_waiting");
    for (const page of [`/u/${member.username}/progress`, `/admin/applications/${applicationId}`]) {
      const html = await (await fetch(`${app.url}${page}`, { headers: { cookie: adminCookie } })).text();
      expect(html, page).toContain(
        `The application of ${member.display_name} for Customer Service Professional is waiting for review.`,
      );
      expect(html, page).toMatch(
        new RegExp(`Counts since ${member.display_name} entered level 1 on \\d{1,2} \\w+ \\d{4}\\.`),
      );
      for (const own of ["Your application", "Your progress", "Your contributions", "Your level", "Counts since you"])
        expect(html, `${page}: ${own}`).not.toContain(own);
    }
    // the member reads their own page in the second person
    const mine = await (
      await fetch(`${app.url}/progress`, { headers: { cookie: await signInCookie(app, member) } })
    ).text();
    expect(mine).toContain("Your application for Customer Service Professional is waiting for review.");
  });

  test("the approval note reaches the member: /progress, notification, mail (linking to /progress)", async () => {
    const { member, applicationId } = await levelOneDone("ama_approved");
    const res = await postForm(
      app,
      `/admin/applications/${applicationId}`,
      { intent: "approve", reason: NOTE },
      { cookie: adminCookie },
    );
    expect(res.status).toBe(302);
    expect(
      await db
        .selectFrom("applications")
        .select(["status", "decision_reason"])
        .where("id", "=", applicationId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: "approved", decision_reason: NOTE });

    // the mail first: opening /progress marks the notification read, and a read one is not mailed
    const mail = await waitForMail(member.email);
    expect(mail).toContain(`Note from staff: “${NOTE}”`);
    const origin = `http://localhost:${new URL(app.url).port}`;
    expect(mail.split(/\r?\n/)).toContain(`${origin}/progress`);

    const cookie = await signInCookie(app, member);
    const progress = await (await fetch(`${app.url}/progress`, { headers: { cookie } })).text();
    expect(progress).toContain("Your application for Customer Service Professional was approved.");
    expect(progress).toContain(`Note from staff: “${ESCAPED}”`);
    expect(progress).not.toContain("<b>Ama</b>");

    const inbox = await (await fetch(`${app.url}/notifications`, { headers: { cookie } })).text();
    expect(inbox).toContain(`Note from staff: “${ESCAPED}”`);
    expect(inbox).not.toContain("<script>alert(1)");
  });
});
