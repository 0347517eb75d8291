// Moderation on a member's deletion: their notes on the flags they raised are blanked, and the audit
// log keeps what happened and when, never their words or name (the privacy page's promise). Runs
// after the other domains' areas, which may write audit rows as they erase.
import { sql } from "kysely";
import type { DeletionArea } from "../shared/account-data";

/**
 * What staff change in the programme's set-up: a departing staff member's changes keep their
 * before/after (staff accountability), unless the payload names the member.
 */
const STAFF_RECORDS = [
  ...["category", "settings", "level_requirement", "event", "award_round", "award_category"],
  ...["assessment", "question_bank", "bank_question", "recommended_book", "learning_group"],
];

export const moderationDeletion: DeletionArea = {
  name: "moderation",
  tables: ["flags", "audit_log"],
  async erase({ trx, userId, names, auditTargets }) {
    // their notes on flags they raised; then the audit payloads
    await trx.updateTable("flags").set({ note: null }).where("user_id", "=", userId).execute();
    await trx
      .updateTable("audit_log")
      .set({ before: null, after: null })
      .where((eb) =>
        eb.or([
          eb.and([eb("actor_id", "=", userId), eb("target_type", "not in", STAFF_RECORDS)]),
          eb.and([eb("target_type", "=", "user"), eb("target_id", "=", String(userId))]),
          ...auditTargets
            .filter(([, ids]) => ids.length)
            .map(([type, ids]) => eb.and([eb("target_type", "=", type), eb("target_id", "in", ids.map(String))])),
          sql<boolean>`coalesce(before::text, '') || ' ' || coalesce(after::text, '') ~* ${names}`,
        ]),
      )
      .where((eb) => eb.or([eb("before", "is not", null), eb("after", "is not", null)]))
      .execute();
  },
};
