// /progress says what to do next (issue 20 point 9), on the demo data `npm run dev` loads: each
// requirement of the demo member's level has a link that works (followed here: no 404, no sign-in
// page) or says it is recorded by staff and who to ask. Also when no webinar date is announced and
// the test is not online yet. And the level card says since when the counts run (point 10).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedAll } from "../../scripts/seed";
import { db } from "~/db.server";
import { startApp, type TestApp } from "../setup/app";
import { signInCookie } from "../setup/two-factor";

const MEMBER = { username: "member@touchpoints.test", password: "touchpoints-demo-2026" };

/** Each requirement card's HTML, by requirement key (a card ends where the next begins or its list ends). */
function cards(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/data-requirement="([^"]+)"([\s\S]*?)(?=data-requirement="|<\/ul><h2|<h2|<\/main>)/g))
    out.set(m[1], m[2]);
  return out;
}
const nextStepOf = (card: string) => /<p class="next-step">([\s\S]*?)<\/p>/.exec(card)?.[1] ?? null;
const hrefs = (fragment: string) => [...fragment.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
const text = (fragment: string) =>
  fragment
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

describe("/progress next steps on the demo data", () => {
  let app: TestApp;
  let cookie: string;
  let memberId: number;
  beforeAll(async () => {
    await seedAll({ demo: true, log: () => {} });
    app = await startApp();
    cookie = await signInCookie(app, MEMBER);
    memberId = (
      await db.selectFrom("users").select("id").where("email", "=", MEMBER.username).executeTakeFirstOrThrow()
    ).id;
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
  });

  const get = (path: string) => fetch(`${app.url}${path}`, { headers: { cookie } });
  async function follow(href: string) {
    const res = await get(href);
    return { status: res.status, path: new URL(res.url).pathname, body: await res.text() };
  }
  async function levelRequirements() {
    const member = await db.selectFrom("users").select("level").where("id", "=", memberId).executeTakeFirstOrThrow();
    return db
      .selectFrom("level_requirements")
      .select(["key", "kind"])
      .where("level", "=", member.level!)
      .where("phase", "<>", "entry")
      .where("archived_at", "is", null)
      .execute();
  }

  test("every requirement of the demo member's level has a working link or the staff sentence", async () => {
    const html = await (await get("/progress")).text();
    const byKey = cards(html);
    const reqs = await levelRequirements();
    expect(reqs.length).toBeGreaterThan(0);
    for (const r of reqs) {
      const card = byKey.get(r.key);
      expect(card, r.key).toBeDefined();
      const step = nextStepOf(card!);
      expect(step, `${r.key} says what to do next`).not.toBeNull();
      const links = hrefs(step!);
      if (!links.length) expect(text(step!), r.key).toContain("Recorded by staff.");
      for (const href of links) {
        const res = await follow(href);
        expect(res.status, `${r.key}: ${href}`).toBe(200);
        expect(res.path, `${r.key}: ${href} did not send to sign-in`).not.toBe("/login");
      }
    }
    // the demo's truth: Webinar 1.0 has an upcoming event to RSVP for, the Aptitude Test 1.0 opens
    const webinar = nextStepOf(byKey.get("l1-webinar-1")!)!;
    const [eventHref] = hrefs(webinar);
    expect(eventHref).toMatch(/^\/events\/\d+$/);
    const event = await db
      .selectFrom("events")
      .select(["webinar", "starts_at", "status"])
      .where("id", "=", Number(eventHref.split("/")[2]))
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ webinar: "webinar-1.0", status: "published" });
    expect(event.starts_at.getTime()).toBeGreaterThan(Date.now());
    expect(text(webinar)).toMatch(/RSVP for the session on \d{1,2} \w{3} \d{4}, \d\d:\d\d/);
    expect(hrefs(nextStepOf(byKey.get("l1-aptitude-test-1")!)!)).toEqual(["/assessments/aptitude-test-1.0"]);
    const page = await follow("/assessments/aptitude-test-1.0");
    expect(page.body).toContain("Start the assessment");
  });

  test("the demo members at levels 2 to 4: every open requirement's link works too", async () => {
    const followed = new Set<string>();
    for (const login of [
      "tunde_bakare@touchpoints.test",
      "chinedu_eze@touchpoints.test",
      "wanjiku_kamau@touchpoints.test",
    ]) {
      const own = await signInCookie(app, { username: login, password: MEMBER.password });
      const html = await (await fetch(`${app.url}/progress`, { headers: { cookie: own } })).text();
      for (const [key, card] of cards(html)) {
        const step = nextStepOf(card);
        if (!step) {
          expect(card, `${login} ${key}: only a met requirement has no next step`).toContain('class="status met"');
          continue;
        }
        const links = hrefs(step);
        if (!links.length) expect(text(step), `${login} ${key}`).toMatch(/Recorded by staff\.|You declare your years/);
        for (const href of links) {
          const res = await fetch(`${app.url}${href}`, { headers: { cookie: own } });
          expect(res.status, `${login} ${key}: ${href}`).toBe(200);
          expect(new URL(res.url).pathname, `${login} ${key}: ${href}`).not.toBe("/login");
          followed.add(href.split("?")[0].replace(/^\/events\/\d+$/, "/events/N"));
        }
      }
    }
    // kinds the level-1 member does not have were reached
    expect([...followed]).toEqual(
      expect.arrayContaining(["/my/reading", "/my/activities", "/my/profile", "/awards/nominate", "/new-topic"]),
    );
  });

  test("no webinar date, test not online: said plainly, with who records it; the test's page is no 404", async () => {
    await db.updateTable("events").set({ status: "cancelled" }).where("webinar", "=", "webinar-1.0").execute();
    await db.updateTable("assessments").set({ online: false }).where("slug", "=", "aptitude-test-1.0").execute();
    try {
      const byKey = cards(await (await get("/progress")).text());
      const webinar = nextStepOf(byKey.get("l1-webinar-1")!)!;
      expect(text(webinar)).toContain(
        "No date announced yet for this webinar. Recorded by staff. Ask programme staff: Amara ",
      );
      const test1 = nextStepOf(byKey.get("l1-aptitude-test-1")!)!;
      expect(text(test1)).toContain("This test is not open online yet. Recorded by staff. Ask programme staff:");
      expect(hrefs(test1)).toEqual(["/u/amara_admin"]);
      for (const href of [...hrefs(webinar), ...hrefs(test1)]) expect((await follow(href)).status, href).toBe(200);
      // typed or bookmarked, the test's address answers with a page that says it is not open yet
      const page = await follow("/assessments/aptitude-test-1.0");
      expect(page.status).toBe(200);
      expect(text(page.body)).toContain("This assessment is not open online yet: programme staff record its results.");
      expect(page.body).not.toContain("Start the assessment");
    } finally {
      await db.updateTable("events").set({ status: "published" }).where("webinar", "=", "webinar-1.0").execute();
      await db.updateTable("assessments").set({ online: true }).where("slug", "=", "aptitude-test-1.0").execute();
    }
  });

  test("the level card says since when the counts run, in the reader's language and time zone", async () => {
    const h = await db
      .selectFrom("level_history as h")
      .innerJoin("users as u", "u.id", "h.user_id")
      .select(["h.entered_at", "h.level", "u.time_zone"])
      .where("h.user_id", "=", memberId)
      .where("h.left_at", "is", null)
      .executeTakeFirstOrThrow();
    const day = (locale: string) =>
      new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: h.time_zone }).format(
        h.entered_at,
      );
    expect(text(await (await get("/progress")).text())).toContain(
      `Counts since you entered level ${h.level} on ${day("en-GB")}.`,
    );
    await db.updateTable("users").set({ locale: "fr" }).where("id", "=", memberId).execute();
    try {
      const fr = text(await (await get("/progress")).text());
      expect(fr).toContain(`Les décomptes partent de votre entrée au niveau ${h.level}, le ${day("fr-FR")}.`);
      expect(fr).toContain("Prochaine étape :");
    } finally {
      await db.updateTable("users").set({ locale: "en" }).where("id", "=", memberId).execute();
    }
  });
});
