// Staff keep the directory's synonym list (/admin/synonyms). It is saved in PostgreSQL with an audit
// row and an outbox job in one transaction, then sent to Meilisearch at once; the job sends it
// again after commit, so a Meilisearch that was away gets it when it is back.
import { db } from "../../db.server";
import { enqueue } from "../../jobs.server";
import { logger } from "../../logger.server";
import type { Scope } from "../permissions.server";
import { recordAudit } from "../moderation/audit.server";
import { parseDirectoryQuery } from "./directory.schema";
import { searchDirectory } from "./directory.server";
import { getSynonyms, pushSynonyms, SYNONYMS_KEY } from "./directory-index.server";
import { type SynonymGroup } from "./directory-synonyms.schema";

/** The list in force, and whether staff saved one (otherwise it is the defaults). */
export async function getSynonymList(): Promise<{ groups: SynonymGroup[]; saved: boolean }> {
  const [groups, row] = await Promise.all([
    getSynonyms(db),
    db.selectFrom("settings").select("key").where("key", "=", SYNONYMS_KEY).executeTakeFirst(),
  ]);
  return { groups, saved: !!row };
}

/** Saves a validated list (SynonymTextSchema). `applied`: Meilisearch uses it already. */
export async function saveSynonyms({ actorId, groups }: { actorId: number; groups: SynonymGroup[] }) {
  const value = JSON.stringify(groups);
  await db.transaction().execute(async (trx) => {
    const before = await getSynonyms(trx);
    await trx
      .insertInto("settings")
      .values({ key: SYNONYMS_KEY, value })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: new Date() }))
      .execute();
    // readable in the audit log: one line per group, as staff typed them
    const lines = (g: SynonymGroup[]) => g.map((terms) => terms.join(", "));
    await recordAudit(trx, {
      actorId,
      action: "directory.synonyms",
      targetType: "settings",
      targetId: SYNONYMS_KEY,
      before: lines(before),
      after: lines(groups),
    });
    await enqueue(trx, "directory.synonyms", {});
  });
  try {
    await pushSynonyms(db);
    return { applied: true };
  } catch (err) {
    logger.warn({ err }, "directory: synonyms saved, not yet sent to Meilisearch; the outbox job will");
    return { applied: false };
  }
}

const fold = (s: string) =>
  ` ${s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;

/**
 * What a search finds with the list in force, as the viewer would find it in the directory
 * (hidden profiles are never indexed; members-only ones follow the viewer's scope), and which
 * groups its words bring in.
 */
export async function previewSynonyms({ scope, q }: { scope: Scope; q: string }) {
  const query = parseDirectoryQuery(new URLSearchParams({ q }));
  const [outcome, groups] = await Promise.all([searchDirectory({ scope, query }), getSynonyms(db)]);
  const words = fold(query.q);
  const applied = groups.filter((g) => g.some((term) => words.includes(fold(term))));
  return {
    q: query.q,
    mode: outcome.mode,
    total: outcome.total,
    close: outcome.close?.total ?? 0,
    first: outcome.cards
      .slice(0, 5)
      .map((c) => ({ username: c.username, name: c.name, jobTitle: c.jobTitle, city: c.city })),
    applied,
  };
}
