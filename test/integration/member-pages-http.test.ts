// What a member reads about themselves is true: a first visit is "Welcome", a later one "Welcome
// back"; a missed period says which one; tags read as names.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { statusLabelKey } from "~/components/progress-view";
import { sharedI18n } from "~/i18n";
import { cookieFrom, postForm, startApp, type TestApp } from "../setup/app";
import { ageUser, createCategory, createTag, makeTopic } from "../factories/topics";
import { createUser } from "../factories/users";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const home = async (cookie: string) => (await (await fetch(`${app.url}/`, { headers: { Cookie: cookie } })).text()).replace(/&#x27;/g, "'");

describe("member pages", () => {
  test("a member who just signed up is welcomed, not welcomed back; a later visit is a return", async () => {
    const user = await createUser({ username: "mp_newcomer", displayName: "Nia Newcomer" });
    const cookie = cookieFrom(await postForm(app, "/login", { email: user.username, password: user.password }));
    const first = await home(cookie);
    expect(first).toContain("Welcome to Touchpoints, Nia Newcomer.");
    expect(first).not.toContain("Welcome back");
    // signed up two hours ago, last seen an hour ago: the next request starts a new visit
    await db
      .updateTable("users")
      .set({ created_at: sql`now() - interval '2 hours'`, last_seen_at: sql`now() - interval '1 hour'` })
      .where("id", "=", user.id)
      .execute();
    expect(await home(cookie)).toContain("Welcome back, Nia Newcomer.");
  });

  test("a topic's tags read as the competencies' names and link by slug", async () => {
    const author = await createUser({ username: "mp_tagger" });
    await ageUser(author);
    const tag = await createTag("mp-escalation", "Escalation handling");
    const topic = await makeTopic(author, await createCategory(), { tags: [tag] });
    const html = await (await fetch(`${app.url}${topic.url}`)).text();
    expect(html).toMatch(/<a[^>]*href="\/tag\/mp-escalation"[^>]*>Escalation handling<\/a>/);
  });

  test("an overdue duty says which period was missed", () => {
    const t = sharedI18n("en").t;
    expect(t(statusLabelKey({ status: "overdue", period: "trimester" }))).toBe("Last trimester missed");
    expect(t(statusLabelKey({ status: "overdue", period: "year" }))).toBe("Last year missed");
    expect(t(statusLabelKey({ status: "due", period: "trimester" }))).toBe("To do");
    expect(sharedI18n("fr").t(statusLabelKey({ status: "overdue", period: "trimester" }))).toBe("Trimestre précédent manqué");
  });
});
