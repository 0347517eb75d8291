// Awards on a member's deletion: their nominations and evidence files go, and as a judge their
// comments are blanked (the scores stay, for the results). Their nominations are exported with the
// journey's records (progress/award-nominations.json).
import { deleteOwnRows, deleteOwnRowsLeniently, type DeletionArea } from "../shared/account-data";
import { deleteEvidence } from "./award-file.server";

export const awardsDeletion: DeletionArea = {
  name: "awards",
  tables: ["award_nominations", "award_nomination_files", "award_reviews", "award_scores", "award_judges"],
  keeps: { award_rounds: "created_by is staff", award_winners: "published_by is staff" },
  async prepare(trx, userId) {
    const evidence = await trx
      .selectFrom("award_nomination_files as f")
      .innerJoin("award_nominations as n", "n.id", "f.nomination_id")
      .select("f.storage_key")
      .where("n.user_id", "=", userId)
      .execute();
    return { afterCommit: () => deleteEvidence(evidence.map((f) => f.storage_key)) };
  },
  async erase({ trx, userId }) {
    await deleteOwnRows(trx, userId, ["award_nominations"]);
    const reviews = await trx
      .updateTable("award_reviews")
      .set({ comment: "" })
      .where("judge_id", "=", userId)
      .returning("id")
      .execute();
    if (reviews.length) {
      const ids = reviews.map((r) => r.id);
      await trx.updateTable("award_scores").set({ comment: "" }).where("review_id", "in", ids).execute();
    }
    await deleteOwnRowsLeniently(trx, userId, ["award_judges"]);
  },
};
