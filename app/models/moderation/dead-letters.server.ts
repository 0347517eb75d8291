// Jobs that failed every attempt (or could not run at all), kept for staff: what they were, the last
// error, and two ways out: run again from the start, or discard. Both are audited.
import { sql } from "kysely";
import { db, type Db } from "../../db.server";
import { recordAudit } from "./audit.server";

export const DEAD_LETTERS_PAGE = 50;
// kinds whose payload carries an address or other personal data: staff see the kind and the error only
const PRIVATE_PAYLOADS = /^account\./;

export type DeadLetter = {
  id: number;
  kind: string;
  attempts: number;
  lastError: string | null;
  payload: string | null;
  createdAt: Date;
  deadAt: Date;
};

export async function countDeadLetters(): Promise<number> {
  const row = await db
    .selectFrom("outbox")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("dead_at", "is not", null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Newest first, a page at a time (keyset on id). */
export async function listDeadLetters({ before }: { before?: number } = {}): Promise<{
  rows: DeadLetter[];
  next?: number;
}> {
  let q = db
    .selectFrom("outbox")
    .select(["id", "kind", "attempts", "last_error", "payload", "created_at", "dead_at"])
    .where("dead_at", "is not", null)
    .orderBy("id", "desc")
    .limit(DEAD_LETTERS_PAGE + 1);
  if (before) q = q.where("id", "<", before);
  const found = await q.execute();
  const rows = found.slice(0, DEAD_LETTERS_PAGE).map((r) => ({
    id: r.id,
    kind: r.kind,
    attempts: r.attempts,
    lastError: r.last_error,
    payload: PRIVATE_PAYLOADS.test(r.kind) ? null : JSON.stringify(r.payload),
    createdAt: r.created_at,
    deadAt: r.dead_at!,
  }));
  return { rows, next: found.length > DEAD_LETTERS_PAGE ? rows.at(-1)!.id : undefined };
}

type Letter = { kind: string; last_error: string | null } | undefined;

/** Staff's step on one dead letter, audited; false when it is no longer a dead letter. */
async function settle(
  { id, actorId }: { id: number; actorId: number },
  action: "job.retry" | "job.discard",
  change: (trx: Db) => Promise<Letter>,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await change(trx);
    if (!row) return false;
    await recordAudit(trx, {
      actorId,
      action,
      targetType: "outbox",
      targetId: id,
      before: { kind: row.kind, lastError: row.last_error },
    });
    return true;
  });
}

/** Runs the job again as if new (its attempts start over). False when it is no longer a dead letter. */
export const retryDeadLetter = (a: { id: number; actorId: number }) =>
  settle(a, "job.retry", async (trx) => {
    const row = await trx
      .updateTable("outbox")
      .set({ dead_at: null, attempts: 0, run_at: sql<Date>`now()` })
      .where("id", "=", a.id)
      .where("dead_at", "is not", null)
      .returning(["kind", "last_error"])
      .executeTakeFirst();
    // wakes every worker (the outbox trigger fires on insert only)
    if (row) await sql`select pg_notify('outbox', '')`.execute(trx);
    return row;
  });

export const discardDeadLetter = (a: { id: number; actorId: number }) =>
  settle(a, "job.discard", (trx) =>
    trx
      .deleteFrom("outbox")
      .where("id", "=", a.id)
      .where("dead_at", "is not", null)
      .returning(["kind", "last_error"])
      .executeTakeFirst(),
  );
