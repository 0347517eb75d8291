// The recruiter's desk (issue 22 point 5), on the real database, Meilisearch and app: stages and
// notes private to the recruiter, the shortlist's CSV (consented fields only, formula-safe), saved
// searches that mail new matches once, and contact threads that follow the member's choices.
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs, enqueue } from "~/jobs.server";
import "~/jobs/index.server";
import { mailDir } from "~/mail.server";
import {
  answerAsMember,
  getMemberThread,
  getRecruiterThread,
  writeAsRecruiter,
} from "~/models/directory/contact-thread.server";
import {
  decideContactRequest,
  sendContactRequest,
  setRecruiterBlocked,
} from "~/models/directory/contact-request.server";
import { listSavedSearches, saveSearch } from "~/models/directory/saved-search.server";
import { listShortlist, setShortlisted, updateShortlistEntry } from "~/models/directory/shortlist.server";
import { createProfile } from "../factories/profiles";
import { scopeFor } from "../factories/topics";
import { createUser } from "../factories/users";
import { postForm, startApp, type TestApp } from "../setup/app";
import { signInCookie } from "../setup/two-factor";

let app: TestApp;
beforeAll(async () => {
  // the app's worker stays off: jobs run here (drainJobs), so a test knows when a mail is written
  app = await startApp({ JOBS: "off" });
}, 60_000);
afterAll(async () => {
  await app?.stop();
});

const recruiter = async (username: string) => {
  const user = await createUser({ username, roles: ["recruiter"] }); // enrolled in two-factor sign-in
  await db
    .insertInto("recruiter_organisations")
    .values({
      user_id: user.id,
      name: `${username} Talent`,
      website: "https://talent.example",
      country: "KE",
      status: "verified",
    })
    .execute();
  return { user, scope: await scopeFor(user) };
};

async function get(url: string, cookie: string) {
  const res = await fetch(`${app.url}${url}`, { headers: { Cookie: cookie }, redirect: "manual" });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

function mailsTo(email: string): string[] {
  const dir = mailDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith("search-alert-") && f.includes(email))
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
}

/** Quoted-printable bodies (nodemailer) folded back to plain text. */
const plain = (mail: string) =>
  Buffer.from(
    mail.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
    "latin1",
  ).toString("utf8");

describe("shortlist stages and notes", () => {
  test("notes and stages are private to their recruiter, even from the candidate (pages and .data)", async () => {
    const a = await recruiter("desk_rec_a");
    const b = await recruiter("desk_rec_b");
    const cand = await createProfile({ username: "desk_cand_private", visibility: "members", open: true });
    const note = "Strong on SLAs; salary expectation 4,000 USD — SECRET-NOTE-7731";
    expect((await setShortlisted({ scope: a.scope, username: cand.username, shortlisted: true })).ok).toBe(true);
    expect(
      (await updateShortlistEntry({ scope: a.scope, input: { username: cand.username, stage: "interviewing", note } }))
        .ok,
    ).toBe(true);
    // b never shortlisted them: the update finds nothing, b's list is empty
    expect(
      await updateShortlistEntry({ scope: b.scope, input: { username: cand.username, stage: "hired", note: "x" } }),
    ).toMatchObject({ ok: false, status: 404 });
    expect(await listShortlist({ scope: b.scope })).toEqual([]);
    expect(await listShortlist({ scope: a.scope })).toMatchObject([
      { username: cand.username, stage: "interviewing", note },
    ]);
    expect(await listShortlist({ scope: a.scope, stage: "hired" })).toEqual([]);

    const cookies = {
      a: await signInCookie(app, a.user),
      b: await signInCookie(app, b.user),
      cand: await signInCookie(app, cand),
      other: await signInCookie(app, await createUser({ username: "desk_other_member" })),
    };
    const mine = await get("/recruiter", cookies.a);
    expect(mine.text).toContain("SECRET-NOTE-7731");
    expect(mine.text).toContain('value="interviewing" selected=""');
    const pages = [
      "/recruiter",
      "/recruiter.data",
      "/recruiter/shortlist.csv",
      `/u/${cand.username}`,
      `/u/${cand.username}.data`,
      `/recruiter/contact/${cand.username}`,
    ];
    for (const url of pages)
      expect((await get(url, cookies.b)).text, `recruiter b: ${url}`).not.toContain("SECRET-NOTE");
    const own = [
      "/my/contacts",
      "/my/contacts.data",
      `/u/${cand.username}`,
      `/u/${cand.username}.data`,
      "/notifications",
      "/my/profile",
    ];
    for (const url of own) {
      const page = await get(url, cookies.cand);
      expect(page.text, `candidate: ${url}`).not.toContain("SECRET-NOTE");
      expect(page.text, `candidate: ${url}`).not.toMatch(/[Ii]nterviewing/);
    }
    for (const url of [`/u/${cand.username}`, `/u/${cand.username}.data`])
      expect((await get(url, cookies.other)).text).not.toContain("SECRET-NOTE");
    // the member's own data export holds nothing of what recruiters wrote about them
    const exported = await db.selectFrom("shortlists").select("note").where("member_id", "=", cand.id).execute();
    expect(exported).toHaveLength(1); // (the row exists: the check above is not vacuous)
  }, 90_000);

  test("a note over 2,000 characters is refused and returned whole in the form, not cut (JavaScript off)", async () => {
    // before: setShortlisted cut every note to 300 characters without a word
    const a = await recruiter("desk_rec_long");
    const cand = await createProfile({ username: "desk_cand_long" });
    await setShortlisted({ scope: a.scope, username: cand.username, shortlisted: true });
    const cookie = await signInCookie(app, a.user);
    const long = `${"Detailed interview notes. ".repeat(80)}END-OF-NOTE`; // 2,091 characters
    const res = await postForm(
      app,
      "/recruiter",
      { intent: "update", username: cand.username, stage: "contacted", note: long },
      { cookie },
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Keep the note under 2,000 characters.");
    expect(html).toContain("END-OF-NOTE"); // the whole text is back in the textarea
    expect(
      await db
        .selectFrom("shortlists")
        .select(["note", "stage"])
        .where("member_id", "=", cand.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ note: "", stage: "new" });
    // within the limit it is kept whole, and the stage with it; then removal
    const fits = long.slice(0, 2000);
    const saved = await postForm(
      app,
      "/recruiter",
      { intent: "update", username: cand.username, stage: "hired", note: fits },
      { cookie },
    );
    expect(saved.status).toBe(302);
    expect(
      await db
        .selectFrom("shortlists")
        .select(["note", "stage"])
        .where("member_id", "=", cand.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ note: fits.trim(), stage: "hired" });
    const bad = await postForm(
      app,
      "/recruiter",
      { intent: "update", username: cand.username, stage: "promoted", note: "" },
      { cookie },
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Choose a stage from the list.");
    expect((await postForm(app, "/recruiter", { intent: "remove", username: cand.username }, { cookie })).status).toBe(
      302,
    );
    expect(await db.selectFrom("shortlists").select("note").where("member_id", "=", cand.id).execute()).toEqual([]);
  }, 60_000);

  test("from the directory's results: a recruiter's card has the shortlist button, a member's does not", async () => {
    const a = await recruiter("desk_rec_cards");
    const cand = await createProfile({
      username: "desk_cand_card",
      displayName: "Folasade Cardholder",
      jobTitle: "Quality Analyst Cardholder",
    });
    await drainJobs();
    const cookie = await signInCookie(app, a.user);
    const page = await get("/directory?q=Cardholder", cookie);
    expect(page.text).toContain("Add Folasade Cardholder to shortlist");
    const added = await postForm(
      app,
      "/recruiter/shortlist",
      { username: cand.username, intent: "add", redirectTo: "/directory?q=Cardholder" },
      { cookie },
    );
    expect(added.headers.get("location")).toBe("/directory?q=Cardholder");
    expect((await get("/directory?q=Cardholder", cookie)).text).toContain("Remove Folasade Cardholder from shortlist");
    expect((await listShortlist({ scope: a.scope })).map((m) => m.username)).toEqual([cand.username]);
    const member = await signInCookie(app, await createUser({ username: "desk_card_member" }));
    expect((await get("/directory?q=Cardholder", member)).text).not.toContain('class="shortlist-card"');
  }, 60_000);
});

describe("CSV export", () => {
  test("only what candidates show recruiters, formulas neutralised; hidden/blocking/deleted left out", async () => {
    const a = await recruiter("desk_rec_csv");
    const formula = await createProfile({
      username: "desk_csv_formula",
      displayName: '=HYPERLINK("http://evil.example","x")',
      jobTitle: '+CX lead, "quoted"',
      organisation: "@Org",
      city: "-Lagos",
      open: true,
    });
    const accepted = await createProfile({ username: "desk_csv_accepted", displayName: "Amara Accepted", open: true });
    const hidden = await createProfile({ username: "desk_csv_hidden", displayName: "Hidden Later" });
    const blocker = await createProfile({ username: "desk_csv_blocker", displayName: "Blocking Later", open: true });
    for (const m of [formula, accepted, hidden, blocker])
      await setShortlisted({ scope: a.scope, username: m.username, shortlisted: true });
    await updateShortlistEntry({
      scope: a.scope,
      input: { username: accepted.username, stage: "contacted", note: "=cmd|' /C calc'!A0" },
    });
    const sent = await sendContactRequest({
      scope: a.scope,
      username: accepted.username,
      message: "Hello, may we talk about a role?",
    });
    if (!sent.ok) throw new Error(sent.message);
    await decideContactRequest({ scope: await scopeFor(accepted), id: sent.id, decision: "accept" });
    await db.updateTable("profiles").set({ visibility: "hidden" }).where("user_id", "=", hidden.id).execute();
    await setRecruiterBlocked({ scope: await scopeFor(blocker), recruiterId: a.user.id, blocked: true });

    const cookie = await signInCookie(app, a.user);
    const res = await get("/recruiter/shortlist.csv", cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("cache-control")).toContain("no-store");
    const lines = res.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Name,Profile,Job title,Organisation,City,Country,Languages,Level,Years customer-facing,Years " +
        "managing,Open to opportunities,Email (contact accepted),Stage,Your note,Added on",
    );
    expect(lines).toHaveLength(3); // the hidden and the blocking candidates are gone
    const f = lines.find((l) => l.includes(formula.username))!;
    expect(f).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(f).toContain(`"'+CX lead, ""quoted"""`);
    expect(f).toContain(",'@Org,");
    expect(f).toContain(",'-Lagos,");
    expect(f).not.toContain(formula.email); // no contact accepted: no email
    const acc = lines.find((l) => l.includes(accepted.username))!;
    expect(acc).toContain(accepted.email); // accepted: the email they agreed to share
    expect(acc).toContain(",'=cmd|' /C calc'!A0,");
    expect(acc).toContain(",Contacted,");
    expect(res.text).not.toContain("+234"); // phone numbers are for staff only
    expect(res.text).not.toMatch(/Hidden Later|Blocking Later/);
    // French headers for a French speaker
    await db.updateTable("users").set({ locale: "fr" }).where("id", "=", a.user.id).execute();
    expect((await get("/recruiter/shortlist.csv", cookie)).text).toContain("Nom,Profil,Poste");
    // the desk shows the same people
    expect((await listShortlist({ scope: a.scope })).map((m) => m.username).sort()).toEqual([
      accepted.username,
      formula.username,
    ]);
    // a recruiter without two-factor sign-in is no recruiter until they enrol; a member is refused
    await db.deleteFrom("user_two_factor").where("user_id", "=", a.user.id).execute();
    expect((await get("/recruiter/shortlist.csv", cookie)).status).toBe(403);
    const member = await signInCookie(app, await createUser({ username: "desk_csv_member" }));
    expect((await get("/recruiter/shortlist.csv", member)).status).toBe(403);
  }, 60_000);
});

describe("saved-search alerts", () => {
  test(
    "new visible, open matches are mailed once; the baseline, hidden, closed and blocking members never; " +
      "unsubscribe stops it",
    async () => {
      const a = await recruiter("desk_rec_alerts");
      const before = await createProfile({
        username: "desk_al_before",
        displayName: "Bola Baseline",
        jobTitle: "Zebrafish Wrangler",
        open: true,
      });
      await drainJobs();
      const saved = await saveSearch({
        scope: a.scope,
        name: "Wranglers",
        query: "/directory?q=Zebrafish+Wrangler",
        alerts: true,
      });
      expect(saved.ok).toBe(true);
      // a second search that also finds them: a member is announced once to a recruiter, whichever search
      await saveSearch({ scope: a.scope, name: "Wranglers again", query: "/directory?q=Wrangler", alerts: true });
      const search = (await listSavedSearches({ scope: a.scope })).find((s) => s.name === "Wranglers")!;
      expect(search.alerts).toBe(true);
      const seen = await db
        .selectFrom("saved_search_seen")
        .select(["member_id", "notified_at"])
        .where("saved_search_id", "=", search.id)
        .execute();
      // the baseline: matching before alerts were on
      expect(seen).toEqual([{ member_id: before.id, notified_at: null }]);

      const fresh = await createProfile({
        username: "desk_al_fresh",
        displayName: "Chidi Freshmatch",
        jobTitle: "Zebrafish Wrangler",
        open: true,
      });
      const closed = await createProfile({
        username: "desk_al_closed",
        displayName: "Dayo Closed",
        jobTitle: "Zebrafish Wrangler",
        open: false,
      });
      const hidden = await createProfile({
        username: "desk_al_hidden",
        displayName: "Efe Hidden",
        jobTitle: "Zebrafish Wrangler",
        open: true,
        visibility: "hidden",
      });
      const blocker = await createProfile({
        username: "desk_al_blocker",
        displayName: "Funmi Blocker",
        jobTitle: "Zebrafish Wrangler",
        open: true,
      });
      await setRecruiterBlocked({ scope: await scopeFor(blocker), recruiterId: a.user.id, blocked: true });
      await drainJobs();

      const runDaily = async () => {
        await enqueue(db, "recruiter.search-alerts", {});
        await drainJobs();
      };
      await runDaily();
      let mails = mailsTo(a.user.email).map(plain);
      expect(mails).toHaveLength(1);
      expect(mails[0]).toContain("Chidi Freshmatch");
      expect(mails[0]).toContain(`/u/${fresh.username}`);
      for (const name of ["Bola Baseline", "Dayo Closed", "Efe Hidden", "Funmi Blocker"])
        expect(mails[0]).not.toContain(name);
      expect(mails[0]).toContain("1 member newly matches your saved search “Wranglers” and is open to opportunities:");
      const token = (
        await db
          .selectFrom("saved_searches")
          .select("unsubscribe_token")
          .where("id", "=", search.id)
          .executeTakeFirstOrThrow()
      ).unsubscribe_token!;
      expect(mails[0]).toMatch(/List-Unsubscribe:\s+<http[^>]*\/recruiter\/alerts\//);
      expect(mails[0]).toContain(`/recruiter/alerts/${token}`);

      // again: nothing new, no mail
      await runDaily();
      expect(mailsTo(a.user.email)).toHaveLength(1);

      // a new match mails again; a member who turns "open" on later is then new too
      const later = await createProfile({
        username: "desk_al_later",
        displayName: "Gozie Later",
        jobTitle: "Zebrafish Wrangler",
        open: true,
      });
      await db.updateTable("profiles").set({ open_to_opportunities: true }).where("user_id", "=", closed.id).execute();
      await enqueue(db, "profile.reindex", { userId: closed.id }); // as the profile form's save does
      await drainJobs();
      await runDaily();
      mails = mailsTo(a.user.email).map(plain);
      expect(mails).toHaveLength(2);
      expect(mails.some((m) => m.includes("Gozie Later") && m.includes("Dayo Closed"))).toBe(true);
      expect(mails.filter((m) => m.includes("Chidi Freshmatch"))).toHaveLength(1);
      void later;
      void hidden;

      // the unsubscribe link works without signing in: GET asks, POST stops
      const ask = await fetch(`${app.url}/recruiter/alerts/${token}`);
      expect(ask.status).toBe(200);
      expect(await ask.text()).toContain("Stop the daily email of new matches for “Wranglers”?");
      const stop = await postForm(app, `/recruiter/alerts/${token}`, {});
      expect(stop.status).toBe(200);
      expect(await stop.text()).toContain("You will get no more emails for “Wranglers”.");
      expect((await listSavedSearches({ scope: a.scope })).find((s) => s.id === search.id)?.alerts).toBe(false);
      expect((await fetch(`${app.url}/recruiter/alerts/not-a-real-token-000000000`)).status).toBe(404);
    },
    90_000,
  );
});

describe("contact threads", () => {
  test("the recruiter writes again only after a reply; decline or block ends it; nobody else reads it", async () => {
    const a = await recruiter("desk_rec_thread");
    const b = await recruiter("desk_rec_thread_b");
    const cand = await createProfile({ username: "desk_thread_cand", displayName: "Halima Thread", open: true });
    const member = await scopeFor(cand);
    const sent = await sendContactRequest({
      scope: a.scope,
      username: cand.username,
      message: "Hello Halima, we have a QA lead role in Kano.",
    });
    if (!sent.ok) throw new Error(sent.message);
    // no chasing: the recruiter waits for an answer
    expect(
      await writeAsRecruiter({ scope: a.scope, username: cand.username, body: "Just following up!" }),
    ).toMatchObject({ ok: false, status: 409, message: "desk.errors.waitForAnswer" });
    expect((await answerAsMember({ scope: member, id: sent.id, body: "Thanks — what is the salary range?" })).ok).toBe(
      true,
    );
    expect(
      (
        await writeAsRecruiter({
          scope: a.scope,
          username: cand.username,
          body: "Between 3,000 and 3,600 USD a month.",
        })
      ).ok,
    ).toBe(true);
    const thread = await getRecruiterThread({ scope: a.scope, username: cand.username });
    expect(thread && "messages" in thread ? thread.messages?.map((m) => [m.mine, m.body]) : null).toEqual([
      [true, "Hello Halima, we have a QA lead role in Kano."],
      [false, "Thanks — what is the salary range?"],
      [true, "Between 3,000 and 3,600 USD a month."],
    ]);
    // another recruiter sees no thread and cannot write into it
    expect(await getRecruiterThread({ scope: b.scope, username: cand.username })).toEqual({ request: null });
    expect(await writeAsRecruiter({ scope: b.scope, username: cand.username, body: "Hello from b" })).toMatchObject({
      ok: false,
      message: "desk.errors.noThread",
    });
    // another member cannot read or answer it
    const stranger = await scopeFor(await createUser({ username: "desk_thread_stranger" }));
    expect(await getMemberThread({ userId: stranger.userId!, id: sent.id })).toBeUndefined();
    expect(await answerAsMember({ scope: stranger, id: sent.id, body: "intruding" })).toMatchObject({
      ok: false,
      status: 404,
    });
    // the member no longer open to opportunities: the recruiter cannot write, even in the thread
    expect((await answerAsMember({ scope: member, id: sent.id, body: "Let me think about it." })).ok).toBe(true);
    await db.updateTable("profiles").set({ open_to_opportunities: false }).where("user_id", "=", cand.id).execute();
    expect(await writeAsRecruiter({ scope: a.scope, username: cand.username, body: "Any news?" })).toMatchObject({
      ok: false,
      message: "recruiter.errors.notOpen",
    });
    await db.updateTable("profiles").set({ open_to_opportunities: true }).where("user_id", "=", cand.id).execute();
    // declined: final, for the thread and for a new request
    expect((await decideContactRequest({ scope: member, id: sent.id, decision: "decline" })).ok).toBe(true);
    expect(await writeAsRecruiter({ scope: a.scope, username: cand.username, body: "Are you sure?" })).toMatchObject({
      ok: false,
      message: "desk.errors.declined",
    });
    expect(
      await sendContactRequest({ scope: a.scope, username: cand.username, message: "Trying a new request anyway." }),
    ).toMatchObject({ ok: false, status: 409, message: "desk.errors.declined" });
    // blocked: the member cannot answer until they unblock; the recruiter learns only "unavailable"
    await setRecruiterBlocked({ scope: member, recruiterId: a.user.id, blocked: true });
    expect(await answerAsMember({ scope: member, id: sent.id, body: "One more thing" })).toMatchObject({
      ok: false,
      message: "desk.errors.unblockFirst",
    });
    expect(await writeAsRecruiter({ scope: a.scope, username: cand.username, body: "Hello?" })).toMatchObject({
      ok: false,
      message: "recruiter.errors.unavailable",
    });
    const count = await db
      .selectFrom("contact_messages")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("request_id", "=", sent.id)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(3);
    // the recruiter was told of each answer, the member of the follow-up
    const told = await db.selectFrom("notifications").select("data").where("user_id", "=", a.user.id).execute();
    expect(told.filter((n) => JSON.stringify(n.data).includes("answered your message"))).toHaveLength(2);
    const memberTold = await db.selectFrom("notifications").select("data").where("user_id", "=", cand.id).execute();
    expect(memberTold.some((n) => JSON.stringify(n.data).includes(`/my/contacts/${sent.id}`))).toBe(true);
  });

  test("over HTTP: the member's thread page answers, declines and blocks; others get a 404", async () => {
    const a = await recruiter("desk_rec_http");
    const cand = await createProfile({ username: "desk_http_cand", displayName: "Ifeoma Http", open: true });
    const sent = await sendContactRequest({
      scope: a.scope,
      username: cand.username,
      message: "Hello Ifeoma, would you like to talk?",
    });
    if (!sent.ok) throw new Error(sent.message);
    const cookie = await signInCookie(app, cand);
    const page = await get(`/my/contacts/${sent.id}`, cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Hello Ifeoma, would you like to talk?");
    expect(page.text).not.toContain(a.user.email);
    const tooShort = await postForm(app, `/my/contacts/${sent.id}`, { intent: "answer", body: " " }, { cookie });
    expect(tooShort.status).toBe(422);
    const answered = await postForm(
      app,
      `/my/contacts/${sent.id}`,
      { intent: "answer", body: "Yes, on Thursday." },
      { cookie },
    );
    expect(answered.headers.get("location")).toBe(`/my/contacts/${sent.id}`);
    const rec = await signInCookie(app, a.user);
    const recPage = await get(`/recruiter/contact/${cand.username}`, rec);
    expect(recPage.text).toContain("Yes, on Thursday.");
    expect(recPage.text).toContain('name="body"'); // the member answered: the recruiter may write
    expect((await postForm(app, `/my/contacts/${sent.id}`, { intent: "decline" }, { cookie })).status).toBe(302);
    const after = await get(`/recruiter/contact/${cand.username}`, rec);
    expect(after.text).toContain("This member declined your contact request");
    expect(after.text).not.toContain('name="body"');
    expect(
      (
        await postForm(
          app,
          `/recruiter/contact/${cand.username}`,
          { intent: "reply", body: "Please reconsider." },
          { cookie: rec },
        )
      ).status,
    ).toBe(409);
    expect((await postForm(app, `/my/contacts/${sent.id}`, { intent: "block" }, { cookie })).status).toBe(302);
    expect((await get(`/my/contacts/${sent.id}`, cookie)).text).toContain("You blocked this recruiter");
    const other = await signInCookie(app, await createUser({ username: "desk_http_other" }));
    expect((await get(`/my/contacts/${sent.id}`, other)).status).toBe(404);
    expect((await get(`/my/contacts/${sent.id}.data`, other)).status).toBe(404);
    expect((await get(`/my/contacts/${sent.id}`, rec)).status).toBe(404);
  }, 60_000);
});
