// The directory on the real Meilisearch: typo tolerance, exact facet counts for each viewer,
// hidden and members-only profiles never reaching a visitor (hits, counts, page, sitemap), the
// outbox keeping the index in step within 5 s, and the Postgres fallback.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs, enqueue } from "~/jobs.server";
import "~/jobs/index.server";
import { parseDirectoryQuery } from "~/models/directory/directory.schema";
import { indexProfiles } from "~/models/directory/directory-index.server";
import { askedFacets, searchDirectory } from "~/models/directory/directory.server";
import { awardLevelBadge } from "~/models/badges/badge.server";
import { getProfilePage, recordDesignation, updateProfile } from "~/models/directory/profile.server";
import { setEndorsement as endorseWith } from "~/models/directory/competency-evidence.server";
import { ProfileSchema } from "~/models/directory/profile.schema";
import { VISITOR, scopeOf, type Scope } from "~/models/permissions.server";
import { resetMeili } from "~/search.server";
import type { Viewer } from "~/viewer.server";
import { scopeFor } from "../factories/topics";
import { createProfile, profileInput } from "../factories/profiles";
import { createUser } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";

/** Runs the due jobs here; the app under test runs a worker on this database too, so also wait for its jobs. */
async function settle() {
  await drainJobs();
  await expect
    .poll(
      async () =>
        (
          await sql<{
            n: number;
          }>`select count(*)::int as n from outbox where done_at is null and run_at <= now() and attempts < 10`.execute(
            db,
          )
        ).rows[0].n,
      {
        timeout: 20_000,
        interval: 50,
      },
    )
    .toBe(0);
}
const q = (s: string) => parseDirectoryQuery(new URLSearchParams(s));
/** An endorsement (with its sentence, now required) or its withdrawal. */
const setEndorsement = (o: { scope: Scope; username: string; competency: string; endorse: boolean }) =>
  endorseWith({
    scope: o.scope,
    username: o.username,
    input: o.endorse
      ? { intent: "endorse", competency: o.competency, statement: "Saw this work on the SLA review in May." }
      : { intent: "unendorse", competency: o.competency },
  });
const names = async (scope: Scope, s: string) =>
  (await searchDirectory({ scope, query: q(s) })).cards.map((c) => c.username).sort();

let member: Scope;
let recruiter: Scope;
let app: TestApp;
const U = {
  manager: "dir_manager_kemi",
  ke1: "dir_ke_wanjiru",
  ke2: "dir_ke_otieno",
  ng1: "dir_ng_tunde",
  ng2: "dir_ng_ngozi",
  membersOnly: "dir_members_only_zara",
  hidden: "dir_hidden_hamza",
};

beforeAll(async () => {
  await createProfile({
    username: U.manager,
    displayName: "Kemi Adebayo",
    level: 3,
    jobTitle: "Customer Service Manager",
    organisation: "Zenith Telecom",
    country: "NG",
    competencies: { "sla-management": "advanced", "training-development": "proficient" },
  });
  await createProfile({
    username: U.ke1,
    displayName: "Wanjiru Kamau",
    level: 2,
    jobTitle: "CX Analyst",
    country: "KE",
    city: "Nairobi",
    languages: ["en", "sw"],
    competencies: { "sla-management": "emerging" },
    open: true,
  });
  await createProfile({
    username: U.ke2,
    displayName: "Otieno Odhiambo",
    level: 2,
    jobTitle: "Contact Centre Team Lead",
    country: "KE",
    city: "Mombasa",
    languages: ["sw"],
    competencies: { "sla-management": "proficient" },
    mentor: true,
  });
  await createProfile({
    username: U.ng1,
    displayName: "Tunde Balogun",
    level: 1,
    jobTitle: "Customer Care Officer",
    country: "NG",
    competencies: {},
  });
  await createProfile({
    username: U.ng2,
    displayName: "Ngozi Eze",
    level: 4,
    jobTitle: "Head of Customer Experience",
    country: "NG",
    competencies: { "sla-management": "advanced" },
    mentor: true,
  });
  await createProfile({
    username: U.membersOnly,
    displayName: "Zara Quietly",
    level: 2,
    jobTitle: "Customer Service Manager",
    country: "GH",
    visibility: "members",
    competencies: { "sla-management": "advanced" },
  });
  await createProfile({
    username: U.hidden,
    displayName: "Hamza Unseen",
    level: 3,
    jobTitle: "Customer Service Manager",
    country: "EG",
    visibility: "hidden",
    competencies: { "sla-management": "advanced" },
  });
  await drainJobs();
  member = await scopeFor(await createUser({ username: "dir_viewer_member" }));
  const rec = await createUser({ username: "dir_viewer_recruiter", roles: ["recruiter"] });
  recruiter = scopeOf({ id: rec.id, roles: ["recruiter"], level: null } as unknown as Viewer);
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("search", () => {
  test('a typo query ("custmer sevice manger") finds the Customer Service Manager', async () => {
    const res = await searchDirectory({ scope: VISITOR, query: q("q=custmer+sevice+manger") });
    expect(res.mode).toBe("meili");
    expect(res.cards[0]?.username).toBe(U.manager);
    expect(res.cards[0]?.jobTitle).toBe("Customer Service Manager");
  });

  test("filters: level, country, minimum proficiency, open to opportunities, mentor", async () => {
    expect(await names(VISITOR, "country=KE")).toEqual([U.ke1, U.ke2].sort());
    expect(await names(VISITOR, "level=4")).toEqual([U.ng2]);
    expect(await names(VISITOR, "competency=sla-management&proficiency=proficient")).toEqual(
      [U.manager, U.ke2, U.ng2].sort(),
    );
    expect(await names(VISITOR, "competency=sla-management&proficiency=advanced&country=NG")).toEqual(
      [U.manager, U.ng2].sort(),
    );
    expect(await names(VISITOR, "open=1")).toEqual([U.ke1]);
    expect(await names(VISITOR, "mentor=1")).toEqual([U.ke2, U.ng2].sort());
    expect(await names(VISITOR, "language=sw")).toEqual([U.ke1, U.ke2].sort());
  });

  test("sort by level puts the leader first; sort by experience is by years", async () => {
    const byLevel = await searchDirectory({ scope: VISITOR, query: q("sort=level") });
    expect(byLevel.cards.map((c) => c.level)).toEqual([...byLevel.cards.map((c) => c.level)].sort((a, b) => b - a));
    expect(byLevel.cards[0].username).toBe(U.ng2);
  });

  test("facet counts are exact for each viewer: a visitor's never count members-only or hidden profiles", async () => {
    const visitor = await searchDirectory({ scope: VISITOR, query: q("") });
    expect(visitor.total).toBe(5);
    expect(visitor.facets?.country).toEqual({ NG: 3, KE: 2 });
    expect(visitor.facets?.level).toEqual({ "1": 1, "2": 2, "3": 1, "4": 1 });
    expect(visitor.facets?.competency["sla-management"]).toBe(4);
    expect(visitor.facets?.is_mentor).toBe(2);

    const m = await searchDirectory({ scope: member, query: q("") });
    expect(m.total).toBe(6);
    expect(m.facets?.country).toEqual({ NG: 3, KE: 2, GH: 1 });
    expect(m.facets?.level).toEqual({ "1": 1, "2": 3, "3": 1, "4": 1 });

    // with a filter, counts follow it (minimum proficiency "advanced" for the competency facet)
    const adv = await searchDirectory({ scope: member, query: q("competency=sla-management&proficiency=advanced") });
    expect(adv.total).toBe(3);
    expect(adv.facets?.competency["sla-management"]).toBe(3);
    expect(adv.facets?.country).toEqual({ NG: 2, GH: 1 });

    // a filter on a one-value attribute is not counted by Meilisearch: its count is the total,
    // the same numbers the unfiltered search gave for that value
    expect(askedFacets(q("country=NG&mentor=1&open=1"))).toEqual([
      "level",
      "competency_emerging",
      "designations",
      "languages",
    ]);
    // competencies are counted at the asked minimum proficiency only
    expect(askedFacets(q("proficiency=advanced"))).toContain("competency_advanced");
    expect(askedFacets(q("proficiency=advanced"))).not.toContain("competency_emerging");
    const ng = await searchDirectory({ scope: VISITOR, query: q("country=NG") });
    expect(ng.total).toBe(3);
    expect(ng.facets?.country).toEqual({ NG: 3 });
    const mentors = await searchDirectory({ scope: VISITOR, query: q("mentor=1") });
    expect(mentors.total).toBe(visitor.facets?.is_mentor);
    expect(mentors.facets?.is_mentor).toBe(visitor.facets?.is_mentor);
    const open = await searchDirectory({ scope: VISITOR, query: q("open=1&country=KE") });
    expect([open.total, open.facets?.open_to_opportunities, open.facets?.country]).toEqual([1, 1, { KE: 1 }]);
  });

  test("a verified recruiter sees members-only profiles; nobody finds a hidden one in the directory", async () => {
    expect(await names(recruiter, "q=Zara")).toEqual([U.membersOnly]);
    expect(await names(VISITOR, "q=Zara")).toEqual([]);
    for (const scope of [VISITOR, member, recruiter]) expect(await names(scope, "q=Hamza+Unseen")).toEqual([]);
    const staff = await scopeFor(await createUser({ username: "dir_staff", roles: ["member", "admin"] }));
    expect(await names(staff, "q=Hamza+Unseen")).toEqual([]);
    const doc = await searchDirectory({ scope: member, query: q("q=customer+service+manager") });
    expect(doc.cards.map((c) => c.username)).not.toContain(U.hidden);
    expect(doc.cards.map((c) => c.username)).toContain(U.membersOnly);
  });
});

describe("place and language words", () => {
  test("city, country (English, French), language find profiles; never hidden, members-only to members", async () => {
    expect(await names(VISITOR, "q=Nairobi")).toEqual([U.ke1]);
    expect(await names(VISITOR, "q=Kenya")).toEqual([U.ke1, U.ke2].sort());
    expect(await names(VISITOR, "q=Swahili")).toEqual([U.ke1, U.ke2].sort());
    expect(await names(VISITOR, "q=Kiswahili")).toEqual([U.ke1, U.ke2].sort()); // a default synonym
    expect(await names(VISITOR, "q=Nig%C3%A9ria")).toEqual([U.manager, U.ng1, U.ng2].sort());
    const mombasa = await searchDirectory({ scope: VISITOR, query: q("q=Mombasa+Swahili+team+lead") });
    expect(mombasa.cards[0]?.username).toBe(U.ke2);
    // the hidden manager is in Egypt, the members-only one in Ghana: both in Lagos (the factory's city)
    for (const word of ["Egypt", "%C3%89gypte", "Ghana"]) {
      const res = await searchDirectory({ scope: VISITOR, query: q(`q=${word}`) });
      expect([res.total, res.close, res.cards, res.facets?.country], word).toEqual([0, null, [], {}]);
    }
    expect(await names(recruiter, "q=Ghana")).toEqual([U.membersOnly]);
    expect(await names(recruiter, "q=Egypt")).toEqual([]);
    const lagos = await searchDirectory({ scope: VISITOR, query: q("q=Lagos") });
    const lagosCounts = [lagos.total, lagos.facets?.country, lagos.facets?.level];
    expect(lagosCounts).toEqual([3, { NG: 3 }, { "1": 1, "3": 1, "4": 1 }]);
    const lagosForRecruiter = await searchDirectory({ scope: recruiter, query: q("q=Lagos") });
    expect([lagosForRecruiter.total, lagosForRecruiter.facets?.country]).toEqual([4, { NG: 3, GH: 1 }]);
    expect(lagosForRecruiter.cards.map((c) => c.username)).not.toContain(U.hidden);
  });
});

describe("visitors never reach members-only or hidden profiles", () => {
  test("members-only and hidden profile pages say private (403, naming no one); public ones are 200", async () => {
    expect((await fetch(`${app.url}/u/${U.manager}`)).status).toBe(200);
    for (const [username, name] of [
      [U.membersOnly, "Zara"],
      [U.hidden, "Hamza"],
    ]) {
      const res = await fetch(`${app.url}/u/${username}`);
      expect(res.status).toBe(403);
      const html = await res.text();
      expect(html).toContain("<title>Private profile · Touchpoints</title>");
      expect(html).toContain("Sign in to see what they share with members.");
      expect(html).toContain(`/login?redirectTo=%2Fu%2F${username}`);
      expect(html).not.toContain(name);
      expect(html).not.toContain("Customer Service Manager");
    }
    // a username nobody has is still not found
    expect((await fetch(`${app.url}/u/dir_nobody_at_all`)).status).toBe(404);
  });

  test("the public profile page shows no email or phone to a visitor", async () => {
    const html = await (await fetch(`${app.url}/u/${U.manager}`)).text();
    expect(html).toContain("Customer Service Manager");
    expect(html).not.toContain(`${U.manager}@example.test`);
    expect(html).not.toContain("801 234 5678");
  });

  test("the directory page and the sitemap list only public profiles", async () => {
    const page = await (await fetch(`${app.url}/directory?q=customer+service+manager`)).text();
    expect(page).toContain(`/u/${U.manager}`);
    expect(page).not.toContain(U.membersOnly);
    expect(page).not.toContain(U.hidden);
    expect(page).not.toContain("Ghana"); // not even as a facet count

    const res = await fetch(`${app.url}/sitemap.xml`);
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).toContain(`/u/${U.manager}</loc>`);
    expect(xml).not.toContain(U.membersOnly);
    expect(xml).not.toContain(U.hidden);
  });

  test("per-level views: /directory/managers shows level 3 only; an unknown view is 404", async () => {
    const html = await (await fetch(`${app.url}/directory/managers`)).text();
    expect(html).toContain(`/u/${U.manager}`);
    expect(html).not.toContain(`/u/${U.ng2}`);
    expect((await fetch(`${app.url}/directory/wizards`)).status).toBe(404);
  });
});

describe("the index follows Postgres through the outbox", () => {
  test("a revoked badge leaves search results within 5 s of the change", async () => {
    const user = await db.selectFrom("users").select("id").where("username", "=", U.ke2).executeTakeFirstOrThrow();
    await db.transaction().execute(async (trx) => {
      await awardLevelBadge(trx, { userId: user.id, level: 2, awardedBy: null, applicationId: null, at: new Date() });
      await enqueue(trx, "profile.reindex", { userId: user.id });
    });
    await settle();
    const before = await searchDirectory({ scope: VISITOR, query: q("q=Otieno") });
    expect(before.cards[0].badges).toContain("level-2");

    const t0 = Date.now();
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable("badge_awards")
        .set({ revoked_at: new Date(), revoke_reason: "test" })
        .where("user_id", "=", user.id)
        .execute();
      await enqueue(trx, "profile.reindex", { userId: user.id });
    });
    // the app under test runs its own worker on this database too: whichever takes the job, the
    // change must be searchable within 5 s
    await drainJobs();
    await expect
      .poll(async () => (await searchDirectory({ scope: VISITOR, query: q("q=Otieno") })).cards[0].badges, {
        timeout: 5000,
        interval: 50,
      })
      .not.toContain("level-2");
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  test("hiding a profile removes it from the index; a level change shows up", async () => {
    const user = await db.selectFrom("users").select("id").where("username", "=", U.ng1).executeTakeFirstOrThrow();
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("users").set({ level: 2 }).where("id", "=", user.id).execute();
      await enqueue(trx, "profile.reindex", { userId: user.id });
    });
    await settle();
    expect((await searchDirectory({ scope: VISITOR, query: q("q=Tunde") })).cards[0].level).toBe(2);

    const input = profileInput({ jobTitle: "Customer Care Officer", country: "NG", visibility: "hidden" });
    expect((await updateProfile({ userId: user.id, input })).ok).toBe(true);
    await settle();
    expect(await names(VISITOR, "q=Tunde")).toEqual([]);
    expect(await names(member, "q=Tunde")).toEqual([]);
    // back to public for the other tests' counts
    expect((await updateProfile({ userId: user.id, input: { ...input, visibility: "public" } })).ok).toBe(true);
    await settle();
    expect(await names(VISITOR, "q=Tunde")).toEqual([U.ng1]);
  });

  test("indexing twice is harmless; a deleted member leaves the index", async () => {
    const gone = await createProfile({ username: "dir_leaving_lola", jobTitle: "CX Analyst" });
    await settle();
    expect(await names(VISITOR, "q=leaving")).toEqual([gone.username]);
    await db.updateTable("users").set({ deleted_at: new Date() }).where("id", "=", gone.id).execute();
    await db.transaction().execute((trx) => indexProfiles(trx, [gone.id, gone.id]));
    expect(await names(VISITOR, "q=leaving")).toEqual([]);
  });
});

describe("when Meilisearch is down", () => {
  test("Postgres answers, says it is degraded, and still hides members-only and hidden profiles", async () => {
    resetMeili("http://127.0.0.1:9");
    try {
      const res = await searchDirectory({ scope: VISITOR, query: q("q=customer+service+manager") });
      expect(res.mode).toBe("degraded");
      expect(res.cards.map((c) => c.username)).toEqual([U.manager]);
      expect(res.facets).toBeNull();
      const m = await searchDirectory({ scope: member, query: q("q=customer+service+manager") });
      expect(m.cards.map((c) => c.username).sort()).toEqual([U.manager, U.membersOnly].sort());
      const f = await searchDirectory({
        scope: VISITOR,
        query: q("competency=sla-management&proficiency=proficient&country=KE"),
      });
      expect(f.cards.map((c) => c.username)).toEqual([U.ke2]);
      // places and languages by name here too, without the hidden or (for a visitor) members-only ones
      expect(await names(VISITOR, "q=Nairobi")).toEqual([U.ke1]);
      expect(await names(VISITOR, "q=kenya")).toEqual([U.ke1, U.ke2].sort());
      expect(await names(VISITOR, "q=swahili")).toEqual([U.ke1, U.ke2].sort());
      expect(await names(VISITOR, "q=Egypt")).toEqual([]);
      expect(await names(VISITOR, "q=Ghana")).toEqual([]);
      expect(await names(recruiter, "q=Ghana")).toEqual([U.membersOnly]);
    } finally {
      resetMeili();
    }
  });
});

describe("profiles", () => {
  test("hostile markdown in a bio is neutralised by the one pipeline", async () => {
    const u = await createProfile({
      username: "dir_hostile_bio",
      bio:
        "**fine** [click](javascript:alert(1)) <img src=x onerror=alert(1)> " +
        '[ok](https://example.com)\n\n<script>alert(1)</script>\n\n<iframe src="https://evil.example"></iframe>',
    });
    const row = await db
      .selectFrom("profiles")
      .select("bio_html")
      .where("user_id", "=", u.id)
      .executeTakeFirstOrThrow();
    expect(row.bio_html).not.toMatch(/<script|href="javascript:|onerror=|<iframe|<img/i);
    expect(row.bio_html).toContain("<strong>fine</strong>");
    expect(row.bio_html).toContain('href="https://example.com"');
    expect(row.bio_html).toContain("nofollow");
  });

  test(
    "level-4 members endorse listed competencies; others cannot; staff record designations that the directory " +
      "filters on",
    async () => {
      const leaderUser = await createProfile({ username: "dir_leader_endorser", level: 4 });
      const leader = await scopeFor(leaderUser);
      const junior = await scopeFor(await createProfile({ username: "dir_junior", level: 2 }));
      expect(
        await setEndorsement({ scope: junior, username: U.manager, competency: "sla-management", endorse: true }),
      ).toMatchObject({ ok: false, status: 403 });
      expect(
        await setEndorsement({
          scope: leader,
          username: U.manager,
          competency: "data-privacy-security",
          endorse: true,
        }),
      ).toMatchObject({ ok: false, status: 404 });
      expect(
        await setEndorsement({
          scope: leader,
          username: leaderUser.username,
          competency: "sla-management",
          endorse: true,
        }),
      ).toMatchObject({ ok: false });
      expect(
        (await setEndorsement({ scope: leader, username: U.manager, competency: "sla-management", endorse: true })).ok,
      ).toBe(true);
      expect(
        (await setEndorsement({ scope: leader, username: U.manager, competency: "sla-management", endorse: true })).ok,
      ).toBe(true); // twice counts once
      const page = await getProfilePage({ scope: VISITOR, username: U.manager });
      expect(page?.competencies.find((c) => c.slug === "sla-management")?.endorsements).toHaveLength(1);

      expect(
        await recordDesignation({ scope: leader, username: U.manager, code: "CCXMP", awardedOn: "2026-06-01" }),
      ).toMatchObject({ ok: false, status: 403 });
      const staff = await scopeFor(await createUser({ username: "dir_staff_recorder", roles: ["member", "admin"] }));
      expect(
        await recordDesignation({ scope: staff, username: U.manager, code: "not valid!", awardedOn: "2026-06-01" }),
      ).toMatchObject({ ok: false, status: 422 });
      expect(
        (await recordDesignation({ scope: staff, username: U.manager, code: "ccxmp", awardedOn: "2026-06-01" })).ok,
      ).toBe(true);
      await settle();
      expect(await names(VISITOR, "designation=CCXMP")).toEqual([U.manager]);
      const audit = await db
        .selectFrom("audit_log")
        .select("action")
        .where("action", "=", "designation.record")
        .execute();
      expect(audit).toHaveLength(1);
    },
  );

  test("a suspended level-4 member cannot endorse (a vouch is public, like a like); may still withdraw", async () => {
    const leader = await createProfile({ username: "dir_suspended_leader", level: 4 });
    const scope = await scopeFor(leader);
    expect((await setEndorsement({ scope, username: U.manager, competency: "sla-management", endorse: true })).ok).toBe(
      true,
    );
    await db
      .updateTable("users")
      .set({ suspended_until: new Date(Date.now() + 86_400_000), sanction_reason: "test" })
      .where("id", "=", leader.id)
      .execute();
    expect(
      await setEndorsement({ scope, username: U.manager, competency: "training-development", endorse: true }),
    ).toMatchObject({ ok: false, status: 403, message: "limits.suspended" });
    expect(
      (await setEndorsement({ scope, username: U.manager, competency: "sla-management", endorse: false })).ok,
    ).toBe(true);
    expect(
      await db.selectFrom("endorsements").select("competency").where("endorser_id", "=", leader.id).execute(),
    ).toEqual([]);
  });

  test("a bio over 600 characters is refused by the form schema", () => {
    const r = ProfileSchema.safeParse({
      jobTitle: "",
      organisation: "",
      country: "",
      city: "",
      languages: [],
      bio: "x".repeat(601),
      achievements: "",
      yearsCustomerFacing: "",
      yearsManaging: "",
      openToOpportunities: false,
      isMentor: false,
      visibility: "public",
      linkedinUrl: "",
      websiteUrl: "",
      phone: "",
      competencies: {},
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe("profile.errors.bio");
  });

  test("every profile job completes: nothing is left in the outbox", async () => {
    await settle();
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from outbox where done_at is null and kind = 'profile.reindex'`.execute(db);
    expect(left.rows[0].n).toBe(0);
  });
});
