import { describe, expect, test } from "vitest";
import { indexName, meili, searchHealth } from "~/search.server";

describe("the real Meilisearch", () => {
  test("is reachable through the keep-alive client and answers typo-tolerant queries", async () => {
    expect(await searchHealth()).toBe("up");
    const client = meili()!;
    const index = client.index(indexName("smoke"));
    const task = await index.addDocuments(
      [
        { id: 1, title: "Customer Service Manager" },
        { id: 2, title: "Contact Centre Team Lead" },
      ],
      { primaryKey: "id" },
    );
    await client.tasks.waitForTask(task.taskUid);
    const res = await index.search("custmer sevice");
    expect(res.hits.map((h) => h.id)).toEqual([1]);
  });

  test("an API error is a rejected promise, not a crash", async () => {
    await expect(meili()!.index(indexName("does_not_exist")).getStats()).rejects.toThrow();
  });
});
