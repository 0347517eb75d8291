import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  targetType: string;
  targetId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

/** Written inside the caller's transaction, so the change and its audit row commit together. */
export async function recordAudit(trx: Kysely<Database>, e: AuditEntry): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      actor_id: e.actorId,
      action: e.action,
      target_type: e.targetType,
      target_id: e.targetId == null ? null : String(e.targetId),
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
    })
    .execute();
}
