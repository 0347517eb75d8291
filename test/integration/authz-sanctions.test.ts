// The sanction column of the authorization matrix: every write in SANCTIONS (test/setup/route-table.ts)
// posted by a suspended, a silenced and an unsanctioned member, over HTTP; the refusal writes nothing.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { startApp, type TestApp } from "../setup/app";
import { SANCTIONS, signIn, type SanctionFixtures } from "../setup/route-table";
import { createConversation } from "~/models/forum/messages.server";
import { NewMessageSchema } from "~/models/forum/messages.schema";
import { ageUser, backdatePosts, createCategory, makeReply, makeTopic, scopeFor } from "../factories/topics";
import { createUser } from "../factories/users";

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ JOBS: "off" });
}, 60_000);
afterAll(async () => {
  await app?.stop();
});

const KINDS = ["suspended", "silenced", "member"] as const;
const counts = async () =>
  (
    await sql<{ likes: number; flags: number; posts: number; participants: number }>`
      select (select count(*)::int from post_likes) as likes, (select count(*)::int from flags) as flags,
             (select count(*)::int from post_revisions) + (select count(*)::int from posts) as posts,
             (select count(*)::int from topic_allowed_users) + (select count(*)::int from topic_actions)
               as participants`.execute(db)
  ).rows[0];

describe("sanctions", () => {
  test("a suspended member cannot post, like, flag, edit or add to a message; a silenced one only likes", async () => {
    const category = await createCategory();
    const author = await createUser();
    await ageUser(author);
    const wrong: string[] = [];
    for (const kind of KINDS) {
      const who = await createUser({ username: `sanctioned_${kind}` });
      await ageUser(who);
      const topic = await makeTopic(author, category);
      const post = await db
        .selectFrom("posts")
        .select("id")
        .where("topic_id", "=", topic.topicId)
        .where("post_number", "=", 1)
        .executeTakeFirstOrThrow();
      const own = await makeReply(who, topic);
      const addable = await createUser();
      await ageUser(addable);
      await backdatePosts(author.id);
      const conversation = await createConversation({
        scope: await scopeFor(author),
        input: NewMessageSchema.parse({
          to: who.username,
          title: `A conversation with the ${kind} member`,
          body: "A conversation someone may be added to.",
        }),
      });
      if (!conversation.ok) throw new Error(conversation.message);
      const until = new Date(Date.now() + 86_400_000);
      if (kind !== "member")
        await db
          .updateTable("users")
          .set({ [`${kind}_until`]: until, sanction_reason: "matrix test" })
          .where("id", "=", who.id)
          .execute();
      const cookie = await signIn(app, who);
      const f: SanctionFixtures = {
        topicUrl: topic.url,
        topicId: topic.topicId,
        postId: post.id,
        ownPostId: own.postId,
        categorySlug: category.slug,
        recipient: author.username,
        conversationId: conversation.topicId,
        addable: addable.username,
      };
      // the like button is shown only to those who may like
      const page = await fetch(`${app.url}${topic.url}`, { headers: { Cookie: cookie } }).then((r) => r.text());
      const mayLike = SANCTIONS.like[kind] !== 403;
      if (page.includes('value="like"') !== mayLike)
        wrong.push(`like button ${mayLike ? "missing for" : "shown to"} ${kind}`);
      for (const [name, row] of Object.entries(SANCTIONS)) {
        await backdatePosts(who.id); // the posting interval is not what this checks
        const before = await counts();
        const res = await fetch(`${app.url}${row.path(f)}`, {
          method: "POST",
          headers: { Cookie: cookie, Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(row.fields(f)),
          redirect: "manual",
        });
        const html = await res.text();
        if (res.status !== row[kind]) wrong.push(`${name} as ${kind}: expected ${row[kind]}, got ${res.status}`);
        if (res.status === 403) {
          if (JSON.stringify(await counts()) !== JSON.stringify(before))
            wrong.push(`${name} as ${kind}: refused but written`);
          if (!/suspended until|silenced until/.test(html))
            wrong.push(`${name} as ${kind}: the refusal does not say until when`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});
