import { sql } from "kysely";
import { db } from "../../app/db.server";
import { hashPassword } from "../../app/auth.server";
import type { Role } from "../../db/schema";

export const DEMO_PASSWORD = "touchpoints-demo-2026";

// The member account is enrolled at level 1, so /progress shows its requirements at first sign-in.
export const demoAccounts: { email: string; username: string; displayName: string; roles: Role[]; level?: number }[] = [
  { email: "admin@touchpoints.test", username: "amara_admin", displayName: "Amara Okafor", roles: ["member", "admin"] },
  {
    email: "member@touchpoints.test",
    username: "kofi_mensah",
    displayName: "Kofi Mensah",
    roles: ["member"],
    level: 1,
  },
];

/** Creates the demo accounts that do not exist yet (one hash for all: it is the same password). */
export async function seedDemoAccounts(log: (m: string) => void) {
  const hash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  for (const a of demoAccounts) {
    await db.transaction().execute(async (trx) => {
      const user = await trx
        .insertInto("users")
        .values({
          email: a.email,
          username: a.username,
          display_name: a.displayName,
          password_hash: hash,
          level: a.level ?? null,
        })
        .onConflict((oc) => oc.doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!user) return;
      created++;
      await trx
        .insertInto("user_roles")
        .values(a.roles.map((role) => ({ user_id: user.id, role })))
        .execute();
    });
  }
  log(`demo accounts: ${created} created, ${demoAccounts.length - created} already there`);
}

/**
 * "Member since" tells the truth: a demo member joined before the first thing they wrote and the
 * first level they entered (the seed dates content and levels back; accounts would say "today").
 */
export async function alignDemoMemberSince(log: (m: string) => void) {
  const { numUpdatedRows } = await db
    .updateTable("users")
    .set({
      created_at: sql<Date>`least(
        (select min(created_at) from posts where posts.user_id = users.id),
        (select min(entered_at) from level_history where level_history.user_id = users.id)) - interval '7 days'`,
    })
    .where("email", "like", "%@touchpoints.test")
    .where(
      sql<boolean>`users.created_at > least(
        (select min(created_at) from posts where posts.user_id = users.id),
        (select min(entered_at) from level_history where level_history.user_id = users.id)) - interval '7 days'`,
    )
    .executeTakeFirst();
  log(`demo member-since dates: ${numUpdatedRows} moved before their first post or level`);
}
