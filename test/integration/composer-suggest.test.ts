// GET /composer/suggest over real HTTP (issue 24 point 2): who the composer offers after `@` and
// `#`. People in the topic first, then recent posters, then by name; never a hidden profile the
// viewer may not see, never a suspended member, never a private category; a private topic's people
// are not given away by their rank; visitors are refused; the prefix lookups can use their indexes.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { memberSuggestions } from "~/models/forum/composer-suggest.server";
import { startApp, type TestApp } from "../setup/app";
import { signInCookie } from "../setup/two-factor";
import { createProfile } from "../factories/profiles";
import { ageUser, createCategory, makeReply, makeTopic, scopeFor } from "../factories/topics";
import { createAdmin, createUser } from "../factories/users";

let app: TestApp;
const cookies: Record<string, string> = {};
let topicId: number;
let privateTopicId: number;

async function suggest(who: string | null, q: string, topic?: number) {
  const res = await fetch(`${app.url}/composer/suggest?q=${encodeURIComponent(q)}${topic ? `&topic=${topic}` : ""}`, {
    headers: who ? { Cookie: cookies[who] } : {},
    redirect: "manual",
  });
  const body = (await res.json()) as { items: { value: string; label: string }[] };
  return { status: res.status, values: body.items.map((i) => i.value), body };
}

beforeAll(async () => {
  app = await startApp();
  const open = await createCategory({ slug: "sgxcat-open", name: "Sgx open talk" });
  const privateCategory = await createCategory({ slug: "sgxcat-private", name: "Sgx private", see: "participants" });
  await createCategory({ slug: "sgxcat-staff", name: "Sgx staff room", see: "staff" });
  const viewer = await createUser({ username: "sgx_viewer" });
  const alpha = await createUser({ username: "sgx_alpha" }); // no profile: seen by members
  const bravo = await createProfile({ username: "sgx_bravo", visibility: "public" });
  const charlie = await createProfile({ username: "sgx_charlie", visibility: "members" });
  const delta = await createUser({ username: "sgx_delta" });
  const hidden = await createProfile({ username: "sgx_hidden", visibility: "hidden" });
  const suspended = await createUser({ username: "sgx_suspended" });
  const admin = await createAdmin({ username: "sgx_admin" });
  const recruiter = await createUser({ username: "sgx_recruiter", roles: ["recruiter"] });
  await createUser({ username: "sgy_echo", displayName: "Echomatic Person" });
  for (const u of [viewer, alpha, bravo, charlie, delta, hidden, suspended, admin]) await ageUser(u);
  // charlie opened the topic; the hidden and the suspended member replied in it
  const topic = await makeTopic(charlie, open);
  topicId = topic.topicId;
  await makeReply(hidden, topic);
  await makeReply(suspended, topic);
  // bravo posted recently elsewhere; delta only in a private topic the viewer is not on
  await makeTopic(bravo, open);
  const secret = await makeTopic(delta, privateCategory, { participantIds: [delta.id, admin.id] });
  privateTopicId = secret.topicId;
  await db
    .updateTable("users")
    .set({ suspended_until: sql`now() + interval '3 days'` })
    .where("id", "=", suspended.id)
    .execute();
  for (const [name, user] of Object.entries({ viewer, admin, recruiter }))
    cookies[name] = await signInCookie(app, user);
});
afterAll(async () => {
  await app?.stop();
});

describe("@mention suggestions", () => {
  test("topic people first, then recent posters, then the rest by name; never hidden or suspended", async () => {
    const { status, values, body } = await suggest("viewer", "@sgx", topicId);
    expect(status).toBe(200);
    expect(values).toEqual(["sgx_charlie", "sgx_bravo", "sgx_admin", "sgx_alpha", "sgx_delta", "sgx_recruiter"]);
    expect(body.items[0]).toEqual({ value: "sgx_charlie", label: "sgx charlie" });
    // without a topic, recent posters lead, the latest first (bravo posted after charlie)
    expect((await suggest("viewer", "@sgx")).values).toEqual([
      "sgx_bravo",
      "sgx_charlie",
      "sgx_admin",
      "sgx_alpha",
      "sgx_delta",
      "sgx_recruiter",
    ]);
  });

  test("a display name's prefix finds the member too, and `_` is not a wildcard", async () => {
    expect((await suggest("viewer", "@echomatic")).values).toEqual(["sgy_echo"]);
    expect((await suggest("viewer", "@sgx br", topicId)).status).toBe(400); // only what a mention may hold
    expect((await suggest("viewer", "@sgx_b")).values).toEqual(["sgx_bravo"]);
    expect((await suggest("viewer", "@sgxxb")).values).toEqual([]);
  });

  test("a private topic the viewer is not on changes nothing: its people are not ranked first", async () => {
    const plain = await suggest("viewer", "@sgx");
    const withSecret = await suggest("viewer", "@sgx", privateTopicId);
    expect(withSecret.values).toEqual(plain.values);
    expect(withSecret.values.indexOf("sgx_delta")).toBeGreaterThan(withSecret.values.indexOf("sgx_alpha"));
  });

  test("staff may be offered a hidden profile (they see it), never a suspended member", async () => {
    const { values } = await suggest("admin", "@sgx", topicId);
    expect(values).toContain("sgx_hidden");
    expect(values).not.toContain("sgx_suspended");
    expect(values).not.toContain("sgx_admin"); // not oneself
  });

  test("a recruiter sees members' profiles, so is offered them, but never hidden ones", async () => {
    const { status, values } = await suggest("recruiter", "@sgx");
    expect(status).toBe(200);
    expect(values).toContain("sgx_charlie");
    expect(values).not.toContain("sgx_hidden");
  });
});

describe("#category suggestions", () => {
  test("a member is offered the categories a #link would cook for them, never a private or staff one", async () => {
    const { values, body } = await suggest("viewer", "#sgxcat");
    expect(values).toEqual(["sgxcat-open"]);
    expect(body.items[0].label).toBe("Sgx open talk");
    // by name as well as by slug
    expect((await suggest("viewer", "#sgx")).values).toEqual(["sgxcat-open"]);
  });

  test("staff are offered the staff category, but never a private (participants) one", async () => {
    const { values } = await suggest("admin", "#sgxcat");
    expect(values.sort()).toEqual(["sgxcat-open", "sgxcat-staff"]);
  });
});

describe("refusals", () => {
  test("a visitor is refused with 401 and no names", async () => {
    const { status, values } = await suggest(null, "@sgx");
    expect(status).toBe(401);
    expect(values).toEqual([]);
  });

  test("a malformed query is a 400, never a 500", async () => {
    for (const q of ["sgx", "@", "#", "@a'; drop table users;--", `@${"a".repeat(31)}`, "#UPPER"])
      expect((await suggest("viewer", q)).status, q).toBe(400);
    const res = await fetch(`${app.url}/composer/suggest?q=%40sgx&topic=abc`, { headers: { Cookie: cookies.viewer } });
    expect(res.status).toBe(400);
  });

  test("more than 120 asks in a minute are refused with 429", async () => {
    const member = await createUser({ username: "sgx_eager" });
    cookies.eager = await signInCookie(app, member);
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) statuses.push((await suggest("eager", "#sgx")).status);
    expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
    expect(statuses[120]).toBe(429);
  });
});

test("the member lookup can be served by indexes alone (EXPLAIN with sequential scans off)", async () => {
  const scope = await scopeFor(
    await db.selectFrom("users").select("id").where("username", "=", "sgx_viewer").executeTakeFirstOrThrow(),
  );
  const query = await memberSuggestions({ scope, prefix: "sgx_b", topicId });
  await db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const plan = await sql<{ "QUERY PLAN": string }>`explain ${query}`.execute(trx);
    const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
    // a prefix no index could serve would leave a sequential scan (only disfavoured, never forbidden)
    expect(text).not.toMatch(/Seq Scan on (users|posts)/);
    expect(text).toMatch(/users_(username|display_name)_(prefix|lower)_idx/);
  });
});
