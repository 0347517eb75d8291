// A member's own logs (/my/activities, /my/reading) share one page frame and one first step (parse, then
// the rate limit): a refused entry shows the form again with what was typed and the fields to fix; an
// accepted one lands in the list.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startApp, postForm, type TestApp } from "../setup/app";
import { signInCookie } from "../setup/two-factor";
import { createMember } from "../factories/progress";
import { TEST_PASSWORD } from "../factories/users";

describe("a member's logs over HTTP", () => {
  let app: TestApp;
  let cookie: string;
  beforeAll(async () => {
    const member = await createMember({ level: 3 });
    app = await startApp();
    cookie = await signInCookie(app, { username: member.username, password: TEST_PASSWORD });
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
  });
  const get = (path: string) => fetch(`${app.url}${path}`, { headers: { cookie } }).then((r) => r.text());

  test("an activity with a bad date is refused with the typed text kept; a good one is listed", async () => {
    const typed = {
      kind: "conference",
      title: "Service Summit Lagos",
      occurredOn: "not a date",
      reflection: "Long day",
    };
    const refused = await postForm(app, "/my/activities", typed, { cookie });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain("Please fix the field marked below.");
    expect(page).toContain("Enter a date like 2027-04-30.");
    expect(page).toContain('value="Service Summit Lagos"');
    expect(page).toContain("Long day</textarea>");
    const added = await postForm(app, "/my/activities", { ...typed, occurredOn: "2026-11-02" }, { cookie });
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toMatch(/^\/my\/activities\?added=/);
    const list = await get("/my/activities?added=pending");
    expect(list).toContain("It will count once programme staff approve it.");
    expect(list).toContain("<h3>Service Summit Lagos</h3>");
  });

  test("a book without a title is refused with the review kept; a titled one is listed", async () => {
    const typed = { bookId: "other", title: "", author: "Ken Blanchard", finishedOn: "2026-10-01", review: "Short" };
    const refused = await postForm(app, "/my/reading", typed, { cookie });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain("Please fix the field marked below.");
    expect(page).toContain('value="Ken Blanchard"');
    expect(page).toContain("Short</textarea>");
    const added = await postForm(app, "/my/reading", { ...typed, title: "Raving Fans" }, { cookie });
    expect(added.status).toBe(302);
    expect(await get("/my/reading?added=1")).toContain("<h3>Raving Fans</h3>");
  });
});
