// Issue 25's hostile load test found `deadlock detected` in the reply path: a reply held its author's
// row FOR UPDATE and waited for the topic row, while the notification job (inserting rows that point at
// that topic and that author, so PostgreSQL's foreign-key checks took FOR KEY SHARE on both) waited for
// the author. Posting now serialises with FOR NO KEY UPDATE, which foreign-key checks do not wait for,
// and a transaction PostgreSQL still picks as a deadlock victim is run again once.
import { describe, expect, test } from "vitest";
import { db, pool, transaction } from "~/db.server";
import { createReply } from "~/models/forum/post.server";
import { ageUser, backdatePosts, createCategory, makeTopic, scopeFor } from "../factories/topics";
import { createUser } from "../factories/users";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until a backend (`pid`, or any other than `notPid`) waits on a row lock. */
async function waitUntilWaitingOnLock({ pid, notPid }: { pid?: number; notPid?: number }) {
  for (let i = 0; i < 100; i++) {
    const { rows } = await pool.query(
      "select 1 from pg_stat_activity where wait_event_type = 'Lock' and ($1::int is null or pid = $1) and " +
        "($2::int is null or pid <> $2)",
      [pid ?? null, notPid ?? null],
    );
    if (rows.length) return;
    await sleep(50);
  }
  throw new Error("no backend waited on a lock");
}

describe("posting and foreign-key checks", () => {
  test("a reply does not wait for rows that only reference its author and topic", async () => {
    const cat = await createCategory();
    const [starter, replier] = [await createUser(), await createUser()];
    await ageUser(starter);
    await ageUser(replier);
    const topic = await makeTopic(starter, cat);
    await backdatePosts(starter.id, 10);
    // What inserting a notification about this topic for the replier holds until its job commits.
    const job = await pool.connect();
    try {
      await job.query("begin");
      await job.query("select 1 from topics where id = $1 for key share", [topic.topicId]);
      await job.query("select 1 from users where id = $1 for key share", [replier.id]);
      const reply = createReply({
        scope: await scopeFor(replier),
        topicId: topic.topicId,
        body: "A reply while a job points at us.",
      });
      const outcome = await Promise.race([reply, sleep(5000).then(() => "still waiting" as const)]);
      expect(outcome).toMatchObject({ ok: true, postNumber: 2 });
    } finally {
      await job.query("rollback");
      job.release();
    }
  });

  test("a transaction chosen as a deadlock victim runs again once and succeeds", async () => {
    const [a, b] = [await createUser(), await createUser()];
    const other = await pool.connect();
    let attempts = 0;
    try {
      await other.query("begin");
      await other.query("select 1 from users where id = $1 for no key update", [b.id]);
      const otherPid = (await other.query("select pg_backend_pid() as pid")).rows[0].pid as number;
      const result = transaction(async (trx) => {
        attempts++;
        await trx.selectFrom("users").select("id").where("id", "=", a.id).forNoKeyUpdate().execute();
        // waits for `other`, which then waits for us: PostgreSQL breaks the cycle after deadlock_timeout,
        // cancelling the one that waited first (this attempt)
        await trx.selectFrom("users").select("id").where("id", "=", b.id).forNoKeyUpdate().execute();
        return "done";
      });
      await waitUntilWaitingOnLock({ notPid: otherPid }); // our first attempt holds a, waits for b
      const otherTakesA = other.query("select 1 from users where id = $1 for no key update", [a.id]);
      await waitUntilWaitingOnLock({ pid: otherPid });
      await otherTakesA; // granted once our first attempt is cancelled and rolled back
      await other.query("commit");
      expect(await result).toBe("done");
      expect(attempts).toBe(2);
    } finally {
      await other.query("rollback").catch(() => {});
      other.release();
    }
    expect(await db.selectFrom("users").select("id").where("id", "in", [a.id, b.id]).execute()).toHaveLength(2);
  });
});
