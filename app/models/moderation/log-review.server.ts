// Staff decisions on entries members log (activities, books): approve, or reject with a reason
// the member sees. Audited, and the member is notified of a rejection.
import { db } from "../../db.server";
import { message } from "../account/notification-text";
import { recordAudit } from "./audit.server";
import { notify } from "../account/notification.server";
import { fail, ok, type Result } from "../shared/result";

export type LogEntryKind = "activity" | "reading";
const TABLE = { activity: "activities", reading: "reading_log" } as const;

export async function listPendingLogEntries() {
  const [activities, reading] = await Promise.all([
    db
      .selectFrom("activities as a")
      .innerJoin("users as u", "u.id", "a.user_id")
      .select([
        "a.id",
        "a.title",
        "a.kind",
        "a.occurred_on as on",
        "a.evidence_url",
        "a.organiser",
        "a.created_at",
        "u.username",
        "u.display_name",
      ])
      .where("a.status", "=", "pending")
      .orderBy("a.created_at")
      .limit(100)
      .execute(),
    db
      .selectFrom("reading_log as r")
      .innerJoin("users as u", "u.id", "r.user_id")
      .select(["r.id", "r.title", "r.author", "r.finished_on as on", "r.created_at", "u.username", "u.display_name"])
      .where("r.status", "=", "pending")
      .orderBy("r.created_at")
      .limit(100)
      .execute(),
  ]);
  return { activities, reading };
}

export async function decideLogEntry({
  adminId,
  entry,
  id,
  decision,
  reason,
}: {
  adminId: number;
  entry: LogEntryKind;
  id: number;
  decision: "approve" | "reject";
  reason: string;
}): Promise<Result<object>> {
  if (decision === "reject" && reason.trim().length < 3)
    return fail(400, "form.fixErrors", { reason: "admin.logs.errors.reasonRequired" });
  const table = TABLE[entry];
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom(table)
      .select(["id", "user_id", "status", "title"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return fail(404, "errors.notFound");
    const status = decision === "approve" ? "approved" : "rejected";
    await trx
      .updateTable(table)
      .set({ status, decided_by: adminId, decided_at: new Date(), decision_reason: reason.trim() || null })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      actorId: adminId,
      action: `${entry}.${decision}`,
      targetType: entry,
      targetId: id,
      before: { status: before.status },
      after: { status, reason: reason.trim() || null },
    });
    if (decision === "reject") {
      await notify(trx, {
        userId: before.user_id,
        kind: "progress",
        actorId: adminId,
        sourceKey: `${entry}:${id}:rejected`,
        data: {
          text: message("progress.notify.entryRejected", { title: before.title, reason: reason.trim() }),
          url: entry === "activity" ? "/my/activities" : "/my/reading",
        },
      });
    }
    return ok({});
  });
}
