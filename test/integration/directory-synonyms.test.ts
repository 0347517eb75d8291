// Staff keep the directory's synonyms (/admin/synonyms): the list is checked before it is saved, kept
// in PostgreSQL with an audit row, sent to the real Meilisearch (at once, or by the outbox job when
// Meilisearch was away), and its preview never shows a hidden profile.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { parseDirectoryQuery } from "~/models/directory/directory.schema";
import { DEFAULT_SYNONYMS, getSynonyms, profilesIndexUid } from "~/models/directory/directory-index.server";
import { SynonymTextSchema, synonymIssues, toMeiliSynonyms } from "~/models/directory/directory-synonyms.schema";
import { saveSynonyms } from "~/models/directory/directory-synonyms.server";
import { searchDirectory } from "~/models/directory/directory.server";
import { VISITOR } from "~/models/permissions.server";
import { requireClient, resetMeili } from "~/search.server";
import { createProfile } from "../factories/profiles";
import { createAdmin } from "../factories/users";
import { postForm, startApp, type TestApp } from "../setup/app";
import { signInCookie } from "../setup/two-factor";

let app: TestApp;
let admin: Awaited<ReturnType<typeof createAdmin>>;
let cookie: string;

beforeAll(async () => {
  await createProfile({
    username: "syn_agent",
    displayName: "Bola Outsource",
    jobTitle: "Call Centre Agent",
    city: "Ibadan",
  });
  await createProfile({
    username: "syn_care",
    displayName: "Ama Carelines",
    jobTitle: "Customer Care Officer",
    city: "Tamale",
  });
  // hidden: never in results, counts or the preview, whatever the synonyms
  await createProfile({
    username: "syn_hidden",
    displayName: "Hidden Outsourcer",
    jobTitle: "Call Centre Agent",
    city: "Ibadan",
    visibility: "hidden",
  });
  await drainJobs();
  admin = await createAdmin({ username: "syn_admin" });
  // no worker in the app: the outbox jobs run here, when a test says so
  app = await startApp({ JOBS: "off" });
  cookie = await signInCookie(app, admin);
}, 120_000);
afterAll(async () => {
  resetMeili();
  await app?.stop();
});

const usernames = async (q: string) =>
  (await searchDirectory({ scope: VISITOR, query: parseDirectoryQuery(new URLSearchParams({ q })) })).cards.map(
    (c) => c.username,
  );
const indexSynonyms = () => requireClient().index(profilesIndexUid()).getSynonyms();

describe("the synonym list", () => {
  test("is checked line by line before anything is saved", () => {
    const issues = (text: string) => {
      const r = SynonymTextSchema.safeParse(text);
      return r.success ? [] : synonymIssues(r.error).map((i) => `${i.line}:${i.message}:${i.term ?? ""}`);
    };
    expect(issues("call centre, contact centre\n\nCX, customer experience")).toEqual([]);
    expect(SynonymTextSchema.parse(" BPO ,  call   centre ;outsourcing\n")).toEqual([
      ["BPO", "call centre", "outsourcing"],
    ]);
    expect(issues("alone")).toEqual(["1:adminSynonyms.errors.alone:alone"]);
    expect(issues("a, b\nb, c")).toEqual(["2:adminSynonyms.errors.twice:b"]);
    expect(issues("x, <script>")).toEqual(["1:adminSynonyms.errors.term:<script>"]);
    expect(issues("x, head of customer experience")).toEqual([
      "1:adminSynonyms.errors.words:head of customer experience",
    ]);
    expect(issues(Array.from({ length: 201 }, (_, i) => `a${i}, b${i}`).join("\n"))).toEqual([
      "201:adminSynonyms.errors.tooManyGroups:",
    ]);
    expect(issues("x".repeat(20_001))).toEqual(["0:adminSynonyms.errors.tooLong:"]);
    // a group finds its terms both ways, lower-cased as Meilisearch keeps them
    expect(toMeiliSynonyms([["BPO", "call centre"]])).toEqual({ bpo: ["call centre"], "call centre": ["bpo"] });
  });

  test("the defaults are in the index until staff save a list; saving is audited and searched at once", async () => {
    expect(await getSynonyms(db)).toEqual(DEFAULT_SYNONYMS);
    expect(await indexSynonyms()).toEqual(toMeiliSynonyms(DEFAULT_SYNONYMS));
    expect(await usernames("BPO")).toEqual([]);

    const groups = [...DEFAULT_SYNONYMS, ["BPO", "call centre", "outsourcing"]];
    expect(await saveSynonyms({ actorId: admin.id, groups })).toEqual({ applied: true });
    expect(await getSynonyms(db)).toEqual(groups);
    expect((await indexSynonyms()).bpo).toEqual(["call centre", "outsourcing"]);
    expect(await usernames("BPO")).toEqual(["syn_agent"]);

    const audit = await db.selectFrom("audit_log").selectAll().where("action", "=", "directory.synonyms").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: admin.id, target_type: "settings", target_id: "directory.synonyms" });
    expect(audit[0].after).toContain("BPO, call centre, outsourcing");
    expect(audit[0].before).not.toContain("BPO, call centre, outsourcing");
    // the outbox job sends the same list again: harmless
    await drainJobs();
    expect((await indexSynonyms()).bpo).toEqual(["call centre", "outsourcing"]);
  });

  test("when Meilisearch is away, the list is saved and the outbox job sends it once it is back", async () => {
    resetMeili("http://127.0.0.1:9");
    const groups = [["BPO", "customer care"]];
    try {
      expect(await saveSynonyms({ actorId: admin.id, groups })).toEqual({ applied: false });
      expect(await getSynonyms(db)).toEqual(groups);
    } finally {
      resetMeili();
    }
    expect((await indexSynonyms()).bpo).toEqual(["call centre", "outsourcing"]);
    await drainJobs();
    expect((await indexSynonyms()).bpo).toEqual(["customer care"]);
    expect(await usernames("BPO")).toEqual(["syn_care"]);
  });
});

describe("/admin/synonyms", () => {
  test("a bad list answers 422 with the text kept and each line to fix; nothing is saved", async () => {
    const before = await getSynonyms(db);
    const text = "call centre, contact centre\nlonely\nx, <b>bold</b>";
    const res = await postForm(app, "/admin/synonyms", { synonyms: text }, { cookie });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("call centre, contact centre\nlonely\nx, &lt;b&gt;bold&lt;/b&gt;</textarea>");
    expect(html).toContain("Line 2: “lonely” needs at least one other term on its line.");
    expect(html).toMatch(/Line 3: “&lt;b&gt;bold&lt;\/b&gt;” can hold only letters/);
    expect(await getSynonyms(db)).toEqual(before);
    expect((await postForm(app, "/admin/synonyms", {}, { cookie })).status).toBe(400);
  });

  test("a good list is saved and applied; the preview counts and names no hidden profile", async () => {
    const res = await postForm(
      app,
      "/admin/synonyms",
      { synonyms: "BPO, call centre\nCX, customer experience" },
      { cookie },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/admin/synonyms?saved=applied");
    const page = await (await fetch(`${app.url}/admin/synonyms?try=BPO+Ibadan`, { headers: { cookie } })).text();
    expect(page).toContain("1 profile matches every word of “BPO Ibadan”.");
    expect(page).toContain("BPO, call centre");
    expect(page).toContain("/u/syn_agent");
    expect(page).not.toContain("syn_hidden");
    expect(page).not.toContain("Hidden Outsourcer");
    const audits = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = 'directory.synonyms'`.execute(db);
    expect(audits.rows[0].n).toBe(3);
  });
});
