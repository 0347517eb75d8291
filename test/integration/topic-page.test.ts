// The topic page's reading (app/models/forum/topic-page.server.ts): the posts from the one asked for with context
// above, a quoted post added to the reader's reply, the topic's own address for a wrong slug, a date's first post,
// and nothing for a topic the viewer may not see.
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { loadTopicPage } from "~/models/forum/topic-page.server";
import { getViewer } from "~/viewer.server";
import { startSession } from "~/auth.server";
import { createUser } from "../factories/users";
import { createCategory, makeReply, makeTopic } from "../factories/topics";

async function viewerOf(user: { id: number }) {
  const cookie = (await startSession(db, user.id, new Request("http://localhost/"))).split(";")[0];
  return getViewer(new Request("http://localhost/", { headers: { Cookie: cookie } }));
}

async function load(viewer: Awaited<ReturnType<typeof viewerOf>>, path: string) {
  const url = new URL(path, "http://localhost");
  const [, , slug, id, postNumber] = url.pathname.split("/");
  return loadTopicPage({ viewer, lang: "en", url, params: { slug, id, postNumber } });
}

describe("the topic page's reading", () => {
  test("posts from the one asked, a quoted post in the reply, redirects, and nothing when not allowed", async () => {
    const cat = await createCategory();
    const author = await createUser();
    const reader = await createUser();
    const topic = await makeTopic(author, cat, {
      body: "The opening post, long enough.\n[quote]\nan older quote\n[/quote]\nown words.",
    });
    for (let i = 0; i < 5; i++) await makeReply(author, topic);
    const { slug } = await db
      .selectFrom("topics")
      .select("slug")
      .where("id", "=", topic.topicId)
      .executeTakeFirstOrThrow();
    const viewer = await viewerOf(reader);

    const linked = await load(viewer, `/t/${slug}/${topic.topicId}/5?quote=1`);
    expect(linked?.kind).toBe("page");
    if (linked?.kind !== "page") return;
    // two posts of context above the linked one
    expect(linked.page.from).toBe(3);
    expect(linked.page.posts.map((p) => p.post_number)).toEqual([3, 4, 5, 6]);
    // the quote's markers inside the post are dropped: no quote nested in a quote
    expect(linked.page.draft).toBe(
      `[quote="${author.username}, post:1, topic:${topic.topicId}"]\n` +
        "The opening post, long enough.\n\nan older quote\n\nown words.\n[/quote]\n\n",
    );
    expect(linked.page.replyTo).toBe(1);
    // what they were shown counts as read
    const read = await db
      .selectFrom("topic_reads")
      .select("last_read_post_number")
      .where("user_id", "=", reader.id)
      .where("topic_id", "=", topic.topicId)
      .executeTakeFirst();
    expect(read?.last_read_post_number).toBe(6);

    expect(await load(viewer, `/t/wrong-slug/${topic.topicId}/4?x=1`)).toEqual({
      kind: "redirect",
      to: `/t/${slug}/${topic.topicId}/4?x=1`,
    });
    expect(await load(viewer, `/t/${slug}/${topic.topicId}?date=2999-01-01`)).toEqual({
      kind: "redirect",
      to: `/t/${slug}/${topic.topicId}/6#post-6`,
    });
    expect(await load(viewer, `/t/${slug}/${topic.topicId}?date=not-a-day`)).toEqual({
      kind: "redirect",
      to: `/t/${slug}/${topic.topicId}`,
    });

    const hidden = await createCategory({ see: "staff" });
    const staffTopic = await makeTopic(await createUser({ roles: ["member", "admin"] }), hidden);
    expect(await load(viewer, `/t/x/${staffTopic.topicId}`)).toBeUndefined();
    expect(await load(viewer, `/t/${slug}/${topic.topicId}/0`)).toBeUndefined();
    expect(await load(null, `/t/${slug}/999999999`)).toBeUndefined();
  });
});
