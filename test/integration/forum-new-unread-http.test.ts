// "New" and "unread" as Discourse defines them, over real HTTP: /new, /unread, the New (n) /
// Unread (n) counts and the marks on /latest all say the same thing for one member.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { mergeTopic } from "~/models/moderation/post-moves.server";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { ageUser, createCategory, makeReply, makeTopic, scopeFor } from "../factories/topics";
import { createUser } from "../factories/users";

let app: TestApp;
let cookie: string;
let readerId: number;
const ids: Record<string, number> = {};

const page = async (path: string, as = cookie) => {
  const res = await fetch(`${app.url}${path}`, { headers: { Cookie: as } });
  expect(res.status).toBe(200);
  return res.text();
};
/** topic ids linked from the list's rows */
const listed = (html: string) =>
  [...html.matchAll(/<a href="\/t\/[^/"]+\/(\d+)(?:\/\d+)?" class="topic-title">/g)].map((m) => Number(m[1])).sort();
/** topic ids of the rows carrying a badge */
const marked = (html: string, badge: "new-badge" | "unread-badge") =>
  html
    .split('<li class="topic-row">')
    .slice(1)
    .filter((row) => row.includes(`class="${badge}"`))
    .map((row) => Number(/href="\/t\/[^/"]+\/(\d+)/.exec(row)![1]))
    .sort();
const counts = (html: string) => ({
  new: Number(/>New \((\d+)\)</.exec(html)?.[1] ?? 0),
  unread: Number(/>Unread \((\d+)\)</.exec(html)?.[1] ?? 0),
});

beforeAll(async () => {
  app = await startApp();
  const author = await createUser();
  const reader = await createUser();
  readerId = reader.id;
  await ageUser(author, 24 * 30);
  await ageUser(reader, 24 * 30);
  const cat = await createCategory();
  for (const name of [
    "oldUnopened",
    "sinceLastVisit",
    "beforeLastVisit",
    "readThenReplied",
    "readFully",
    "recentUnopened",
  ]) {
    ids[name] = (await makeTopic(author, cat)).topicId;
  }
  const ago = (hours: number) => sql<Date>`now() - make_interval(hours => ${hours})`;
  // the window is 48 hours; the member's last visit ended 6 hours ago
  await db
    .updateTable("topics")
    .set({ created_at: ago(24 * 5) })
    .where("id", "in", [ids.oldUnopened, ids.readThenReplied, ids.readFully])
    .execute();
  await db
    .updateTable("topics")
    .set({ created_at: ago(12) })
    .where("id", "=", ids.beforeLastVisit)
    .execute();
  await db
    .updateTable("topics")
    .set({ created_at: ago(1) })
    .where("id", "in", [ids.sinceLastVisit, ids.recentUnopened])
    .execute();

  cookie = cookieFrom(await postForm(app, "/login", { email: reader.username, password: reader.password }));
  expect(cookie).toMatch(/^tp_session=/);
  await db
    .updateTable("users")
    .set({ last_visit_at: ago(6), last_seen_at: sql`now()` })
    .where("id", "=", reader.id)
    .execute();
  // the reader opens two old topics; one of them gets a reply afterwards
  for (const id of [ids.readThenReplied, ids.readFully]) {
    const slug = (await db.selectFrom("topics").select("slug").where("id", "=", id).executeTakeFirstOrThrow()).slug;
    await page(`/t/${slug}/${id}`);
  }
  await makeReply(author, { topicId: ids.readThenReplied });
});
afterAll(async () => {
  await app?.stop();
});

describe("new and unread, one definition", () => {
  test("/new, /unread, the counts and /latest's marks agree for a member with mixed read state", async () => {
    const expectedNew = [ids.sinceLastVisit, ids.recentUnopened].sort();
    const expectedUnread = [ids.readThenReplied];

    const newPage = await page("/new");
    const unreadPage = await page("/unread");
    const latest = await page("/latest");

    // old unopened topics, and those from before the last visit, are not new; recent unopened ones are
    expect(listed(newPage)).toEqual(expectedNew);
    // a topic read and then replied to is unread; one read to the end is not
    expect(listed(unreadPage)).toEqual(expectedUnread);
    for (const html of [newPage, unreadPage, latest]) expect(counts(html)).toEqual({ new: 2, unread: 1 });
    expect(marked(latest, "new-badge")).toEqual(expectedNew);
    expect(marked(latest, "unread-badge")).toEqual(expectedUnread);
    expect(listed(latest)).toEqual(Object.values(ids).sort());
  });

  test(
    "staff widen the window to 7 days: for a member back after 6 days, unopened topics since then are new, " +
      "everywhere",
    async () => {
      // the setting is read through the limits cache (5 s): written as staff would, then waited out
      const { getLimits, updateLimits } = await import("~/models/moderation/settings.server");
      const admin = await createUser({ roles: ["admin"] });
      const limits = await getLimits(db);
      // a member back after six days: the window (7 days now) is later than nothing, the visit is later still
      await db
        .updateTable("users")
        .set({ last_visit_at: sql`now() - interval '6 days'` })
        .where("id", "=", readerId)
        .execute();
      await updateLimits({ actorId: admin.id, limits: { ...limits, newTopicHours: 24 * 7 } });
      await new Promise((r) => setTimeout(r, 5200));
      const expectedNew = [ids.oldUnopened, ids.sinceLastVisit, ids.beforeLastVisit, ids.recentUnopened].sort();
      const newPage = await page("/new");
      const latest = await page("/latest");
      expect(listed(newPage)).toEqual(expectedNew);
      expect(marked(latest, "new-badge")).toEqual(expectedNew);
      expect(counts(latest)).toEqual({ new: 4, unread: 1 });
      await updateLimits({ actorId: admin.id, limits });
    },
  );
});

describe("the Unread count's lower bound (users.first_unread_at)", () => {
  const boundOf = async (id: number) =>
    (await db.selectFrom("users").select("first_unread_at").where("id", "=", id).executeTakeFirstOrThrow())
      .first_unread_at;
  const bumpedAt = async (id: number) =>
    (await db.selectFrom("topics").select("bumped_at").where("id", "=", id).executeTakeFirstOrThrow()).bumped_at;
  const pathOf = async (id: number) =>
    `/t/${(await db.selectFrom("topics").select("slug").where("id", "=", id).executeTakeFirstOrThrow()).slug}/${id}`;

  test("old topics unread by partial read or merge count everywhere; reading the oldest lifts the bound", async () => {
    const author = await createUser();
    const reader = await createUser();
    const admin = await createUser({ roles: ["admin"] });
    for (const u of [author, reader]) await ageUser(u, 24 * 30);
    const cat = await createCategory();
    // a 22-post topic and two short ones, last bumped 10 and 12 days ago: older than the reader's bound
    const long = (await makeTopic(author, cat)).topicId;
    for (let i = 0; i < 21; i++) await makeReply(author, { topicId: long });
    const short = (await makeTopic(author, cat)).topicId;
    const merged = (await makeTopic(author, cat)).topicId;
    await db
      .updateTable("topics")
      .set({ created_at: sql`now() - interval '20 days'`, bumped_at: sql`now() - interval '10 days'` })
      .where("id", "=", long)
      .execute();
    await db
      .updateTable("topics")
      .set({ created_at: sql`now() - interval '20 days'`, bumped_at: sql`now() - interval '12 days'` })
      .where("id", "in", [short, merged])
      .execute();
    const readerCookie = cookieFrom(
      await postForm(app, "/login", { email: reader.username, password: reader.password }),
    );
    const everywhere = async () => {
      const [unreadPage, latest] = [await page("/unread", readerCookie), await page("/latest", readerCookie)];
      const mine = (ids: number[]) => ids.filter((id) => [long, short, merged].includes(id));
      return {
        unread: listed(unreadPage),
        marked: mine(marked(latest, "unread-badge")),
        counts: [counts(unreadPage).unread, counts(latest).unread],
      };
    };
    expect(await everywhere()).toEqual({ unread: [], marked: [], counts: [0, 0] });
    expect((await boundOf(reader.id)).getTime()).toBeGreaterThan((await bumpedAt(short)).getTime());

    // the first page of the long topic (posts 1-20) leaves it unread, bumped 10 days ago
    await page(await pathOf(long), readerCookie);
    await page(await pathOf(short), readerCookie);
    expect(await everywhere()).toEqual({ unread: [long], marked: [long], counts: [1, 1] });
    expect(await boundOf(reader.id)).toEqual(await bumpedAt(long));

    // a moderator merges a topic into the short one, read to its end: more posts, no bump
    const result = await mergeTopic({ scope: await scopeFor(admin), topicId: merged, intoTopicId: short });
    expect(result.ok).toBe(true);
    expect(await everywhere()).toEqual({ unread: [long, short].sort(), marked: [long, short].sort(), counts: [2, 2] });

    // reading the long topic to its end: the bound moves up to the short one, which still counts
    await page(`${await pathOf(long)}/21`, readerCookie);
    expect(await boundOf(reader.id)).toEqual(await bumpedAt(short));
    expect(await everywhere()).toEqual({ unread: [short], marked: [short], counts: [1, 1] });

    // dismissing it: nothing unread, the bound moves up to (nearly) now
    const dismiss = await postForm(app, "/unread", { topicIds: String(short) }, { cookie: readerCookie });
    expect(dismiss.status).toBeLessThan(400);
    expect(await everywhere()).toEqual({ unread: [], marked: [], counts: [0, 0] });
    expect((await boundOf(reader.id)).getTime()).toBeGreaterThan(Date.now() - 6 * 60_000);
  });
});
