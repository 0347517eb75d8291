// In Chromium, through the real pages: staff publish a Webinar 1.0 event, a level-1 member RSVPs,
// staff show a check-in code during it, the member checks in (a wrong code is refused with a
// sentence), and the member's webinar requirement is met. axe-core runs on every page visited.
// Needs the built app: `npx remix build` first.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { getStanding } from "~/models/journey/progress/index.server";
import { createMember, ensureProgramme } from "../factories/progress";
import { createAdmin } from "../factories/users";
import { expectAccessible, hasChromium, useAppAndBrowser, visit } from "../setup/browser";
import { localInputUtc, signedInPage } from "../setup/session";

describe.skipIf(!hasChromium)("events in the browser", () => {
  beforeAll(async () => {
    await ensureProgramme();
  });
  const live = useAppAndBrowser();

  test("staff publish a webinar, a member RSVPs and checks in with the shown code: requirement met", async () => {
    const admin = await createAdmin({ username: "events_staff" });
    const member = await createMember({ level: 1, username: "bola_learner" });

    const staff = await signedInPage(live.browser, live.app, admin);
    await visit(staff, `${live.app.url}/admin/events`);
    await staff.getByLabel("Type", { exact: true }).selectOption("webinar");
    await staff.getByLabel("Programme webinar", { exact: true }).selectOption("webinar-1.0");
    await staff.getByLabel("Title", { exact: true }).fill("Webinar 1.0: the customer at the centre");
    await staff.getByLabel("Starts", { exact: true }).fill(localInputUtc(new Date(Date.now() - 10 * 60_000)));
    await staff.getByLabel("Ends", { exact: true }).fill(localInputUtc(new Date(Date.now() + 60 * 60_000)));
    await staff.getByLabel("Time zone", { exact: true }).fill("UTC");
    await staff.getByLabel("Online link", { exact: true }).fill("https://meet.example.org/webinar-1");
    await staff.getByLabel("Capacity", { exact: true }).fill("50");
    await staff.getByLabel("Publish now (otherwise it is saved as a draft)").check();
    await staff.getByRole("button", { name: "Create the event" }).click();
    await staff.getByText("The event is created.").waitFor();
    await expectAccessible(staff);
    const eventUrl = staff.url().split("?")[0].replace("/admin/events/", "/events/");

    // the member finds it and RSVPs
    const mine = await signedInPage(live.browser, live.app, member);
    await visit(mine, `${live.app.url}/events`);
    await mine.getByRole("link", { name: "Webinar 1.0: the customer at the centre" }).click();
    await mine.waitForURL(eventUrl);
    await expectAccessible(mine);
    await mine.getByRole("button", { name: "RSVP: I'll attend" }).click();
    await mine.getByText("You're going. We've kept a seat for you.").waitFor();
    await expectAccessible(mine);

    // staff show a code during the event
    await staff.getByRole("button", { name: "Show a check-in code" }).click();
    await staff.getByText("A new check-in code is showing.").waitFor();
    const code = (await staff.locator(".checkin-code").textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await expectAccessible(staff);

    // a wrong code is refused with a sentence; the right one checks the member in
    await mine.getByLabel("Check-in code", { exact: true }).fill("WRONG1");
    await mine.getByRole("button", { name: "Check in" }).click();
    await mine.getByText("This is not a check-in code of this event.").waitFor();
    await expectAccessible(mine);
    await mine.getByLabel("Check-in code", { exact: true }).fill(code.toLowerCase());
    await mine.getByRole("button", { name: "Check in" }).click();
    await mine.getByText("You're checked in. Your attendance is recorded.").waitFor();

    // staff see the attendance
    await staff.reload();
    await staff
      .getByRole("row", { name: /bola learner/ })
      .getByRole("cell", { name: "Yes (checked in)" })
      .waitFor();

    const standing = await getStanding(db, { userId: member.id });
    expect(standing!.requirements.find((r) => r.key === "l1-webinar-1")!.progress).toMatchObject({
      done: 1,
      status: "met",
    });
    const audit = (
      await db
        .selectFrom("audit_log")
        .select("action")
        .where("actor_id", "=", admin.id)
        .where("action", "like", "event.%")
        .orderBy("id")
        .execute()
    ).map((a) => a.action);
    expect(audit).toEqual(["event.create", "event.checkin_code.create"]);
  }, 180_000);
});
