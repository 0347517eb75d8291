import { describe, expect, test } from "vitest";
import { markRead } from "~/models/forum/post.server";
import { getReaderState } from "~/models/forum/topic.server";
import { countNewAndUnread, dismissTopics, listTopics } from "~/models/forum/topic-list.server";
import { db } from "~/db.server";
import { ageUser, createCategory, makeReply, makeTopic, scopeFor } from "../factories/topics";
import { createUser } from "../factories/users";

async function member() {
  const u = await createUser();
  await ageUser(u);
  return u;
}

describe("read tracking", () => {
  test("new topics turn unread once opened and more replies come; dismiss clears both", async () => {
    const cat = await createCategory();
    const ada = await member();
    const reader = await member();
    const scope = await scopeFor(reader);
    const lastVisitAt = new Date(Date.now() - 3_600_000);
    const topic = await makeTopic(ada, cat);

    let news = await listTopics({ scope, filter: { kind: "new", categoryId: cat.id }, lastVisitAt });
    expect(news.topics.map((t) => t.id)).toEqual([topic.topicId]);
    expect(await countNewAndUnread({ scope, lastVisitAt })).toMatchObject({ new: 1, unread: 0 });

    // opening the topic page (post 1 shown) records the read
    await markRead(db, reader.id, topic.topicId, 1);
    news = await listTopics({ scope, filter: { kind: "new", categoryId: cat.id }, lastVisitAt });
    expect(news.topics).toEqual([]);
    await makeReply(ada, topic);
    await makeReply(ada, topic);
    const unread = await listTopics({ scope, filter: { kind: "unread", categoryId: cat.id }, lastVisitAt });
    expect(unread.topics.map((t) => [t.id, t.unread])).toEqual([[topic.topicId, 2]]);
    expect((await getReaderState({ userId: reader.id, topicId: topic.topicId })).lastRead).toBe(1);

    await dismissTopics({ userId: reader.id, topicIds: [topic.topicId] });
    expect(await countNewAndUnread({ scope, lastVisitAt })).toMatchObject({ new: 0, unread: 0 });
  });

  test("a topic older than both the last visit and two days is not new", async () => {
    const cat = await createCategory();
    const ada = await member();
    const reader = await member();
    const topic = await makeTopic(ada, cat);
    await db
      .updateTable("topics")
      .set({ created_at: new Date(Date.now() - 3 * 86_400_000) })
      .where("id", "=", topic.topicId)
      .execute();
    const news = await listTopics({
      scope: await scopeFor(reader),
      filter: { kind: "new", categoryId: cat.id },
      lastVisitAt: new Date(),
    });
    expect(news.topics).toEqual([]);
  });

  test("reading never moves backwards", async () => {
    const cat = await createCategory();
    const ada = await member();
    const topic = await makeTopic(ada, cat);
    await markRead(db, ada.id, topic.topicId, 5);
    await markRead(db, ada.id, topic.topicId, 2);
    expect((await getReaderState({ userId: ada.id, topicId: topic.topicId })).lastRead).toBe(5);
  });
});
