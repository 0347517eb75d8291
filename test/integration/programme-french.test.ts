// The programme in French (issue 20 point 8): a French reader's pages carry the programme's own words
// in French, staff edit both languages, and notifications are worded when read, in the reader's language.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { sharedI18n } from "~/i18n";
import { createApplication, decideApplication } from "~/models/journey/application.server";
import { ApplicationSchema } from "~/models/journey/application.schema";
import { notify } from "~/models/account/notification.server";
import { listLevelRequirements } from "~/models/journey/progress/index.server";
import { requirementLabel } from "~/models/journey/requirement-label";
import { postForm, startApp, type TestApp } from "../setup/app";
import { signInCookie } from "../setup/two-factor";
import { createMember } from "../factories/progress";
import { createAdmin } from "../factories/users";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const decode = (html: string) =>
  html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&nbsp;|\u00a0|\u202f/g, " ");
const page = async (path: string, cookie: string) => {
  const res = await fetch(`${app.url}${path}`, { headers: { Cookie: cookie } });
  expect(res.status).toBe(200);
  return decode(await res.text());
};
const inFrench = (userId: number) => db.updateTable("users").set({ locale: "fr" }).where("id", "=", userId).execute();

describe("the programme in French", () => {
  test("a French member's /progress holds none of the English requirement texts, at every level", async () => {
    for (const level of [1, 2, 3, 4]) {
      const member = await createMember({ level, username: `pf_level${level}` });
      await inFrench(member.id);
      const html = await page("/progress", await signInCookie(app, member));
      const shown = (await listLevelRequirements(db, level)).filter((r) => r.phase !== "entry");
      expect(shown.length).toBeGreaterThan(0);
      for (const r of shown) {
        // a label is the typed one (webinars) or written from the requirement's thresholds, in each language
        const source = { ...r, params: r.params as Record<string, unknown> };
        const english = requirementLabel(sharedI18n("en").t, source, "en");
        const french = requirementLabel(sharedI18n("fr").t, source, "fr");
        expect(french, r.key).not.toBe(english);
        expect(html, `level ${level}`).not.toContain(english);
        expect(html, `level ${level}`).toContain(decode(french));
      }
      const names = await db
        .selectFrom("levels")
        .select(["name", "name_fr", "badge_inscription"])
        .where("number", "=", level)
        .executeTakeFirstOrThrow();
      expect(html).not.toContain(names.name);
      expect(html).not.toContain(names.badge_inscription);
      expect(html).toContain(decode(names.name_fr!));
    }
  });

  test(
    "staff edit a requirement's French label and a category's French name; French readers see them, English ones " +
      "do not",
    async () => {
      const admin = await createAdmin({ username: "pf_admin" });
      const adminCookie = await signInCookie(app, admin);
      const req = await db
        .selectFrom("level_requirements")
        .select(["id", "label", "params"])
        .where("key", "=", "l1-webinar-1")
        .executeTakeFirstOrThrow();
      const saved = await postForm(
        app,
        "/admin/requirements",
        {
          id: String(req.id),
          label: req.label,
          labelFr: "Suivre le Webinaire 1.0 en direct",
          "param.webinar": "webinar-1.0",
        },
        { cookie: adminCookie },
      );
      expect(saved.status).toBe(302);

      const category = await db
        .selectFrom("categories")
        .selectAll()
        .where("slug", "=", "introductions")
        .executeTakeFirstOrThrow();
      const edited = await postForm(
        app,
        "/admin/categories/introductions",
        {
          slug: category.slug,
          name: category.name,
          description: category.description,
          name_fr: "Faisons connaissance",
          description_fr: "Présentez-vous à la communauté.",
          colour: category.colour,
          see_rule: category.see_rule,
          post_rule: category.post_rule,
          reply_rule: category.reply_rule,
        },
        { cookie: adminCookie },
      );
      expect(edited.status).toBe(302);

      const french = await createMember({ level: 1, username: "pf_reader_fr" });
      await inFrench(french.id);
      const frCookie = await signInCookie(app, french);
      expect(await page("/progress", frCookie)).toContain("Suivre le Webinaire 1.0 en direct");
      const categories = await page("/categories", frCookie);
      expect(categories).toContain("Faisons connaissance");
      expect(categories).toContain("Présentez-vous à la communauté.");
      expect(categories).not.toContain(category.name);

      const english = await createMember({ level: 1, username: "pf_reader_en" });
      const enCookie = await signInCookie(app, english);
      const progress = await page("/progress", enCookie);
      expect(progress).toContain(req.label);
      expect(progress).not.toContain("Suivre le Webinaire 1.0 en direct");
      expect(await page("/categories", enCookie)).toContain(category.name);
    },
  );

  test("a notification created while its reader read English shows in French once they switch to French", async () => {
    const admin = await createAdmin({ username: "pf_decider" });
    const member = await createMember({ username: "pf_switcher" });
    await db.updateTable("users").set({ locale: "en" }).where("id", "=", member.id).execute();
    const applied = await createApplication({
      userId: member.id,
      input: ApplicationSchema.parse({ portfolio: "I run the front desk of a clinic." }),
    });
    if (!applied.ok) throw new Error("apply failed");
    expect(
      await decideApplication({
        adminId: admin.id,
        applicationId: applied.applicationId,
        decision: "approve",
        reason: "",
      }),
    ).toMatchObject({ ok: true });
    // a row written before notifications were worded when read: only its English sentence
    await db.transaction().execute((trx) =>
      notify(trx, {
        userId: member.id,
        kind: "progress",
        data: { message: "An older notice, in English only.", href: "/progress" },
      }),
    );

    const cookie = await signInCookie(app, member);
    const english = await page("/notifications", cookie);
    expect(english).toContain(
      sharedI18n("en").t("progress.notify.approved", { level: "Customer Service Junior Practitioner" }),
    );

    const switched = await postForm(app, "/language", { locale: "fr" }, { cookie });
    expect(switched.status).toBe(302);
    expect(
      (await db.selectFrom("users").select("locale").where("id", "=", member.id).executeTakeFirstOrThrow()).locale,
    ).toBe("fr");
    const french = await page("/notifications", cookie);
    expect(french).toContain(
      sharedI18n("fr")
        .t("progress.notify.approved", { level: "Praticien junior du service client" })
        .replace(/\u00a0/g, " "),
    );
    expect(french).not.toContain("Your application was approved");
    expect(french).toContain("An older notice, in English only.");
  });
});
