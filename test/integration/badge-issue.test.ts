// Issue 22 point 11: the earner is told (and mailed through the outbox) when a badge is issued; the
// badge page lists the skills of the credential's alignments and links to the earner's profile only
// for viewers who may see it; a revoked level no longer shows as a pill on the profile.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { awardLevelBadge, revokeBadge } from "~/models/badges/badge.server";
import { getProfilePage } from "~/models/directory/profile.server";
import { VISITOR } from "~/models/permissions.server";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { enrol, ensureProgramme } from "../factories/progress";
import { createAdmin, createUser } from "../factories/users";

let app: TestApp;
beforeAll(async () => {
  await ensureProgramme();
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

async function levelBadge(userId: number, level: number) {
  await enrol(userId, level);
  return db
    .transaction()
    .execute((trx) => awardLevelBadge(trx, { userId, level, awardedBy: null, applicationId: null, at: new Date() }));
}

test("the earner is notified when a level badge is issued; the mail is queued in the same transaction", async () => {
  const earner = await createUser({ username: "badge_earner_mail" });
  const badge = await levelBadge(earner.id, 1);
  const note = await db
    .selectFrom("notifications")
    .select(["id", "data"])
    .where("user_id", "=", earner.id)
    .where("source_key", "=", `badge:${badge.public_id}:granted`)
    .executeTakeFirstOrThrow();
  expect(JSON.stringify(note.data)).toContain(`/badges/${badge.public_id}`);
  const mails = await db.selectFrom("outbox").select("payload").where("kind", "=", "notification.email").execute();
  expect(mails.some((m) => (m.payload as { notificationId?: number }).notificationId === note.id)).toBe(true);
});

describe("the badge page", () => {
  test("lists the skills of the alignments; links the earner's profile only for viewers who may see it", async () => {
    const earner = await createUser({ username: "badge_earner_page", displayName: "Chiamaka Obi" });
    const badge = await levelBadge(earner.id, 2);
    await db
      .insertInto("profiles")
      .values({ user_id: earner.id, visibility: "members" })
      .onConflict((oc) => oc.column("user_id").doUpdateSet({ visibility: "members" }))
      .execute();
    const competencies = await db.selectFrom("competencies").select("name").execute();
    expect(competencies.length).toBeGreaterThan(0);
    const visitorHtml = await (await fetch(`${app.url}/badges/${badge.public_id}`)).text();
    expect(visitorHtml).toContain(">Skills</h2>");
    for (const c of competencies) expect(visitorHtml).toContain(c.name.replace(/&/g, "&amp;"));
    expect(visitorHtml).not.toContain(`href="/u/${earner.username}"`);
    // a signed-in member may see a members-only profile
    const reader = await createUser({ username: "badge_page_reader" });
    await enrol(reader.id, 1);
    const cookie = cookieFrom(await postForm(app, "/login", { email: reader.username, password: reader.password }));
    const memberRes = await fetch(`${app.url}/badges/${badge.public_id}`, { headers: { Cookie: cookie } });
    expect(memberRes.headers.get("cache-control")).toContain("private");
    expect(await memberRes.text()).toContain(`href="/u/${earner.username}"`);
    // hidden: nobody but the member and staff
    await db.updateTable("profiles").set({ visibility: "hidden" }).where("user_id", "=", earner.id).execute();
    expect(
      await (await fetch(`${app.url}/badges/${badge.public_id}`, { headers: { Cookie: cookie } })).text(),
    ).not.toContain(`href="/u/${earner.username}"`);
  });
});

test("a revoked level no longer shows as a pill on the profile", async () => {
  const admin = await createAdmin();
  const earner = await createUser({ username: "badge_earner_pill" });
  const badge = await levelBadge(earner.id, 2);
  await db
    .insertInto("profiles")
    .values({ user_id: earner.id, visibility: "public" })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ visibility: "public" }))
    .execute();
  expect((await getProfilePage({ scope: VISITOR, username: earner.username }))?.level).toBe(2);
  expect(
    await revokeBadge({
      staffId: admin.id,
      publicId: badge.public_id,
      reason: "Issued by mistake to the wrong member.",
    }),
  ).toMatchObject({ ok: true });
  expect((await getProfilePage({ scope: VISITOR, username: earner.username }))?.level).toBeNull();
});
