// The programme in French, the rest of the pages (issue 20 point 8): directory cards from Meilisearch,
// /badges, the approval's unmet list, the progress CSV, RSS category names, nudges, days, and the
// admin page where staff write the French beside the English.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { sharedI18n } from "~/i18n";
import { formatDay } from "~/intl";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { awardLevelBadge } from "~/models/badges/badge.server";
import { computeNudges } from "~/models/journey/nudge.server";
import { listLevelRequirements } from "~/models/journey/progress/index.server";
import { requirementLabel } from "~/models/journey/requirement-label";
import { createProfile } from "../factories/profiles";
import { createMember, ensureProgramme } from "../factories/progress";
import { wordedAs } from "../factories/notifications";
import { createAdmin } from "../factories/users";
import { postForm, startApp, type TestApp } from "../setup/app";
import { signInCookie } from "../setup/two-factor";

let app: TestApp;
beforeAll(async () => {
  await ensureProgramme();
  // the app's start seeds the forum's structure (categories, competencies) with their French names
  app = await startApp({ JOBS: "off" });
  await createProfile({
    username: "pfp_amara",
    displayName: "Amara Bilingue",
    jobTitle: "CX Lead",
    country: "SN",
    competencies: { "sla-management": "advanced" },
    visibility: "public",
  });
  await drainJobs();
});
afterAll(async () => {
  await app?.stop();
});

const decode = (html: string) =>
  html
    .replace(/&#x27;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&nbsp;|\u00a0|\u202f/g, " ");
const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${app.url}${path}`, { headers });
  expect(res.status, path).toBe(200);
  return decode(await res.text());
};
const FR = { "Accept-Language": "fr" };
const cardOf = (html: string, username: string) =>
  html.slice(html.indexOf(`/u/${username}"`), html.indexOf("</li>", html.indexOf(`/u/${username}"`)));
const inFrench = (userId: number) => db.updateTable("users").set({ locale: "fr" }).where("id", "=", userId).execute();
const competency = (slug: string) =>
  db.selectFrom("competencies").selectAll().where("slug", "=", slug).executeTakeFirstOrThrow();

describe("directory cards from Meilisearch", () => {
  test("a French reader sees the competency names in French on a card, an English one in English", async () => {
    const sla = await competency("sla-management");
    expect(sla.name_fr).toBeTruthy();
    const fr = cardOf(await get("/directory?q=Bilingue", FR), "pfp_amara");
    expect(fr).toContain(sla.name_fr);
    expect(fr).not.toContain(sla.name);
    const en = cardOf(await get("/directory?q=Bilingue", { "Accept-Language": "en" }), "pfp_amara");
    expect(en).toContain(sla.name);
  });

  test("a search filtered by a competency states its proficiency in the reader's language", async () => {
    const sla = await competency("sla-management");
    const fr = cardOf(
      await get("/directory?q=Bilingue&competency=sla-management&proficiency=proficient", FR),
      "pfp_amara",
    );
    expect(fr).toContain(`${sla.name_fr} : `);
    expect(fr).not.toContain(sla.name);
  });

  test("the French name is searched too", async () => {
    const html = await get(`/directory?q=${encodeURIComponent("accords de niveau de service")}`, FR);
    expect(html).toContain("/u/pfp_amara");
  });
});

describe("/badges in the reader's language", () => {
  test("the badge page, badge list and credential: French words on the pages, English in the JSON", async () => {
    const member = await createMember({ level: 2, username: "pfp_badge" });
    const award = await db.transaction().execute((trx) =>
      awardLevelBadge(trx, {
        userId: member.id,
        level: 2,
        awardedBy: null,
        applicationId: null,
        at: new Date("2026-10-05T09:30:00Z"),
      }),
    );
    const level = await db.selectFrom("levels").selectAll().where("number", "=", 2).executeTakeFirstOrThrow();
    expect(level.name_fr && level.badge_inscription_fr).toBeTruthy();

    const page = await get(`/badges/${award.public_id}`, FR);
    expect(page).toContain(level.name_fr!);
    expect(page).toContain(level.badge_inscription_fr!);
    expect(page).not.toContain(level.name);
    expect(page).toContain("5 octobre 2026");
    expect(await get(`/badges/${award.public_id}`)).toContain(level.name);

    const list = await get("/badges", FR);
    expect(list).toContain(level.name_fr!);
    expect(list).not.toContain(level.name);
    const sla = await competency("sla-management");
    expect(list).toContain(sla.name_fr);

    const credential = JSON.parse(await get(`/badges/${award.public_id}.json`, FR));
    expect(credential.name).toBe(level.name);
  });
});

describe("staff's pages in French", () => {
  test("the progress CSV names levels and requirements in the staff member's language", async () => {
    const csvMember = await createMember({ level: 1, username: "pfp_csv" });
    const admin = await createAdmin({ username: "pfp_csv_admin" });
    await inFrench(admin.id);
    const csv = await get("/admin/progress.csv", { Cookie: await signInCookie(app, admin) });
    const line = csv.split("\r\n").find((l) => l.startsWith(`${csvMember.username},`))!;
    const level = await db
      .selectFrom("levels")
      .select(["name", "name_fr"])
      .where("number", "=", 1)
      .executeTakeFirstOrThrow();
    expect(line).toContain(level.name_fr!);
    expect(line).not.toContain(level.name);
    const first = (await listLevelRequirements(db, 1)).find((r) => r.phase !== "entry")!;
    const source = { ...first, params: first.params as Record<string, unknown> };
    expect(csv).toContain(requirementLabel(sharedI18n("fr").t, source, "fr"));
    expect(csv).not.toContain(requirementLabel(sharedI18n("en").t, source, "en"));
  });

  test("RSS: category names in the feed's language", async () => {
    const category = await db
      .selectFrom("categories")
      .select(["name", "name_fr", "description_fr"])
      .where("slug", "=", "introductions")
      .executeTakeFirstOrThrow();
    expect(category.name_fr).toBeTruthy();
    expect(category.name_fr).not.toBe(category.name);
    const fr = await get("/c/introductions.rss", FR);
    expect(fr).toContain(`<title>Touchpoints : ${decode(category.name_fr!)}</title>`);
    expect(fr).toContain(decode(category.description_fr!));
    const member = await createMember({ level: 1, username: "pfp_rss" });
    await db
      .updateTable("users")
      .set({ created_at: new Date(Date.now() - 30 * 86_400_000) })
      .where("id", "=", member.id)
      .execute();
    const posted = await postForm(
      app,
      "/new-topic",
      {
        category: "introductions",
        title: "Bonjour à toutes et à tous",
        body: "Je me présente : Awa, de Dakar, au service client.",
      },
      { cookie: await signInCookie(app, member) },
    );
    expect(posted.status).toBe(302);
    const latest = await get("/latest.rss", FR);
    expect(latest).toContain(`<category>${decode(category.name_fr!)}</category>`);
    expect(await get("/latest.rss")).toContain(`<category>${category.name}</category>`);
  });
});

describe("nudges and days", () => {
  test("a nudge names the requirement by its generated label (what /progress shows), not the typed one", async () => {
    const m = await createMember({ level: 3, timeZone: "Africa/Lagos", enteredAt: new Date("2027-01-03T09:00:00Z") });
    await db
      .updateTable("level_requirements")
      .set({ label: "Typed label nobody reads", label_fr: "Libellé saisi" })
      .where("key", "=", "l3-books")
      .execute();
    await db
      .insertInto("reading_log")
      .values({ user_id: m.id, title: "Hug Your Haters", finished_on: "2027-04-02" })
      .execute();
    const books = (await listLevelRequirements(db, 3)).find((r) => r.key === "l3-books")!;
    const source = { ...books, params: books.params as Record<string, unknown> };
    const nudges = await computeNudges(db, { userId: m.id, now: new Date("2027-04-27T23:00:00Z") });
    const met = nudges.find((n) => n.requirementId === books.id && n.kind === "met")!;
    expect(wordedAs("en", { data: { text: met.text } })).toContain(requirementLabel(sharedI18n("en").t, source, "en"));
    expect(wordedAs("fr", { data: { text: met.text } })).toContain(requirementLabel(sharedI18n("fr").t, source, "fr"));
    expect(JSON.stringify(met.text)).not.toContain("Typed label");
  });

  test("days in the page's language: 6 déc. 2026 / 6 Dec 2026; an instant is the reader's day", () => {
    expect(formatDay("2026-12-06", "fr-FR")).toBe("6 déc. 2026");
    expect(formatDay("2026-12-06", "en-GB")).toBe("6 Dec 2026");
    // 23:30 UTC on the 6th is already the 7th in Nairobi (UTC+3)
    expect(formatDay(new Date("2026-12-06T23:30:00Z"), "fr-FR", { timeZone: "Africa/Nairobi" })).toBe("7 déc. 2026");
    expect(formatDay(new Date("2026-12-06T23:30:00Z"), "fr-FR", { timeZone: "Not/AZone" })).toBe("6 déc. 2026");
    expect(formatDay("2026-12-06", "fr-FR", { timeZone: "Pacific/Kiritimati" })).toBe("6 déc. 2026");
  });
});

describe("staff write the French beside the English (/admin/programme)", () => {
  test("a staff-saved French level name shows on French /progress; an empty English name is refused", async () => {
    const admin = await createAdmin({ username: "pfp_words" });
    const cookie = await signInCookie(app, admin);
    const form = await get("/admin/programme", { Cookie: cookie });
    expect(form).toContain('name="name_fr"');
    const level = await db.selectFrom("levels").selectAll().where("number", "=", 1).executeTakeFirstOrThrow();
    const fields = {
      kind: "level",
      key: "1",
      name: level.name,
      name_fr: "Niveau 1 : le nom écrit par l’équipe",
      short_name: level.short_name,
      short_name_fr: level.short_name_fr ?? "",
      badge_inscription: level.badge_inscription,
      badge_inscription_fr: level.badge_inscription_fr ?? "",
      description: level.description,
      description_fr: level.description_fr ?? "",
      criteria_narrative: level.criteria_narrative,
      criteria_narrative_fr: level.criteria_narrative_fr ?? "",
    };
    const refused = await postForm(app, "/admin/programme", { ...fields, name: "  " }, { cookie });
    expect(refused.status).toBe(400);
    expect(
      (await db.selectFrom("levels").select("name_fr").where("number", "=", 1).executeTakeFirstOrThrow()).name_fr,
    ).toBe(level.name_fr);

    const saved = await postForm(app, "/admin/programme", fields, { cookie });
    expect(saved.status).toBe(302);
    const audit = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "programme.update")
      .where("target_id", "=", "1")
      .executeTakeFirstOrThrow();
    expect(audit.after).toEqual({ name_fr: fields.name_fr });

    const member = await createMember({ level: 1, username: "pfp_words_member" });
    await inFrench(member.id);
    expect(await get("/progress", { Cookie: await signInCookie(app, member) })).toContain(fields.name_fr);
  });

  test("a competency's French name saved by staff reaches the directory cards of French readers", async () => {
    const admin = await createAdmin({ username: "pfp_words_c" });
    const cookie = await signInCookie(app, admin);
    const sla = await competency("sla-management");
    const name_fr = "Gestion des niveaux de service (nom revu)";
    const saved = await postForm(
      app,
      "/admin/programme",
      {
        kind: "competency",
        key: sla.slug,
        name: sla.name,
        name_fr,
        description: sla.description,
        description_fr: sla.description_fr ?? "",
      },
      { cookie },
    );
    expect(saved.status).toBe(302);
    await drainJobs();
    expect(cardOf(await get("/directory?q=Bilingue", FR), "pfp_amara")).toContain(name_fr);
  });

  test("webinar, test and module titles have a French field; an unknown row answers 404, not 500", async () => {
    const admin = await createAdmin({ username: "pfp_words_w" });
    const cookie = await signInCookie(app, admin);
    const webinar = await db.selectFrom("webinars").selectAll().orderBy("slug").executeTakeFirstOrThrow();
    const saved = await postForm(
      app,
      "/admin/programme",
      { kind: "webinar", key: webinar.slug, title: webinar.title, title_fr: "Webinaire : le titre français" },
      { cookie },
    );
    expect(saved.status).toBe(302);
    expect(
      (await db.selectFrom("webinars").select("title_fr").where("slug", "=", webinar.slug).executeTakeFirstOrThrow())
        .title_fr,
    ).toBe("Webinaire : le titre français");
    const module = await db.selectFrom("training_modules").selectAll().executeTakeFirstOrThrow();
    const m = await postForm(
      app,
      "/admin/programme",
      {
        kind: "module",
        key: `${module.programme}:${module.number}`,
        programme_title: module.programme_title,
        title: module.title,
        title_fr: "Module en français",
      },
      { cookie },
    );
    expect(m.status).toBe(302);
    expect(
      (
        await db
          .selectFrom("training_modules")
          .select("title_fr")
          .where("programme", "=", module.programme)
          .where("number", "=", module.number)
          .executeTakeFirstOrThrow()
      ).title_fr,
    ).toBe("Module en français");
    expect(
      (await postForm(app, "/admin/programme", { kind: "assessment", key: "no-such-test", title: "X" }, { cookie }))
        .status,
    ).toBe(404);
    expect(
      (
        await postForm(
          app,
          "/admin/programme",
          { kind: "module", key: "x:abc", programme_title: "X", title: "X" },
          { cookie },
        )
      ).status,
    ).toBe(404);
    expect((await postForm(app, "/admin/programme", { kind: "nonsense", key: "1" }, { cookie })).status).toBe(400);
  });
});
