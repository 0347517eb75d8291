// A full rebuild of the directory's index (npm run directory:reindex, restore, the benchmark): every
// findable profile and only those, each as the write path indexes it, the settings in force, and the
// fresh copy swapped in without leaving a half-built index behind.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db.server";
import { drainJobs } from "~/jobs.server";
import "~/jobs/index.server";
import {
  isProfileIndexComplete,
  profilesIndexUid,
  queueProfileBackfill,
  reindexAllProfiles,
} from "~/models/directory/directory-index.server";
import { loadRows, toProfileDocument, type ProfileDocument } from "~/models/directory/profile-document.server";
import { requireClient } from "~/search.server";
import { createProfile } from "../factories/profiles";

const names = ["ri_ada", "ri_bola", "ri_chidi", "ri_dayo", "ri_efe"];
let ids: Record<string, number> = {};

beforeAll(async () => {
  const made = await Promise.all([
    createProfile({
      username: "ri_ada",
      displayName: 'Ada "Quotes"\nNewline',
      level: 3,
      country: "NG",
      competencies: { "sla-management": "advanced" },
    }),
    createProfile({
      username: "ri_bola",
      displayName: "Bola Ade",
      level: 2,
      country: "KE",
      city: "Nairobi",
      languages: ["en", "sw"],
    }),
    createProfile({ username: "ri_chidi", displayName: "Chidi Obi", level: 1, visibility: "members" }),
    createProfile({ username: "ri_dayo", displayName: "Dayo Hidden", level: 2, visibility: "hidden" }),
    createProfile({
      username: "ri_efe",
      displayName: "Efe Bello",
      level: 4,
      bio: "Café & **crème**: line one\n\nline two",
    }),
  ]);
  ids = Object.fromEntries(names.map((n, i) => [n, made[i].id]));
  await drainJobs();
});

async function allDocuments(): Promise<ProfileDocument[]> {
  const res = await requireClient().index<ProfileDocument>(profilesIndexUid()).getDocuments({ limit: 1000 });
  return res.results.sort((a, b) => a.id - b.id);
}

describe("rebuilding the directory's index", () => {
  test("holds every findable profile once, as the write path indexes it, hidden ones left out", async () => {
    // two profiles per query: the upload is written in several pieces
    const result = await reindexAllProfiles({ batch: 2 });
    expect(result.profiles).toBe(4);
    const docs = await allDocuments();
    expect(docs.map((d) => d.username).sort()).toEqual(["ri_ada", "ri_bola", "ri_chidi", "ri_efe"]);
    const expected = (await loadRows(db, { ids: Object.values(ids) }))
      .map(toProfileDocument)
      .sort((a, b) => a.id - b.id);
    expect(docs).toEqual(expected);
    expect(docs.find((d) => d.username === "ri_ada")?.name).toBe('Ada "Quotes"\nNewline');
    expect(docs.find((d) => d.username === "ri_chidi")?.audience).toBe("members");
  });

  test("past the upload size limit the documents go in several uploads, none lost", async () => {
    // Meilisearch refuses a payload over 100 MB: 100,000 profiles with French names crossed it in one upload
    const result = await reindexAllProfiles({ batch: 1, maxUploadBytes: 1 });
    expect(result.profiles).toBe(4);
    expect((await allDocuments()).map((d) => d.username).sort()).toEqual(["ri_ada", "ri_bola", "ri_chidi", "ri_efe"]);
  });

  test("a rebuild settles a backfill queued before it; search leaves PostgreSQL without awaiting it", async () => {
    await queueProfileBackfill(db, Object.values(ids));
    expect(await isProfileIndexComplete(db)).toBe(false);
    await reindexAllProfiles({ batch: 2 });
    expect(await isProfileIndexComplete(db)).toBe(true);
  });

  test("the rebuilt index keeps its settings, and no rebuild copy is left behind", async () => {
    const client = requireClient();
    const settings = await client.index(profilesIndexUid()).getSettings();
    expect(settings.filterableAttributes).toContain("audience");
    expect(Object.keys(settings.synonyms ?? {})).toContain("call centre");
    const { results } = await client.getIndexes({ limit: 1000 });
    expect(results.map((i) => i.uid).filter((u) => u.startsWith(`${profilesIndexUid()}_rebuild_`))).toEqual([]);
    // search answers from the swapped-in index
    const hits = await client.index(profilesIndexUid()).search("Nairobi", { filter: ['audience = "public"'] });
    expect(hits.hits.map((h) => (h as unknown as ProfileDocument).username)).toEqual(["ri_bola"]);
  });

  test("an empty directory rebuilds to an empty index", async () => {
    await db.updateTable("profiles").set({ visibility: "hidden" }).execute();
    const result = await reindexAllProfiles({ batch: 2 });
    expect(result.profiles).toBe(0);
    expect(await allDocuments()).toEqual([]);
  });
});
