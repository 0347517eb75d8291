// A visibility downgrade is in force when the save returns: a member who hides their profile (or
// keeps it to members) is not found by a visitor a moment later, whatever the outbox worker is doing.
// No app (and so no worker) runs here: only the save path can have updated the index.
import { afterAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import { parseDirectoryQuery } from "~/models/directory/directory.schema";
import { searchDirectory } from "~/models/directory/directory.server";
import { updateProfile } from "~/models/directory/profile.server";
import type { ProfileInput } from "~/models/directory/profile.schema";
import { VISITOR, type Scope } from "~/models/permissions.server";
import { resetMeili } from "~/search.server";
import { createProfile, profileInput } from "../factories/profiles";
import { scopeFor } from "../factories/topics";
import { createUser } from "../factories/users";

afterAll(() => resetMeili());

const found = async (scope: Scope, q: string) =>
  (await searchDirectory({ scope, query: parseDirectoryQuery(new URLSearchParams({ q })) })).cards.map(
    (c) => c.username,
  );

const input = (visibility: ProfileInput["visibility"]) =>
  profileInput({ jobTitle: "Contact Centre Supervisor", country: "NG", city: "Lagos", visibility });

describe("a visibility downgrade", () => {
  test("hidden, then members-only: a visitor no longer finds the card the moment the save returns", async () => {
    const owner = await createProfile({
      username: "vis_folake",
      displayName: "Folake Quickhide",
      jobTitle: "Contact Centre Supervisor",
      country: "NG",
    });
    const member = await scopeFor(await createUser({ username: "vis_member" }));
    await drainJobs();
    expect(await found(VISITOR, "Quickhide")).toEqual([owner.username]);

    expect((await updateProfile({ userId: owner.id, input: input("hidden") })).ok).toBe(true);
    expect(await found(VISITOR, "Quickhide")).toEqual([]);
    expect(await found(member, "Quickhide")).toEqual([]);

    // the queued job still runs and agrees
    await drainJobs();
    expect(await found(VISITOR, "Quickhide")).toEqual([]);

    // an upgrade goes through the job as before
    expect((await updateProfile({ userId: owner.id, input: input("public") })).ok).toBe(true);
    await drainJobs();
    expect(await found(VISITOR, "Quickhide")).toEqual([owner.username]);

    expect((await updateProfile({ userId: owner.id, input: input("members") })).ok).toBe(true);
    expect(await found(VISITOR, "Quickhide")).toEqual([]);
    expect(await found(member, "Quickhide")).toEqual([owner.username]);
    await drainJobs();
    expect(await found(VISITOR, "Quickhide")).toEqual([]);
    expect(
      await db
        .selectFrom("outbox")
        .select("id")
        .where("kind", "=", "profile.reindex")
        .where("done_at", "is", null)
        .execute(),
    ).toEqual([]);
  }, 60_000);
});
