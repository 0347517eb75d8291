// Learning groups on a member's deletion: their memberships go. Exported by the catch-all area.
import { deleteOwnRowsLeniently, type DeletionArea } from "../shared/account-data";

export const groupsDeletion: DeletionArea = {
  name: "groups",
  tables: ["learning_group_members"],
  keeps: {
    learning_groups: "tutor_id and created_by are staff",
    tutor_questions: "a question is a forum post, kept under the tombstone like their posts; answered_by is the tutor",
  },
  async erase({ trx, userId }) {
    await deleteOwnRowsLeniently(trx, userId, ["learning_group_members"]);
  },
};
