// CPD to keep a credential (issue 26 point 3), with an injected clock: a level badge lapses at the
// member's local midnight on its anniversary when the CPD year fell short, an outside verifier sees
// it in the credential's status, catching up reinstates it (the history keeps both), and reminders
// go out 60 and 14 days before a lapse, once each, in the member's language, in-app and by mail.
// Needs the built app: `npx remix build` first.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { mailDir } from "~/mail.server";
import { awardLevelBadge } from "~/models/badges/badge.server";
import { getCpdStanding, reviewCpd, saveCpdPolicy } from "~/models/journey/cpd/cpd.server";
import { createProfile } from "../factories/profiles";
import { createMember } from "../factories/progress";
import { wordedAs } from "../factories/notifications";
import { createAdmin } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";

let app: TestApp;
let adminId: number;

beforeAll(async () => {
  // the worker stays in this process (drainJobs): the app's own would review with today's clock
  app = await startApp({ JOBS: "off" });
  adminId = (await createAdmin({ username: "cpd_admin" })).id;
  const saved = await saveCpdPolicy({
    staffId: adminId,
    input: {
      intent: "save",
      target: "level:3",
      pointsPerYear: "10",
      activityPoints: "4",
      eventPoints: "5",
      coursePoints: "6",
      bookPoints: "3",
      countsFrom: "2027-01-01",
    },
  });
  expect(saved.ok).toBe(true);
});
afterAll(async () => {
  await app?.stop();
});

async function holder(timeZone: string, awardedAt: string, locale: string | null = null) {
  const m = await createMember({ level: 3, timeZone, enteredAt: new Date(awardedAt) });
  if (locale) await db.updateTable("users").set({ locale }).where("id", "=", m.id).execute();
  const badge = await db
    .transaction()
    .execute((trx) =>
      awardLevelBadge(trx, { userId: m.id, level: 3, awardedBy: null, applicationId: null, at: new Date(awardedAt) }),
    );
  return { ...m, badgeId: badge.public_id };
}

const review = (userId: number, iso: string) =>
  db.transaction().execute((trx) => reviewCpd(trx, { userId, now: new Date(iso) }));

/** What a verifier with nothing but the badge's address learns. */
async function verifierStatus(badgeId: string) {
  const res = await fetch(`${app.url}/badges/${badgeId}/status`);
  expect(res.status).toBe(200);
  return res.json();
}

describe("lapse and reinstatement", () => {
  test(
    "CPD lapse and reinstatement at date boundaries in the member's time zone (clock injected), with the " +
      "credential status changing for an outside verifier",
    async () => {
      // Nairobi is UTC+3: its 10 March 2028 begins at 21:00 UTC on the 9th. Abidjan is UTC+0.
      const nairobi = await holder("Africa/Nairobi", "2027-03-10T09:00:00Z");
      const abidjan = await holder("Africa/Abidjan", "2027-03-10T09:00:00Z");
      for (const m of [nairobi, abidjan]) {
        // 3 + 4 = 7 points of the 10 the first CPD year asks
        await db
          .insertInto("reading_log")
          .values({ user_id: m.id, title: "The Effortless Experience", finished_on: "2027-06-01" })
          .execute();
        await db
          .insertInto("activities")
          .values({ user_id: m.id, kind: "conference", title: "CX Africa", occurred_on: "2027-09-01" })
          .execute();
      }
      const before = await getCpdStanding(db, { userId: nairobi.id, now: new Date("2028-03-09T20:59:59Z") });
      expect(before.today).toBe("2028-03-09");
      expect(before.credentials[0].judgement).toMatchObject({
        status: "active",
        pointsThisYear: 7,
        required: 10,
        nextLapseOn: "2028-03-10",
        year: { start: "2027-03-10", last: "2028-03-09" },
      });
      expect(await verifierStatus(nairobi.badgeId)).toMatchObject({ status: "valid", revokedCredentials: [] });

      // one second before local midnight: nothing happens
      expect(await review(nairobi.id, "2028-03-09T20:59:59Z")).toEqual({ changes: 0, reminders: 1 });
      expect((await verifierStatus(nairobi.badgeId)).status).toBe("valid");

      // local midnight in Nairobi: lapsed; the same instant is still 9 March in Abidjan
      expect((await review(nairobi.id, "2028-03-09T21:00:00Z")).changes).toBe(1);
      expect((await review(abidjan.id, "2028-03-09T21:00:00Z")).changes).toBe(0);
      const lapsed = await verifierStatus(nairobi.badgeId);
      expect(lapsed).toMatchObject({ status: "lapsed", lapsedOn: "2028-03-10" });
      expect(lapsed.revokedCredentials).toEqual([
        {
          id: expect.stringMatching(new RegExp(`/badges/${nairobi.badgeId}$`)),
          revoked: true,
          revocationReason: expect.stringMatching(/^CPD lapsed/),
        },
      ]);
      expect((await verifierStatus(abidjan.badgeId)).status).toBe("valid");
      // a second review at the same moment records nothing more
      expect((await review(nairobi.id, "2028-03-09T21:30:00Z")).changes).toBe(0);
      // Abidjan's midnight, three hours later
      expect((await review(abidjan.id, "2028-03-10T00:00:00Z")).changes).toBe(1);
      expect((await verifierStatus(abidjan.badgeId)).status).toBe("lapsed");

      // catching up: 3 points owed; an activity on 12 March (4 points) pays them on that local day
      await db
        .insertInto("activities")
        .values({ user_id: nairobi.id, kind: "meetup", title: "Nairobi CX meet-up", occurred_on: "2028-03-12" })
        .execute();
      expect((await review(nairobi.id, "2028-03-11T20:59:59Z")).changes).toBe(0); // still the 11th there
      expect((await verifierStatus(nairobi.badgeId)).status).toBe("lapsed");
      expect((await review(nairobi.id, "2028-03-11T21:00:00Z")).changes).toBe(1);
      expect(await verifierStatus(nairobi.badgeId)).toMatchObject({ status: "valid", revokedCredentials: [] });

      // the history keeps both, dated on the member's days; one point left over counts for the new year
      const history = await db
        .selectFrom("cpd_events")
        .select(["credential", "event", "occurred_on", "points", "required"])
        .where("user_id", "=", nairobi.id)
        .orderBy("id")
        .execute();
      expect(history).toEqual([
        { credential: "level:3", event: "lapsed", occurred_on: "2028-03-10", points: 7, required: 10 },
        { credential: "level:3", event: "reinstated", occurred_on: "2028-03-12", points: 3, required: 10 },
      ]);
      const after = await getCpdStanding(db, { userId: nairobi.id, now: new Date("2028-03-12T08:00:00Z") });
      expect(after.credentials[0].judgement).toMatchObject({ status: "active", pointsThisYear: 1, owed: 0 });

      // the member was told of each change, in their language
      const notes = await db
        .selectFrom("notifications")
        .select(["kind", "data", "source_key"])
        .where("user_id", "=", nairobi.id)
        .where("source_key", "like", "cpd:%")
        .orderBy("id")
        .execute();
      expect(notes.map((n) => n.source_key)).toEqual([
        "cpd:reminder14:level:3:2027-03-10",
        "cpd:lapsed:level:3:2028-03-10",
        "cpd:reinstated:level:3:2028-03-12",
      ]);
      expect(wordedAs("en", notes[1])).toBe(
        "Your Customer Service Manager has lapsed: it asks for 10 CPD points a year. " +
          "Earn 3 more points to reinstate it.",
      );
    },
  );

  test("a staff revocation wins over CPD: the status stays revoked, with the staff's reason", async () => {
    const m = await holder("Africa/Lagos", "2027-03-10T09:00:00Z");
    await review(m.id, "2028-03-10T12:00:00Z");
    expect((await verifierStatus(m.badgeId)).status).toBe("lapsed");
    await db
      .updateTable("badge_awards")
      .set({ revoked_at: new Date(), revoke_reason: "Fraudulent evidence" })
      .where("public_id", "=", m.badgeId)
      .execute();
    const status = await verifierStatus(m.badgeId);
    expect(status.status).toBe("revoked");
    expect(status.revokedCredentials[0].revocationReason).toBe("Fraudulent evidence");
  });
});

describe("where a lapse shows", () => {
  test("a lapsed credential shows as lapsed on the profile, the directory card and the badge page", async () => {
    const saved = await saveCpdPolicy({
      staffId: adminId,
      input: {
        ...{ intent: "save", target: "designation:CCSM", pointsPerYear: 6, countsFrom: "2027-01-01" },
        ...{ activityPoints: 2, eventPoints: 2, coursePoints: 3, bookPoints: 1 },
      },
    });
    expect(saved.ok).toBe(true);
    const user = await createProfile({ username: "cpd_lindiwe", displayName: "Lindiwe Cpdshown", level: 3 });
    await db.updateTable("users").set({ time_zone: "Africa/Johannesburg" }).where("id", "=", user.id).execute();
    const badge = await db.transaction().execute((trx) =>
      awardLevelBadge(trx, {
        ...{ userId: user.id, level: 3, awardedBy: null, applicationId: null },
        at: new Date("2027-03-10T09:00:00Z"),
      }),
    );
    await db.insertInto("designations").values({ user_id: user.id, code: "CCSM", awarded_on: "2027-04-02" }).execute();
    await review(user.id, "2028-04-02T08:00:00Z");
    await drainJobs(); // the directory's copy
    const page = async (path: string) => (await fetch(`${app.url}${path}`)).text();

    const profile = await page(`/u/${user.username}`);
    expect(profile).toContain("Level 3 (lapsed)");
    expect(profile).toContain("CCSM (lapsed)");
    expect(profile).toContain("Lapsed since Mar 10, 2028");
    const directory = await page("/directory?q=Cpdshown");
    const card = directory.slice(directory.indexOf(`/u/${user.username}"`));
    expect(card.slice(0, card.indexOf("</li>"))).toMatch(/Level 3 \(lapsed\)[\s\S]*CCSM \(lapsed\)/);
    const badgePage = await page(`/badges/${badge.public_id}`);
    expect(badgePage).toContain("CPD lapsed on 10 March 2028");
    expect(badgePage).not.toContain("This badge is valid");

    // French readers see it in French
    const fr = await (await fetch(`${app.url}/u/${user.username}`, { headers: { "Accept-Language": "fr" } })).text();
    expect(fr).toContain("CCSM (expiré)");
  });
});

describe("reminders", () => {
  test("a reminder at 60 and at 14 days before a lapse, exactly once each, in-app and by mail, in French", async () => {
    // Lagos is UTC+1; the CPD year from 1 May 2027 closes at the end of 30 April 2028
    const m = await holder("Africa/Lagos", "2027-05-01T10:00:00Z", "fr");
    const sentOn: string[] = [];
    let day = new Date("2028-02-15T23:30:00Z"); // 00:30 in Lagos, 16 February
    while (day < new Date("2028-04-30T23:30:00Z")) {
      const local = new Date(day.getTime() + 3_600_000).toISOString().slice(0, 10);
      if ((await review(m.id, day.toISOString())).reminders) sentOn.push(local);
      day = new Date(day.getTime() + 86_400_000);
    }
    // a second run on those days (a retried job, a new log entry) sends nothing more
    expect((await review(m.id, "2028-03-02T10:00:00Z")).reminders).toBe(0);
    expect((await review(m.id, "2028-04-17T10:00:00Z")).reminders).toBe(0);
    // 60 days before 1 May 2028 (a leap year) is 2 March; 14 days before is 17 April
    expect(sentOn).toEqual(["2028-03-02", "2028-04-17"]);
    const notes = await db
      .selectFrom("notifications")
      .select(["kind", "data"])
      .where("user_id", "=", m.id)
      .where("source_key", "like", "cpd:reminder%")
      .orderBy("id")
      .execute();
    const french =
      "Votre titre « Responsable du service client » demande encore 10 points de DPC d’ici le 30 avril " +
      "pour rester valide.";
    expect(notes.map((n) => wordedAs("fr", n))).toEqual([french, french]);
    await drainJobs();
    const mails = fs
      .readdirSync(mailDir())
      .filter((f) => f.includes(m.email))
      .map((f) => fs.readFileSync(path.join(mailDir(), f), "utf8").replace(/=\r?\n/g, ""));
    const cpdMails = mails.filter((body) => /DPC/.test(decodeQuotedPrintable(body)));
    expect(cpdMails).toHaveLength(2);
  });
});

function decodeQuotedPrintable(s: string) {
  return Buffer.from(
    s.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    "latin1",
  ).toString("utf8");
}
