// Assessments on a member's deletion: their readiness marks and test attempts go (the audit rows
// about the attempts keep what happened, not their content). Exported by the catch-all area.
import { deleteOwnRowsLeniently, type DeletionArea } from "../shared/account-data";

const OWN_TABLES = ["assessment_readiness", "assessment_attempts"];

export const assessmentsDeletion: DeletionArea = {
  name: "assessments",
  tables: OWN_TABLES,
  keeps: { question_banks: "created_by is staff", bank_questions: "created_by is staff" },
  async prepare(trx, userId) {
    const attempts = await trx.selectFrom("assessment_attempts").select("id").where("user_id", "=", userId).execute();
    return { auditTargets: [["assessment_attempt", attempts.map((r) => r.id)]] };
  },
  async erase({ trx, userId }) {
    await deleteOwnRowsLeniently(trx, userId, OWN_TABLES);
  },
};
