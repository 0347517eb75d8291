// In Chromium, with JavaScript on and off, the recruiter's main flow on the desk: search the
// directory, shortlist from the results, set a stage and a private note, write to the candidate
// (who answers in the same thread), and export the shortlist as CSV. axe-core runs on every page.
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { createProfile } from "../factories/profiles";
import { createUser } from "../factories/users";
import { startApp, type TestApp } from "../setup/app";
import { expectAccessible, hasChromium, launchBrowser, newPage, signInInPage, visit } from "../setup/browser";

const signIn = (page: Page, app: TestApp, email: string) => signInInPage(page, app.url, email);

describe.skipIf(!hasChromium)("the recruiter's desk in the browser", () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp({ JOBS: "off" }), launchBrowser()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  for (const javaScriptEnabled of [true, false]) {
    const jsLabel = `(JavaScript ${javaScriptEnabled ? "on" : "off"})`;
    const js = javaScriptEnabled ? "js" : "nojs";
    test(`search, shortlist from the results, stage and note, message, export ${jsLabel}`, async () => {
      const name = `Ngozi Okafor ${js.toUpperCase()}`;
      const cand = await createProfile({
        username: `dk_cand_${js}`,
        displayName: name,
        jobTitle: `Workforce Planner ${js}`,
        country: "NG",
        city: "Lagos",
        open: true,
      });
      const recUser = await createUser({ username: `dk_rec_${js}`, roles: ["recruiter"] });
      await db
        .insertInto("recruiter_organisations")
        .values({
          user_id: recUser.id,
          name: `Lagos Talent ${js}`,
          website: "https://lagos-talent.example",
          country: "NG",
          status: "verified",
        })
        .execute();
      await drainJobs(); // the new profile goes into the directory's index

      // 1. search, then shortlist straight from the results
      const rec = await newPage(browser, { javaScriptEnabled });
      await signIn(rec, app, recUser.email);
      await visit(rec, `${app.url}/directory`);
      await rec.getByLabel("Search the directory").fill(`Workforce Planner ${js}`);
      await rec.getByRole("button", { name: "Search", exact: true }).click();
      await rec.getByRole("link", { name }).waitFor();
      await rec.getByRole("button", { name: `Add ${name} to shortlist` }).click();
      await rec.getByRole("button", { name: `Remove ${name} from shortlist` }).waitFor();
      expect(new URL(rec.url()).pathname).toBe("/directory"); // still on the results
      await expectAccessible(rec);

      // 2. on the desk: a stage and a private note
      await visit(rec, `${app.url}/recruiter`);
      await rec.getByLabel(`Stage for ${name}`).selectOption("contacted");
      await rec
        .getByLabel(`Your note on ${name} (only you see it)`)
        .fill("Led a 40-seat WFM team; ask about Sunday shifts.");
      await rec.getByRole("button", { name: `Save stage and note for ${name}` }).click();
      await expect
        .poll(
          async () =>
            (await db
              .selectFrom("shortlists")
              .select(["stage", "note"])
              .where("member_id", "=", cand.id)
              .executeTakeFirst()) ?? null,
        )
        .toEqual({
          stage: "contacted",
          note: "Led a 40-seat WFM team; ask about Sunday shifts.",
        });
      await visit(rec, `${app.url}/recruiter?stage=contacted`);
      expect(await rec.getByLabel(`Your note on ${name} (only you see it)`).inputValue()).toBe(
        "Led a 40-seat WFM team; ask about Sunday shifts.",
      );
      expect(await rec.getByLabel(`Stage for ${name}`).inputValue()).toBe("contacted");

      // 3. a message: the contact request, the candidate's answer, the recruiter's reply, one thread
      await rec.getByRole("link", { name: `Messages with ${name}` }).click();
      await rec.waitForURL(/\/recruiter\/contact\//);
      await rec.getByLabel("Message").fill("Hello Ngozi, we are hiring a workforce planner in Lagos. Could we talk?");
      await rec.getByRole("button", { name: "Send contact request" }).click();
      await rec.getByText("Contact request sent, waiting for an answer.").waitFor();

      const mem = await newPage(browser, { javaScriptEnabled });
      await signIn(mem, app, cand.email);
      await visit(mem, `${app.url}/my/contacts`);
      await mem.getByRole("link", { name: "Open the conversation" }).click();
      await mem.waitForURL(/\/my\/contacts\/\d+$/);
      await expectAccessible(mem);
      await mem.getByLabel("Your answer").fill("Hello! Yes, I am interested. What are the hours?");
      await mem.getByRole("button", { name: "Send answer" }).click();
      await mem.locator(".thread-mine").getByText("Hello! Yes, I am interested. What are the hours?").waitFor();
      expect(await mem.content()).not.toContain("Sunday shifts"); // the recruiter's note is theirs alone

      await visit(rec, `${app.url}/recruiter/contact/${cand.username}`);
      await rec.locator(".thread-theirs").getByText("What are the hours?").waitFor();
      await rec.getByLabel(`Write to ${name}`).fill("Monday to Friday, 8 to 5, with one Saturday a month.");
      await rec.getByRole("button", { name: "Send message" }).click();
      await rec.locator(".thread-mine").getByText("Monday to Friday, 8 to 5").waitFor();
      await expectAccessible(rec);
      await visit(mem, mem.url());
      await mem.locator(".thread-theirs").getByText("Monday to Friday, 8 to 5").waitFor();

      // 4. the export: the candidate's shared fields, the stage and the note
      await visit(rec, `${app.url}/recruiter`);
      const [download] = await Promise.all([
        rec.waitForEvent("download"),
        rec.getByRole("link", { name: "Download the shortlist (CSV)" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^touchpoints-shortlist-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = fs.readFileSync((await download.path())!, "utf8");
      expect(csv).toContain(`${name},`);
      expect(csv).toContain(`Workforce Planner ${js}`);
      expect(csv).toContain("Contacted");
      expect(csv).toContain("Led a 40-seat WFM team; ask about Sunday shifts.");
      expect(csv).not.toContain(cand.email); // no contact accepted yet: no email
      for (const p of [rec, mem]) await p.context().close();
    }, 240_000);
  }
});
