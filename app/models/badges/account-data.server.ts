// Badges in a member's data: every badge awarded, with its verification link, in the export; on
// deletion each is revoked, so that a verifier sees it, and the rows stay for that.
import type { DeletionArea, ExportArea } from "../shared/account-data";
import { json } from "../shared/account-data";

export const badgesExport: ExportArea = {
  name: "badges",
  tables: ["badge_awards"],
  async collect({ trx, userId, origin }) {
    const rows = await trx
      .selectFrom("badge_awards")
      .select(["public_id", "kind", "level", "awarded_at", "revoked_at", "revoke_reason"])
      .where("user_id", "=", userId)
      .orderBy("id")
      .execute();
    return [
      json(
        "badges.json",
        rows.map((b) => ({ ...b, verify_url: `${origin}/badges/${b.public_id}` })),
      ),
    ];
  },
};

export const badgesDeletion: DeletionArea = {
  name: "badges",
  tables: ["badge_awards"],
  async erase({ trx, userId, now }) {
    const revoked = await trx
      .updateTable("badge_awards")
      .set({ revoked_at: now, revoked_by: userId, revoke_reason: null })
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .returning("id")
      .execute();
    return { counts: { badgesRevoked: revoked.length } };
  },
};
