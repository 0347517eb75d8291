// What each domain adds to a member's data export and to the erasure of their account. A domain's
// file (app/models/<domain>/account-data.server.ts) defines one export area and one deletion area
// with these types; the registry in app/models/account/account-data-registry.server.ts lists them.
import { sql } from "kysely";
import type { Db } from "../../db.server";
import { logger } from "../../logger.server";
import type { Scope } from "../permissions.server";

// ---- the export -------------------------------------------------------------------------------------

export type ExportContext = { trx: Db; userId: number; scope: Scope; origin: string };
export type ExportFile = { path: string; data: string | Uint8Array };
/** `tables` names what the area exports, so the catch-all area does not export those tables twice. */
export type ExportArea = { name: string; tables: string[]; collect: (ctx: ExportContext) => Promise<ExportFile[]> };

export const json = (path: string, value: unknown): ExportFile => ({
  path,
  data: JSON.stringify(value, null, 2) + "\n",
});

/** One area made of a domain's parts, their files in the order of the parts. */
export function exportArea(name: string, parts: ExportArea[]): ExportArea {
  return {
    name,
    tables: parts.flatMap((p) => p.tables),
    async collect(ctx) {
      const files: ExportFile[] = [];
      for (const part of parts) files.push(...(await part.collect(ctx)));
      return files;
    },
  };
}

// ---- the deletion -----------------------------------------------------------------------------------

export type Identity = { display_name: string; username: string; email: string };

export type DeletionSummary = {
  postsKept: number;
  postsRemoved: number;
  topicsRemoved: number;
  likesRemoved: number;
  badgesRevoked: number;
};

/** Audit rows about the member's own records, by target type: their payloads are blanked. */
export type AuditTargets = [targetType: string, ids: number[]][];

export type DeletionContext = {
  trx: Db;
  userId: number;
  removePosts: boolean;
  identity: Identity;
  now: Date;
  /** A case-insensitive regular expression matching their email, username or name as a whole word. */
  names: string;
  /** What every area's `prepare` found (read before anything is erased). */
  auditTargets: AuditTargets;
};

/** Read before any area erases anything: what later steps need once the rows are gone. */
export type Prepared = { auditTargets?: AuditTargets; afterCommit?: () => Promise<void> };

/** What an area's erasure hands back: counts for the summary, jobs to queue once every area has run. */
export type Erased = { counts?: Partial<DeletionSummary>; queue?: (trx: Db) => Promise<void> };

export type DeletionArea = {
  name: string;
  /** The tables holding member rows that the area erases or blanks. */
  tables: string[];
  /** Tables whose member column the area leaves on purpose, and why (staff records, tombstones). */
  keeps?: Record<string, string>;
  prepare?: (trx: Db, userId: number) => Promise<Prepared>;
  erase: (ctx: DeletionContext) => Promise<Erased | void>;
};

/** Deletes the member's rows from each table, in order, by its `user_id`. */
export async function deleteOwnRows(trx: Db, userId: number, tables: readonly string[]) {
  for (const table of tables) await sql`delete from ${sql.table(table)} where user_id = ${userId}`.execute(trx);
}

/**
 * Rows of newer features that are the member's alone. Each table is skipped when absent, and
 * erased under a savepoint: a feature's constraint the deletion did not foresee is logged and
 * leaves that table alone rather than refusing the whole deletion.
 */
export async function deleteOwnRowsLeniently(trx: Db, userId: number, tables: readonly string[]) {
  for (const table of tables) {
    const exists = await sql<{ t: string | null }>`select to_regclass(${table})::text as t`.execute(trx);
    if (!exists.rows[0]?.t) continue;
    await sql`savepoint erase_other`.execute(trx);
    try {
      await sql`delete from ${sql.table(table)} where user_id = ${userId}`.execute(trx);
      await sql`release savepoint erase_other`.execute(trx);
    } catch (e) {
      await sql`rollback to savepoint erase_other`.execute(trx);
      logger.warn({ table, err: (e as Error).message }, "account deletion: rows left in place");
    }
  }
}

/** A case-insensitive regular expression (PostgreSQL) matching any of the strings as a whole word. */
export function wordsPattern(words: string[]): string {
  const escaped = words.filter((w) => w.trim().length > 0).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (!escaped.length) return "$^"; // matches nothing
  return `(^|[^[:alnum:]_])(${escaped.join("|")})($|[^[:alnum:]_])`;
}
