// The one path an application takes, whatever it is for (the next level, a designation): filed once
// (one pending per member), then decided by staff. Refusing and approving close it with its audit
// row and the applicant's notification in the decision's transaction; what a target checks before
// approval and what approval grants are the target's own (level.server, designation.server).
import { db, type Db } from "../../db.server";
import { sharedI18n } from "../../i18n";
import { applicationEvidence, type ApplicationInput } from "./application.schema";
import { recordAudit } from "../moderation/audit.server";
import { notify } from "../account/notification.server";
import { bothLanguages, message, type NotificationMessage } from "../account/notification-text";
import { requirementLabel, type LabelSource } from "./requirement-label";
import { isUniqueViolation } from "../shared/db-errors.server";
import { fail, ok, type Fail, type Result } from "../shared/result";

/** Files an application with its evidence; `pendingError`: the refusal when one already waits (the race too). */
export async function fileApplication({
  userId,
  input,
  target,
  audit,
  pendingError,
}: {
  userId: number;
  input: ApplicationInput;
  target: { level: number | null; designation?: string; route?: ApplicationInput["route"]; routeId: number | null };
  audit: object;
  pendingError: string;
}): Promise<Result<{ applicationId: number }>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("applications")
        .values({
          user_id: userId,
          level: target.level,
          designation: target.designation ?? null,
          route: target.route ?? null,
          route_id: target.routeId,
          ...applicationEvidence(input),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorId: userId,
        action: "application.submit",
        targetType: "application",
        targetId: row.id,
        after: audit,
      });
      return ok({ applicationId: row.id });
    });
  } catch (e) {
    // two submissions racing: the partial unique index keeps one
    if (isUniqueViolation(e, "applications_pending_user_idx")) return fail(409, pendingError);
    throw e;
  }
}

/** Requirements still missing, worded by the page in its reader's language (requirementLabel). */
export type DecideFail = Fail & { unmet?: LabelSource[] };

export const labelSource = ({ kind, label, label_fr, params, subject, subject_fr }: LabelSource): LabelSource => ({
  ...{ kind, label, label_fr, params, subject, subject_fr },
});

/** A sentence that is no requirement, in both languages, shown in the list of what is missing. */
export const noteLabel = (key: string): LabelSource => ({
  kind: "note",
  label: sharedI18n("en").t(key),
  label_fr: sharedI18n("fr").t(key),
  params: {},
});

const englishLabel = (r: LabelSource) => requirementLabel(sharedI18n("en").t, r, "en");

export type PendingApplication = { id: number; user_id: number };

/** What an application is for, as deciding it needs it. */
export type DecisionTarget = {
  /** the level's or designation's name (both languages) */
  name: { name: string; name_fr: string | null };
  /** the applicant's page about it */
  url: string;
  approvedText: NotificationMessage;
  /** what is still missing for approval, or a refusal of the approval itself */
  unmet: () => Promise<LabelSource[] | Fail>;
  /** grants it; `before` and `after` go in the audit row, `badgeId` in the result */
  grant: () => Promise<{ before?: object; after: object; badgeId?: string }>;
};

/**
 * Refuses (a reason is required) or approves a waiting application, in `trx` with the application and
 * the member locked. Approval with requirements missing is refused with their list unless the admin confirms.
 */
export async function decide(
  trx: Db,
  {
    adminId,
    app,
    decision,
    reason,
    confirmUnmet,
    now,
  }: {
    adminId: number;
    app: PendingApplication;
    decision: "approve" | "reject";
    reason: string;
    confirmUnmet: boolean;
    now: Date;
  },
  target: DecisionTarget,
): Promise<Result<{ status: "approved" | "rejected"; badgeId?: string }> | DecideFail> {
  const note = reason.trim();
  const close = async (status: "approved" | "rejected", audit: { before: object; after: object }) => {
    await trx
      .updateTable("applications")
      .set({
        status,
        decided_by: adminId,
        decided_at: now,
        decision_reason: note || null,
        ...(status === "approved" ? { experience_verified: true } : {}),
      })
      .where("id", "=", app.id)
      .execute();
    await recordAudit(trx, {
      actorId: adminId,
      action: status === "approved" ? "application.approve" : "application.reject",
      targetType: "application",
      targetId: app.id,
      ...audit,
    });
  };
  const tell = (text: NotificationMessage, extra: object = {}) =>
    notify(trx, {
      userId: app.user_id,
      kind: "application",
      actorId: adminId,
      sourceKey: `application:${app.id}:decided`,
      data: { text, url: target.url, ...extra },
    });

  if (decision === "reject") {
    await close("rejected", { before: { status: "pending" }, after: { status: "rejected", reason: note } });
    await tell(message("progress.notify.rejected", { level: bothLanguages(target.name, "name"), reason: note }));
    return ok({ status: "rejected" as const });
  }
  const unmet = await target.unmet();
  if (!Array.isArray(unmet)) return unmet;
  if (unmet.length && !confirmUnmet) return { ...fail(409, "admin.applications.warnUnmet"), unmet };
  const granted = await target.grant();
  await close("approved", {
    before: { status: "pending", ...granted.before },
    after: {
      ...{ status: "approved", ...granted.after },
      ...(unmet.length ? { confirmedUnmet: unmet.map(englishLabel) } : {}),
      ...(note ? { reason: note } : {}),
    },
  });
  // the admin form promises the applicant the note: kept apart from the sentence, shown under it and mailed
  await tell(target.approvedText, note ? { note } : {});
  return ok({ status: "approved" as const, ...(granted.badgeId ? { badgeId: granted.badgeId } : {}) });
}
