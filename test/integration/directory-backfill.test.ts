// After a first start or a full re-queue, the directory is not empty while its index fills: profile
// backfill jobs run ahead of forum indexing, and until they are done the page answers from
// PostgreSQL (flagged degraded) instead of an incomplete index's "0 profiles".
// No app (so no worker) runs here: the test runs the jobs one by one.
import { afterAll, describe, expect, test } from "vitest";
import { db, pool } from "~/db.server";
import { drainJobs, runOneJob } from "~/jobs.server";
import "~/jobs/index.server";
import { parseDirectoryQuery } from "~/models/directory/directory.schema";
import { queueProfileBackfill } from "~/models/directory/directory-index.server";
import { searchDirectory } from "~/models/directory/directory.server";
import { VISITOR } from "~/models/permissions.server";
import { resetMeili } from "~/search.server";
import { createProfile } from "../factories/profiles";

afterAll(() => resetMeili());

const search = (q: string) =>
  searchDirectory({ scope: VISITOR, query: parseDirectoryQuery(new URLSearchParams({ q })) });

describe("profile backfill", () => {
  test("runs before forum indexing; until done, the directory answers from PostgreSQL, never 0 profiles", async () => {
    // the index exists and holds someone already (a full re-queue, or a start interrupted mid-way)
    await createProfile({
      username: "bf_first",
      displayName: "Early Indexed",
      jobTitle: "CX Analyst",
      visibility: "public",
    });
    await drainJobs();
    const bisi = await createProfile({
      username: "bf_bisi",
      displayName: "Bisi Backfill",
      jobTitle: "Contact Centre Supervisor",
      country: "NG",
      visibility: "public",
    });
    // a first start: nothing indexed yet, forum topics queued before the profiles
    await db.deleteFrom("outbox").execute();
    await db
      .insertInto("outbox")
      .values(
        Array.from({ length: 30 }, (_, i) => ({
          kind: "search.topic",
          payload: JSON.stringify({ topicId: 900_000 + i }),
        })),
      )
      .execute();
    await db.transaction().execute((trx) => queueProfileBackfill(trx, [bisi.id]));

    const before = await search("Backfill");
    expect(before.mode).toBe("degraded");
    expect(before.cards.map((c) => c.username)).toEqual([bisi.username]);

    expect(await runOneJob()).toBe(true);
    const done = await db.selectFrom("outbox").select(["kind"]).where("done_at", "is not", null).execute();
    expect(done.map((j) => j.kind)).toEqual(["profile.reindex"]);

    const after = await search("Backfill");
    expect(after.mode).toBe("meili");
    expect(after.cards.map((c) => c.username)).toEqual([bisi.username]);
    await db.deleteFrom("outbox").where("kind", "=", "search.topic").execute();
  }, 60_000);

  test("once the index is complete, a search asks PostgreSQL nothing (no per-search backfill check)", async () => {
    const quiet = await createProfile({ username: "bf_quiet", displayName: "Quiet Searcher", jobTitle: "CX Analyst" });
    await drainJobs();
    expect((await search("Quiet")).mode).toBe("meili");
    let queries = 0;
    const count = () => queries++;
    pool.on("acquire", count);
    try {
      for (let i = 0; i < 20; i++) {
        const found = await search(i % 2 ? "Quiet" : "Searcher");
        expect(found.cards.map((c) => c.username)).toEqual([quiet.username]);
      }
    } finally {
      pool.off("acquire", count);
    }
    expect(queries).toBe(0);
    // a backfill queued by this process is noticed at once
    await db.transaction().execute((trx) => queueProfileBackfill(trx, [1]));
    expect((await search("Quiet")).mode).toBe("degraded");
    await drainJobs();
    expect((await search("Quiet")).mode).toBe("meili");
  }, 60_000);
});
