// A member whose session ends while they write loses nothing: the form they post is held (tp_held),
// and after signing in again they are told, read it at /held, and send it through the original action
// or discard it. Over real HTTP, without JavaScript.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { cookieFrom, postForm, startApp, unescapeHtml, type TestApp } from "../setup/app";
import { ageUser, backdatePosts, createCategory, makeTopic } from "../factories/topics";
import { createUser } from "../factories/users";

let app: TestApp;
let category: { slug: string };
type Member = Awaited<ReturnType<typeof createUser>>;
let ada: Member;
let ben: Member;
let topic: { url: string };

const NOTICE = "What you wrote before you were signed out was kept.";
let ipCount = 0;
/** Each test posts from its own address, so the per-address limit on holds is the rate test's alone. */
const freshIp = () => `198.51.100.${++ipCount}`;

beforeAll(async () => {
  category = await createCategory();
  app = await startApp();
  [ada, ben] = await Promise.all([createUser(), createUser()]);
  await Promise.all([ageUser(ada), ageUser(ben)]);
  topic = await makeTopic(ben, category);
});
afterAll(async () => {
  await app?.stop();
});

async function signIn(user: Member, heldCookie?: string): Promise<string> {
  const res = await postForm(
    app,
    "/login",
    { email: user.username, password: user.password },
    { cookie: heldCookie ?? undefined },
  );
  expect(res.status).toBe(302);
  const session = cookieFrom(res);
  expect(session).toMatch(/^tp_session=./);
  return heldCookie ? `${session}; ${heldCookie}` : session;
}

/** A form POST from `ip` (the server believes X-Forwarded-For from loopback), not following redirects. */
function post(path: string, body: URLSearchParams | FormData, opts: { cookie?: string; ip: string }) {
  return fetch(`${app.url}${path}`, {
    method: "POST",
    headers: { Origin: app.origin, "X-Forwarded-For": opts.ip, ...(opts.cookie ? { Cookie: opts.cookie } : {}) },
    body,
    redirect: "manual",
  });
}

const get = (path: string, cookie: string) => fetch(`${app.url}${path}`, { headers: { Cookie: cookie } });

/** The tp_held cookie an answer sets ("tp_held=..."), or undefined. */
const heldCookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => /^tp_held=./.test(c));

const decode = unescapeHtml;

/** The /held page's send form: its address and its hidden fields, in order. */
function sendFormOf(html: string) {
  const form = /<form method="post" action="(\/held\?to=[^"]+)">([\s\S]*?)<\/form>/.exec(html);
  expect(form).not.toBeNull();
  const fields = new URLSearchParams();
  for (const m of form![2].matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"\/>/g))
    fields.append(decode(m[1]), decode(m[2]));
  return { action: decode(form![1]), fields };
}

const heldRows = (userId: number | null) =>
  db
    .selectFrom("held_forms")
    .selectAll()
    .where((eb) => (userId === null ? eb("user_id", "is", null) : eb("user_id", "=", userId)))
    .execute();

async function endSessions(userId: number) {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

/** A reply posted after the member's session was ended (deleted): the answer, with the cookie it set. */
async function replyAfterSessionEnded(
  member: Member,
  body: string,
  extra: Record<string, string> = {},
  ip = freshIp(),
) {
  const cookie = await signIn(member);
  await endSessions(member.id);
  const res = await post(topic.url, new URLSearchParams({ body, submissionKey: randomUUID(), ...extra }), {
    cookie,
    ip,
  });
  return { res, held: heldCookieOf(res) };
}

describe("a form posted after the session ended", () => {
  test("is held, announced after sign-in, shown at /held, and sent through the original action", async () => {
    await backdatePosts(ada.id);
    const body = `Here is my long answer about onboarding new agents. ${randomUUID()}`;
    const { res, held } = await replyAfterSessionEnded(ada, body);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(topic.url)}`);
    expect(held).toBeDefined();
    expect(res.headers.get("set-cookie")).toMatch(
      /tp_held=[^;]+; HttpOnly; Max-Age=86400; Path=\/; SameSite=Lax; Secure/,
    );
    // the session was deleted: no member is known yet, and nothing was posted
    const [row] = (await heldRows(null)).filter((r) => r.fields.some(([, v]) => v === body));
    expect(row.path).toBe(topic.url);
    expect(await db.selectFrom("posts").select("id").where("body_markdown", "=", body).execute()).toEqual([]);

    const cookie = await signIn(ada, held);
    const page = await get(topic.url, cookie);
    const html = decode(await page.text());
    expect(html).toContain(`<p class="notice held-notice" role="status">${NOTICE}`);
    expect(html).toContain('<a href="/held">Review and send</a></p>');
    // signing in made it hers
    expect(
      (await db.selectFrom("held_forms").select("user_id").where("id", "=", row.id).executeTakeFirst())?.user_id,
    ).toBe(ada.id);

    const heldPage = await get("/held", cookie);
    expect(heldPage.status).toBe(200);
    const heldHtml = decode(await heldPage.text());
    expect(heldHtml).toContain("Your text");
    expect(heldHtml).toContain(body);
    expect(heldHtml).not.toContain(NOTICE);
    // the page's title says what the page is, never what was written
    expect(/<title>([^<]*)<\/title>/.exec(heldHtml)?.[1]).not.toContain(body.slice(0, 20));

    const send = sendFormOf(heldHtml);
    expect(send.fields.get("body")).toBe(body);
    const relay = await post(send.action, send.fields, { cookie, ip: freshIp() });
    expect(relay.status).toBe(307);
    expect(relay.headers.get("location")).toBe(topic.url);
    expect(relay.headers.get("set-cookie")).toMatch(/^tp_held=; HttpOnly; Max-Age=0/);
    expect(await db.selectFrom("held_forms").select("id").where("id", "=", row.id).execute()).toEqual([]);
    // the browser posts the same body where the 307 says: the original action makes the reply
    const sent = await post(relay.headers.get("location")!, send.fields, { cookie, ip: freshIp() });
    expect(sent.status).toBe(302);
    const posts = await db
      .selectFrom("posts")
      .select(["user_id", "topic_id"])
      .where("body_markdown", "=", body)
      .execute();
    expect(posts).toHaveLength(1);
    expect(posts[0].user_id).toBe(ada.id);
    // the notice is gone with the row and its cookie
    expect(decode(await (await get(topic.url, cookie)).text())).not.toContain(NOTICE);
  });

  test("Discard deletes it", async () => {
    const body = `A draft I will throw away. ${randomUUID()}`;
    const { held } = await replyAfterSessionEnded(ada, body);
    expect(held).toBeDefined();
    const cookie = await signIn(ada, held);
    expect((await get("/held", cookie)).status).toBe(200);
    const res = await post("/held", new URLSearchParams({ intent: "discard" }), { cookie, ip: freshIp() });
    expect(res.status).toBe(302);
    expect(res.headers.get("set-cookie")).toMatch(/^tp_held=; /);
    const rows = await db.selectFrom("held_forms").select("fields").where("user_id", "=", ada.id).execute();
    expect(rows.filter((r) => r.fields.some(([, v]) => v === body))).toEqual([]);
    expect((await get("/held", cookie)).status).toBe(404);
  });

  test("held for a member whose session expired, it is never shown to another member", async () => {
    const body = `Only Ada should ever read this. ${randomUUID()}`;
    const cookie = await signIn(ada);
    await db
      .updateTable("sessions")
      .set({ expires_at: sql<Date>`now() - interval '1 minute'` })
      .where("user_id", "=", ada.id)
      .execute();
    const res = await post(topic.url, new URLSearchParams({ body }), { cookie, ip: freshIp() });
    const held = heldCookieOf(res);
    expect(held).toBeDefined();
    const rows = (await heldRows(ada.id)).filter((r) => r.fields.some(([, v]) => v === body));
    expect(rows).toHaveLength(1);

    const benCookie = await signIn(ben, held);
    const page = decode(await (await get(topic.url, benCookie)).text());
    expect(page).not.toContain(NOTICE);
    expect(page).not.toContain(body);
    const heldPage = await get("/held", benCookie);
    expect(heldPage.status).toBe(404);
    expect(await heldPage.text()).not.toContain(body);
    // Ben's discard does not reach it either
    await post("/held", new URLSearchParams({ intent: "discard" }), { cookie: benCookie, ip: freshIp() });
    expect(await db.selectFrom("held_forms").select("user_id").where("id", "=", rows[0].id).executeTakeFirst()).toEqual(
      {
        user_id: ada.id,
      },
    );
    // Ada, signing in with it, has it back
    const adaCookie = await signIn(ada, held);
    expect(decode(await (await get("/held", adaCookie)).text())).toContain(body);
  });

  test("a password is never stored, and a form with nothing typed but a password holds nothing", async () => {
    const body = `My reply with a password field beside it. ${randomUUID()}`;
    const { held } = await replyAfterSessionEnded(ada, body, { password: "hunter2-secret", currentPassword: "x9" });
    expect(held).toBeDefined();
    const stored = await db
      .selectFrom("held_forms")
      .select("fields")
      .where(sql<boolean>`fields::text like ${`%${body}%`}`)
      .executeTakeFirstOrThrow();
    expect(stored.fields.map(([name]) => name)).toEqual(["body", "submissionKey"]);
    expect(JSON.stringify(stored.fields)).not.toContain("hunter2");

    const cookie = await signIn(ada);
    await endSessions(ada.id);
    const res = await post("/my/security", new URLSearchParams({ intent: "password", password: "hunter2-secret" }), {
      cookie,
      ip: freshIp(),
    });
    expect(res.status).toBe(302);
    expect(heldCookieOf(res)).toBeUndefined();
    const all = await db.selectFrom("held_forms").select("fields").execute();
    expect(JSON.stringify(all)).not.toContain("hunter2");
  });

  test("a button's form (a like: an intent and an id) holds nothing, and its answer is the same redirect", async () => {
    const cookie = await signIn(ada);
    await endSessions(ada.id);
    const before = await db.selectFrom("held_forms").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const buttons: Record<string, string>[] = [
      { intent: "like", postId: "5" },
      { intent: "watch", level: "watching" },
    ];
    for (const fields of buttons) {
      const res = await post(topic.url, new URLSearchParams(fields), { cookie, ip: freshIp() });
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
      expect(heldCookieOf(res)).toBeUndefined();
    }
    const after = await db.selectFrom("held_forms").select(db.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  test("text fields of a multipart form are held, its files are not", async () => {
    const cookie = await signIn(ada);
    await endSessions(ada.id);
    const body = `Sent with an image attached. ${randomUUID()}`;
    const form = new FormData();
    form.append("body", body);
    form.append("image", new Blob([new Uint8Array(2000)], { type: "image/png" }), "photo.png");
    const res = await post(topic.url, form, { cookie, ip: freshIp() });
    expect(heldCookieOf(res)).toBeDefined();
    const stored = await db
      .selectFrom("held_forms")
      .select("fields")
      .where(sql<boolean>`fields::text like ${`%${body}%`}`)
      .executeTakeFirstOrThrow();
    expect(stored.fields).toEqual([["body", body]]);
  });

  test("it goes back where it was posted: an index route's ?index kept, a script's _data left out", async () => {
    const cookie = await signIn(ada);
    await endSessions(ada.id);
    const note = `A note for my mentor. ${randomUUID()}`;
    const index = await post("/mentorship?index", new URLSearchParams({ note }), { cookie, ip: freshIp() });
    expect(heldCookieOf(index)).toBeDefined();
    const body = `Sent by Remix's own fetch. ${randomUUID()}`;
    const routeId = encodeURIComponent("routes/t.$slug.$id.($postNumber)");
    const script = await post(`${topic.url}?_data=${routeId}`, new URLSearchParams({ body }), {
      cookie,
      ip: freshIp(),
    });
    // Remix answers a script's request with the redirect in a header, and the cookie with it
    expect(script.headers.get("x-remix-redirect")).toMatch(/^\/login\?redirectTo=/);
    expect(heldCookieOf(script)).toBeDefined();
    const paths = await db
      .selectFrom("held_forms")
      .select("path")
      .where(sql<boolean>`fields::text like ${`%${note}%`} or fields::text like ${`%${body}%`}`)
      .orderBy("id")
      .execute();
    expect(paths.map((p) => p.path)).toEqual(["/mentorship?index=", topic.url]);
  });

  test("a form over 100 KB of text holds nothing, and is answered as before", async () => {
    const body = `${"Far too long a reply. ".repeat(7000)}${randomUUID()}`;
    expect(body.length).toBeGreaterThan(150_000);
    const { res, held } = await replyAfterSessionEnded(ada, body);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    expect(held).toBeUndefined();
    const rows = await db
      .selectFrom("held_forms")
      .select("id")
      .where(sql<boolean>`fields::text like '%Far too long a reply.%'`)
      .execute();
    expect(rows).toEqual([]);
  });

  test("one address holds at most 20 forms an hour: the 21st holds nothing", async () => {
    const ip = freshIp();
    const cookie = await signIn(ben);
    await endSessions(ben.id);
    const answers: (string | undefined)[] = [];
    for (let i = 1; i <= 21; i++) {
      const res = await post(topic.url, new URLSearchParams({ body: `Attempt ${i} of many.` }), { cookie, ip });
      expect(res.status).toBe(302);
      answers.push(heldCookieOf(res));
    }
    expect(answers.slice(0, 20).every(Boolean)).toBe(true);
    expect(answers[20]).toBeUndefined();
    // another address is not held back by this one
    const other = await post(topic.url, new URLSearchParams({ body: "From elsewhere." }), { cookie, ip: freshIp() });
    expect(heldCookieOf(other)).toBeDefined();
  });
});
