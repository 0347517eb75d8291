// Two languages: the member's setting, else the switch's cookie (visitors), else Accept-Language,
// else English; the footer switch works as a plain form; texts written for someone else (emails,
// notifications) are in the recipient's language; the shared cache keeps languages apart (Vary).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { mailDir } from "~/mail.server";
import { awardLevelBadge, revokeBadge } from "~/models/badges/badge.server";
import { requestPasswordReset } from "~/models/account/user.server";
import { enrol, ensureProgramme } from "../factories/progress";
import { ageUser, createCategory, makeReply, makeTopic } from "../factories/topics";
import { createAdmin, createUser } from "../factories/users";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { wordedAs } from "../factories/notifications";
import { fresh } from "../setup/attempt";

const qpBytes = (s: string) =>
  Buffer.from(
    s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
    "latin1",
  );

/** An .eml file as text: headers unfolded with their encoded words decoded, the quoted-printable body decoded. */
function readMail(file: string): string {
  const raw = fs.readFileSync(file, "latin1");
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, " ");
  // adjacent encoded words are one text, possibly split inside a character: join their bytes first
  const headers = head.replace(/(?:=\?UTF-8\?[QB]\?[^?]*\?=[ \t]*)+/gi, (run) =>
    Buffer.concat(
      [...run.matchAll(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi)].map(([, enc, text]) =>
        enc.toUpperCase() === "B" ? Buffer.from(text, "base64") : qpBytes(text.replace(/_/g, " ")),
      ),
    ).toString("utf8"),
  );
  return `${headers}\n\n${qpBytes(raw.slice(split).trim()).toString("utf8")}`;
}

/** The app's own job worker may send the email before or after this test's drainJobs: wait for it. */
async function waitForMail(email: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    await drainJobs();
    const [mail] = mailsTo(email);
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no email to ${email}`);
}
function mailsTo(email: string): string[] {
  const dir = mailDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.includes(email))
    .map((f) => readMail(path.join(dir, f)));
}

const get = (app: TestApp, pathname: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${pathname}`, { headers, redirect: "manual" });
const langOf = (html: string) => /<html lang="([a-z]+)"/.exec(html)?.[1];

let app: TestApp;
beforeAll(async () => {
  await createCategory({ slug: "general", name: "General" });
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("the language of a page", () => {
  test("a visitor gets their browser's language, and the response says which", async () => {
    const fr = await get(app, "/latest", { "Accept-Language": "fr-CI,fr;q=0.9,en;q=0.5" });
    const html = await fr.text();
    expect(langOf(html)).toBe("fr");
    expect(html).toContain("Sujets récents");
    expect(fr.headers.get("content-language")).toBe("fr");
    expect(fr.headers.get("vary")).toMatch(/Accept-Language/);
    const other = await get(app, "/latest", { "Accept-Language": "de-DE,de;q=0.9" });
    expect(langOf(await other.text())).toBe("en");
  });

  test("the footer switch works without JavaScript: a plain form, a cookie for visitors", async () => {
    const page = await (await get(app, "/latest", { "Accept-Language": "fr" })).text();
    // the switch is a form posting to /language with a button for the other language
    expect(page).toMatch(/<form method="post" action="\/language"[^>]*>/);
    expect(page).toMatch(/<button[^>]*name="locale" value="en" lang="en"[^>]*>English<\/button>/);
    const res = await postForm(app, "/language", { locale: "en", returnTo: "/latest" }, {});
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/latest");
    const cookie = cookieFrom(res);
    expect(cookie).toBe("tp_lang=en");
    const after = await (await get(app, "/latest", { "Accept-Language": "fr", Cookie: cookie })).text();
    expect(langOf(after)).toBe("en");
    expect(after).toContain("Latest topics");
    // "same as my browser" forgets the choice
    const reset = await postForm(app, "/language", { locale: "auto" }, { cookie });
    expect(reset.headers.get("set-cookie")).toMatch(/^tp_lang=; .*Max-Age=0/);
  });

  test("bad input to the switch: a sentence, never a 500, never a redirect off the site", async () => {
    const bad = await postForm(app, "/language", { locale: "xx" }, { cookie: "" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Choose one of the languages offered.");
    const offsite = await postForm(app, "/language", { locale: "fr", returnTo: "//evil.example/steal" });
    expect(offsite.status).toBe(302);
    expect(offsite.headers.get("location")).toBe("/language?saved=1");
    const long = await postForm(app, "/language", { locale: "fr", returnTo: `/${"a".repeat(5000)}` });
    expect(long.status).toBe(422);
  });

  test("a member's setting wins over the browser and is saved by the switch", async () => {
    const member = await createUser({ username: "lang_member" });
    const cookie = cookieFrom(await postForm(app, "/login", { email: member.username, password: member.password }));
    expect(langOf(await (await get(app, "/latest", { "Accept-Language": "en", Cookie: cookie })).text())).toBe("en");
    const res = await postForm(app, "/language", { locale: "fr", returnTo: "/latest" }, { cookie });
    expect(res.status).toBe(302);
    expect(
      (await db.selectFrom("users").select("locale").where("id", "=", member.id).executeTakeFirstOrThrow()).locale,
    ).toBe("fr");
    // another device, an English browser, no language cookie: still French
    const html = await (await get(app, "/latest", { "Accept-Language": "en-GB,en", Cookie: cookie })).text();
    expect(langOf(html)).toBe("fr");
    // the language page shows the saved choice
    const settings = await (await get(app, "/language", { Cookie: cookie })).text();
    expect(settings).toMatch(/<input[^>]*id="locale-fr"[^>]*checked/);
  });

  test(
    "page titles of a post, its revisions, its bookmark and a member's progress, and level names, are in the " +
      "member's language",
    async () => {
      const cat = await createCategory();
      const member = await createUser({ username: "titres_fr" });
      await db.updateTable("users").set({ locale: "fr" }).where("id", "=", member.id).execute();
      await ageUser(member);
      const topic = await makeTopic(member, cat, { title: "Accueillir un client en colère au guichet" });
      const post = { id: topic.postId };
      const cookie = cookieFrom(await postForm(app, "/login", { email: member.username, password: member.password }));
      const titleOf = async (pathname: string) => {
        const res = await get(app, pathname, { Cookie: cookie, "Accept-Language": "en" });
        expect(res.status, pathname).toBe(200);
        return /<title>([^<]*)<\/title>/.exec(await res.text())?.[1];
      };
      expect(await titleOf(`/p/${post.id}`)).toBe(
        "Message n° 1 dans « Accueillir un client en colère au guichet » · Touchpoints",
      );
      expect(await titleOf(`/p/${post.id}/revisions`)).toBe("Révisions du message n° 1 · Touchpoints");
      expect(await titleOf(`/p/${post.id}/bookmark`)).toBe("Mettre en signet le message n° 1 · Touchpoints");
      await enrol(member.id, 1);
      expect(await titleOf(`/u/${member.username}/progress`)).toBe("Progression de titres fr · Touchpoints");
      // the level's name too (the levels table holds the programme's English names)
      const progress = await (await get(app, "/progress", { Cookie: cookie })).text();
      expect(progress).toContain("Praticien junior du service client");
      expect(progress).not.toContain("Customer Service Junior Practitioner");
    },
  );

  test("signing up from a French browser keeps French as the member's language (for their emails)", async () => {
    const res = await fetch(`${app.url}/signup`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: app.origin,
        "Accept-Language": "fr-SN,fr;q=0.9",
      },
      body: new URLSearchParams({
        email: fresh("awa.ndiaye@example.test"),
        username: fresh("awa_ndiaye"),
        displayName: "Awa Ndiaye",
        password: "a long and unusual passphrase",
      }),
    });
    expect(res.status).toBe(302);
    expect(
      (
        await db
          .selectFrom("users")
          .select("locale")
          .where("username", "=", fresh("awa_ndiaye"))
          .executeTakeFirstOrThrow()
      ).locale,
    ).toBe("fr");
  });
});

describe("texts for someone else are in their language", () => {
  test("a notification email goes out in the recipient's language", async () => {
    const cat = await createCategory();
    const author = await createUser({ username: "mail_fr_author" });
    await db.updateTable("users").set({ locale: "fr" }).where("id", "=", author.id).execute();
    const replier = await createUser({ username: "mail_en_replier" });
    await Promise.all([ageUser(author), ageUser(replier)]);
    const topic = await makeTopic(author, cat, { title: "Gérer les remboursements sans ticket de caisse" });
    await makeReply(replier, topic, "We accept the bank statement as proof of purchase, works well.");
    await drainJobs();
    const mail = await waitForMail(author.email);
    expect(mail).toContain(
      "Subject: mail en replier a répondu à « Gérer les remboursements sans ticket de caisse » · Touchpoints",
    );
    expect(mail).toContain("Vous recevez cet e-mail en raison de vos paramètres de notification");
    expect(mail).toContain("bank statement"); // members' own words are not translated
  });

  test("a password reset email follows the member's setting, whatever page asked for it", async () => {
    const u = await createUser({ username: "reset_fr", email: "reset.fr@example.test" });
    await db.updateTable("users").set({ locale: "fr" }).where("id", "=", u.id).execute();
    await requestPasswordReset({ email: u.email, locale: "en" });
    await drainJobs();
    const mail = await waitForMail(u.email);
    expect(mail).toContain("Réinitialisez votre mot de passe Touchpoints");
    expect(mail).toContain("Bonjour reset fr,");
  });

  test("a notification written by staff's action is in the member's language", async () => {
    await ensureProgramme();
    const admin = await createAdmin();
    const holder = await createUser({ username: "badge_fr" });
    await db.updateTable("users").set({ locale: "fr" }).where("id", "=", holder.id).execute();
    await enrol(holder.id, 1);
    const badge = await db
      .transaction()
      .execute((trx) =>
        awardLevelBadge(trx, { userId: holder.id, level: 1, awardedBy: admin.id, applicationId: null, at: new Date() }),
      );
    expect(
      (await revokeBadge({ staffId: admin.id, publicId: badge.public_id, reason: "Erreur d’inscription." })).ok,
    ).toBe(true);
    // the badge's issue is notified too (issue 22), then its revocation: both read in French
    const notes = await db
      .selectFrom("notifications")
      .select("data")
      .where("user_id", "=", holder.id)
      .orderBy("id")
      .execute();
    const messages = notes.map((n) => wordedAs("fr", n));
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^Vous avez reçu le badge « .+ »/);
    expect(messages[1]).toMatch(/^Votre badge « .+ » a été révoqué : Erreur d’inscription\.$/);
  });
});

describe("the shared cache", () => {
  let cached: TestApp;
  beforeAll(async () => {
    cached = await startApp({ SHARED_CACHE: "on" });
  });
  afterAll(async () => {
    await cached?.stop();
  });

  test("keeps one page per Accept-Language and Cookie, as the answers' Vary says", async () => {
    // both headers start with "de": the first one is answered in French, the second in English
    const first = await get(cached, "/latest", { "Accept-Language": "de-DE,de;q=0.9,fr;q=0.8" });
    const body = await first.text();
    expect(langOf(body), `${first.status} ${body.slice(0, 200)}`).toBe("fr");
    expect(first.headers.get("vary")).toMatch(/^Accept-Language, Cookie/);
    const second = await get(cached, "/latest", { "Accept-Language": "de-DE,de;q=0.9,en;q=0.8" });
    expect(second.headers.get("x-cache")).toBe("MISS");
    expect(langOf(await second.text())).toBe("en");
    // the switch's cookie counts too
    const chosen = await get(cached, "/latest", { "Accept-Language": "en", Cookie: "tp_lang=fr" });
    expect(chosen.headers.get("x-cache")).toBe("MISS");
    expect(langOf(await chosen.text())).toBe("fr");
    for (const [headers, lang] of [
      [{ "Accept-Language": "de-DE,de;q=0.9,fr;q=0.8" }, "fr"],
      [{ "Accept-Language": "de-DE,de;q=0.9,en;q=0.8" }, "en"],
      [{ "Accept-Language": "en", Cookie: "tp_lang=fr" }, "fr"],
    ] as const) {
      const again = await get(cached, "/latest", headers);
      expect(again.headers.get("x-cache")).toBe("HIT");
      expect(langOf(await again.text())).toBe(lang);
    }
  });
});
