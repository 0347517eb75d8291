// The directory's Meilisearch index: one document per findable profile (a member whose profile is
// not hidden; hidden profiles are never indexed at all), each carrying its audience ("public" or
// "members"). Documents are written by the outbox job (indexProfiles) and rebuilt whole by
// reindexAllProfiles. Documents are made in profile-document.server.ts; searching them is directory.server.ts.
import { sql } from "kysely";
import type { Meilisearch } from "meilisearch";
import { z } from "zod";
import { db, type Db } from "../../db.server";
import { logger } from "../../logger.server";
import {
  ensureIndex,
  guarded,
  indexName,
  requireClient,
  prepareRebuild,
  swapInRebuilt,
  uploadDocuments,
  waitFor,
  waitForIndexTasks,
} from "../../search.server";
import { MAX_PAGE, PER_PAGE } from "./directory.schema";
import { SYNONYM_GROUPS_MAX, toMeiliSynonyms, type SynonymGroup } from "./directory-synonyms.schema";
import { PROFICIENCIES, type ProficiencyValue } from "./profile.schema";
import { enqueueMany, requeueSince } from "../../jobs.server";
import { findable, loadRows, toProfileDocument, type ProfileDocument } from "./profile-document.server";

export const PROFILES_INDEX = "profiles";
export const profilesIndexUid = () => indexName(PROFILES_INDEX);

/**
 * The attribute holding the competencies a member rates at `p` or above. One attribute per
 * proficiency: a minimum proficiency is one equality, and its facet counts only that proficiency's
 * values (a third of a single "slug:proficiency" attribute's, which Meilisearch counted whole).
 */
export const competencyAttribute = (p: ProficiencyValue) => `competency_${p}` as const;
/** The same for claims that evidence backs (competency-evidence.server.ts): the directory's "evidenced only". */
export const evidencedAttribute = (p: ProficiencyValue) => `evidenced_${p}` as const;

export const PROFILES_INDEX_SETTINGS = {
  // earlier attributes weigh more when two profiles match the same words: a name, then the role,
  // then where they work and which languages they speak, then what they wrote
  searchableAttributes: [
    ...[
      "name",
      "job_title",
      "place",
      "language_names",
      "competencies",
      "competencies_fr",
      "designations",
      "level_label",
    ],
    "organisation",
    ...["achievements", "bio", "username"],
  ],
  filterableAttributes: [
    "audience",
    "level",
    "country",
    ...PROFICIENCIES.map(competencyAttribute),
    ...PROFICIENCIES.map(evidencedAttribute),
    "designations",
    "languages",
    "open_to_opportunities",
    "is_mentor",
  ],
  sortableAttributes: ["level", "experience", "active_at"],
  // "sort" first: sorting by level or experience means exactly that (a no-op when no sort is asked);
  // equally good matches then show the more advanced, more active member first
  rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness", "level:desc", "active_at:desc"],
  // words recruiters type around what they look for ("experienced French speaker based in Lagos"):
  // a document must not be required to contain them
  stopWords: [
    ...["a", "an", "and", "or", "the", "of", "for", "from", "in", "at", "with", "who", "based", "located"],
    ...["speaker", "speakers"],
    ...["speaking", "speaks", "fluent", "bilingual", "experienced", "candidate", "candidates", "someone", "looking"],
    ...["et", "avec", "à", "basé", "basée", "parlant", "bilingue", "expérimenté", "expérimentée"],
  ],
  // typos are forgiven in names, titles, places and languages; in long free text (bios, achievements,
  // competency names) a forgiven typo matched unrelated words ("manager" found "manage", "Management")
  // and a word of five letters or fewer must be exact: one typo turned "Kenya" into the start of "Kinyarwanda"
  typoTolerance: {
    minWordSizeForTypos: { oneTypo: 6, twoTypos: 9 },
    disableOnAttributes: ["bio", "achievements", "competencies", "competencies_fr"],
  },
  faceting: { maxValuesPerFacet: 300 },
  // indexing time: word proximity per attribute (not per position) and no facet-search database
  // (the directory never searches inside facet values) make a full reindex about twice as fast
  proximityPrecision: "byAttribute" as const,
  facetSearch: false,
  pagination: { maxTotalHits: PER_PAGE * MAX_PAGE },
  displayedAttributes: ["*"],
};

/**
 * Synonyms until staff save their own list (/admin/synonyms): each line's terms find one another.
 * Place and language names need none in English and French (documents carry both, and a few
 * other names of countries: COUNTRY_ALIASES).
 */
export const DEFAULT_SYNONYMS: SynonymGroup[] = [
  ["call centre", "call center", "contact centre", "contact center", "centre d'appels", "centre de contact"],
  ["CX", "customer experience", "expérience client"],
  ["team lead", "team leader", "supervisor", "superviseur", "superviseure", "chef d'équipe"],
  ["customer service", "customer care", "service client", "service clientèle"],
  ["manager", "responsable"],
  ["francophone", "French", "français"],
  ["anglophone", "English", "anglais"],
  ["lusophone", "Portuguese", "portugais"],
  ["arabophone", "Arabic", "arabe"],
  ["Swahili", "Kiswahili"],
  ["QA", "quality assurance"],
  ["SLA", "service level agreement"],
  ["NPS", "net promoter score"],
];

export const SYNONYMS_KEY = "directory.synonyms";
const StoredSynonyms = z.array(z.array(z.string()).min(2)).max(SYNONYM_GROUPS_MAX);

/** The synonym groups in force: staff's saved list, or the defaults. */
export async function getSynonyms(conn: Db): Promise<SynonymGroup[]> {
  const row = await conn.selectFrom("settings").select("value").where("key", "=", SYNONYMS_KEY).executeTakeFirst();
  const parsed = row ? StoredSynonyms.safeParse(row.value) : undefined;
  return parsed?.success ? parsed.data : DEFAULT_SYNONYMS;
}

/** Sends the synonyms in force to the index and waits until Meilisearch applies them. */
export async function pushSynonyms(conn: Db, uid = profilesIndexUid()): Promise<void> {
  const client = requireClient();
  const synonyms = toMeiliSynonyms(await getSynonyms(conn));
  await ensureProfilesIndex(client, uid);
  await guarded(client, async () => {
    await waitFor(client, (await client.index(uid).updateSynonyms(synonyms)).taskUid, 120_000);
  });
}

/**
 * Creates the index and sends its settings with the synonyms in force, once per process and index
 * (the worker does it at start, a rebuild for its fresh index); safe to call on every write.
 */
export function ensureProfilesIndex(client: Meilisearch = requireClient(), uid = profilesIndexUid()): Promise<void> {
  return ensureIndex(client, uid, async () => ({
    ...PROFILES_INDEX_SETTINGS,
    synonyms: toMeiliSynonyms(await getSynonyms(db)),
  }));
}

export { forgetPreparedIndexes as forgetPreparedProfileIndexes } from "../../search.server";

/**
 * Brings the given members' documents in line with Postgres: upserts the findable ones and
 * deletes the rest (hidden, deleted, no longer members). Waits for Meilisearch, so a failure
 * throws and the job retries.
 */
export async function indexProfiles(trx: Db, userIds: number[]): Promise<{ indexed: number; removed: number }> {
  const client = requireClient();
  const ids = [...new Set(userIds)];
  if (!ids.length) return { indexed: 0, removed: 0 };
  const docs = (await loadRows(trx, { ids })).map(toProfileDocument);
  const keep = new Set(docs.map((d) => d.id));
  const gone = ids.filter((id) => !keep.has(id));
  const uid = profilesIndexUid();
  await ensureProfilesIndex(client, uid);
  return guarded(client, async () => {
    const index = client.index<ProfileDocument>(uid);
    const tasks: number[] = [];
    if (docs.length) tasks.push((await index.addDocuments(docs, { primaryKey: "id" })).taskUid);
    if (gone.length) tasks.push((await index.deleteDocuments(gone)).taskUid);
    await waitForIndexTasks(client, uid, tasks);
    return { indexed: docs.length, removed: gone.length };
  });
}

/**
 * Rebuilds the whole index into a fresh one and swaps it in atomically. Profiles changed during
 * the rebuild are queued again afterwards.
 *
 * The fresh index gets its settings while empty, then every document in streamed uploads of up to
 * 64 MB (one for 100,000 profiles), which Meilisearch indexes as one batch each: sent as one task
 * per 10,000, it indexed them in several batches and each re-merged the growing index (100,000
 * profiles: 6 batches, about 7 s of merging apiece).
 * The next batch's query runs while this one is written out.
 */
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export async function reindexAllProfiles({
  batch = 5_000,
  maxUploadBytes = MAX_UPLOAD_BYTES,
  log = (_: string) => {},
  uid = profilesIndexUid(),
}: { batch?: number; maxUploadBytes?: number; log?: (m: string) => void; uid?: string } = {}) {
  const client = requireClient();
  const started = new Date();
  const t0 = Date.now();
  const temp = await prepareRebuild(client, uid, ensureProfilesIndex, started);
  let count = 0;
  const load = (afterId: number) => {
    const rows = loadRows(db, { afterId, limit: batch });
    rows.catch(() => {}); // awaited below, unless the upload failed first
    return rows;
  };
  let rows = await load(0);
  // one upload up to maxUploadBytes (Meilisearch refuses a payload over 100 MB), the next one after it
  async function* ndjson() {
    let bytes = 0;
    while (rows.length && bytes < maxUploadBytes) {
      const next = load(rows[rows.length - 1].id);
      count += rows.length;
      let lines = "";
      for (const r of rows) lines += `${JSON.stringify(toProfileDocument(r))}\n`;
      bytes += Buffer.byteLength(lines);
      yield lines;
      log(`${count} profiles sent`);
      rows = await next;
    }
  }
  const tasks: number[] = [];
  while (rows.length) tasks.push(await guarded(client, () => uploadDocuments(temp, ndjson())));
  log(`${count} profiles sent in ${((Date.now() - t0) / 1000).toFixed(1)} s; indexing`);
  await swapInRebuilt(client, uid, temp, tasks);
  // every profile as it was when the rebuild started is in: the reindex jobs queued before (a backfill a
  // migration queued, say) have nothing left to do, and while pending they keep search on PostgreSQL
  await db
    .updateTable("outbox")
    .set({ done_at: new Date() })
    .where("kind", "=", "profile.reindex")
    .where("done_at", "is", null)
    .where("created_at", "<", started)
    .execute();
  completeness = undefined;
  await requeueSince(db, "profile.reindex", "userId", started);
  const seconds = (Date.now() - t0) / 1000;
  log(`done: ${count} profiles in ${seconds.toFixed(1)} s`);
  return { profiles: count, seconds };
}

/** Public profiles for the sitemap (never members-only or hidden ones). */
export async function listPublicProfiles({ limit = 50_000 }: { limit?: number } = {}) {
  const { rows } = await sql<{ username: string; updated_at: Date }>`
    select u.username, p.updated_at from users u join profiles p on p.user_id = u.id
    where p.visibility = 'public' and ${findable()}
    order by u.id limit ${limit}`.execute(db);
  return rows;
}

const REACH = { hidden: 0, members: 1, public: 2 } as const;
/** True when a profile becomes visible to fewer people (public > members > hidden; no row is members). */
export const narrowsVisibility = (before: keyof typeof REACH | null | undefined, after: keyof typeof REACH) =>
  REACH[after] < REACH[before ?? "members"];

/**
 * Applies a narrowed visibility to the index before the save answers (the queued job may wait
 * behind others for seconds). If Meilisearch is away, search answers from Postgres, which already
 * has the new visibility, and the job catches the index up later.
 */
export async function withdrawFromIndexNow(userId: number) {
  try {
    await indexProfiles(db, [userId]);
  } catch (e) {
    logger.warn(
      { userId, err: (e as Error).message },
      "directory: could not apply a visibility change at once; the job will",
    );
  }
}

/**
 * Backfill jobs are due "at the epoch": the worker takes jobs by run_at, so they run ahead of every
 * forum job already waiting (a first start queues thousands), and the pending index on run_at finds
 * them in a tiny range when the directory asks whether its index is complete.
 */
export const BACKFILL_RUN_AT = new Date(0);
const BACKFILL_UNTIL = new Date(24 * 3_600_000);

/** Queues every given member for indexing, a hundred per job (first start, documents changed shape). */
export async function queueProfileBackfill(conn: Db, userIds: number[], batch = 100) {
  completeness = undefined;
  const payloads = [];
  for (let i = 0; i < userIds.length; i += batch) payloads.push({ userIds: userIds.slice(i, i + batch) });
  await enqueueMany(conn, "profile.reindex", payloads, BACKFILL_RUN_AT);
}

/** False while a backfill is pending: the index then misses profiles, so search answers from Postgres. */
export async function isProfileIndexComplete(conn: Db): Promise<boolean> {
  const pending = await conn
    .selectFrom("outbox")
    .select("id")
    .where("done_at", "is", null)
    .where("run_at", "<", BACKFILL_UNTIL)
    .where("kind", "=", "profile.reindex")
    .where("attempts", "<", 10)
    .limit(1)
    .executeTakeFirst();
  return !pending;
}

// The search path must not pay a query per search to learn this: once the index is known complete
// the answer is kept, refreshed in the background every few seconds (a backfill queued by another
// process, such as a migration at start, is noticed that late at most); this process forgets it at
// once when it queues a backfill. While incomplete, every search asks again (it answers from
// PostgreSQL meanwhile).
const COMPLETENESS_REFRESH_MS = 5_000;
let completeness: { complete: boolean; at: number } | undefined;
let refreshing: Promise<boolean> | undefined;

function refreshCompleteness(): Promise<boolean> {
  refreshing ??= isProfileIndexComplete(db)
    .then((complete) => {
      completeness = { complete, at: Date.now() };
      return complete;
    })
    .finally(() => (refreshing = undefined));
  return refreshing;
}

/** isProfileIndexComplete for the search path: no query while the index is known complete. */
export async function profileIndexReady(): Promise<boolean> {
  if (completeness?.complete) {
    if (Date.now() - completeness.at > COMPLETENESS_REFRESH_MS)
      refreshCompleteness().catch((err) => logger.warn({ err }, "directory: could not check for a pending backfill"));
    return true;
  }
  return refreshCompleteness();
}
