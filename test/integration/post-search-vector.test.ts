// Every post keeps a Postgres text-search vector (the search fallback while Meilisearch is down), computed
// inside the posting transaction. Postgres's text-search parser reads a run of word characters joined by
// underscores ("_a_a_a…", "_1_1_1…") in quadratic time: 32 KB of it cost 6 to 10 s of database time per
// post or edit, with the topic's row locked all along. The vector is now made from the body with its long
// runs broken, so any body costs about what an ordinary one does.
import { sql } from "kysely";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { renderInPool } from "~/markdown/pool.server";
import { BODY_MAX } from "~/models/forum/topic.schema";
import { createReply, editPost } from "~/models/forum/post.server";
import { MARKDOWN_FIELD_LIMITS, PATHOLOGICAL_INPUTS } from "../fixtures/pathological-markdown";
import { ageUser, createCategory, makeTopic, scopeFor } from "../factories/topics";
import { createUser } from "../factories/users";

const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
// What the parser reads slowly, at the body's limit; an ordinary text of the same size beside them.
const PARSER_INPUTS = [
  { name: "_a repeated", text: fill("_a", BODY_MAX) },
  { name: "a_ repeated", text: fill("a_", BODY_MAX) },
  { name: "_1 repeated", text: fill("_1", BODY_MAX) },
  { name: "é_ repeated", text: fill("é_", BODY_MAX) },
  { name: "normal prose", text: PATHOLOGICAL_INPUTS.find((i) => i.name === "normal prose")!.build(BODY_MAX) },
];
// An ordinary 32 KB body is posted in about 0.1 s on a quiet machine, and the quadratic case took 6 s and
// more. The bound sits far from both: a loaded machine does not fail the fixed code, nor a quiet one pass the old.
const WRITE_BOUND_MS = 2_500;

async function member() {
  const user = await createUser();
  await ageUser(user);
  return user;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

beforeAll(async () => {
  expect((await renderInPool("warm **up**")).ok).toBe(true); // a render worker's start is not a post's time
});

describe("a post's search vector costs what its size does, whatever the text", () => {
  test.each(PARSER_INPUTS)("$name at 32 KB: a reply and its edit are written within the bound", async ({ text }) => {
    // a fresh author and topic per attempt: a retry is not refused as the first attempt's duplicate
    const topic = await makeTopic(await member(), await createCategory());
    const author = await member();
    const scope = await scopeFor(author);
    const reply = await timed(() => createReply({ scope, topicId: topic.topicId, body: text }));
    expect(reply.value.ok).toBe(true);
    expect(reply.ms).toBeLessThan(WRITE_BOUND_MS);
    if (!reply.value.ok) return;
    const { postId } = reply.value;
    const edit = await timed(() => editPost({ scope, postId, body: `${text.slice(0, -9)} (edited)` }));
    expect(edit.value.ok).toBe(true);
    expect(edit.ms).toBeLessThan(WRITE_BOUND_MS);
  });

  test("the vector still finds the words of a body, long runs included", async () => {
    const topic = await makeTopic(await member(), await createCategory());
    const author = await member();
    const longRun = "_x".repeat(MARKDOWN_FIELD_LIMITS.post / 4);
    const body = `Escalation matrix for the weekend shift. ${longRun} Ticket reference supercalifragilistic.`;
    const reply = await createReply({ scope: await scopeFor(author), topicId: topic.topicId, body });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const matches = async (query: string) =>
      (
        await sql<{ hit: boolean }>`select search_vector @@ websearch_to_tsquery('simple', ${query}) as hit
          from posts where id = ${reply.postId}`.execute(db)
      ).rows[0].hit;
    expect(await matches("escalation weekend")).toBe(true);
    expect(await matches("supercalifragilistic")).toBe(true);
    expect(await matches("absent")).toBe(false);
  });
});
