// A composer's saves can arrive out of order (an autosave still in flight when the leaving page's beacon lands,
// seen in CI under load): an older save from the same page must never overwrite a newer one.
import { describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { saveDraft } from "~/models/forum/draft.server";
import { createUser } from "../factories/users";

const stored = async (userId: number) =>
  (await db.selectFrom("drafts").select("body").where("user_id", "=", userId).executeTakeFirst())?.body;

describe("draft saves out of order", () => {
  test("the beacon's full text stays when the earlier autosave (title only) lands after it", async () => {
    const u = await createUser();
    const key = "new-topic";
    const title = "A draft about escalation paths";
    await saveDraft({ userId: u.id, key, draft: { body: "still unfinished text", title, page: "abc", seq: 2 } });
    const late = await saveDraft({ userId: u.id, key, draft: { body: "", title, page: "abc", seq: 1 } });
    expect(late.saved).toBe(false);
    expect(await stored(u.id)).toBe("still unfinished text");
  });

  test("a newer save from the page, or any save from another page or device, replaces it", async () => {
    const u = await createUser();
    const key = "new-topic";
    await saveDraft({ userId: u.id, key, draft: { body: "first", title: "T", page: "abc", seq: 1 } });
    await saveDraft({ userId: u.id, key, draft: { body: "second", title: "T", page: "abc", seq: 2 } });
    expect(await stored(u.id)).toBe("second");
    await saveDraft({ userId: u.id, key, draft: { body: "other device", title: "T", page: "xyz", seq: 1 } });
    expect(await stored(u.id)).toBe("other device");
    await saveDraft({ userId: u.id, key, draft: { body: "no page named", title: "T" } });
    expect(await stored(u.id)).toBe("no page named");
  });
});
